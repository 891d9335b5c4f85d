// FrameGrabber: newest frame only (a slow consumer skips frames), and a source that fails
// mid-stream is reported absent with its named error and resumes by itself.
#include "camera/FrameGrabber.h"

#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <thread>

using namespace lz;

namespace {
// A camera that delivers `good` frames, then "is unplugged": reads fail, and the first
// `refusedOpens` reopen attempts fail too, then it is back.
class FlakyCamera final : public FrameSource {
public:
    FlakyCamera(int good, int refusedOpens, int limit)
        : m_good(good)
        , m_refused(refusedOpens)
        , m_limit(limit) {
        m_fps = 500;
    }
    QString description() const override { return QStringLiteral("flaky test camera"); }
    Expected<void> open() override {
        ++opens;
        if (unplugged && m_refused-- > 0)
            return unexpected(QStringLiteral("flaky test camera is not present"));
        unplugged = false;
        return {};
    }
    ReadStatus read(Frame& f) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (delivered >= m_limit)
            return ReadStatus::EndOfStream;
        if (!unplugged && !m_failed && delivered == m_good) {
            unplugged = true;
            m_failed = true;
            m_error = QStringLiteral("flaky test camera stopped delivering frames");
            return ReadStatus::Failed;
        }
        f.image = cv::Mat(4, 4, CV_8UC1, cv::Scalar(delivered % 256));
        f.sequence = delivered++;
        f.capturedNs = steadyNowNs();
        return ReadStatus::Ok;
    }
    void close() override {}

    std::atomic<int> opens{0};
    std::atomic<int> delivered{0};
    bool unplugged = false;

private:
    int m_good, m_refused, m_limit;
    bool m_failed = false;
};
} // namespace

class TestFrameGrabber : public QObject {
    Q_OBJECT
private slots:
    void recoversAfterUnplug() {
        auto* cam = new FlakyCamera(20, 2, 60);
        FrameGrabber g(std::unique_ptr<FrameSource>(cam), {10, 40});
        QSignalSpy states(&g, &FrameGrabber::stateChanged);
        g.start();
        QTRY_COMPARE_WITH_TIMEOUT(g.state(), SourceState::Finished, 10000);
        g.stop();
        QVERIFY(g.stats().reopens >= 1);
        QCOMPARE(g.stats().read, 60);
        QCOMPARE(cam->opens.load(), 4); // first open, 2 refused while unplugged, then back
        bool sawAbsent = false;
        for (const auto& s : states)
            if (s.at(0).value<SourceState>() == SourceState::Absent) {
                sawAbsent = true;
                QVERIFY(s.at(1).toString().contains(QLatin1String("flaky test camera")));
            }
        QVERIFY(sawAbsent);
        QVERIFY(g.lastError().contains(QLatin1String("flaky test camera")));
    }
    void slowConsumerGetsNewestFrame() {
        auto* cam = new FlakyCamera(1000000, 0, 300);
        FrameGrabber g{std::unique_ptr<FrameSource>(cam)};
        g.start();
        Frame f;
        qint64 last = -1;
        int taken = 0;
        while (g.takeNewest(f, 500)) {
            QVERIFY(f.sequence > last); // never an older frame than the one before
            last = f.sequence;
            ++taken;
            std::this_thread::sleep_for(std::chrono::milliseconds(15)); // a slow decoder
        }
        g.stop();
        QVERIFY(taken < 300);
        QVERIFY(g.stats().dropped > 0);
        QCOMPARE(g.stats().taken, qint64(taken));
    }
    void stopsPromptly() {
        auto* cam = new FlakyCamera(0, 1000, 10); // never comes back
        FrameGrabber g(std::unique_ptr<FrameSource>(cam), {5000, 5000});
        g.start();
        QTRY_COMPARE(g.state(), SourceState::Absent);
        QElapsedTimer t;
        t.start();
        g.stop(); // must not wait out the 5 s backoff
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(g.state(), SourceState::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestFrameGrabber)
#include "tst_framegrabber.moc"

#include "kiosk/DemoStage.h"

#include "camera/PassportPageRenderer.h"
#include "camera/SyntheticPhoneSource.h"
#include "common/DemoPresenter.h"
#include "demo/DemoKit.h"
#include "util/Logging.h"

#include <QDir>
#include <QSettings>
#include <QTimer>

namespace lz {
namespace {

// The demo's staff PIN 1234 (docs/kiosk.md): its hash made once with a fixed salt (the PIN is
// published anyway), so that start-up does not spend a KDF on it.
constexpr char kDemoPinHash[] =
    "pbkdf2-sha256$120000$ZGVtby1zdGFmZi1waW4hIQ==$imIuchiHr3TFnIIjhjPwg+6W79M7B8auaczouGc8QQ8=";

// The demo's desk camera: the phone with the rotating codes, or — while the clerk's passport
// screen waits for a key — the demo passport's photo page lying under it, a little differently
// each frame (a hand settling it), in the same frame timing.
class DemoDeskCamera final : public FrameSource {
public:
    DemoDeskCamera(std::unique_ptr<FrameSource> phone, std::shared_ptr<std::atomic<bool>> passportPage)
        : m_phone(std::move(phone))
        , m_passportPage(std::move(passportPage)) {}
    QString description() const override { return m_phone->description(); }
    Expected<void> open() override { return m_phone->open(); }
    void close() override { m_phone->close(); }
    ReadStatus read(Frame& frame) override {
        const ReadStatus status = m_phone->read(frame);
        m_error = m_phone->error();
        m_fps = m_phone->fps();
        if (status != ReadStatus::Ok || !m_passportPage->load())
            return status;
        if (!m_page.hasMrz) {
            if (m_fontFailed)
                return status;
            auto font = mrz::OcrbFont::load();
            if (!font) {
                m_fontFailed = true; // said by the kiosk's MRZ reader, which loads the same font
                return status;
            }
            // The page is drawn once; each frame is only the camera's view of it.
            QString text = QString::fromLatin1(demo::kDemoPassportMrz);
            text.insert(44, QLatin1Char('\n'));
            std::mt19937 print(1);
            m_page = drawPassportPage(**font, text, PassportScene{}, print);
        }
        PassportScene scene;
        scene.pitchPx = 11.5;
        std::mt19937 wobble(unsigned(frame.sequence));
        scene.rotationDeg = std::uniform_real_distribution<double>(-4, 4)(wobble);
        scene.centerX = std::uniform_real_distribution<double>(0.46, 0.54)(wobble);
        scene.seed = unsigned(frame.sequence);
        frame.image = viewPassportPage(m_page, scene, wobble, frame.image.size());
        return status;
    }

private:
    std::unique_ptr<FrameSource> m_phone;
    std::shared_ptr<std::atomic<bool>> m_passportPage;
    PassportPage m_page; // the demo passport's page, drawn on first use
    bool m_fontFailed = false;
};

} // namespace

Expected<std::unique_ptr<DemoStage>> DemoStage::create(const QString& stateDir) {
    std::unique_ptr<DemoStage> d(new DemoStage());
    QString dir = stateDir;
    if (dir.isEmpty()) {
        d->m_tempDir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/liangzheng-demo-XXXXXX"));
        if (!d->m_tempDir->isValid())
            return unexpected(
                QStringLiteral("cannot create a demo data directory: %1").arg(d->m_tempDir->errorString()));
        dir = d->m_tempDir->path();
    }
    d->m_config = TerminalConfig::demoDefaults(dir);
    d->m_settingsPath = d->m_config.settingsPath;
    // The desk's venue choices may be tried in the demo too ([desk] in its settings file).
    if (auto desk = readDeskPolicy(SettingsLayers(d->m_settingsPath), d->m_config.desk); !desk)
        return unexpected(desk.error());
    readBackupConfig(SettingsLayers(d->m_settingsPath), d->m_config.backup);
    return d;
}

DemoStage::~DemoStage() {
    if (m_reader) {
        m_reader->kill();
        m_reader->waitForFinished(2000);
    }
    if (m_samReader) {
        m_samReader->kill();
        m_samReader->waitForFinished(2000);
    }
}

void DemoStage::applyDefaults(ui::KioskSettings& settings) const {
    // The demo moves on faster than a desk would, so that each screen is seen.
    if (!QSettings(m_settingsPath, QSettings::IniFormat)
             .contains(QStringLiteral("kiosk/auto_return_seconds")))
        settings.autoReturnSeconds = 6;
    if (settings.pinHash.isEmpty())
        settings.pinHash = QString::fromLatin1(kDemoPinHash);
    // A clerk on duty, so that the clerk's own checks (a declined face check, an override) can be
    // recorded with who made them, as at a desk.
    if (settings.operatorId.isEmpty())
        settings.operatorId = QStringLiteral("DEMO-CLERK");
}

std::unique_ptr<FrameSource> DemoStage::camera() {
    auto phone = std::make_unique<SyntheticPhoneSource>(
        [this](double t) -> QString {
            // Runs on the camera thread: the demo wallets are made on first use.
            if (!m_presenter) {
                auto kit = demo::DemoKit::load(m_clock.now());
                if (!kit)
                    return {};
                m_kit = std::make_unique<demo::DemoKit>(std::move(*kit));
                m_presenter = std::make_unique<DemoPresenter>(
                    *m_kit, m_clock, DemoScript{.turnSeconds = 12, .blankSeconds = 4, .mistakes = true});
            }
            return m_presenter->textAt(t);
        },
        demoPhoneScene(), 15, true);
    return std::make_unique<DemoDeskCamera>(std::move(phone), m_passportPage);
}

void DemoStage::showPassportPage(bool on) {
    m_passportPage->store(on);
}

namespace {
// An emulated reader from toolDir; its pty (the first line it prints), or "" (said in the log).
QString startEmulator(std::unique_ptr<QProcess>& process, const QString& toolDir, const QString& program,
                      const QStringList& args) {
    process = std::make_unique<QProcess>();
    process->setProgram(QDir(toolDir).filePath(program));
    process->setArguments(args);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start();
    if (!process->waitForReadyRead(3000)) {
        qCWarning(lcKiosk, "demo reader: cannot start %s", qPrintable(process->program()));
        process.reset();
        return {};
    }
    return QString::fromLocal8Bit(process->readLine()).trimmed();
}
} // namespace

QString DemoStage::startReader(const QString& toolDir) {
    // The emulated PN532 on a pty, with demo holder 2's phone laid on it for 3 s every 15 s
    // (docs/kiosk.md). Card 0: the phone; card 1: the demo passport (signed under the DEMO CSCA).
    const QString pty =
        startEmulator(m_reader, toolDir, QStringLiteral("lz-pn532-emu"),
                      {QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--holder"),
                       QStringLiteral("2"), QStringLiteral("--card"), QStringLiteral("passport"),
                       QStringLiteral("--passport"), QStringLiteral("demo"), QStringLiteral("--pace"),
                       QStringLiteral("13"), QStringLiteral("--start-absent")});
    if (pty.isEmpty())
        return {};
    auto* taps = new QTimer(this);
    taps->setInterval(15000);
    connect(taps, &QTimer::timeout, this, &DemoStage::tap);
    QTimer::singleShot(7000, this, &DemoStage::tap); // the first tap soon after start
    taps->start();
    return QStringLiteral("pn532_uart:") + pty;
}

QString DemoStage::startIdCardReader(const QString& toolDir) {
    // The emulated SAM reader on a pty, paced at 115200 baud, with the four demo cards
    // (docs/id-card-reader.md): one is laid for 3 s every 20 s, in turn, the first soon after start.
    const QString pty = startEmulator(
        m_samReader, toolDir, QStringLiteral("lz-sam-emu"),
        {QStringLiteral("--demo-card"), QStringLiteral("resident"), QStringLiteral("--demo-card"),
         QStringLiteral("residence_permit"), QStringLiteral("--demo-card"), QStringLiteral("foreigner_2023"),
         QStringLiteral("--demo-card"), QStringLiteral("foreigner_old"), QStringLiteral("--start-absent")});
    if (pty.isEmpty())
        return {};
    auto* cards = new QTimer(this);
    cards->setInterval(20000);
    const auto lay = [this] {
        if (!m_samReader)
            return;
        m_samReader->write(QStringLiteral("place %1\n").arg(m_nextCard).toLatin1());
        m_nextCard = (m_nextCard + 1) % 4;
        QTimer::singleShot(3000, this, [this] {
            if (m_samReader)
                m_samReader->write("remove\n");
        });
    };
    connect(cards, &QTimer::timeout, this, lay);
    QTimer::singleShot(12000, this, lay); // between the demo phone's taps
    cards->start();
    return pty;
}

void DemoStage::tap() {
    if (!m_reader || m_passportOn)
        return; // the passport lies on the reader
    m_reader->write("place 0\n");
    QTimer::singleShot(3000, this, [this] {
        if (m_reader)
            m_reader->write("remove\n");
    });
}

void DemoStage::layPassport(bool on) {
    if (!m_reader || on == m_passportOn)
        return;
    m_passportOn = on;
    m_reader->write("remove\n");
    if (on)
        QTimer::singleShot(1200, this, [this] {
            if (m_reader && m_passportOn)
                m_reader->write("place 1\n");
        });
}

} // namespace lz

// The liveness challenge on scripted landmark tracks: a synthetic face (68 points with depth)
// that looks at the camera, blinks, turns its head; and what a picture does in front of a
// camera: stays still, tilts in its plane, turns about its vertical axis (foreshortened, no
// depth), is swapped for another. Frames come every 66 ms (15 fps), as from the desk camera.
#include "face/Liveness.h"

#include <QTest>
#include <cmath>
#include <functional>

using namespace lz::face;

namespace {

struct Point3 {
    double x, y, z;
};

// A face 1.0 wide between the outer eye corners, centred at the origin, nose tip towards the
// camera (z > 0). Rough, but the measures only need the eyes' shape and the nose's depth.
std::array<Point3, 68> modelFace() {
    std::array<Point3, 68> f{};
    for (int i = 0; i <= 16; ++i) { // jaw: a half ellipse
        const double a = M_PI * (1.0 - i / 16.0);
        f[size_t(i)] = {-0.85 * std::cos(a), 0.1 + 0.95 * std::sin(a), -0.3};
    }
    for (int i = 0; i < 5; ++i) { // brows
        f[size_t(17 + i)] = {-0.75 + 0.12 * i, -0.35, 0.0};
        f[size_t(22 + i)] = {0.27 + 0.12 * i, -0.35, 0.0};
    }
    for (int i = 0; i < 4; ++i) // nose bridge to tip (30)
        f[size_t(27 + i)] = {0.0, -0.15 + 0.13 * i, 0.1 + 0.1 * i};
    for (int i = 0; i < 5; ++i) // nostrils
        f[size_t(31 + i)] = {-0.16 + 0.08 * i, 0.3, 0.12};
    auto eye = [&](int first, double outer, double inner) { // 0 and 3 corners, 1-2 upper, 4-5 lower
        const double w = inner - outer;
        f[size_t(first)] = {outer, -0.1, 0};
        f[size_t(first + 1)] = {outer + w / 3, -0.17, 0};
        f[size_t(first + 2)] = {outer + 2 * w / 3, -0.17, 0};
        f[size_t(first + 3)] = {inner, -0.1, 0};
        f[size_t(first + 4)] = {outer + 2 * w / 3, -0.03, 0};
        f[size_t(first + 5)] = {outer + w / 3, -0.03, 0};
    };
    eye(36, -0.5, -0.18);
    eye(42, 0.18, 0.5);
    for (int i = 0; i < 12; ++i) { // outer lip
        const double a = 2 * M_PI * i / 12;
        f[size_t(48 + i)] = {-0.3 * std::cos(a), 0.55 + 0.1 * std::sin(a), 0.05};
    }
    for (int i = 0; i < 8; ++i) { // inner lip
        const double a = 2 * M_PI * i / 8;
        f[size_t(60 + i)] = {-0.2 * std::cos(a), 0.55 + 0.04 * std::sin(a), 0.05};
    }
    return f;
}

struct Pose {
    double yawDeg = 0;      // + : the guest turns to their left (nose to the picture's right)
    double rollDeg = 0;     // in-plane tilt
    double eyeOpen = 1;     // 1 open, 0 shut
    double scale = 200;     // pixels per unit
    double flatTurnDeg = 0; // a flat picture turned about its vertical axis
    bool flat = false;      // a picture: no depth
    double cx = 640, cy = 360;
};

Landmarks render(const Pose& pose) {
    std::array<Point3, 68> f = modelFace();
    // Eyelids: the upper points move towards the lower ones.
    for (int first : {36, 42}) {
        for (int k : {1, 2}) {
            Point3& up = f[size_t(first + k)];
            const Point3& low = f[size_t(first + (k == 1 ? 5 : 4))];
            up.y = low.y + (up.y - low.y) * pose.eyeOpen;
        }
    }
    Landmarks out{};
    const double yaw = pose.yawDeg * M_PI / 180, roll = pose.rollDeg * M_PI / 180,
                 flatTurn = pose.flatTurnDeg * M_PI / 180;
    for (size_t i = 0; i < 68; ++i) {
        Point3 p = f[i];
        if (pose.flat)
            p.z = 0;
        // A head turning about its vertical axis; a flat picture only foreshortens.
        double x = p.x * std::cos(yaw) + p.z * std::sin(yaw);
        x *= std::cos(flatTurn);
        const double y = p.y;
        const double rx = x * std::cos(roll) - y * std::sin(roll),
                     ry = x * std::sin(roll) + y * std::cos(roll);
        out[i] = PointD{pose.cx + pose.scale * rx, pose.cy + pose.scale * ry};
    }
    return out;
}

// Runs a track of `ms` milliseconds at 15 fps; `at(t)` gives the pose at t (nullopt: no face).
LivenessCheck::State run(LivenessCheck& check, qint64 ms,
                         const std::function<std::optional<Pose>(qint64)>& at) {
    for (qint64 t = 0; t <= ms; t += 66) {
        const std::optional<Pose> pose = at(t);
        check.observe(FaceFrame{t, pose ? std::optional<Landmarks>(render(*pose)) : std::nullopt});
        if (check.state() == LivenessCheck::State::Passed || check.state() == LivenessCheck::State::Failed)
            break;
    }
    return check.state();
}

// Linear from a to b over [t0, t1].
double ramp(qint64 t, qint64 t0, qint64 t1, double a, double b) {
    if (t <= t0)
        return a;
    if (t >= t1)
        return b;
    return a + (b - a) * double(t - t0) / double(t1 - t0);
}

} // namespace

class TestLiveness : public QObject {
    Q_OBJECT
private slots:
    void measuresOnTheModelFace() {
        QVERIFY(std::abs(yawRatio(render({}))) < 0.01);
        QVERIFY(yawRatio(render({.yawDeg = 25})) > 0.3); // the guest's left: the nose to the picture's right
        QVERIFY(yawRatio(render({.yawDeg = -25})) < -0.3);
        QVERIFY(eyeAspectRatio(render({})) > 0.2);
        QVERIFY(eyeAspectRatio(render({.eyeOpen = 0.1})) < 0.05);
        // What a picture can do changes neither: tilted in its plane, turned (foreshortened), smaller.
        QVERIFY(std::abs(yawRatio(render({.rollDeg = 20, .flat = true}))) < 0.01);
        QVERIFY(std::abs(yawRatio(render({.scale = 120, .flatTurnDeg = 50, .flat = true}))) < 0.01);
    }

    void aBlinkPasses() {
        LivenessCheck check(Challenge::Blink);
        const auto state = run(check, 4000, [](qint64 t) {
            Pose p;
            p.eyeOpen = t > 1000 && t < 1200 ? 0.15 : 1.0; // a 200 ms blink after a second
            return std::optional<Pose>(p);
        });
        QCOMPARE(state, LivenessCheck::State::Passed);
        QCOMPARE(check.progress(), 1.0);
        QVERIFY(check.bestFrontalAtMs().has_value());
    }

    void turnsPassInTheAskedDirection() {
        for (const Challenge c : {Challenge::TurnLeft, Challenge::TurnRight}) {
            LivenessCheck check(c);
            const double sign = c == Challenge::TurnLeft ? 1 : -1;
            const auto state = run(check, 5000, [&](qint64 t) {
                Pose p;
                p.yawDeg = sign * ramp(t, 800, 1800, 0, 30); // a steady turn of 30° over a second
                return std::optional<Pose>(p);
            });
            QCOMPARE(state, LivenessCheck::State::Passed);
        }
    }

    void theWrongWayFails() {
        LivenessCheck check(Challenge::TurnLeft);
        const auto state = run(check, 5000, [](qint64 t) {
            Pose p;
            p.yawDeg = ramp(t, 800, 1800, 0, -30);
            return std::optional<Pose>(p);
        });
        QCOMPARE(state, LivenessCheck::State::Failed);
        QCOMPARE(*check.failure(), LivenessFailure::WrongDirection);
    }

    void aStillFaceTimesOut() {
        for (const Challenge c : {Challenge::Blink, Challenge::TurnLeft, Challenge::TurnRight}) {
            LivenessCheck check(c);
            QCOMPARE(run(check, 10000, [](qint64) { return std::optional<Pose>(Pose{}); }),
                     LivenessCheck::State::Failed);
            QCOMPARE(*check.failure(), LivenessFailure::TimedOut);
        }
    }

    // A photo held up and moved about: tilted, turned about its vertical axis, brought nearer.
    void aPictureMovedAboutFailsEveryChallenge() {
        for (const Challenge c : {Challenge::Blink, Challenge::TurnLeft, Challenge::TurnRight}) {
            LivenessCheck check(c);
            const auto state = run(check, 10000, [](qint64 t) {
                Pose p;
                p.flat = true;
                p.rollDeg = 15 * std::sin(t / 700.0);
                p.flatTurnDeg = 55 * std::sin(t / 900.0);
                p.scale = 200 + 30 * std::sin(t / 1100.0);
                p.cx = 640 + 60 * std::sin(t / 500.0);
                return std::optional<Pose>(p);
            });
            QCOMPARE(state, LivenessCheck::State::Failed);
            QCOMPARE(*check.failure(), LivenessFailure::TimedOut);
        }
    }

    // Tilting the head (roll) is not turning it.
    void aTiltIsNotATurn() {
        LivenessCheck check(Challenge::TurnRight);
        QCOMPARE(run(check, 10000,
                     [](qint64 t) {
                         Pose p;
                         p.rollDeg = ramp(t, 800, 1800, 0, 25);
                         return std::optional<Pose>(p);
                     }),
                 LivenessCheck::State::Failed);
        QCOMPARE(*check.failure(), LivenessFailure::TimedOut);
    }

    void aSwappedPictureIsNoticed() {
        LivenessCheck check(Challenge::Blink);
        const auto state = run(check, 5000, [](qint64 t) {
            Pose p;
            p.scale = t < 1500 ? 200 : 110; // another, smaller face from one frame to the next
            return std::optional<Pose>(p);
        });
        QCOMPARE(state, LivenessCheck::State::Failed);
        QCOMPARE(*check.failure(), LivenessFailure::FaceChanged);
    }

    void noFaceRunsTheClock() {
        LivenessCheck check(Challenge::Blink, LivenessSettings{.timeLimitMs = 3000});
        QCOMPARE(run(check, 5000, [](qint64) { return std::optional<Pose>(); }),
                 LivenessCheck::State::Failed);
        QCOMPARE(*check.failure(), LivenessFailure::TimedOut);
    }

    // The guest must look at the camera first: a blink while turned away does not count yet.
    void theBlinkCountsOnlyAfterLookingAtTheCamera() {
        LivenessCheck check(Challenge::Blink);
        const auto state = run(check, 2000, [](qint64 t) {
            Pose p;
            p.yawDeg = 20;
            p.eyeOpen = t > 500 && t < 700 ? 0.1 : 1.0;
            return std::optional<Pose>(p);
        });
        QCOMPARE(state, LivenessCheck::State::LookAtCamera);
        QCOMPARE(check.progress(), 0.0);
    }

    void challengesAreRandomAndNamed() {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i)
            seen.insert(challengeName(randomChallenge()));
        QCOMPARE(seen, (QSet<QString>{"turn_left", "turn_right"})); // blink: see randomChallenge()
        QCOMPARE(livenessFailureName(LivenessFailure::WrongDirection),
                 QStringLiteral("liveness_wrong_direction"));
    }
};

QTEST_GUILESS_MAIN(TestLiveness)
#include "tst_liveness.moc"

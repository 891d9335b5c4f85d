#pragma once
// The active liveness check (docs/face-match.md): the guest is asked, at random, to blink, or
// to turn the head to their left or right, and the 68 landmarks of consecutive camera frames
// must show it within a time limit. A printed photo or a phone screen held to the camera shows
// neither: moving or tilting a picture changes no eye's opening, and the turn is measured as the
// nose tip's place between the outer eye corners, which no flat picture changes by being turned
// (foreshortening shrinks both alike). Plain logic on landmark tracks, so it is tested on
// scripted tracks as well as on real frames.
#include "face/FaceGeometry.h"

#include <QString>
#include <optional>

namespace lz::face {

enum class Challenge {
    Blink,
    TurnLeft,  // the guest's left: the nose moves to the right of the (unmirrored) camera picture
    TurnRight, // the guest's right: to the picture's left
};
QString challengeName(Challenge c);
Challenge randomChallenge(); // a turn, left or right, from the system's CSPRNG (a recording cannot know it)

enum class LivenessFailure {
    TimedOut,       // the asked movement was not seen in time (a still picture ends here)
    WrongDirection, // the head turned the other way
    FaceChanged,    // the face jumped in size or place between frames (a picture swapped in)
};
QString livenessFailureName(LivenessFailure f);

struct LivenessSettings {
    qint64 timeLimitMs = 8000; // from the first frame; elder mode doubles it
    qint64 baselineMs = 300;   // looking at the camera this long before the movement counts
    double frontalYaw = 0.12;  // |yaw ratio| of a face looking at the camera
    double turnYaw = 0.30;     // the turn asked for (≈ 25°)
    double closedRatio = 0.6;  // eye aspect ratio below this × the open baseline: closed
    double reopenRatio = 0.85; // … and back above this × baseline: reopened
    double maxJump = 0.35;     // eye span changing by more than this fraction between frames
};

// One camera frame's reading: the largest face's landmarks, or none.
struct FaceFrame {
    qint64 atMs = 0;
    std::optional<Landmarks> landmarks;
};

class LivenessCheck {
public:
    enum class State { LookAtCamera, Moving, Passed, Failed };

    explicit LivenessCheck(Challenge challenge, LivenessSettings settings = {});

    State observe(const FaceFrame& frame);
    State state() const { return m_state; }
    Challenge challenge() const { return m_challenge; }
    std::optional<LivenessFailure> failure() const { return m_failure; }
    double progress() const { return m_progress; } // 0..1, for the guest's progress bar
    // The frame to describe for the match: the most frontal open-eyed one seen (ms), if any.
    std::optional<qint64> bestFrontalAtMs() const { return m_bestAt; }

private:
    void fail(LivenessFailure f);
    Challenge m_challenge;
    LivenessSettings m_s;
    State m_state = State::LookAtCamera;
    std::optional<LivenessFailure> m_failure;
    double m_progress = 0;
    std::optional<qint64> m_startMs, m_frontalSinceMs, m_bestAt;
    double m_bestYaw = 1e9;
    double m_baselineEar = 0, m_baselineYaw = 0;
    int m_baselineFrames = 0;
    bool m_closed = false;
    double m_lastSpan = 0;
    PointD m_lastNose;
};

} // namespace lz::face

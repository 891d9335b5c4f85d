#pragma once
// A short sound for each outcome, so a clerk who looks away still knows: a rising two-tone
// chime (valid), a low double buzz (not valid), a single soft tone (registered). The tones are
// synthesised at start-up (no sound files to ship) and played through Qt Multimedia; on a
// machine without an audio device nothing is heard and nothing fails.
#include <QObject>
#include <QTemporaryDir>

class QSoundEffect;

namespace lz::ui {

class Sounds : public QObject {
    Q_OBJECT
public:
    enum class Cue { Valid, Rejected, Registered };
    explicit Sounds(QObject* parent = nullptr);
    void setEnabled(bool on) { m_enabled = on; }
    bool enabled() const { return m_enabled; }
    void play(Cue cue);
    void preload(); // makes the effects now (start-up) rather than at the first verdict
    int played() const { return m_played; } // cues played since start (for tests and diagnostics)

private:
    QSoundEffect* effect(Cue cue);
    bool m_enabled = true;
    int m_played = 0;
    QTemporaryDir m_dir;
    QSoundEffect* m_effects[3] = {};
};

} // namespace lz::ui

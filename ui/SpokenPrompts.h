#pragma once
// Spoken prompts for the guest (the face check's steps now; issue 18 adds the others): each text
// rendered once per language by espeak-ng (Debian's text-to-speech engine; Mandarin voice "cmn")
// into a temporary directory, then played through Qt Multimedia like the chimes. Without
// espeak-ng or an audio device nothing is heard and nothing fails: the written prompt is always on
// the screen. Renders in the background (QProcess), so the screen never waits for a voice.
#include <QHash>
#include <QObject>
#include <QTemporaryDir>

class QSoundEffect;

namespace lz::ui {

class SpokenPrompts : public QObject {
    Q_OBJECT
public:
    explicit SpokenPrompts(QObject* parent = nullptr);
    void setEnabled(bool on) { m_enabled = on; }
    bool enabled() const { return m_enabled; }
    // Says `text` in `language` (zh_CN, zh_TW, en): from the cache, or rendered first.
    void say(const QString& text, const QString& language);
    // The rendered file for a text, empty until it is rendered (tests, diagnostics).
    QString renderedFile(const QString& text, const QString& language) const;

signals:
    void rendered(const QString& text, bool ok); // espeak-ng finished (ok: a WAV file was written)

private:
    void play(const QString& file);
    static QString voiceFor(const QString& language);

    bool m_enabled = true;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_files; // language + text → WAV file
    QSoundEffect* m_effect = nullptr;
    int m_serial = 0;
};

} // namespace lz::ui

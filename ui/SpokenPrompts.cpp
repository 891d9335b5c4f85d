#include "ui/SpokenPrompts.h"

#include <QFileInfo>
#include <QProcess>
#include <QSoundEffect>
#include <QStandardPaths>
#include <QUrl>

namespace lz::ui {

SpokenPrompts::SpokenPrompts(QObject* parent)
    : QObject(parent) {}

QString SpokenPrompts::voiceFor(const QString& language) {
    // Mandarin for both Chinese scripts (a Taiwanese guest reads 繁體 and hears 國語); English.
    return language.startsWith(QLatin1String("zh")) ? QStringLiteral("cmn") : QStringLiteral("en");
}

QString SpokenPrompts::renderedFile(const QString& text, const QString& language) const {
    return m_files.value(voiceFor(language) + QLatin1Char('\n') + text);
}

void SpokenPrompts::say(const QString& text, const QString& language) {
    if (!m_enabled || text.isEmpty() || !m_dir.isValid())
        return;
    const QString key = voiceFor(language) + QLatin1Char('\n') + text;
    if (const QString file = m_files.value(key); !file.isEmpty()) {
        play(file);
        return;
    }
    const QString engine = QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
    if (engine.isEmpty()) {
        emit rendered(text, false);
        return;
    }
    const QString file = m_dir.filePath(QStringLiteral("prompt-%1.wav").arg(++m_serial));
    auto* p = new QProcess(this);
    connect(p, &QProcess::finished, this, [this, p, key, file, text](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        const bool ok = status == QProcess::NormalExit && code == 0 && QFileInfo(file).size() > 44;
        if (ok) {
            m_files.insert(key, file);
            play(file);
        }
        emit rendered(text, ok);
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, text](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            p->deleteLater();
            emit rendered(text, false);
        }
    });
    p->start(engine, {QStringLiteral("-v"), voiceFor(language), QStringLiteral("-s"), QStringLiteral("150"),
                      QStringLiteral("-w"), file, text});
}

void SpokenPrompts::play(const QString& file) {
    if (!m_effect)
        m_effect = new QSoundEffect(this);
    m_effect->stop();
    m_effect->setSource(QUrl::fromLocalFile(file));
    m_effect->play();
}

} // namespace lz::ui

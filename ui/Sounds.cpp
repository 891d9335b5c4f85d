#include "ui/Sounds.h"

#include <QFile>
#include <QSoundEffect>
#include <QUrl>
#include <QtEndian>
#include <cmath>

namespace lz::ui {
namespace {

struct Tone {
    double hz;
    double seconds;
};

// 16-bit mono PCM WAV of the given tones, each with a short fade in and out (no clicks).
QByteArray wav(const QList<Tone>& tones) {
    constexpr int rate = 22050;
    QByteArray pcm;
    for (const Tone& t : tones) {
        const int n = int(t.seconds * rate);
        for (int i = 0; i < n; ++i) {
            const double fade = std::min({1.0, i / (0.01 * rate), (n - i) / (0.02 * rate)});
            const double v = t.hz > 0 ? std::sin(2 * M_PI * t.hz * i / rate) * 0.4 * fade : 0;
            const qint16 s = qToLittleEndian(qint16(v * 32767));
            pcm.append(reinterpret_cast<const char*>(&s), 2);
        }
    }
    QByteArray out;
    auto u32 = [&](quint32 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char*>(&v), 4);
    };
    auto u16 = [&](quint16 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char*>(&v), 2);
    };
    out.append("RIFF");
    u32(36 + quint32(pcm.size()));
    out.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(1); // mono
    u32(rate);
    u32(rate * 2);
    u16(2);
    u16(16);
    out.append("data");
    u32(quint32(pcm.size()));
    return out + pcm;
}

} // namespace

Sounds::Sounds(QObject* parent)
    : QObject(parent) {}

QSoundEffect* Sounds::effect(Cue cue) {
    const int i = int(cue);
    if (m_effects[i] || !m_dir.isValid())
        return m_effects[i];
    static const QList<QList<Tone>> tones = {
        {{880, 0.12}, {1320, 0.18}},           // valid: rising
        {{220, 0.16}, {0, 0.06}, {220, 0.22}}, // rejected: low, twice
        {{660, 0.2}},                          // registered
    };
    const QString path = m_dir.filePath(QStringLiteral("cue%1.wav").arg(i));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(wav(tones.at(i))) < 0)
        return nullptr;
    f.close();
    m_effects[i] = new QSoundEffect(this);
    m_effects[i]->setSource(QUrl::fromLocalFile(path));
    return m_effects[i];
}

void Sounds::preload() {
    if (m_enabled)
        for (Cue c : {Cue::Valid, Cue::Rejected, Cue::Registered})
            effect(c);
}

void Sounds::play(Cue cue) {
    if (!m_enabled)
        return;
    ++m_played;
    if (QSoundEffect* e = effect(cue))
        e->play();
}

} // namespace lz::ui

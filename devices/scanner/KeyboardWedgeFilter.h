#pragma once
// A 2D scanner in keyboard-wedge mode types the code as fast keystrokes ending in Enter. This
// application-wide event filter tells it apart from a person by timing: keys arriving within
// `maxGapMs` of each other and ending in Enter after at least `minLength` characters are a
// scan, consumed and emitted as one text; nothing of it reaches a focused text field. Anything
// slower is a person typing, and the held-back keys are replayed, in order, to where they were
// going.
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lz {

struct WedgeSettings {
    int maxGapMs = 35;  // scanners type a character every 1-10 ms; people rarely under 50 ms
    int minLength = 12; // shorter bursts ending in Enter are treated as typing
};

class KeyboardWedgeFilter : public QObject {
    Q_OBJECT
public:
    explicit KeyboardWedgeFilter(WedgeSettings settings = {}, QObject* parent = nullptr);

signals:
    void scanned(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey {
        int key;
        Qt::KeyboardModifiers modifiers;
        QString text;
    };
    void replay(); // a person was typing: give the keys back
    void reset();

    WedgeSettings m_settings;
    QList<HeldKey> m_held;
    QPointer<QObject> m_target;
    QElapsedTimer m_sinceLastKey;
    QTimer m_flush;
    bool m_replaying = false;
};

} // namespace lz

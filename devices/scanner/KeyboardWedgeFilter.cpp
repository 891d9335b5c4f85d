#include "scanner/KeyboardWedgeFilter.h"

#include <QCoreApplication>

namespace lz {

KeyboardWedgeFilter::KeyboardWedgeFilter(WedgeSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings) {
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &KeyboardWedgeFilter::replay);
}

bool KeyboardWedgeFilter::eventFilter(QObject* watched, QEvent* event) {
    if (m_replaying || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    // Only the window-level delivery counts; Qt also offers the event to parents and shortcuts.
    if (!watched->isWidgetType() && !watched->inherits("QWindow"))
        return false;
    if (event->type() == QEvent::KeyRelease)
        return !m_held.isEmpty(); // swallow releases while a burst is held back
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool printable = !key->text().isEmpty() && key->text().at(0).isPrint();
    if (!enter && !printable) {
        if (!m_held.isEmpty())
            replay(); // a control key: a person; give everything back first
        return false;
    }
    const bool fast = !m_held.isEmpty() && m_sinceLastKey.elapsed() <= m_settings.maxGapMs;
    if (!m_held.isEmpty() && !fast)
        replay(); // too slow to belong to the burst held so far
    if (enter) {
        if (m_held.size() >= m_settings.minLength) {
            QString text;
            for (const HeldKey& k : m_held)
                text += k.text;
            reset();
            emit scanned(text);
            return true;
        }
        if (!m_held.isEmpty())
            replay();
        return false;
    }
    if (m_held.isEmpty())
        m_target = watched;
    m_held.append({key->key(), key->modifiers(), key->text()});
    m_sinceLastKey.restart();
    m_flush.start(m_settings.maxGapMs * 2);
    return true;
}

void KeyboardWedgeFilter::replay() {
    const QList<HeldKey> held = m_held;
    QPointer<QObject> target = m_target;
    reset();
    if (!target)
        return;
    m_replaying = true;
    for (const HeldKey& k : held) {
        QKeyEvent press(QEvent::KeyPress, k.key, k.modifiers, k.text);
        QCoreApplication::sendEvent(target, &press);
        QKeyEvent release(QEvent::KeyRelease, k.key, k.modifiers, k.text);
        QCoreApplication::sendEvent(target, &release);
    }
    m_replaying = false;
}

void KeyboardWedgeFilter::reset() {
    m_held.clear();
    m_target.clear();
    m_flush.stop();
}

} // namespace lz

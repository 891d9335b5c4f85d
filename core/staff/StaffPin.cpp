#include "staff/StaffPin.h"

#include "util/DurableFile.h"
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace lz::staff {
namespace {

constexpr char kScheme[] = "pbkdf2-sha256";
constexpr int kHashBytes = 32;

QByteArray derive(const QString& pin, const QByteArray& salt, int iterations) {
    const QByteArray p = pin.toUtf8();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(p.constData(), int(p.size()),
                          reinterpret_cast<const unsigned char*>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), kHashBytes,
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        return {};
    return out;
}

} // namespace

bool acceptablePin(const QString& pin) {
    if (pin.size() < 4 || pin.size() > 12)
        return false;
    return std::all_of(pin.begin(), pin.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

Expected<QString> hashPin(const QString& pin, int iterations) {
    if (!acceptablePin(pin))
        return unexpected(QStringLiteral("pin_unacceptable: 4 to 12 digits"));
    QByteArray salt(16, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), int(salt.size())) != 1)
        return unexpected(QStringLiteral("pin_random_failed"));
    const QByteArray hash = derive(pin, salt, iterations);
    if (hash.isEmpty())
        return unexpected(QStringLiteral("pin_kdf_failed"));
    return QStringLiteral("%1$%2$%3$%4")
        .arg(QLatin1String(kScheme))
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

Expected<bool> verifyPin(const QString& pin, const QString& stored) {
    const QStringList parts = stored.split(QLatin1Char('$'));
    bool ok = false;
    const int iterations = parts.size() == 4 ? parts[1].toInt(&ok) : 0;
    const QByteArray salt = parts.size() == 4 ? QByteArray::fromBase64(parts[2].toLatin1()) : QByteArray();
    const QByteArray expected =
        parts.size() == 4 ? QByteArray::fromBase64(parts[3].toLatin1()) : QByteArray();
    if (parts.size() != 4 || parts[0] != QLatin1String(kScheme) || !ok || iterations < 1000 ||
        iterations > 10'000'000 || salt.size() < 8 || expected.size() != kHashBytes)
        return unexpected(QStringLiteral("pin_hash_invalid: not a %1 hash").arg(QLatin1String(kScheme)));
    const QByteArray actual = derive(pin, salt, iterations);
    return actual.size() == kHashBytes &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), kHashBytes) == 0;
}

PinGuard::PinGuard(QString stateFile, PinPolicy policy)
    : m_file(std::move(stateFile))
    , m_policy(policy) {
    load();
}

void PinGuard::load() {
    if (m_file.isEmpty())
        return;
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    m_failures = o.value(QLatin1String("failures")).toInt();
    m_lockouts = o.value(QLatin1String("lockouts")).toInt();
    m_lockedUntil = qint64(o.value(QLatin1String("locked_until")).toDouble());
}

QString PinGuard::save() const {
    if (m_file.isEmpty())
        return {};
    const auto saved = writeFileDurably(
        m_file, QJsonDocument(QJsonObject{{QStringLiteral("failures"), m_failures},
                                          {QStringLiteral("lockouts"), m_lockouts},
                                          {QStringLiteral("locked_until"), double(m_lockedUntil)}})
                    .toJson(QJsonDocument::Compact));
    return saved ? QString() : saved.error().text();
}

PinAttempt PinGuard::attempt(const QString& pin, const QString& stored, qint64 now) {
    PinAttempt a;
    if (stored.isEmpty()) {
        a.outcome = PinOutcome::NotSet;
        return a;
    }
    if (now < m_lockedUntil) {
        a.outcome = PinOutcome::Locked;
        a.lockedUntil = m_lockedUntil;
        return a;
    }
    const Expected<bool> ok = verifyPin(pin, stored);
    if (!ok) {
        a.outcome = PinOutcome::Wrong;
        a.problem = PinAttempt::Problem::HashUnusable;
        a.error = ok.error();
        return a;
    }
    if (*ok) {
        m_failures = 0;
        m_lockouts = 0;
        m_lockedUntil = 0;
        if (const QString err = save(); !err.isEmpty()) {
            a.problem = PinAttempt::Problem::StateUnwritable;
            a.error = QStringLiteral("pin_state_unwritable: %1").arg(err);
        }
        a.outcome = PinOutcome::Accepted;
        return a;
    }
    a.outcome = PinOutcome::Wrong;
    if (++m_failures >= m_policy.maxFailures) {
        // Each lockout in a row doubles (a guesser gets 5 tries per 5, 10, 20 … minutes).
        const qint64 lock = std::min<qint64>(qint64(m_policy.lockSeconds) << std::min(m_lockouts, 20),
                                             m_policy.maxLockSeconds);
        m_lockedUntil = now + lock;
        ++m_lockouts;
        m_failures = 0;
        a.lockedUntil = m_lockedUntil;
    }
    a.remaining = m_policy.maxFailures - m_failures;
    if (const QString err = save(); !err.isEmpty()) {
        a.problem = PinAttempt::Problem::StateUnwritable;
        a.error = QStringLiteral("pin_state_unwritable: %1; a lockout would not survive a restart").arg(err);
    }
    return a;
}

} // namespace lz::staff

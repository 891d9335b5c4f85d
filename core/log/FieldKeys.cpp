#include "log/FieldKeys.h"

#include "util/DurableFile.h"
#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace lz {
namespace {

constexpr int kNonce = 12, kTag = 16, kKeyId = 4;
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray randomBytes(int n) {
    QByteArray b(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(b.data()), n) != 1)
        qFatal("RAND_bytes failed");
    return b;
}

} // namespace

FieldKeys FieldKeys::fromRaw(quint32 id, const QByteArray& key32) {
    FieldKeys k;
    k.m_keys[id] = key32;
    k.m_current = id;
    return k;
}

LogResult<FieldKeys> FieldKeys::openOrCreate(const QString& path) {
    FieldKeys k;
    k.m_path = path;
    QFile f(path);
    if (!f.exists()) {
        k.m_keys[1] = randomBytes(32);
        k.m_current = 1;
        if (auto saved = k.save(); !saved)
            return unexpected(saved.error());
        return k;
    }
    // Group or other access to the key defeats encrypting at rest: refuse, and say how to fix it.
    constexpr QFileDevice::Permissions kOthers =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (f.permissions() & kOthers)
        return logFailure(LogError::KeyFilePermissions,
                          QStringLiteral("%1 is readable by others; chmod 600 it").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return logFailure(LogError::KeyFileUnreadable, QStringLiteral("%1: %2").arg(path, f.errorString()));
    // One key per line: "<id> <64 hex digits>"; the last line is the current key.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts[0] == "log") { // the log this file belongs to
            k.m_logId = QByteArray::fromHex(parts[1]);
            if (k.m_logId.size() != 16)
                return logFailure(LogError::KeyFileMalformed, QStringLiteral("%1: bad log line").arg(path));
            continue;
        }
        bool ok = false;
        const quint32 id = parts.size() == 2 ? parts[0].toUInt(&ok) : 0;
        const QByteArray key = QByteArray::fromHex(parts.value(1));
        if (!ok || id == 0 || key.size() != 32 || k.m_keys.count(id))
            return logFailure(LogError::KeyFileMalformed, QStringLiteral("%1").arg(path));
        k.m_keys[id] = key;
        k.m_current = id;
    }
    if (k.m_keys.empty())
        return logFailure(LogError::KeyFileMalformed, QStringLiteral("%1 holds no key").arg(path));
    return k;
}

LogResult<void> FieldKeys::save() const {
    QByteArray text(
        "# Liangzheng registration log field keys: <id> <AES-256 key, hex>. The last is current.\n"
        "# Losing this file makes the personal fields of the log unreadable. Keep it 0600.\n");
    if (!m_logId.isEmpty())
        text += "log " + m_logId.toHex() + '\n';
    for (const auto& [id, key] : m_keys)
        if (id != m_current)
            text += QByteArray::number(id) + ' ' + key.toHex() + '\n';
    text += QByteArray::number(m_current) + ' ' + m_keys.at(m_current).toHex() + '\n';
    // 0600 is set on the temporary before any key byte is written.
    if (auto saved = writeFileDurably(m_path, text, 0600); !saved)
        return unexpected(fileWriteFailure(LogError::KeyFileUnwritable, saved.error()));
    return {};
}

QList<quint32> FieldKeys::ids() const {
    QList<quint32> out;
    for (const auto& [id, key] : m_keys)
        out.append(id);
    return out;
}

QByteArray FieldKeys::fingerprint(quint32 id) const {
    const auto it = m_keys.find(id);
    if (it == m_keys.end())
        return {};
    QByteArray digest(32, '\0');
    unsigned int size = 0;
    const QByteArray input = QByteArrayLiteral("lz-field-key-fingerprint-v1") + it->second;
    EVP_Digest(input.constData(), size_t(input.size()), reinterpret_cast<unsigned char*>(digest.data()),
               &size, EVP_sha256(), nullptr);
    return digest;
}

LogResult<void> FieldKeys::bindToLog(const QByteArray& logId) {
    const QByteArray previous = m_logId;
    m_logId = logId;
    if (m_path.isEmpty())
        return {};
    if (auto saved = save(); !saved) {
        m_logId = previous;
        return saved;
    }
    return {};
}

LogResult<quint32> FieldKeys::rotate() {
    const quint32 id = m_keys.rbegin()->first + 1;
    m_keys[id] = randomBytes(32);
    const quint32 previous = m_current;
    m_current = id;
    if (!m_path.isEmpty())
        if (auto saved = save(); !saved) {
            m_keys.erase(id);
            m_current = previous;
            return unexpected(saved.error());
        }
    return id;
}

QByteArray FieldKeys::seal(const QByteArray& plaintext, const QByteArray& aad) const {
    const QByteArray& key = m_keys.at(m_current);
    QByteArray out(kKeyId + kNonce + plaintext.size() + kTag, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    qToBigEndian<quint32>(m_current, p);
    if (RAND_bytes(p + kKeyId, kNonce) != 1)
        qFatal("RAND_bytes failed");
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    const bool ok =
        ctx &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char*>(key.constData()), p + kKeyId) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                          int(aad.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), p + kKeyId + kNonce, &len,
                          reinterpret_cast<const unsigned char*>(plaintext.constData()),
                          int(plaintext.size())) == 1 &&
        (total = len, EVP_EncryptFinal_ex(ctx.get(), p + kKeyId + kNonce + total, &len) == 1) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, p + kKeyId + kNonce + plaintext.size()) ==
            1;
    if (!ok)
        qFatal("AES-256-GCM encryption failed"); // never store personal data unencrypted
    return out;
}

LogResult<QByteArray> FieldKeys::open(const QByteArray& sealed, const QByteArray& aad) const {
    if (sealed.size() < kKeyId + kNonce + kTag)
        return logFailure(LogError::SealedFieldCorrupt, QStringLiteral("truncated"));
    const auto* p = reinterpret_cast<const unsigned char*>(sealed.constData());
    const quint32 id = qFromBigEndian<quint32>(p);
    const auto key = m_keys.find(id);
    if (key == m_keys.end())
        return logFailure(LogError::FieldKeyMissing, QStringLiteral("key %1 is not in the key file").arg(id));
    const int n = int(sealed.size()) - kKeyId - kNonce - kTag;
    QByteArray out(n, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    QByteArray tag = sealed.right(kTag);
    const bool ok =
        ctx &&
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
                           reinterpret_cast<const unsigned char*>(key->second.constData()),
                           p + kKeyId) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.constData()),
                          int(aad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, p + kKeyId + kNonce,
                          n) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len) == 1;
    if (!ok)
        return logFailure(LogError::SealedFieldCorrupt, QStringLiteral("authentication failed"));
    return out;
}

} // namespace lz

#pragma once
// The keys that encrypt personal fields at rest: AES-256-GCM, a fresh 96-bit nonce per record,
// the record id as associated data (a ciphertext moved to another record does not decrypt).
//
// The keys live outside the database, in a key file readable by the terminal's user only (0600;
// anything looser is refused). Each key has a small number; a sealed field names the key that
// sealed it, so rotating (appending a new current key) keeps every older record readable.
// docs/registration-log.md says how to keep the key in a hardware or OS keystore instead.
#include "log/LogError.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <map>

namespace lz {

class FieldKeys {
public:
    // Loads the key file, creating it with one fresh key when it does not exist.
    static LogResult<FieldKeys> openOrCreate(const QString& path);
    static FieldKeys fromRaw(quint32 id, const QByteArray& key32); // tests and benchmarks

    // Appends a new key and makes it current; rewrites the file atomically (still 0600).
    LogResult<quint32> rotate();

    quint32 currentId() const { return m_current; }
    QList<quint32> ids() const;
    // SHA-256 over a label and the key: what the log records of each key, so that a substitute
    // key file is refused at start (issue 14, finding 7). Empty for an unknown id.
    QByteArray fingerprint(quint32 id) const;
    // The log this key file belongs to (a "log <hex>" line; empty for a file made before
    // binding existed). bindToLog writes it into the file once.
    QByteArray logId() const { return m_logId; }
    LogResult<void> bindToLog(const QByteArray& logId);
    int size() const { return int(m_keys.size()); }

    // key id (4 bytes, big-endian) || nonce (12) || ciphertext || tag (16).
    QByteArray seal(const QByteArray& plaintext, const QByteArray& associatedData) const;
    LogResult<QByteArray> open(const QByteArray& sealed, const QByteArray& associatedData) const;

private:
    LogResult<void> save() const;
    QString m_path;
    QByteArray m_logId;
    std::map<quint32, QByteArray> m_keys;
    quint32 m_current = 0;
};

} // namespace lz

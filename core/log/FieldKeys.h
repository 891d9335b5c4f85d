#pragma once
// The keys that encrypt personal fields at rest: AES-256-GCM, a fresh 96-bit nonce per record,
// the record id as associated data (a ciphertext moved to another record does not decrypt).
//
// The keys live outside the database, in a key file readable by the terminal's user only (0600;
// anything looser is refused). Each key has a small number; a sealed field names the key that
// sealed it, so rotating (appending a new current key) keeps every older record readable.
// docs/registration-log.md says how to keep the key in a hardware or OS keystore instead.
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <map>

namespace lz {

class FieldKeys {
public:
    // Loads the key file, creating it with one fresh key when it does not exist.
    static Expected<FieldKeys> openOrCreate(const QString& path);
    static FieldKeys fromRaw(quint32 id, const QByteArray& key32); // tests and benchmarks

    // Appends a new key and makes it current; rewrites the file atomically (still 0600).
    Expected<quint32> rotate();

    quint32 currentId() const { return m_current; }
    int size() const { return int(m_keys.size()); }

    // key id (4 bytes, big-endian) || nonce (12) || ciphertext || tag (16).
    QByteArray seal(const QByteArray& plaintext, const QByteArray& associatedData) const;
    Expected<QByteArray> open(const QByteArray& sealed, const QByteArray& associatedData) const;

private:
    Expected<bool> save() const;
    QString m_path;
    std::map<quint32, QByteArray> m_keys;
    quint32 m_current = 0;
};

} // namespace lz

#include "verify/ReplayCache.h"

#include "credential/Claims.h"
#include "util/DurableFile.h"
#include "verify/Clock.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

namespace lz {
namespace {

// Journal, version 2: the magic, then entries of
//   u8 n, n bytes, i64 BE value, u32 BE CRC-32 (of the n byte, the bytes and the value);
// n = 8..32: a jti and its expiry; n = 0: the fail-closed window (value = the latest issue time
// that is refused). Version 1 (no magic, no CRC) is still read, and rewritten as version 2.
const QByteArray kMagic("LZRJ2\n");
constexpr qsizetype kMinJti = 8, kMaxJti = 32; // the presentation's jti bounds
constexpr qsizetype kPruneThreshold = 4096;

quint32 crc(const char* data, qsizetype n) {
    return quint32(crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(data), uInt(n)));
}

QByteArray entry(const QByteArray& tag, qint64 value) {
    QByteArray e;
    e.reserve(tag.size() + 13);
    e.append(char(tag.size()));
    e.append(tag);
    char v[8];
    qToBigEndian(value, v);
    e.append(v, 8);
    char c[4];
    qToBigEndian(crc(e.constData(), e.size()), c);
    e.append(c, 4);
    return e;
}

} // namespace

ReplayCache::ReplayCache(QString journalPath, qint64 trustedNow, qint64 clockNow, Mode mode,
                         bool expectJournal)
    : m_path(std::move(journalPath))
    , m_readOnly(mode == Mode::ReadOnly) {
    if (m_path.isEmpty())
        return;
    QFile in(m_path);
    // When the journal was last written, at the latest. With a clock mark: every verification
    // happens before the mark has moved kPersistStep past its last saved value, so within that
    // of it — a bound no wrong clock can stretch (a start with the clock in 2099 must not refuse
    // every code until 2099). Without one (a first start): the file's time or this clock's.
    const qint64 lastWrite = trustedNow > 0
                                 ? trustedNow + TimeGuard::kPersistStep
                                 : std::max(QFileInfo(m_path).lastModified().toSecsSinceEpoch(), clockNow);
    if (!in.exists() || in.size() == 0) {
        // A terminal that has verified before (it has a clock mark) always has a journal: one
        // that is gone or empty was deleted or truncated, and could have held any code.
        if (expectJournal) {
            m_blindUpTo = lastWrite + kMaxSkew;
            m_warning =
                QStringLiteral("replay journal %1 is missing or empty although this terminal has "
                               "verified before: codes shown before now are refused until they expire")
                    .arg(m_path);
        }
    } else {
        if (in.open(QIODevice::ReadOnly))
            load(in.readAll(), trustedNow, lastWrite);
        else {
            m_blindUpTo = lastWrite + kMaxSkew;
            m_warning =
                QStringLiteral("replay journal %1 unreadable (%2): codes shown before now are refused")
                    .arg(m_path, in.errorString());
        }
    }
    // Damage found now or on an earlier start that staff have not looked at yet: said every start.
    if (m_warning.isEmpty() && QFile::exists(m_path + QStringLiteral(".corrupt")))
        m_warning = QStringLiteral("replay journal was found damaged (kept as %1.corrupt); check it, then "
                                   "acknowledge with `liangzheng-cli replay acknowledge`")
                        .arg(m_path);
    if (!m_readOnly)
        rewriteJournal(trustedNow); // compact: drop what had expired by the trusted time
}

ReplayCache::~ReplayCache() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void ReplayCache::load(const QByteArray& data, qint64 trustedNow, qint64 lastWrite) {
    const bool v2 = data.startsWith(kMagic);
    const qsizetype trailer = v2 ? 4 : 0;
    qsizetype i = v2 ? kMagic.size() : 0;
    // What cannot be read might have held any presentation accepted up to the last write.
    auto unreadable = [&](bool damage) {
        m_blindUpTo = std::max(m_blindUpTo, lastWrite + kMaxSkew);
        if (!damage)
            return; // a torn tail (power cut mid-append): fail closed, but nothing for staff to see
        if (m_readOnly) {
            m_warning = QStringLiteral("replay journal %1 damaged at byte %2").arg(m_path).arg(i);
            return;
        }
        QFile::remove(m_path + QStringLiteral(".corrupt"));
        QFile::copy(m_path, m_path + QStringLiteral(".corrupt"));
        m_warning = QStringLiteral("replay journal damaged at byte %1 (kept as %2.corrupt): codes shown "
                                   "before now are refused until they expire; acknowledge with "
                                   "`liangzheng-cli replay acknowledge`")
                        .arg(i)
                        .arg(m_path);
    };
    while (i < data.size()) {
        const qsizetype len = quint8(data[i]);
        const bool marker = v2 && len == 0;
        if (!marker && (len < kMinJti || len > kMaxJti))
            return unreadable(true);
        const qsizetype size = 1 + len + 8 + trailer;
        if (i + size > data.size())
            return unreadable(false);
        if (v2 && qFromBigEndian<quint32>(data.constData() + i + 1 + len + 8) !=
                      crc(data.constData() + i, 1 + len + 8))
            return unreadable(true);
        const qint64 value = qFromBigEndian<qint64>(data.constData() + i + 1 + len);
        if (marker)
            m_blindUpTo = std::max(m_blindUpTo, value);
        else if (value >= trustedNow)
            m_seen.insert(data.mid(i + 1, len), value);
        i += size;
    }
}

bool ReplayCache::checkAndRecord(const QByteArray& jti, qint64 expiresAt, qint64 now) {
    QMutexLocker lock(&m_mutex);
    const auto it = m_seen.constFind(jti);
    if (it != m_seen.cend() && *it >= now)
        return true;
    if (m_seen.size() >= kPruneThreshold && m_seen.size() % kPruneThreshold == 0)
        prune(now);
    m_seen.insert(jti, expiresAt);
    if (m_fd >= 0) {
        if (auto written = appendAll(m_fd, entry(jti, expiresAt), m_path); !written)
            m_warning = QStringLiteral("replay journal cannot be written (%1): a restart would forget "
                                       "codes accepted since")
                            .arg(written.error().text());
        if (++m_journalEntries > 2 * m_seen.size() + kPruneThreshold)
            rewriteJournal(now);
    }
    return false;
}

bool ReplayCache::contains(const QByteArray& jti, qint64 now) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_seen.constFind(jti);
    return it != m_seen.cend() && *it >= now;
}

bool ReplayCache::mayHaveSeen(qint64 issuedAt) const {
    QMutexLocker lock(&m_mutex);
    return issuedAt <= m_blindUpTo;
}

qint64 ReplayCache::unreadableUpTo() const {
    QMutexLocker lock(&m_mutex);
    return m_blindUpTo;
}

QString ReplayCache::warning() const {
    QMutexLocker lock(&m_mutex);
    return m_warning;
}

qsizetype ReplayCache::size() const {
    QMutexLocker lock(&m_mutex);
    return m_seen.size();
}

void ReplayCache::prune(qint64 now) {
    m_seen.removeIf([now](const QHash<QByteArray, qint64>::iterator& it) { return it.value() < now; });
}

void ReplayCache::rewriteJournal(qint64 trustedNow) {
    if (m_path.isEmpty())
        return;
    // The window ends when the last presentation it covers has expired by the trusted time.
    if (m_blindUpTo > 0 && m_blindUpTo + claims::kMaxPresentationLifetime + kMaxSkew < trustedNow)
        m_blindUpTo = 0;
    QByteArray all = kMagic;
    if (m_blindUpTo > 0)
        all += entry(QByteArray(), m_blindUpTo);
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        all += entry(it.key(), it.value());
    // Replaced atomically or not at all: on a full disk the old journal stays, and is appended to.
    bool appendable = true;
    if (auto saved = writeFileDurably(m_path, all, 0600); !saved) {
        m_warning = QStringLiteral("replay journal not compacted (%1); the old one is kept")
                        .arg(saved.error().text());
        // An old journal of format 1 kept as it is must not get format-2 entries appended: the
        // next start would read them as damage. This run keeps its codes in memory only.
        QFile old(m_path);
        appendable = !old.exists() || old.size() == 0 ||
                     (old.open(QIODevice::ReadOnly) && old.read(kMagic.size()) == kMagic);
    } else {
        m_journalEntries = m_seen.size();
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!appendable)
        return;
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        m_warning = QStringLiteral("replay journal %1 cannot be opened for writing").arg(m_path);
    else if (::lseek(m_fd, 0, SEEK_END) == 0) // could not even be created whole: start it here
        (void)appendAll(m_fd, kMagic, m_path);
}

bool ReplayCache::acknowledgeDamage(const QString& journalPath, qint64 now) {
    const QString corrupt = journalPath + QStringLiteral(".corrupt");
    return QFile::exists(corrupt) &&
           QFile::rename(corrupt, corrupt + QStringLiteral("-acknowledged-%1").arg(now));
}

} // namespace lz

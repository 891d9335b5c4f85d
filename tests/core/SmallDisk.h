#pragma once
// A real full disk for tests: a small tmpfs mounted on a temporary directory (root only: CI runs
// as root), filled to the last page on request, unmounted when the object goes. Without root the
// test that needs it is skipped with a message saying so; a loop device or a FUSE filesystem
// would need root as well, and an LD_PRELOAD'ed write() that fails would not be the kernel's
// ENOSPC through every layer (QSaveFile's buffering is exactly what must be caught).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class SmallDisk {
public:
    explicit SmallDisk(int kib = 256) {
        if (::geteuid() != 0)
            return;
        m_mounted = QProcess::execute(QStringLiteral("mount"),
                                      {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=%1k,mode=0700").arg(kib),
                                       QStringLiteral("lz-small"), m_dir.path()}) == 0;
    }
    ~SmallDisk() {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return m_mounted; }
    QString path(const QString& name = {}) const {
        return name.isEmpty() ? m_dir.path() : m_dir.filePath(name);
    }

    // Fills the disk until write() fails, then frees `leaveBytes` (rounded down to pages) again.
    void fill(qint64 leaveBytes = 0) {
        QFile f(path(QStringLiteral("filler-%1").arg(m_fillers++)));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray page(4096, 'x');
        while (f.write(page) == page.size()) {
        }
        f.close();
        if (leaveBytes > 0)
            QVERIFY(f.resize(std::max<qint64>(0, f.size() - leaveBytes)));
    }
    void drain() {
        for (int i = 0; i < m_fillers; ++i)
            QFile::remove(path(QStringLiteral("filler-%1").arg(i)));
        m_fillers = 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    int m_fillers = 0;
};

#define LZ_NEED_SMALL_DISK(disk)                                                                             \
    if (!(disk).mounted())                                                                                   \
    QSKIP("a full disk needs a tmpfs mount (run as root, as CI does)")

#pragma once
// Replacing a file's contents so that a crash, a power cut or a full disk leaves either the old
// contents or the new, never an empty or half-written file, and a failure is always reported.
//
// Why not QSaveFile: Qt 6.4's QSaveFile buffers writes, and when the buffered write fails with
// ENOSPC at commit() it can still rename the (short or empty) temporary over the original and
// return true — a full disk silently emptied field keys, the trust cache and the replay journal.
// Here every step is checked by hand with POSIX calls: write (all of it), fsync, close, rename,
// and the directory's fsync (so the rename itself survives a power cut).
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <functional>

class QSettings;

namespace lz {

// How a durable write failed: the disk (or quota) is full, or any other I/O error. The screens
// and the CLI say a full disk as such; text() keeps the named form "disk_full: <path>: <step>: …".
enum class FileError { DiskFull, Io };

struct FileFailure {
    FileError code = FileError::Io;
    QString detail; // "<path>: <step>: <strerror>"
    QString text() const;
};

using FileResult = Expected<void, FileFailure>;

// Mode of a new file; an existing file's mode is kept when permissions is kKeepMode.
constexpr int kKeepMode = -1;

// Replaces path with bytes atomically and durably; DiskFull for ENOSPC and EDQUOT.
FileResult writeFileDurably(const QString& path, const QByteArray& bytes, int permissions = 0600);

// Appends bytes to an open descriptor-backed journal (O_APPEND): all of them or a named error.
// Not fsync'ed (see ReplayCache for why); a short write is reported, never ignored.
FileResult appendAll(int fd, const QByteArray& bytes, const QString& pathForErrors);

// QSettings (INI) writes through QSaveFile too. Applies edit to a copy of the file's settings in
// a scratch file beside it, checks that the scratch file holds every key afterwards, and only then
// replaces the file with writeFileDurably (mode kept). The original is untouched on any failure.
FileResult editSettingsDurably(const QString& iniPath, const std::function<void(QSettings&)>& edit);

} // namespace lz

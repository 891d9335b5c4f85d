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

// Mode of a new file; an existing file's mode is kept when permissions is kKeepMode.
constexpr int kKeepMode = -1;

// Replaces path with bytes atomically and durably. Errors are named by their first word:
// "disk_full: <path>: …" (ENOSPC, EDQUOT), "io_error: <path>: <step>: …" otherwise.
Expected<bool> writeFileDurably(const QString& path, const QByteArray& bytes, int permissions = 0600);

// Appends bytes to an open descriptor-backed journal (O_APPEND): all of them or a named error.
// Not fsync'ed (see ReplayCache for why); a short write is reported, never ignored.
Expected<bool> appendAll(int fd, const QByteArray& bytes, const QString& pathForErrors);

// QSettings (INI) writes through QSaveFile too. Applies edit to a copy of the file's settings in
// a scratch file beside it, checks that the scratch file holds every key afterwards, and only then
// replaces the file with writeFileDurably (mode kept). The original is untouched on any failure.
Expected<bool> editSettingsDurably(const QString& iniPath, const std::function<void(QSettings&)>& edit);

} // namespace lz

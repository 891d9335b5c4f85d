#pragma once
// Reading an eMRTD chip (ICAO 9303-10/-11) through any APDU transport: EF.CardAccess → PACE
// (ECDH generic mapping, AES) when the chip offers a supported PACEInfo, else BAC; the eMRTD
// application; then each file under secure messaging: SELECT EF and READ BINARY with the largest
// Le that fits (see kMaxReadLe); past offset 32 767 READ BINARY with odd INS B1.
// Counts the APDUs and bytes of every file, against the minimum the Le allows.
#include "icao/ActiveAuth.h"
#include "icao/Mrz.h"
#include "nfc/WalletReader.h"

#include <QList>
#include <QMap>
#include <functional>

namespace lz::icao {

// FIDs (9303-10 Table 38)
constexpr quint16 kEfCom = 0x011E, kEfDg1 = 0x0101, kEfDg2 = 0x0102, kEfDg14 = 0x010E, kEfDg15 = 0x010F,
                  kEfSod = 0x011D, kEfCardAccess = 0x011C;

// The largest READ BINARY answer a PN532 driven by libnfc can carry under secure messaging: the
// R-APDU is at most 262 bytes (docs/nfc-emulator.md); DO'87' (tag, 81 len, indicator, padded
// data) + DO'99' (4) + DO'8E' (10) + SW (2) leave 240 bytes of padded data, i.e. 239 plain bytes.
constexpr int kMaxReadLe = 239;

struct FileRead {
    QByteArray content;
    int apdus = 0; // SELECT + READ BINARYs for this file
    int minimumApdus = 0;
    ActiveAuthExchange activeAuth; // empty when the chip has no DG15

    QMap<int, QByteArray>
    dataGroups() const; // DG number → content, for passive authentication // 1 + ⌈size / Le⌉
};

struct ChipRead {
    QString access; // "PACE" or "BAC"
    QMap<quint16, FileRead> files;
    int apdus = 0; // all of them, access control included
    // The fewest possible for this chip and Le: EF.CardAccess + access control (BAC 4 with the
    // failed SELECT EF.CardAccess, PACE 8) + every file's minimum (+ 1 for active authentication).
    int minimumApdus = 0;
    ActiveAuthExchange activeAuth; // empty when the chip has no DG15

    QMap<int, QByteArray> dataGroups() const; // DG number → content, for passive authentication
    qint64 bytesSent = 0, bytesReceived = 0;
};

struct ChipReadOptions {
    // Empty: EF.COM, then what it lists of DG1, DG2, DG14, DG15, then EF.SOD.
    QList<quint16> files;
    bool activeAuthentication = true; // INTERNAL AUTHENTICATE when DG15 was read
    int maxLe = kMaxReadLe;
    std::function<QByteArray(int)> random; // RND.IFD and K.IFD; default: OpenSSL RAND_bytes
    // Called on the reading thread: (0, 0, 0) once the chip is open (BAC or PACE done), then after
    // every READ BINARY with the file, its bytes so far and its size (for the clerk's progress bar).
    std::function<void(quint16 fid, qsizetype done, qsizetype size)> progress;
};

// Errors: not_emrtd (no eMRTD application), bac_refused / pace_refused (the chip does not accept
// the MRZ's key: a mistyped MRZ), bac_*, pace_*, sm_*, lds_file_missing, lds_read_failed,
// lds_file_too_large (past 16 MB), tlv_*, and the transport's.
nfc::NfcExpected<ChipRead> readChip(const nfc::Transceive& transceive, const MrzKey& key,
                                    const ChipReadOptions& options = {});

} // namespace lz::icao

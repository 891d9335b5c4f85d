#include "icao/ChipReader.h"

#include "icao/Bac.h"
#include "icao/PaceSession.h"
#include "icao/SecureMessaging.h"
#include "icao/Tlv.h"
#include "nfc/Apdu.h"

#include <openssl/rand.h>

namespace lz::icao {

using nfc::CommandApdu;
using nfc::nfcError;
using nfc::NfcExpected;
using nfc::ResponseApdu;

namespace {
QByteArray randomBytes(int n) {
    QByteArray b(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(b.data()), n) != 1)
        qFatal("RAND_bytes failed");
    return b;
}

struct Session {
    const nfc::Transceive& transceive;
    ChipRead read;
    std::optional<SecureMessaging> sm;

    NfcExpected<ResponseApdu> plain(const CommandApdu& c) {
        auto bytes = c.encode();
        if (!bytes)
            return unexpected(bytes.error());
        return exchange(*bytes, false);
    }
    NfcExpected<ResponseApdu> secured(const CommandApdu& c) {
        auto bytes = sm->protect(c);
        if (!bytes)
            return unexpected(bytes.error());
        return exchange(*bytes, true);
    }
    NfcExpected<ResponseApdu> exchange(const QByteArray& bytes, bool protectedAnswer) {
        ++read.apdus;
        read.bytesSent += bytes.size();
        auto answer = transceive(bytes);
        if (!answer)
            return unexpected(answer.error());
        read.bytesReceived += answer->size();
        if (protectedAnswer)
            return sm->unprotect(*answer);
        return ResponseApdu::parse(*answer);
    }
};
} // namespace

NfcExpected<ChipRead> readChip(const nfc::Transceive& transceive, const MrzKey& key,
                               const ChipReadOptions& o) {
    const auto random = o.random ? o.random : randomBytes;
    const int maxLe = qBound(1, o.maxLe, 256);
    Session s{transceive, {}, std::nullopt};

    // EF.CardAccess (plain, in the master file): PACE if it offers a protocol this terminal has.
    std::optional<PaceInfo> pace;
    if (auto sel = s.plain({0x00, 0xA4, 0x02, 0x0C, QByteArray::fromHex("011C"), -1}); !sel)
        return unexpected(sel.error());
    else if (sel->ok()) {
        auto access = s.plain({0x00, 0xB0, 0x00, 0x00, {}, 256});
        if (!access)
            return unexpected(access.error());
        if (access->ok() || access->sw == 0x6282)
            pace = supportedPace(access->data);
    }
    if (pace) {
        auto keys = runPace([&](const CommandApdu& c) { return s.plain(c); }, key, *pace, random);
        if (!keys)
            return unexpected(keys.error());
        s.sm.emplace(*keys);
        s.read.access = QStringLiteral("PACE");
        auto selected = s.secured({0x00, 0xA4, 0x04, 0x0C, QByteArray::fromHex("A0000002471001"), -1});
        if (!selected)
            return unexpected(selected.error());
        if (!selected->ok())
            return nfcError("not_emrtd",
                            QStringLiteral("SELECT eMRTD application: %1").arg(nfc::swText(selected->sw)));
    } else {
        auto selected = s.plain({0x00, 0xA4, 0x04, 0x0C, QByteArray::fromHex("A0000002471001"), -1});
        if (!selected)
            return unexpected(selected.error());
        if (!selected->ok())
            return nfcError("not_emrtd",
                            QStringLiteral("SELECT eMRTD application: %1").arg(nfc::swText(selected->sw)));

        // BAC (9303-11 §4.3)
        auto challenge = s.plain({0x00, 0x84, 0x00, 0x00, {}, 8});
        if (!challenge)
            return unexpected(challenge.error());
        if (!challenge->ok() || challenge->data.size() != 8)
            return nfcError("bac_malformed",
                            QStringLiteral("GET CHALLENGE: %1").arg(nfc::swText(challenge->sw)));
        const Bac bac(key);
        const QByteArray rndIfd = random(8), kIfd = random(16);
        auto answer =
            s.plain({0x00, 0x82, 0x00, 0x00, bac.authenticationData(challenge->data, rndIfd, kIfd), 40});
        if (!answer)
            return unexpected(answer.error());
        if (!answer->ok())
            return nfcError(
                "bac_refused",
                QStringLiteral("EXTERNAL AUTHENTICATE: %1 — check the MRZ").arg(nfc::swText(answer->sw)));
        auto keys = bac.complete(answer->data, challenge->data, rndIfd, kIfd);
        if (!keys)
            return nfcError(keys.error().section(QLatin1Char(':'), 0, 0).toLatin1().constData(),
                            keys.error());
        s.sm.emplace(*keys);
        s.read.access = QStringLiteral("BAC");
    }

    for (quint16 fid : o.files) {
        FileRead file;
        const int before = s.read.apdus;
        QByteArray fidBytes;
        fidBytes += char(fid >> 8);
        fidBytes += char(fid & 0xFF);
        auto sel = s.secured({0x00, 0xA4, 0x02, 0x0C, fidBytes, -1});
        if (!sel)
            return unexpected(sel.error());
        if (!sel->ok())
            return nfcError(
                "lds_file_missing",
                QStringLiteral("file %1: %2").arg(fid, 4, 16, QLatin1Char('0')).arg(nfc::swText(sel->sw)));
        qsizetype size = 0; // known after the first read, from the file's own TLV header
        do {
            const qsizetype offset = file.content.size();
            if (offset > 0x7FFF)
                return nfcError("lds_file_too_large",
                                QStringLiteral("offsets past 32767 need READ BINARY B1"));
            const int le = size ? int(qMin<qsizetype>(maxLe, size - offset)) : maxLe;
            auto part = s.secured({0x00, 0xB0, quint8(offset >> 8), quint8(offset & 0xFF), {}, le});
            if (!part)
                return unexpected(part.error());
            // 6282: end of file reached before Le bytes (a file shorter than the first read asks).
            if ((!part->ok() && part->sw != 0x6282) || part->data.isEmpty())
                return nfcError(
                    "lds_read_failed",
                    QStringLiteral("READ BINARY at %1: %2").arg(offset).arg(nfc::swText(part->sw)));
            file.content += part->data;
            if (!size) {
                size = Tlv::announcedSize(file.content);
                if (!size)
                    return nfcError("tlv_truncated",
                                    QStringLiteral("file %1 header").arg(fid, 4, 16, QLatin1Char('0')));
            }
        } while (file.content.size() < size);
        file.content.truncate(size);
        file.apdus = s.read.apdus - before;
        file.minimumApdus = 1 + int((size + maxLe - 1) / maxLe);
        s.read.files.insert(fid, file);
    }
    return s.read;
}

} // namespace lz::icao

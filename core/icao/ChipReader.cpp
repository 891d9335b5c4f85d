#include "icao/ChipReader.h"

#include "icao/Bac.h"
#include "icao/Lds.h"
#include "icao/PaceSession.h"
#include "icao/PassiveAuth.h"
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

// One file under secure messaging: SELECT EF, then READ BINARY (B1 past 32 767) until the size
// its own TLV header announces.
static NfcExpected<FileRead> readFile(Session& s, quint16 fid, int maxLe, const ChipReadOptions& o) {
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
            nfc::NfcCode::LdsFileMissing,
            QStringLiteral("file %1: %2").arg(fid, 4, 16, QLatin1Char('0')).arg(nfc::swText(sel->sw)));
    qsizetype size = 0; // known after the first read, from the file's own TLV header
    do {
        const qsizetype offset = file.content.size();
        if (offset > 0xFFFFFF)
            return nfcError(nfc::NfcCode::LdsFileTooLarge, QStringLiteral("file past 16 MB"));
        QByteArray data;
        if (offset <= 0x7FFF) {
            const int le = size ? int(qMin<qsizetype>(maxLe, size - offset)) : maxLe;
            auto part = s.secured({0x00, 0xB0, quint8(offset >> 8), quint8(offset & 0xFF), {}, le});
            if (!part)
                return unexpected(part.error());
            // 6282: end of file reached before Le bytes (a file shorter than the first read asks).
            if ((!part->ok() && part->sw != 0x6282) || part->data.isEmpty())
                return nfcError(
                    nfc::NfcCode::LdsReadFailed,
                    QStringLiteral("READ BINARY at %1: %2").arg(offset).arg(nfc::swText(part->sw)));
            data = part->data;
        } else {
            // Past P1-P2's 15 bits: READ BINARY with odd INS, the offset in DO'54', the data
            // back in DO'53' (ISO 7816-4 §11.2.3; 9303-10 §3.6.3 for files over 32 KB).
            QByteArray offsetObject = QByteArray::fromHex(offset > 0xFFFF ? "5403" : "5402");
            if (offset > 0xFFFF)
                offsetObject += char(offset >> 16);
            offsetObject += char((offset >> 8) & 0xFF);
            offsetObject += char(offset & 0xFF);
            const int overhead = maxLe - 2 > 127 ? 3 : 2; // 53, length (81 xx past 127 bytes)
            const int le = size ? int(qMin<qsizetype>(maxLe, size - offset + overhead)) : maxLe;
            auto part = s.secured({0x00, 0xB1, 0x00, 0x00, offsetObject, le});
            if (!part)
                return unexpected(part.error());
            auto wrapped = Tlv::parse(part->data);
            if ((!part->ok() && part->sw != 0x6282) || !wrapped || wrapped->tag != 0x53 ||
                wrapped->value.isEmpty())
                return nfcError(
                    nfc::NfcCode::LdsReadFailed,
                    QStringLiteral("READ BINARY (B1) at %1: %2").arg(offset).arg(nfc::swText(part->sw)));
            data = wrapped->value;
        }
        file.content += data;
        if (!size) {
            size = Tlv::announcedSize(file.content);
            if (!size)
                return nfcError(nfc::NfcCode::TlvTruncated,
                                QStringLiteral("file %1 header").arg(fid, 4, 16, QLatin1Char('0')));
        }
        if (o.progress)
            o.progress(fid, qMin(file.content.size(), size), size);
    } while (file.content.size() < size);
    file.content.truncate(size);
    file.apdus = s.read.apdus - before;
    // Beyond 32 767 each B1 answer spends 2 or 3 bytes of Le on its DO'53' header.
    // B0 reads start at every offset up to 32 767; the last of them may reach past it.
    const qsizetype plainReads = (qMin<qsizetype>(size, 0x8000) + maxLe - 1) / maxLe;
    const qsizetype rest = qMax<qsizetype>(0, size - plainReads * maxLe);
    const int highLe = maxLe - (maxLe - 2 > 127 ? 3 : 2);
    file.minimumApdus = 1 + int(plainReads + (rest + highLe - 1) / highLe);
    return file;
}

NfcExpected<ChipRead> readChip(const nfc::Transceive& transceive, const MrzKey& key,
                               const ChipReadOptions& o) {
    const auto random = o.random ? o.random : randomBytes;
    const int maxLe = qBound(8, o.maxLe, 256); // B1 needs room for its DO'53' header
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
            return nfcError(nfc::NfcCode::NotEmrtd,
                            QStringLiteral("SELECT eMRTD application: %1").arg(nfc::swText(selected->sw)));
    } else {
        auto selected = s.plain({0x00, 0xA4, 0x04, 0x0C, QByteArray::fromHex("A0000002471001"), -1});
        if (!selected)
            return unexpected(selected.error());
        if (!selected->ok())
            return nfcError(nfc::NfcCode::NotEmrtd,
                            QStringLiteral("SELECT eMRTD application: %1").arg(nfc::swText(selected->sw)));

        // BAC (9303-11 §4.3)
        auto challenge = s.plain({0x00, 0x84, 0x00, 0x00, {}, 8});
        if (!challenge)
            return unexpected(challenge.error());
        if (!challenge->ok() || challenge->data.size() != 8)
            return nfcError(nfc::NfcCode::BacMalformed,
                            QStringLiteral("GET CHALLENGE: %1").arg(nfc::swText(challenge->sw)));
        const Bac bac(key);
        const QByteArray rndIfd = random(8), kIfd = random(16);
        auto answer =
            s.plain({0x00, 0x82, 0x00, 0x00, bac.authenticationData(challenge->data, rndIfd, kIfd), 40});
        if (!answer)
            return unexpected(answer.error());
        if (!answer->ok())
            return nfcError(
                nfc::NfcCode::BacRefused,
                QStringLiteral("EXTERNAL AUTHENTICATE: %1 — check the MRZ").arg(nfc::swText(answer->sw)));
        auto keys = bac.complete(answer->data, challenge->data, rndIfd, kIfd);
        if (!keys)
            return unexpected(keys.error());
        s.sm.emplace(*keys);
        s.read.access = QStringLiteral("BAC");
    }
    if (o.progress)
        o.progress(0, 0, 0); // the chip is open

    // Which files: given, or what EF.COM lists of DG1, DG2, DG14 and DG15, then EF.SOD.
    QList<quint16> files = o.files;
    if (files.isEmpty()) {
        auto com = readFile(s, kEfCom, maxLe, o);
        if (!com)
            return unexpected(com.error());
        s.read.files.insert(kEfCom, *com);
        auto listed = EfCom::parse(com->content);
        if (!listed)
            return nfcError(nfc::NfcCode::LdsMalformed, listed.error());
        files = {kEfDg1, kEfDg2};
        if (listed->dataGroups.contains(14))
            files << kEfDg14;
        if (listed->dataGroups.contains(15))
            files << kEfDg15;
        files << kEfSod;
    }
    for (quint16 fid : files) {
        auto file = readFile(s, fid, maxLe, o);
        if (!file)
            return unexpected(file.error());
        s.read.files.insert(fid, *file);
    }
    // Nothing signs EF.COM: a copied chip could leave DG15 out of it to escape active
    // authentication. What the (signed) security object lists of DG14 and DG15 is read too.
    if (o.files.isEmpty())
        if (auto listed = securityObjectDataGroups(s.read.files.value(kEfSod).content))
            for (quint16 fid : {kEfDg14, kEfDg15})
                if (listed->contains(int(fid - kEfDg1) + 1) && !s.read.files.contains(fid)) {
                    auto file = readFile(s, fid, maxLe, o);
                    if (!file)
                        return unexpected(file.error());
                    s.read.files.insert(fid, *file);
                }
    // Active authentication when the chip has a DG15: it signs 8 random bytes of ours.
    int extra = 0;
    if (o.activeAuthentication && s.read.files.contains(kEfDg15)) {
        const QByteArray challenge = random(8);
        auto answer = s.secured({0x00, 0x88, 0x00, 0x00, challenge, 256});
        // A document that left, or a reader that failed, is read again; an answer that cannot be
        // carried (a 2048-bit RSA signature exceeds the PN532's frame under SM) is judged as a
        // failed active authentication, not as a failed read.
        if (!answer && nfc::isTransportFailure(answer.error().code))
            return unexpected(answer.error());
        s.read.activeAuth = {challenge, answer && answer->ok() ? answer->data : QByteArray(),
                             answer ? (answer->ok() ? QString() : nfc::swText(answer->sw))
                                    : answer.error().toString()};
        extra = 1;
    }
    s.read.minimumApdus = (s.read.access == QLatin1String("PACE") ? 8 : 4) + extra;
    for (const FileRead& f : s.read.files)
        s.read.minimumApdus += f.minimumApdus;
    return s.read;
}

QMap<int, QByteArray> ChipRead::dataGroups() const {
    QMap<int, QByteArray> out;
    for (auto it = files.begin(); it != files.end(); ++it)
        if (it.key() >= kEfDg1 && it.key() <= kEfDg1 + 15)
            out.insert(int(it.key() - kEfDg1) + 1, it.value().content);
    return out;
}

} // namespace lz::icao

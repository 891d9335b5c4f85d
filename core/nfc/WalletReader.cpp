#include "nfc/WalletReader.h"

#include "nfc/Apdu.h"

#include <algorithm>

namespace lz::nfc {

namespace {
// SELECT + SIGN + the GET RESPONSEs a maximal answer needs, and a little slack.
constexpr int kMaxRoundTrips = 4 + wallet::kMaxPresentationBytes / wallet::kChunk;

struct Session {
    const Transceive& transceive;
    WalletRead read;
    int retriedLe = 0;

    NfcExpected<ResponseApdu> exchange(const CommandApdu& command) {
        auto bytes = command.encode();
        if (!bytes)
            return unexpected(bytes.error());
        ++read.apdus;
        read.bytesSent += bytes->size();
        auto answer = transceive(*bytes);
        if (!answer)
            return unexpected(answer.error());
        read.bytesReceived += answer->size();
        auto r = ResponseApdu::parse(*answer);
        // 6CXX: wrong Le, XX is right (ISO 7816-4 5.1.3): the same command once more with it.
        if (r && r->sw1() == 0x6C && command.le > 0 && retriedLe == 0) {
            CommandApdu again = command;
            again.le = r->sw2() == 0 ? 256 : r->sw2();
            retriedLe = 1;
            auto second = exchange(again);
            retriedLe = 0;
            return second;
        }
        return r;
    }
};
} // namespace

namespace {

// READ PORTRAIT from offset 0 until the announced size: each answer 90 00 with 1..Le bytes.
NfcExpected<QByteArray> readPortrait(Session& s, int size) {
    QByteArray portrait;
    const int maxTrips = s.read.apdus + size / wallet::kChunk + 2;
    while (portrait.size() < size) {
        if (s.read.apdus >= maxTrips)
            return nfcError(NfcCode::PortraitBroken, QStringLiteral("too many round trips"));
        const int offset = int(portrait.size());
        const int want = std::min(wallet::kChunk, size - offset);
        auto part = s.exchange({wallet::kClaProprietary,
                                wallet::kInsReadPortrait,
                                quint8(offset >> 8),
                                quint8(offset & 0xff),
                                {},
                                want});
        if (!part)
            return unexpected(part.error());
        if (!part->ok() || part->data.isEmpty() || part->data.size() > want)
            return nfcError(NfcCode::PortraitBroken, QStringLiteral("at %1 of %2: %3, %4 bytes")
                                                         .arg(offset)
                                                         .arg(size)
                                                         .arg(swText(part->sw))
                                                         .arg(part->data.size()));
        portrait += part->data;
    }
    return portrait;
}

} // namespace

NfcExpected<WalletRead> readWallet(const Transceive& transceive, const wallet::Challenge& challenge,
                                   bool withPortrait) {
    Session s{transceive, {}};

    auto selected = s.exchange({0x00, wallet::kInsSelect, 0x04, 0x00, wallet::aid(), 256});
    if (!selected)
        return unexpected(selected.error());
    if (!selected->ok())
        return nfcError(NfcCode::NotWallet, QStringLiteral("SELECT answered %1").arg(swText(selected->sw)));
    auto info = wallet::AppInfo::decode(selected->data);
    if (!info)
        return unexpected(info.error());

    auto answer = s.exchange(
        {wallet::kClaProprietary, wallet::kInsSignChallenge, 0x00, 0x00, challenge.encode(), wallet::kChunk});
    QByteArray presentation;
    for (;;) {
        if (!answer)
            return unexpected(answer.error());
        if (!answer->ok() && !answer->moreData())
            return nfcError(NfcCode::WalletRefused,
                            QStringLiteral("challenge answered %1").arg(swText(answer->sw)));
        presentation += answer->data;
        if (presentation.size() > wallet::kMaxPresentationBytes)
            return nfcError(NfcCode::ResponseTooLarge,
                            QStringLiteral("more than %1 bytes").arg(wallet::kMaxPresentationBytes));
        if (answer->ok())
            break;
        // Each GET RESPONSE must bring something, and a whole answer fits in a bounded number of
        // them: a card that says "more" for ever must not hold the reader for ever.
        if (answer->data.isEmpty())
            return nfcError(NfcCode::WalletBadResponse, QStringLiteral("61XX without data"));
        if (s.read.apdus >= kMaxRoundTrips)
            return nfcError(NfcCode::ResponseTooLarge,
                            QStringLiteral("more than %1 round trips").arg(kMaxRoundTrips));
        const int next = answer->sw2() == 0 ? wallet::kChunk : answer->sw2();
        answer = s.exchange({0x00, wallet::kInsGetResponse, 0x00, 0x00, {}, next});
    }
    if (presentation.isEmpty())
        return nfcError(NfcCode::WalletBadResponse, QStringLiteral("empty presentation"));
    s.read.presentation = std::move(presentation);
    if (withPortrait && info->portraitBytes > 0) {
        // A portrait that cannot be read costs the face check, not the verification.
        auto portrait = readPortrait(s, info->portraitBytes);
        if (portrait)
            s.read.portrait = std::move(*portrait);
        else
            s.read.portraitProblem = portrait.error();
    }
    return s.read;
}

} // namespace lz::nfc

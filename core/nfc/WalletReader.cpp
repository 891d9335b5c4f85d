#include "nfc/WalletReader.h"

#include "nfc/Apdu.h"

namespace lz::nfc {

namespace {
struct Session {
    const Transceive& transceive;
    WalletRead read;

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
        return ResponseApdu::parse(*answer);
    }
};
} // namespace

NfcExpected<WalletRead> readWallet(const Transceive& transceive, const wallet::Challenge& challenge) {
    Session s{transceive, {}};

    auto selected = s.exchange({0x00, wallet::kInsSelect, 0x04, 0x00, wallet::aid(), 256});
    if (!selected)
        return unexpected(selected.error());
    if (!selected->ok())
        return nfcError("not_wallet", QStringLiteral("SELECT answered %1").arg(swText(selected->sw)));
    if (auto info = wallet::AppInfo::decode(selected->data); !info)
        return unexpected(info.error());

    auto answer = s.exchange(
        {wallet::kClaProprietary, wallet::kInsSignChallenge, 0x00, 0x00, challenge.encode(), wallet::kChunk});
    QByteArray presentation;
    for (;;) {
        if (!answer)
            return unexpected(answer.error());
        if (!answer->ok() && !answer->moreData())
            return nfcError("wallet_refused",
                            QStringLiteral("challenge answered %1").arg(swText(answer->sw)));
        presentation += answer->data;
        if (presentation.size() > wallet::kMaxPresentationBytes)
            return nfcError("response_too_large",
                            QStringLiteral("more than %1 bytes").arg(wallet::kMaxPresentationBytes));
        if (answer->ok())
            break;
        const int next = answer->sw2() == 0 ? wallet::kChunk : answer->sw2();
        answer = s.exchange({0x00, wallet::kInsGetResponse, 0x00, 0x00, {}, next});
    }
    if (presentation.isEmpty())
        return nfcError("wallet_bad_response", QStringLiteral("empty presentation"));
    s.read.presentation = std::move(presentation);
    return s.read;
}

} // namespace lz::nfc

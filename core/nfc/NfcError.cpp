#include "nfc/NfcError.h"

namespace lz::nfc {

QString nfcCodeName(NfcCode code) {
    switch (code) {
    case NfcCode::CardLeft:
        return QStringLiteral("card_left");
    case NfcCode::CardTimeout:
        return QStringLiteral("card_timeout");
    case NfcCode::CardUnsupported:
        return QStringLiteral("card_unsupported");
    case NfcCode::ResidentIdCard:
        return QStringLiteral("resident_id_card");
    case NfcCode::ReaderIo:
        return QStringLiteral("reader_io");
    case NfcCode::ReaderHung:
        return QStringLiteral("reader_hung");
    case NfcCode::ReaderCrashed:
        return QStringLiteral("reader_crashed");
    case NfcCode::ReaderOpenFailed:
        return QStringLiteral("reader_open_failed");
    case NfcCode::ReaderStopped:
        return QStringLiteral("reader_stopped");
    case NfcCode::WireMalformed:
        return QStringLiteral("wire_malformed");
    case NfcCode::WireOversized:
        return QStringLiteral("wire_oversized");
    case NfcCode::ApduTruncated:
        return QStringLiteral("apdu_truncated");
    case NfcCode::ApduTooLong:
        return QStringLiteral("apdu_too_long");
    case NfcCode::NotWallet:
        return QStringLiteral("not_wallet");
    case NfcCode::WalletVersion:
        return QStringLiteral("wallet_version");
    case NfcCode::WalletRefused:
        return QStringLiteral("wallet_refused");
    case NfcCode::WalletBadResponse:
        return QStringLiteral("wallet_bad_response");
    case NfcCode::ResponseTooLarge:
        return QStringLiteral("response_too_large");
    case NfcCode::PortraitTooLarge:
        return QStringLiteral("portrait_too_large");
    case NfcCode::PortraitBroken:
        return QStringLiteral("portrait_broken");
    case NfcCode::NotEmrtd:
        return QStringLiteral("not_emrtd");
    case NfcCode::BacMalformed:
        return QStringLiteral("bac_malformed");
    case NfcCode::BacRefused:
        return QStringLiteral("bac_refused");
    case NfcCode::BacMacMismatch:
        return QStringLiteral("bac_mac_mismatch");
    case NfcCode::BacNonceMismatch:
        return QStringLiteral("bac_nonce_mismatch");
    case NfcCode::PaceMalformed:
        return QStringLiteral("pace_malformed");
    case NfcCode::PaceRefused:
        return QStringLiteral("pace_refused");
    case NfcCode::PaceTokenMismatch:
        return QStringLiteral("pace_token_mismatch");
    case NfcCode::SmError:
        return QStringLiteral("sm_error");
    case NfcCode::SmMalformed:
        return QStringLiteral("sm_malformed");
    case NfcCode::SmMissingObjects:
        return QStringLiteral("sm_missing_objects");
    case NfcCode::SmMacMismatch:
        return QStringLiteral("sm_mac_mismatch");
    case NfcCode::TlvTruncated:
        return QStringLiteral("tlv_truncated");
    case NfcCode::LdsMalformed:
        return QStringLiteral("lds_malformed");
    case NfcCode::LdsFileMissing:
        return QStringLiteral("lds_file_missing");
    case NfcCode::LdsReadFailed:
        return QStringLiteral("lds_read_failed");
    case NfcCode::LdsFileTooLarge:
        return QStringLiteral("lds_file_too_large");
    }
    return {};
}

std::optional<NfcCode> nfcCodeFromName(const QString& name) {
    for (int i = 0; i <= int(NfcCode::LdsFileTooLarge); ++i)
        if (nfcCodeName(NfcCode(i)) == name)
            return NfcCode(i);
    return std::nullopt;
}

NfcFailureKind nfcFailureKind(NfcCode code) {
    switch (code) {
    case NfcCode::CardLeft:
    case NfcCode::CardTimeout:
        return NfcFailureKind::CardMoved;
    case NfcCode::ReaderIo:
    case NfcCode::ReaderHung:
    case NfcCode::ReaderCrashed:
    case NfcCode::ReaderOpenFailed:
    case NfcCode::ReaderStopped:
    case NfcCode::WireMalformed:
    case NfcCode::WireOversized:
        return NfcFailureKind::ReaderFault;
    case NfcCode::CardUnsupported:
        return NfcFailureKind::CardUnsupported;
    case NfcCode::ResidentIdCard:
        return NfcFailureKind::IdCard;
    case NfcCode::NotWallet:
    case NfcCode::WalletVersion:
    case NfcCode::NotEmrtd:
        return NfcFailureKind::NoApplication;
    case NfcCode::WalletRefused:
        return NfcFailureKind::HolderDeclined;
    case NfcCode::BacRefused:
    case NfcCode::PaceRefused:
        return NfcFailureKind::KeyRefused;
    case NfcCode::ApduTruncated:
    case NfcCode::ApduTooLong:
    case NfcCode::WalletBadResponse:
    case NfcCode::ResponseTooLarge:
    case NfcCode::PortraitTooLarge:
    case NfcCode::PortraitBroken:
    case NfcCode::BacMalformed:
    case NfcCode::BacMacMismatch:
    case NfcCode::BacNonceMismatch:
    case NfcCode::PaceMalformed:
    case NfcCode::PaceTokenMismatch:
    case NfcCode::SmError:
    case NfcCode::SmMalformed:
    case NfcCode::SmMissingObjects:
    case NfcCode::SmMacMismatch:
    case NfcCode::TlvTruncated:
    case NfcCode::LdsMalformed:
    case NfcCode::LdsFileMissing:
    case NfcCode::LdsReadFailed:
    case NfcCode::LdsFileTooLarge:
        return NfcFailureKind::Protocol;
    }
    return NfcFailureKind::Protocol;
}

} // namespace lz::nfc

#include "idcard/SamStatus.h"

#include <array>

namespace lz::idcard {

std::optional<SamStatus> samStatusFromByte(quint8 sw3) {
    constexpr std::array kAll{SamStatus::Ok,
                              SamStatus::CardFound,
                              SamStatus::FindFailed,
                              SamStatus::SelectFailed,
                              SamStatus::NoContent,
                              SamStatus::ChecksumError,
                              SamStatus::LengthError,
                              SamStatus::BadCommand,
                              SamStatus::NotPermitted,
                              SamStatus::UnknownError,
                              SamStatus::CardAuthFailed,
                              SamStatus::SamAuthFailed,
                              SamStatus::InfoCheckFailed,
                              SamStatus::FingerprintFailed,
                              SamStatus::UnknownCardType,
                              SamStatus::ReadFailed,
                              SamStatus::RandomFailed,
                              SamStatus::SamSelfTestFailed,
                              SamStatus::SamNotAuthorised};
    for (SamStatus s : kAll)
        if (quint8(s) == sw3)
            return s;
    return std::nullopt;
}

std::optional<SamError> samErrorOf(SamStatus s) {
    switch (s) {
    case SamStatus::Ok:
    case SamStatus::CardFound:
        return std::nullopt;
    case SamStatus::FindFailed:
        return SamError::NoCard;
    case SamStatus::SelectFailed:
        return SamError::SelectFailed;
    case SamStatus::NoContent:
        return SamError::NoContent;
    case SamStatus::ChecksumError:
        return SamError::SamChecksum;
    case SamStatus::LengthError:
        return SamError::SamLength;
    case SamStatus::BadCommand:
        return SamError::BadCommand;
    case SamStatus::NotPermitted:
        return SamError::NotPermitted;
    case SamStatus::UnknownError:
        return SamError::SamUnknown;
    case SamStatus::CardAuthFailed:
        return SamError::CardAuthFailed;
    case SamStatus::SamAuthFailed:
        return SamError::SamAuthFailed;
    case SamStatus::InfoCheckFailed:
        return SamError::InfoCheckFailed;
    case SamStatus::FingerprintFailed:
        return SamError::FingerprintFailed;
    case SamStatus::UnknownCardType:
        return SamError::UnknownCardType;
    case SamStatus::ReadFailed:
        return SamError::ReadFailed;
    case SamStatus::RandomFailed:
        return SamError::RandomFailed;
    case SamStatus::SamSelfTestFailed:
        return SamError::SamSelfTestFailed;
    case SamStatus::SamNotAuthorised:
        return SamError::SamNotAuthorised;
    }
    return SamError::UnknownStatus;
}

SamError samErrorOfByte(quint8 sw3) {
    const auto status = samStatusFromByte(sw3);
    return status ? samErrorOf(*status).value_or(SamError::UnknownStatus) : SamError::UnknownStatus;
}

QString samErrorName(SamError e) {
    switch (e) {
    case SamError::NoCard:
        return QStringLiteral("no_card");
    case SamError::SelectFailed:
        return QStringLiteral("select_failed");
    case SamError::NoContent:
        return QStringLiteral("no_content");
    case SamError::SamChecksum:
        return QStringLiteral("sam_checksum");
    case SamError::SamLength:
        return QStringLiteral("sam_length");
    case SamError::BadCommand:
        return QStringLiteral("bad_command");
    case SamError::NotPermitted:
        return QStringLiteral("not_permitted");
    case SamError::SamUnknown:
        return QStringLiteral("sam_unknown_error");
    case SamError::CardAuthFailed:
        return QStringLiteral("card_auth_failed");
    case SamError::SamAuthFailed:
        return QStringLiteral("sam_auth_failed");
    case SamError::InfoCheckFailed:
        return QStringLiteral("info_check_failed");
    case SamError::FingerprintFailed:
        return QStringLiteral("fingerprint_failed");
    case SamError::UnknownCardType:
        return QStringLiteral("unknown_card_type");
    case SamError::ReadFailed:
        return QStringLiteral("read_failed");
    case SamError::RandomFailed:
        return QStringLiteral("random_failed");
    case SamError::SamSelfTestFailed:
        return QStringLiteral("sam_self_test_failed");
    case SamError::SamNotAuthorised:
        return QStringLiteral("sam_not_authorised");
    case SamError::UnknownStatus:
        return QStringLiteral("unknown_status");
    case SamError::FrameChecksum:
        return QStringLiteral("frame_checksum");
    case SamError::FrameLength:
        return QStringLiteral("frame_length");
    case SamError::AnswerMalformed:
        return QStringLiteral("answer_malformed");
    case SamError::NoAnswer:
        return QStringLiteral("no_answer");
    case SamError::PortUnavailable:
        return QStringLiteral("port_unavailable");
    case SamError::PortLost:
        return QStringLiteral("port_lost");
    case SamError::TextMalformed:
        return QStringLiteral("text_malformed");
    }
    return {};
}

std::optional<SamError> samErrorFromName(QStringView name) {
    for (int i = 0; i <= int(SamError::TextMalformed); ++i)
        if (samErrorName(SamError(i)) == name)
            return SamError(i);
    return std::nullopt;
}

SamFailureKind samFailureKind(SamError e) {
    switch (e) {
    case SamError::CardAuthFailed:
    case SamError::SamAuthFailed:
    case SamError::InfoCheckFailed:
        return SamFailureKind::CardNotAuthentic;
    case SamError::NoCard:
    case SamError::SelectFailed:
    case SamError::RandomFailed:
    case SamError::ReadFailed: // 41: most often the card moved during the read
        return SamFailureKind::CardMoved;
    case SamError::NoContent:
    case SamError::FingerprintFailed:
    case SamError::UnknownCardType:
    case SamError::TextMalformed:
        return SamFailureKind::Unreadable;
    case SamError::SamChecksum:
    case SamError::SamLength:
    case SamError::BadCommand:
    case SamError::NotPermitted:
    case SamError::SamUnknown:
    case SamError::SamSelfTestFailed:
    case SamError::SamNotAuthorised:
    case SamError::UnknownStatus:
    case SamError::FrameChecksum:
    case SamError::FrameLength:
    case SamError::AnswerMalformed:
    case SamError::NoAnswer:
    case SamError::PortUnavailable:
    case SamError::PortLost:
        return SamFailureKind::ReaderFault;
    }
    return SamFailureKind::ReaderFault;
}

QString SamFailure::text() const {
    return detail.isEmpty() ? samErrorName(code) : samErrorName(code) + QStringLiteral(": ") + detail;
}

} // namespace lz::idcard

#include "IdCardCommand.h"

#include "CardFiles.h"

namespace lz::issuer {

// --kind picks a demo card (an invented person with a valid number); the other options change
// its fields, so tests can make expired, inconsistent or unusual cards.
int idCardCommand(const cli::Options& o) {
    const QString out = o.value(QStringLiteral("--out"));
    const QString kind = o.value(QStringLiteral("--kind"), QStringLiteral("resident"));
    if (out.isEmpty())
        return cli::fail(
            QStringLiteral("usage: id-card --out DIR [--kind resident|residence_permit|foreigner_2023|"
                           "foreigner_old] [--name N] [--birth YYYYMMDD] [--number N] [--sex 1|2] "
                           "[--valid-from YYYYMMDD] [--valid-to YYYYMMDD|长期] [--photo-seed N]"));
    std::optional<idcard::CardType> type;
    for (idcard::CardType t : samemu::allCardTypes())
        if (idcard::cardTypeName(t) == kind)
            type = t;
    if (!type)
        return cli::fail(QStringLiteral("id-card: no card kind %1").arg(kind));
    idcard::CardText card = samemu::demoCard(*type);
    const auto set = [&](const char* option, QString& field) {
        if (o.has(QLatin1String(option)))
            field = o.value(QLatin1String(option));
    };
    set("--name", card.name);
    set("--birth", card.birth);
    set("--number", card.number);
    set("--sex", card.sex);
    set("--valid-from", card.validFrom);
    set("--valid-to", card.validTo);
    const samemu::CardFiles files{samemu::writeTextBlock(card),
                                  samemu::placeholderPhoto(quint8(o.number("--photo-seed", 1)))};
    if (auto saved = files.save(out); !saved)
        return cli::fail(saved.error(), cli::kExitRejected);
    cli::printJson({{QStringLiteral("card"), out}, {QStringLiteral("kind"), kind}});
    return cli::kExitOk;
}

} // namespace lz::issuer

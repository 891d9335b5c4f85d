#include "Commands.h"

#include "qr/QrImageDecoder.h"

namespace lz::clicmd {

int verify(Terminal& terminal, const cli::Options& o) {
    const bool unmasked = o.has(QStringLiteral("--unmasked"));
    QStringList inputs;
    if (o.has(QStringLiteral("--image"))) {
        auto reading = QrImageDecoder().decodeFile(o.value(QStringLiteral("--image")));
        if (!reading)
            return cli::fail(reading.error());
        inputs.append(reading->text);
    } else {
        const QStringList words = o.positional();
        const QString arg = words.value(1, QStringLiteral("-"));
        if (arg == QLatin1String("-")) {
            auto data = cli::readFile(QStringLiteral("-"));
            if (!data)
                return cli::fail(data.error());
            for (const QByteArray& line : data->split('\n'))
                if (!line.trimmed().isEmpty())
                    inputs.append(QString::fromUtf8(line.trimmed()));
        } else {
            inputs.append(arg);
        }
    }
    if (inputs.isEmpty())
        return cli::fail(QStringLiteral("nothing to verify"));
    bool allValid = true;
    for (const QString& text : inputs) {
        const VerificationResult r = terminal.verifier().verifyQrText(text);
        allValid = allValid && r.valid;
        cli::printJson(r.toJson(unmasked));
    }
    return allValid ? cli::kExitOk : cli::kExitRejected;
}

} // namespace lz::clicmd

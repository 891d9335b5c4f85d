#include "log/LogImpl.h"

#include <map>

namespace lz {

LogVerifyReport RegistrationLog::verify() const {
    LogVerifyReport report;
    auto problem = [&](LogProblem::Kind kind, qint64 seq, const QByteArray& id, const QString& text,
                       qint64 last = 0) {
        report.problems.append({kind, seq, last ? last : seq, recordIdText(id), text});
    };
    struct Cp {
        QByteArray chain, signature;
        qint64 createdMs;
    };
    std::map<qint64, Cp> checkpoints;
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    if (d->version >= 2 &&
        q.exec(QStringLiteral("SELECT seq, chain_hash, created_ms, signature FROM checkpoints")))
        while (q.next())
            checkpoints[q.value(0).toLongLong()] = {q.value(1).toByteArray(), q.value(3).toByteArray(),
                                                    q.value(2).toLongLong()};
    q.finish();
    report.checkpoints = qint64(checkpoints.size());
    auto signedOk = [&](qint64 seq, const Cp& cp) {
        return d->publicKey.verify(checkpointMessage(d->terminalId, seq, cp.chain, cp.createdMs),
                                   cp.signature);
    };
    // Every checkpoint's signature is checked (about 50 µs each): a checkpoint that is not the
    // terminal's own is evidence of tampering even where its chain hash matches.
    std::map<qint64, QByteArray> storedAt; // the stored chain hash at each checkpoint's record

    // The anchor outside the database (log/LogAnchor.h): a truncation, a tail deleted with its
    // checkpoints, or an acknowledgement the gateway never gave shows against it.
    std::optional<LogAnchor> anchor;
    if (!d->options.anchorPath.isEmpty()) {
        auto read = LogAnchor::read(d->options.anchorPath);
        if (!read)
            problem(LogProblem::Kind::AnchorMissing, 0, {}, read.error().text());
        else if (!*read)
            problem(LogProblem::Kind::AnchorMissing, 0, {},
                    QStringLiteral("the anchor file %1 is gone: the log's length can no longer be checked")
                        .arg(d->options.anchorPath));
        else if ((*read)->logId != d->logId)
            problem(LogProblem::Kind::AnchorMismatch, 0, {},
                    QStringLiteral("the anchor file belongs to another log"));
        else
            anchor = **read;
    }
    QByteArray chainAtCheckpointAnchor, chainAtGatewayAnchor;
    QList<qint64> ackedBeyondGateway;

    if (!q.exec(kSelect + QStringLiteral("ORDER BY seq"))) {
        problem(LogProblem::Kind::Edited, 0, {},
                QStringLiteral("cannot read the log: %1").arg(q.lastError().text()));
        return report;
    }
    qint64 expected = 1;
    QByteArray previous(32, '\0');
    while (q.next()) {
        const Registration r = d->fromRow(q, false);
        const QByteArray personal = column(q, Col::Personal).toByteArray();
        const QByteArray personalHash = column(q, Col::PersonalHash).toByteArray();
        const QByteArray storedContent = column(q, Col::ContentHash).toByteArray();
        const QByteArray storedChain = column(q, Col::ChainHash).toByteArray();
        ++report.records;
        if (r.purgedAtMs)
            ++report.purged;
        if (r.seq > expected)
            problem(LogProblem::Kind::Deleted, expected, {},
                    r.seq - 1 == expected
                        ? QStringLiteral("record %1 is missing").arg(expected)
                        : QStringLiteral("records %1 to %2 are missing").arg(expected).arg(r.seq - 1),
                    r.seq - 1);
        bool contentOk =
            contentHash(r, personalHash.isEmpty() ? QByteArray() : personalHash) == storedContent;
        if (!personal.isEmpty() && sha256({personal}) != personalHash)
            contentOk = false;
        if (personal.isEmpty() && !personalHash.isEmpty() && !r.purgedAtMs)
            contentOk = false; // personal fields removed without a purge
        if (r.purgedAtMs && !r.ackedAtMs)
            contentOk = false; // purged before the gateway had it
        if (!contentOk)
            problem(LogProblem::Kind::Edited, r.seq, r.id,
                    QStringLiteral("record %1 (%2) was changed after it was written")
                        .arg(r.seq)
                        .arg(recordIdText(r.id)));
        else if (r.seq == expected && chainHash(previous, r.seq, storedContent) != storedChain)
            problem(LogProblem::Kind::Inserted, r.seq, r.id,
                    QStringLiteral("the chain breaks at record %1 (%2): it, or the record before it, was "
                                   "inserted or replaced")
                        .arg(r.seq)
                        .arg(recordIdText(r.id)));
        if (checkpoints.count(r.seq))
            storedAt[r.seq] = storedChain;
        if (anchor && r.seq == anchor->checkpointSeq)
            chainAtCheckpointAnchor = storedChain;
        if (anchor && r.seq == anchor->gatewaySeq)
            chainAtGatewayAnchor = storedChain;
        if (anchor && r.ackedAtMs && r.seq > anchor->gatewaySeq)
            ackedBeyondGateway.append(r.seq);
        previous = storedChain; // go on from what is stored, so each problem is named once
        expected = r.seq + 1;
    }
    for (auto it = checkpoints.begin(); it != checkpoints.end(); ++it) {
        const qint64 seq = it->first;
        const auto stored = storedAt.find(seq);
        const bool mismatch = stored != storedAt.end() && stored->second != it->second.chain;
        if (!signedOk(seq, it->second)) {
            problem(LogProblem::Kind::CheckpointSignature, seq, {},
                    QStringLiteral("checkpoint at record %1 is not signed by this terminal's key").arg(seq));
            continue;
        }
        if (mismatch)
            problem(LogProblem::Kind::CheckpointMismatch, seq, {},
                    QStringLiteral("the chain at record %1 differs from the signed checkpoint: the log was "
                                   "rewritten up to there")
                        .arg(seq));
        else if (seq >= expected && std::next(it) == checkpoints.end())
            problem(LogProblem::Kind::Truncated, expected, {},
                    QStringLiteral("records %1 to %2 were signed in a checkpoint but are gone")
                        .arg(expected)
                        .arg(seq),
                    seq);
    }
    if (anchor) {
        const struct {
            const char* what;
            qint64 seq;
            const QByteArray& chain;
            const QByteArray& stored;
        } heads[] = {{"the newest signed checkpoint", anchor->checkpointSeq, anchor->checkpointChain,
                      chainAtCheckpointAnchor},
                     {"the head the gateway confirmed", anchor->gatewaySeq, anchor->gatewayChain,
                      chainAtGatewayAnchor}};
        for (const auto& h : heads) {
            if (h.seq == 0)
                continue;
            if (h.stored.isEmpty())
                problem(LogProblem::Kind::Truncated, h.seq, {},
                        QStringLiteral("record %1 (%2, kept outside the database) is gone: the log was cut "
                                       "short or emptied")
                            .arg(h.seq)
                            .arg(QLatin1String(h.what)),
                        h.seq);
            else if (h.stored != h.chain)
                problem(LogProblem::Kind::AnchorMismatch, h.seq, {},
                        QStringLiteral("the chain at record %1 differs from %2: the log was rewritten up to "
                                       "there")
                            .arg(h.seq)
                            .arg(QLatin1String(h.what)));
        }
        if (!ackedBeyondGateway.isEmpty()) {
            QStringList seqs;
            for (qint64 seq : ackedBeyondGateway)
                seqs.append(QString::number(seq));
            problem(
                LogProblem::Kind::AckedUnconfirmed, ackedBeyondGateway.first(), {},
                QStringLiteral("records %1 are marked acknowledged, but the gateway confirmed records up to "
                               "%2 only")
                    .arg(seqs.join(QStringLiteral(", ")))
                    .arg(anchor->gatewaySeq),
                ackedBeyondGateway.last());
        }
    }
    return report;
}

} // namespace lz

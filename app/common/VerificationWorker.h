#pragma once
// Runs the Verifier on its own thread, so that decoding, signature checks and the replay
// journal never block the UI thread. Payloads are verified in arrival order.
#include "verify/Verifier.h"

#include <QObject>
#include <QThread>

namespace lz {

class VerificationWorker : public QObject {
    Q_OBJECT
public:
    explicit VerificationWorker(Verifier& verifier);
    ~VerificationWorker() override;

public slots:
    // capturedNs: steady-clock time of the camera frame the payload came from (0 if none).
    void verify(const QString& text, qint64 capturedNs);

signals:
    void verified(const lz::VerificationResult& result, qint64 capturedNs, qint64 verdictNs);

private:
    Verifier& m_verifier;
    QThread m_thread;
};

} // namespace lz

Q_DECLARE_METATYPE(lz::VerificationResult)

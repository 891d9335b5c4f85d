#include "common/VerificationWorker.h"

#include "camera/Frame.h"

namespace lz {

VerificationWorker::VerificationWorker(Verifier& verifier)
    : m_verifier(verifier) {
    qRegisterMetaType<lz::VerificationResult>("lz::VerificationResult");
    m_thread.setObjectName(QStringLiteral("verifier"));
    moveToThread(&m_thread);
    m_thread.start();
}

VerificationWorker::~VerificationWorker() {
    m_thread.quit();
    m_thread.wait();
}

void VerificationWorker::verify(const QString& text, qint64 capturedNs) {
    const VerificationResult r = m_verifier.verifyQrText(text);
    emit verified(r, capturedNs, steadyNowNs());
}

} // namespace lz

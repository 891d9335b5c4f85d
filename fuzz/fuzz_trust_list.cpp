// libFuzzer: the trust-list parser. The input is taken as the payload and signed with a fixed
// anchor key for each run, so the fuzzer reaches the payload parser behind the signature;
// inputs starting with 0xD2 (COSE tag 18) are also parsed as a whole signed list.
#include "trust/TrustList.h"

#include "cose/CoseSign1.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const lz::PrivateKey anchor = lz::PrivateKey::generate(lz::Algorithm::EdDSA);
    static const QList<lz::TrustAnchor> anchors{{"a", anchor.publicKey()}};
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (!bytes.isEmpty() && quint8(bytes[0]) == 0xD2)
        (void)lz::TrustList::parse(bytes, anchors);
    const QByteArray signedList = lz::CoseSign1::sign(anchor, "a", bytes).encode();
    if (auto list = lz::TrustList::parse(signedList, anchors)) {
        for (const auto& issuer : list->issuers)
            (void)list->isRevoked(issuer.issuer, QByteArray(8, '\x01'));
        (void)list->revocationCount();
    }
    return 0;
}

// libFuzzer: COSE_Sign1 decoding, the credential and presentation claim parsers (CWT, cnf
// COSE_Key, document claims) and the verifier's whole path on the decoded bytes.
#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Credential.h"
#include "credential/Presentation.h"
#include "verify/Verifier.h"

#include <cstdint>

namespace {
struct Fixture {
    lz::PrivateKey anchor = lz::PrivateKey::generate(lz::Algorithm::EdDSA);
    lz::TrustStore store{{{"a", anchor.publicKey()}}, {}};
    lz::FixedClock clock{1790000000};
    lz::ReplayCache replay;
    lz::TimeGuard guard;
    lz::Verifier verifier{store, clock, &guard, &replay};
    Fixture() {
        lz::TrustList l;
        l.sequence = 1;
        l.issuedAt = 1789990000;
        l.nextUpdate = 1790090000;
        l.issuers.append({"k",
                          QStringLiteral("FUZZ"),
                          {},
                          lz::PrivateKey::generate(lz::Algorithm::ES256).publicKey(),
                          0,
                          1800000000});
        store.install(l.sign(anchor, "a"));
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Fixture fixture;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto s = lz::CoseSign1::decode(bytes)) {
        (void)s->toBeSigned();
        (void)lz::Presentation::fromClaims(s->payload);
        (void)lz::Credential::fromClaims(s->payload);
    }
    (void)lz::Credential::fromClaims(bytes);
    (void)lz::Presentation::fromClaims(bytes);
    if (auto v = lz::cbor::decode(bytes); v && v->isMap())
        (void)lz::PublicKey::fromCoseKey(v->toMap());
    const lz::VerificationResult r = fixture.verifier.verifyPresentation(bytes);
    if (r.valid) // nothing the fuzzer makes can carry a trusted issuer's signature
        __builtin_trap();
    return 0;
}

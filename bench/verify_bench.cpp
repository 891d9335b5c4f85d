// Whole verification of a rotating-QR presentation per algorithm, side by side with the raw
// OpenSSL cost of the two signature verifications it contains (issuer + holder), on the same
// keys and messages. Bar (issue 2): whole verification <= 1.3 x raw signature cost.
#include "BenchSummary.h"
#include "cose/CoseSign1.h"
#include "credential/Credential.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "verify/Verifier.h"

#include <cstdio>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace lz;

namespace {

constexpr qint64 kNow = 1790000000;
constexpr int kPresentations = 4000;

// One algorithm's world: a trust list with its issuer, a credential, and many presentations
// (each verification must be a fresh jti, so the replay cache stays in the path).
struct World {
    Algorithm alg;
    PrivateKey anchor = PrivateKey::generate(Algorithm::ES256);
    PrivateKey issuer, device;
    std::unique_ptr<TrustStore> store;
    QStringList qr;
    QByteArray credential;

    explicit World(Algorithm a)
        : alg(a)
        , issuer(PrivateKey::generate(a))
        , device(PrivateKey::generate(a)) {
        TrustList l;
        l.sequence = 1;
        l.issuedAt = kNow - 60;
        l.nextUpdate = kNow + 86400;
        l.issuers.append({"issuer", QStringLiteral("BENCH"), {}, issuer.publicKey(), 0, kNow + 86400});
        store = std::make_unique<TrustStore>(QList<TrustAnchor>{{"anchor", anchor.publicKey()}}, QString());
        store->install(l.sign(anchor, "anchor"));
        Credential c;
        c.issuer = QStringLiteral("BENCH");
        c.id = QByteArray::fromHex("0102030405060708");
        c.issuedAt = c.notBefore = kNow - 86400;
        c.expiresAt = kNow + 365 * 86400;
        c.holderKey = device.publicKey();
        c.identity.kind = DocumentKind::ResidentId;
        c.identity.level = CredentialLevel::Full;
        c.identity.name = QStringLiteral("张三");
        c.identity.sex = Sex::Male;
        c.identity.ethnicity = 1;
        c.identity.birthDate = QDate(1949, 12, 31);
        c.identity.documentNumber = QStringLiteral("110105194912310011");
        c.identity.address = QStringLiteral("北京市朝阳区建国路 1 号");
        credential = c.issue(issuer, "issuer");
        for (int i = 0; i < kPresentations; ++i)
            qr.append(qr::encode(Presentation::make(credential, kNow).sign(device)));
    }
};

World& world(Algorithm a) {
    static std::map<Algorithm, std::unique_ptr<World>> worlds;
    auto& w = worlds[a];
    if (!w)
        w = std::make_unique<World>(a);
    return *w;
}

void BM_Verify(benchmark::State& state) {
    World& w = world(Algorithm(state.range(0)));
    FixedClock clock(kNow);
    TimeGuard guard;
    ReplayCache replay;
    Verifier verifier(*w.store, clock, &guard, &replay);
    int i = 0, valid = 0;
    for (auto _ : state) {
        const VerificationResult r = verifier.verifyQrText(w.qr[i++ % kPresentations]);
        valid += r.valid;
        benchmark::DoNotOptimize(r);
    }
    if (valid != state.iterations())
        state.SkipWithError("a presentation did not verify as valid");
}

// The raw cost: OpenSSL verifies the issuer's and the holder's signature, keys already parsed,
// messages (Sig_structure) already built, signatures already in OpenSSL's DER form.
struct RawCheck {
    EVP_PKEY* key = nullptr;
    QByteArray tbs, sig;
    Algorithm alg;
};

EVP_PKEY* toEvp(const PublicKey& k) {
    const QByteArray pem = k.toPem();
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return key;
}

QByteArray der(const QByteArray& raw, Algorithm alg) {
    if (alg == Algorithm::EdDSA)
        return raw;
    ECDSA_SIG* s = ECDSA_SIG_new();
    ECDSA_SIG_set0(s, BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.constData()), 32, nullptr),
                   BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.constData()) + 32, 32, nullptr));
    unsigned char* out = nullptr;
    const int len = i2d_ECDSA_SIG(s, &out);
    QByteArray d(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    ECDSA_SIG_free(s);
    return d;
}

bool rawVerify(const RawCheck& c) {
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    const EVP_MD* digest = c.alg == Algorithm::ES256 ? EVP_sha256()
                           : c.alg == Algorithm::SM2 ? EVP_sm3()
                                                     : nullptr;
    if (c.alg == Algorithm::SM2) {
        pctx = EVP_PKEY_CTX_new(c.key, nullptr);
        EVP_PKEY_CTX_set1_id(pctx, "1234567812345678", 16);
        EVP_MD_CTX_set_pkey_ctx(md, pctx);
    }
    EVP_DigestVerifyInit(md, nullptr, digest, nullptr, c.key);
    const bool ok = EVP_DigestVerify(
                        md, reinterpret_cast<const unsigned char*>(c.sig.constData()), size_t(c.sig.size()),
                        reinterpret_cast<const unsigned char*>(c.tbs.constData()), size_t(c.tbs.size())) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_CTX_free(pctx);
    return ok;
}

void BM_RawSignatures(benchmark::State& state) {
    World& w = world(Algorithm(state.range(0)));
    const CoseSign1 cred = *CoseSign1::decode(w.credential);
    const CoseSign1 pres = *CoseSign1::decode(*qr::decode(w.qr.first()));
    const RawCheck issuer{toEvp(w.issuer.publicKey()), cred.toBeSigned(), der(cred.signature, w.alg), w.alg};
    const RawCheck holder{toEvp(w.device.publicKey()), pres.toBeSigned(), der(pres.signature, w.alg), w.alg};
    bool ok = true;
    for (auto _ : state) {
        ok = rawVerify(issuer) && ok;
        ok = rawVerify(holder) && ok;
    }
    if (!ok)
        state.SkipWithError("raw verification failed");
    EVP_PKEY_free(issuer.key);
    EVP_PKEY_free(holder.key);
}

const char* name(Algorithm a) {
    return a == Algorithm::ES256 ? "ES256" : a == Algorithm::EdDSA ? "EdDSA" : "SM2";
}

} // namespace

// Both benchmarks over the three algorithms, kPresentations each, five repetitions.
void threeAlgorithms(benchmark::internal::Benchmark* b) {
    for (Algorithm a : {Algorithm::ES256, Algorithm::EdDSA, Algorithm::SM2})
        b->Arg(int(a));
    b->Iterations(kPresentations)->Repetitions(5)->ReportAggregatesOnly(true)->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_Verify)->Apply(threeAlgorithms);
BENCHMARK(BM_RawSignatures)->Apply(threeAlgorithms);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    lz::bench::RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nWhole verification vs raw OpenSSL cost of its two signatures (medians of 5 runs)\n");
    std::printf("%-6s %14s %14s %8s   bar <= 1.30\n", "alg", "verify (us)", "raw sigs (us)", "ratio");
    int failures = 0;
    for (Algorithm a : {Algorithm::ES256, Algorithm::EdDSA, Algorithm::SM2}) {
        const std::string arg =
            "/" + std::to_string(int(a)) + "/iterations:" + std::to_string(kPresentations) + "/repeats:5";
        const double v = reporter.nanos("BM_Verify" + arg), r = reporter.nanos("BM_RawSignatures" + arg);
        if (v == 0 || r == 0)
            continue;
        const bool pass = v / r <= 1.30;
        failures += !pass;
        std::printf("%-6s %14.1f %14.1f %8.3f   %s\n", name(a), v / 1e3, r / 1e3, v / r,
                    pass ? "meets" : "MISSES");
    }
    benchmark::Shutdown();
    return failures ? 1 : 0;
}

// The terminal's side of the NFC wallet protocol against a hostile "phone": the input is the
// sequence of R-APDUs it answers with (each a 2-byte big-endian length, then the bytes; a length
// of FFFF is a transport error). Whatever readWallet() accepts goes through the real Verifier
// with the terminal's challenge (demo trust list) — the credential-over-NFC decoding. No crash,
// and nothing hostile is ever valid.
#include "demo/DemoKit.h"
#include "nfc/WalletReader.h"
#include "verify/Verifier.h"

#include <cstdint>

using namespace lz;
using namespace lz::nfc;

namespace {
constexpr qint64 kNow = 1790000000;
struct World {
    std::optional<demo::DemoKit> kit;
    std::unique_ptr<TrustStore> store;
    FixedClock clock{kNow};
    World() {
        kit = std::move(*demo::DemoKit::load(kNow));
        store = std::make_unique<TrustStore>(QList<TrustAnchor>{kit->anchor()}, QString());
        (void)store->install(kit->signTrustList(kNow));
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World world;
    qsizetype pos = 0;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const Transceive scripted = [&](const QByteArray&) -> NfcExpected<QByteArray> {
        if (pos + 2 > input.size())
            return nfcError(NfcCode::CardLeft, QStringLiteral("end of input"));
        const int n = quint8(input[pos]) << 8 | quint8(input[pos + 1]);
        pos += 2;
        if (n == 0xFFFF)
            return nfcError(NfcCode::CardTimeout);
        const QByteArray r = input.mid(pos, qMin<qsizetype>(n, 263));
        pos += n;
        return r;
    };
    const auto challenge = wallet::Challenge{QByteArray(16, '\x42'), QStringLiteral("T-FUZZ"), kNow};
    // With the portrait (issue 17): its announcement and its parts are outside bytes too.
    auto read = readWallet(scripted, challenge, true);
    if (!read)
        return 0;
    if (read->portrait.size() > wallet::kMaxPortraitBytes)
        __builtin_trap();
    ReplayCache replay;
    Verifier v(*world.store, world.clock, nullptr, &replay);
    const auto r = v.verifyPresentation(read->presentation, challenge.nonce, challenge.terminalId);
    // A valid answer needs a holder's device key over this fixed challenge: impossible to find.
    if (r.valid)
        __builtin_trap();
    return 0;
}

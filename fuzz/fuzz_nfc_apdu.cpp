// Every parser of bytes that arrive over NFC or from the reader helper, on arbitrary input:
// C-APDUs (the phone's side) and R-APDUs (the terminal's), the wallet's application info and
// challenge, the helper's message stream, and the phone's applet answering whatever it is sent.
// No crash; what parses re-encodes to what was parsed.
#include "demo/DemoKit.h"
#include "nfc/Apdu.h"
#include "nfc/WalletProtocol.h"
#include "nfcreader/NfcWire.h"
#include "wallet/WalletApplet.h"

#include <cstdint>

using namespace lz;
using namespace lz::nfc;

namespace {
lz::wallet::WalletApplet& phone() {
    static auto kit = demo::DemoKit::load(1790000000);
    static lz::wallet::WalletApplet applet(kit->holders().at(0).credential, kit->holders().at(0).deviceKey,
                                           [] { return qint64(1790000000); });
    return applet;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));

    if (auto c = CommandApdu::parse(bytes)) {
        auto again = c->encode();
        if (!again || CommandApdu::parse(*again)->data != c->data)
            __builtin_trap();
    }
    if (auto r = ResponseApdu::parse(bytes); r && r->encode() != bytes)
        __builtin_trap();
    (void)nfc::wallet::AppInfo::decode(bytes);
    if (auto ch = nfc::wallet::Challenge::decode(bytes)) {
        auto back = nfc::wallet::Challenge::decode(ch->encode());
        if (!back || back->nonce != ch->nonce || back->terminalId != ch->terminalId || back->time != ch->time)
            __builtin_trap();
    }

    WireReader wire; // in two pieces, as a pipe may deliver them
    wire.feed(bytes.left(bytes.size() / 3));
    for (int i = 0; i < 2; ++i) {
        for (;;) {
            auto m = wire.next();
            if (!m || !*m)
                break;
            (void)(*m)->value(QStringLiteral("ev")).toString();
        }
        wire.feed(bytes.mid(bytes.size() / 3));
    }

    const QByteArray answer = phone().process(bytes);
    if (answer.size() < 2 || answer.size() > 258)
        __builtin_trap();
    return 0;
}

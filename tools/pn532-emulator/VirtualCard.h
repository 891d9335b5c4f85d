#pragma once
// Cards the emulated PN532 can have in its field. Each answers InListPassiveTarget with its
// target data and InDataExchange with its R-APDUs (ISO 14443-4 carries the APDUs; the PN532
// does the block protocol, so the emulator exchanges whole APDUs).
#include <QByteArray>
#include <functional>
#include <memory>

namespace lz::wallet {
class WalletApplet;
}

namespace lz::pn532 {

class VirtualCard {
public:
    virtual ~VirtualCard() = default;
    virtual quint8 brTy() const = 0; // InListPassiveTarget BrTy: 0x00 type A, 0x03 type B
    virtual QByteArray
    targetData() const = 0; // after Tg: type A SENS_RES SEL_RES NFCIDLen NFCID ATS; type B ATQB …
    virtual QByteArray transceive(const QByteArray& capdu) = 0;
    virtual void powerUp() {} // entering the field: a chip starts from its reset state
};

// A type A ISO-DEP card (as a phone's host card emulation looks: ATQA 00 04, SAK 20, a random
// UID starting 08, ATS with FSCI 8) answering SELECT for one AID with 90 00 and anything else
// with "instruction not supported" — the stand-in until the wallet applet plugs in here.
class IsoDepCard final : public VirtualCard {
public:
    explicit IsoDepCard(QByteArray aid, QByteArray uid = QByteArray::fromHex("08123456"));
    quint8 brTy() const override { return 0x00; }
    QByteArray targetData() const override;
    QByteArray transceive(const QByteArray& capdu) override;

private:
    QByteArray m_aid, m_uid;
    bool m_selected = false;
};

// A phone holding the e-ID wallet (type A ISO-DEP like IsoDepCard) whose host card emulation
// answers with lz-wallet's applet (tools/wallet/WalletApplet).
class WalletCard final : public VirtualCard {
public:
    explicit WalletCard(std::shared_ptr<wallet::WalletApplet> applet,
                        QByteArray uid = QByteArray::fromHex("08a1b2c3"));
    quint8 brTy() const override { return 0x00; }
    QByteArray targetData() const override;
    QByteArray transceive(const QByteArray& capdu) override;

private:
    std::shared_ptr<wallet::WalletApplet> m_applet;
    QByteArray m_uid;
};

// A card whose ISO-DEP application is given as a function (e.g. the emulated passport chip,
// tools/passport/PassportChip), type A.
class ApduCard final : public VirtualCard {
public:
    ApduCard(std::function<QByteArray(const QByteArray&)> process, QByteArray uid,
             std::function<void()> powerUp = {});
    void powerUp() override {
        if (m_powerUp)
            m_powerUp();
    }
    quint8 brTy() const override { return 0x00; }
    QByteArray targetData() const override;
    QByteArray transceive(const QByteArray& capdu) override { return m_process(capdu); }

private:
    std::function<QByteArray(const QByteArray&)> m_process;
    QByteArray m_uid;
    std::function<void()> m_powerUp;
};

// An ISO 14443-B card that shows only its PUPI to a plain reader (a resident ID card seen
// without the SAM): every APDU is refused.
class TypeBCard final : public VirtualCard {
public:
    explicit TypeBCard(QByteArray pupi = QByteArray::fromHex("11223344"));
    quint8 brTy() const override { return 0x03; }
    QByteArray targetData() const override;
    QByteArray transceive(const QByteArray& capdu) override;

private:
    QByteArray m_pupi;
};

} // namespace lz::pn532

#pragma once
// The PN532's command set as far as libnfc's pn532_uart driver uses it (docs/nfc-emulator.md):
// answers each command frame's payload with the response payload, with the cards in its field
// and the faults a test scripts.
#include "VirtualCard.h"

#include <QByteArray>
#include <QList>
#include <memory>
#include <optional>

namespace lz::pn532 {

struct Faults {
    int removeCardAtApdu = 0;      // the card leaves the field when this APDU (1-based) arrives; 0: never
    int cardAppearsAfterPolls = 0; // InListPassiveTarget finds nothing this many times first
    bool noAck = false;            // never acknowledge (a hung reader)
    bool badChecksum = false;      // responses with a wrong data checksum
    int delayMs = 0;               // before each response
    int stallAtApdu = 0;           // this APDU is acknowledged, never answered (a hung reader)
    int nadAtApdu = 0;             // this APDU's status byte has the NAD bit (libnfc aborts)
};

class Pn532Emulator {
public:
    explicit Pn532Emulator(Faults faults = {});
    void insert(std::unique_ptr<VirtualCard> card) { m_cards.push_back(std::move(card)); }
    // The response payload (TFI D5 not included) for a command payload; nullopt: no answer.
    std::optional<QByteArray> handle(const QByteArray& command);
    const Faults& faults() const { return m_faults; }
    // The cards are in the field (a tap) or not (taken away); a new tap clears removeCardAtApdu's
    // removal and selects again. only >= 0: just that card (in insertion order) is in the field.
    void setPresent(bool present, int only = -1);
    bool present() const { return m_present && !m_removed; }
    int apdus() const { return m_apdus; }

private:
    QByteArray listPassiveTarget(const QByteArray& params);
    QByteArray dataExchange(const QByteArray& params);

    Faults m_faults;
    std::vector<std::unique_ptr<VirtualCard>> m_cards;
    VirtualCard* m_active = nullptr;
    bool m_removed = false, m_present = true;
    int m_only = -1;
    int m_polls = 0, m_apdus = 0;
};

} // namespace lz::pn532

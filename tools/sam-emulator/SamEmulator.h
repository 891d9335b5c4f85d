#pragma once
// The SAM of an ID-card reader, as lz-sam-emu plays it: answers each request frame as the
// module does (docs/id-card-reader.md), with the cards laid on it and the faults a test asks for.
// Timing (the SAM's processing, the serial line's rate) is the caller's: handle() says how long
// the SAM would have worked on the request.
#include "CardFiles.h"
#include "idcard/SamFrame.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace lz::samemu {

struct SamDelays { // milliseconds the SAM works before it answers (estimates: see the docs)
    int find = 8, select = 12, read = 100, other = 2;
};

struct SamFaults {
    bool selectFails = false;    // 20 02 → 81
    quint8 readStatus = 0;       // 30 01 answers this status instead of the card (31, 32, 33, 41, ...)
    bool liftDuringRead = false; // the card leaves during the read: 41, and the card is gone
    int badChecksumEvery = 0;    // every Nth answer has a wrong checksum (1: all)
    bool silent = false;         // no answer at all
    QString newAddress;          // 30 03 answers this address (an endorsed move); empty: 91, none
};

class SamEmulator {
public:
    SamEmulator(QByteArray samId, SamFaults faults, SamDelays delays);
    void addCard(CardFiles card) { m_cards.append(std::move(card)); }
    qsizetype cardCount() const { return m_cards.size(); }
    // Lays card n (a new placement: it can be found and read once), or lifts the card.
    void place(int n = 0);
    void lift();

    struct Answer {
        QByteArray frame; // empty: no answer
        int workMs = 0;   // the SAM's processing before the first byte
    };
    Answer handle(const idcard::SamFrame& request);

private:
    Answer answer(quint8 sw3, const QByteArray& data, int workMs);

    QByteArray m_samId;
    SamFaults m_faults;
    SamDelays m_delays;
    QList<CardFiles> m_cards;
    std::optional<int> m_present; // the card on the reader
    bool m_found = false, m_selected = false, m_read = false;
    int m_answers = 0;
};

} // namespace lz::samemu

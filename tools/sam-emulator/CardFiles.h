#pragma once
// Cards for the emulated SAM reader: the 256-byte text block written from a card's fields (the
// inverse of core's parseTextBlock), a 1024-byte placeholder for the WLT photo (the real format
// has no open encoder), and the demo cards (invented people, valid numbers). lz-issuer writes
// them to a directory (text.bin, photo.wlt) that lz-sam-emu serves.
#include "idcard/CardText.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QList>

namespace lz::samemu {

QByteArray writeTextBlock(const idcard::CardText& card);

// "LZWLT" + a version byte + the seed, then a pattern from the seed: the test decoder turns it
// into a known image (its colour from the seed), a real decoder refuses it.
QByteArray placeholderPhoto(quint8 seed);
inline constexpr char kPlaceholderMagic[] = "LZWLT1";

struct CardFiles {
    QByteArray text, photo;
    static Expected<CardFiles> load(const QString& dir);
    Expected<void> save(const QString& dir) const;
};

// The demo cards, valid today for years: a resident card (张伟, the demo phone's holder), a Hong
// Kong resident's residence permit (J), a 2023 foreigner card (Y) and an old foreigner card (I).
idcard::CardText demoCard(idcard::CardType type);
QList<idcard::CardType> allCardTypes();

} // namespace lz::samemu

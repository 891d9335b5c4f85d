#pragma once
// SHA-256 over one or more byte ranges, hashed in sequence without joining them (OpenSSL).
#include <QByteArray>
#include <QByteArrayView>
#include <initializer_list>

namespace lz {

QByteArray sha256(std::initializer_list<QByteArrayView> parts);

} // namespace lz

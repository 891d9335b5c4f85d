#pragma once
// One side of mutual TLS, as both the terminal and the gateway use it: our certificate and key
// (PEM; EC or RSA), and the one CA we accept the peer's certificate from (pinned: the system
// store is not used), with peer verification required.
#include "util/Expected.h"

#include <QSslConfiguration>

namespace lz {

Expected<QSslConfiguration> mutualTls(const QString& certFile, const QString& keyFile, const QString& caFile);

} // namespace lz

#pragma once
// The gateway's HTTPS machinery (issue 14, finding 4): Boost.Beast over Boost.Asio's OpenSSL
// stream, in place of Qt HTTP Server 6.4, which hands a request over only after its whole body
// has arrived and has no timeouts — a 300 MB body took the gateway to 1.2 GB, a connection that
// dripped header bytes stayed open for good. Here, before anything is buffered:
//  - a body whose Content-Length exceeds the limit is refused with 413 from its header alone;
//    a chunked body is cut off at the limit (the parser's body_limit) — never buffered past it;
//  - the header is capped (header_limit) and must arrive whole within its deadline, the body
//    within its own, the TLS handshake within its own, an idle keep-alive connection is closed;
//  - connections are bounded per client address and in all.
// Why Beast: it is the one well-kept C++ HTTP library in Debian 12 that reads a request in
// steps we control (header, then body against a limit) on OpenSSL, which the project uses for
// all TLS; libmicrohttpd would bring GnuTLS, cpp-httplib has no total deadline for a header,
// and a front such as nginx would have to hand the client's identity to the gateway over a
// channel a local process could forge. One thread runs the event loop; requests are answered
// in it (the store's transactions take milliseconds; slow peers never hold the thread).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>

namespace lz::gateway {

struct FrontLimits {
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int handshakeTimeoutMs = 10'000;
    int headerTimeoutMs = 10'000; // from the first byte awaited to the end of the header
    int bodyTimeoutMs = 30'000;   // from the end of the header to the end of the body
    int idleTimeoutMs = 15'000;   // a kept-alive connection with no new request
    int writeTimeoutMs = 30'000;
    int maxConnectionsPerClient = 32;
    int maxConnections = 1024;
};

struct HttpRequest {
    QByteArray method, path;
    QByteArray query;                             // after '?', still percent-encoded
    QList<QPair<QByteArray, QByteArray>> headers; // lower-case names
    QByteArray body;
    QString clientCommonName; // the verified client certificate's CN
    QByteArray header(const QByteArray& lowerName) const;
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Fault injection (tests of the terminal): drop the connection instead of answering, or
    // never answer at all.
    enum class Delivery { Answer, Drop, Never } delivery = Delivery::Answer;
};

struct FrontStats { // for tests and the abuse bench
    qint64 accepted = 0, refusedOverLimit = 0, timedOut = 0, tooLarge = 0;
};

class HttpsFront {
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    // certFile/keyFile: our certificate chain and key (PEM); clientCaFile: the only CA whose client
    // certificates are accepted (required at the handshake).
    HttpsFront(FrontLimits limits, Handler handler);
    ~HttpsFront();
    QString listen(const QString& host, quint16 port, const QString& certFile, const QString& keyFile,
                   const QString& clientCaFile); // empty on success, else the error
    quint16 port() const;
    void run(); // the event loop, until stop()
    void stop();
    FrontStats stats() const;

    struct Impl; // the event loop's state, shared with the connections (HttpsFront.cpp)

private:
    std::shared_ptr<Impl> d;
};

} // namespace lz::gateway

#include "HttpsFront.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>
#include <map>
#include <optional>
#include <sys/resource.h>

namespace lz::gateway {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

QByteArray HttpRequest::header(const QByteArray& lowerName) const {
    for (const auto& [k, v] : headers)
        if (k == lowerName)
            return v;
    return {};
}

struct HttpsFront::Impl {
    net::io_context ioc{1};
    ssl::context tls{ssl::context::tls_server};
    tcp::acceptor acceptor{ioc};
    net::signal_set stopSignals{ioc, SIGINT, SIGTERM};
    FrontLimits limits;
    Handler handler;
    FrontStats stats;
    std::map<std::string, int> perClient;
    int total = 0;
};

namespace {

std::chrono::milliseconds ms(int v) {
    return std::chrono::milliseconds(v);
}

// The verified client certificate's one common name (the terminal id); empty if none or several.
QString peerCommonName(SSL* ssl) {
    X509* cert = SSL_get0_peer_certificate(ssl);
    if (!cert)
        return {};
    X509_NAME* name = X509_get_subject_name(cert);
    const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (at < 0 || X509_NAME_get_index_by_NID(name, NID_commonName, at) >= 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0)
        return {};
    const QString cn = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
    OPENSSL_free(utf8);
    return cn;
}

// One connection: handshake, then requests read in two steps (header, then body against the
// limit), each step under its own deadline. Counted in the front's per-client and total counts
// for as long as it lives.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, std::shared_ptr<HttpsFront::Impl> front, std::string client)
        : m_front(std::move(front))
        , m_stream(std::move(socket), m_front->tls)
        , m_client(std::move(client)) {
        ++m_front->total;
        ++m_front->perClient[m_client];
    }
    ~Session() {
        --m_front->total;
        if (--m_front->perClient[m_client] == 0)
            m_front->perClient.erase(m_client);
    }

    void start() {
        lowest().expires_after(ms(limits().handshakeTimeoutMs));
        m_stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            if (ec)
                return self->fail(ec);
            self->m_cn = peerCommonName(self->m_stream.native_handle());
            self->readHeader(self->limits().headerTimeoutMs);
        });
    }

private:
    const FrontLimits& limits() const { return m_front->limits; }
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

    void readHeader(int deadlineMs) {
        m_parser.emplace();
        m_parser->body_limit(std::uint64_t(limits().maxBodyBytes));
        m_parser->header_limit(std::uint32_t(limits().maxHeaderBytes));
        lowest().expires_after(ms(deadlineMs)); // the whole header, however it is dripped
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec) {
        if (ec == http::error::body_limit)
            return refuse(http::status::payload_too_large, "too_large");
        if (ec == http::error::header_limit)
            return refuse(http::status::request_header_fields_too_large, "header_too_large");
        if (ec)
            return fail(ec);
        // Refused from the header alone: nothing of an oversized body is read.
        if (const auto length = m_parser->content_length();
            length && *length > std::uint64_t(limits().maxBodyBytes))
            return refuse(http::status::payload_too_large, "too_large");
        lowest().expires_after(ms(limits().bodyTimeoutMs));
        if (m_parser->is_done())
            return onBody({});
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code e, std::size_t) { self->onBody(e); });
    }

    void onBody(beast::error_code ec) {
        if (ec == http::error::body_limit) // chunked past the limit: cut off there
            return refuse(http::status::payload_too_large, "too_large");
        if (ec)
            return fail(ec);
        const auto& req = m_parser->get();
        HttpRequest request;
        request.method = QByteArray(req.method_string().data(), int(req.method_string().size()));
        const std::string_view target(req.target().data(), req.target().size());
        const QByteArray whole(target.data(), int(target.size()));
        const qsizetype question = whole.indexOf('?');
        request.path = question < 0 ? whole : whole.left(question);
        request.query = question < 0 ? QByteArray() : whole.mid(question + 1);
        for (const auto& field : req)
            request.headers.append(
                {QByteArray(field.name_string().data(), int(field.name_string().size())).toLower(),
                 QByteArray(field.value().data(), int(field.value().size()))});
        request.body = QByteArray(req.body().data(), qsizetype(req.body().size()));
        request.clientCommonName = m_cn;
        m_keepAlive = req.keep_alive();
        const HttpResponse response = m_front->handler(request);
        if (response.delivery == HttpResponse::Delivery::Drop)
            return close();
        if (response.delivery == HttpResponse::Delivery::Never)
            return waitForPeer();
        answer(response);
    }

    void answer(const HttpResponse& r) {
        auto res = std::make_shared<http::response<http::string_body>>(http::status(r.status), 11);
        for (const auto& [k, v] : r.headers)
            res->set(beast::string_view(k.constData(), std::size_t(k.size())),
                     beast::string_view(v.constData(), std::size_t(v.size())));
        res->body().assign(r.body.constData(), std::size_t(r.body.size()));
        res->keep_alive(m_keepAlive);
        res->prepare_payload();
        lowest().expires_after(ms(limits().writeTimeoutMs));
        http::async_write(m_stream, *res,
                          [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                              if (ec)
                                  return self->fail(ec);
                              if (!self->m_keepAlive)
                                  return self->shutdown();
                              self->readHeader(self->limits().idleTimeoutMs);
                          });
    }

    void refuse(http::status status, const char* code) {
        ++m_front->stats.tooLarge;
        HttpResponse r;
        r.status = int(status);
        r.headers = {{"Content-Type", "application/json"}};
        r.body = QByteArray(R"({"error":")") + code + R"(","detail":""})";
        m_keepAlive = false; // the rest of what the peer sends is never read
        answer(r);
    }

    // Fault injection "hang": no answer; the connection stays until the peer gives up or idles out.
    void waitForPeer() {
        lowest().expires_after(ms(limits().idleTimeoutMs));
        m_stream.async_read_some(net::buffer(m_scratch),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (ec)
                                         return self->close();
                                     self->waitForPeer();
                                 });
    }

    void shutdown() {
        lowest().expires_after(ms(2000));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
    }

    void fail(beast::error_code ec) {
        if (ec == beast::error::timeout)
            ++m_front->stats.timedOut;
        close();
    }

    // A lingering close: our side is shut for sending, and what the peer still sends (the rest
    // of a refused body) is read and dropped for a moment, so that the kernel does not answer it
    // with a reset that could destroy our last answer before the peer has read it. Bounded in
    // time and bytes; then the socket goes.
    void close() {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
        lowest().expires_after(ms(1000));
        drain();
    }
    void drain() {
        lowest().async_read_some(net::buffer(m_scratch),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained > 4 * 1024 * 1024)
                                         return self->lowest().close();
                                     self->drain();
                                 });
    }

    std::shared_ptr<HttpsFront::Impl> m_front;
    beast::ssl_stream<beast::tcp_stream> m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::string m_client;
    QString m_cn;
    bool m_keepAlive = false;
    std::size_t m_drained = 0;
    char m_scratch[16384];
};

void acceptNext(const std::shared_ptr<HttpsFront::Impl>& front) {
    front->acceptor.async_accept([front](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted)
            return;
        if (ec) {
            // Out of descriptors (EMFILE) or the like: wait a moment instead of spinning on it.
            auto pause = std::make_shared<net::steady_timer>(front->ioc, std::chrono::milliseconds(100));
            pause->async_wait([front, pause](beast::error_code) { acceptNext(front); });
            return;
        }
        {
            beast::error_code e;
            const std::string client = socket.remote_endpoint(e).address().to_string();
            // Bounded before the handshake costs anything: per client address and in all.
            if (e || front->total >= front->limits.maxConnections ||
                front->perClient[client] >= front->limits.maxConnectionsPerClient) {
                ++front->stats.refusedOverLimit;
                socket.close(e);
            } else {
                ++front->stats.accepted;
                std::make_shared<Session>(std::move(socket), front, client)->start();
            }
            if (front->perClient.count(client) && front->perClient[client] == 0)
                front->perClient.erase(client);
        }
        acceptNext(front);
    });
}

} // namespace

HttpsFront::HttpsFront(FrontLimits limits, Handler handler)
    : d(std::make_shared<Impl>()) {
    d->limits = limits;
    d->handler = std::move(handler);
}

HttpsFront::~HttpsFront() {
    stop();
}

QString HttpsFront::listen(const QString& host, quint16 port, const QString& certFile, const QString& keyFile,
                           const QString& clientCaFile) {
    try {
        d->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        d->tls.use_certificate_chain_file(certFile.toStdString());
        d->tls.use_private_key_file(keyFile.toStdString(), ssl::context::pem);
        d->tls.load_verify_file(clientCaFile.toStdString()); // the one CA of terminal certificates
        d->tls.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    } catch (const boost::system::system_error& e) {
        return QStringLiteral("tls: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    beast::error_code ec;
    const auto address = net::ip::make_address(host.toStdString(), ec);
    if (ec)
        return QStringLiteral("cannot listen on %1: %2")
            .arg(host, QString::fromLocal8Bit(ec.message().c_str()));
    const tcp::endpoint endpoint(address, port);
    // Every connection holds a descriptor: keep the cap under the process's limit, with room for
    // the listener, the database and the rest.
    if (rlimit nofile{}; ::getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY)
        d->limits.maxConnections =
            std::min<int>(d->limits.maxConnections, std::max<int>(1, int(nofile.rlim_cur) - 64));
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(host)
            .arg(port)
            .arg(QString::fromLocal8Bit(ec.message().c_str()));
    acceptNext(d);
    d->stopSignals.async_wait([front = d](beast::error_code, int) { front->ioc.stop(); });
    return {};
}

quint16 HttpsFront::port() const {
    beast::error_code ec;
    return d->acceptor.local_endpoint(ec).port();
}

void HttpsFront::run() {
    d->ioc.run();
}

void HttpsFront::stop() {
    d->ioc.stop();
}

FrontStats HttpsFront::stats() const {
    return d->stats;
}

} // namespace lz::gateway

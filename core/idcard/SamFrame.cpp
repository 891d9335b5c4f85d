#include "idcard/SamFrame.h"

namespace lz::idcard {
namespace {

quint8 xorOf(const char* data, qsizetype size) {
    quint8 x = 0;
    for (qsizetype i = 0; i < size; ++i)
        x ^= quint8(data[i]);
    return x;
}

} // namespace

QByteArray encodeFrame(const QByteArray& body) {
    const int length = int(body.size()) + 1; // the checksum counts
    QByteArray out(kPreamble, kPreambleSize);
    out.append(char(length >> 8));
    out.append(char(length & 0xff));
    out.append(body);
    out.append(char(xorOf(out.constData() + kPreambleSize, out.size() - kPreambleSize)));
    return out;
}

QByteArray encodeRequest(SamCommand command, const QByteArray& data) {
    QByteArray body;
    body.append(char(quint16(command) >> 8));
    body.append(char(quint16(command) & 0xff));
    body.append(data);
    return encodeFrame(body);
}

QByteArray encodeAnswer(quint8 sw3, const QByteArray& data, quint8 sw1, quint8 sw2) {
    QByteArray body;
    body.append(char(sw1));
    body.append(char(sw2));
    body.append(char(sw3));
    body.append(data);
    return encodeFrame(body);
}

QString frameProblemName(FrameProblem p) {
    switch (p) {
    case FrameProblem::BadChecksum:
        return QStringLiteral("frame_checksum");
    case FrameProblem::BadLength:
        return QStringLiteral("frame_length");
    }
    return {};
}

void SamFrameParser::feed(const QByteArray& bytes) {
    m_buffer.append(bytes);
}

std::optional<SamFrameParser::Item> SamFrameParser::next() {
    const QByteArray preamble(kPreamble, kPreambleSize);
    const qsizetype start = m_buffer.indexOf(preamble);
    if (start < 0) {
        // Keep a tail that may be the start of a preamble split across reads.
        m_buffer = m_buffer.right(kPreambleSize - 1);
        return std::nullopt;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() < kPreambleSize + 2)
        return std::nullopt;
    const int length = (quint8(m_buffer[kPreambleSize]) << 8) | quint8(m_buffer[kPreambleSize + 1]);
    // The smallest body is CMD PARA (a request) plus the checksum: 3 bytes.
    if (length < 3 || length > kMaxBodyLength + 1) {
        m_buffer.remove(0, kPreambleSize); // resynchronise past this preamble
        return Item{std::nullopt, FrameProblem::BadLength};
    }
    const qsizetype total = kPreambleSize + 2 + length;
    if (m_buffer.size() < total)
        return std::nullopt;
    const quint8 expected = xorOf(m_buffer.constData() + kPreambleSize, 2 + length - 1);
    const quint8 actual = quint8(m_buffer[total - 1]);
    if (expected != actual) {
        m_buffer.remove(0, kPreambleSize);
        return Item{std::nullopt, FrameProblem::BadChecksum};
    }
    SamFrame f{m_buffer.mid(kPreambleSize + 2, length - 1)};
    m_buffer.remove(0, total);
    return Item{std::move(f), std::nullopt};
}

} // namespace lz::idcard

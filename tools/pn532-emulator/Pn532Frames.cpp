#include "Pn532Frames.h"

namespace lz::pn532 {
namespace {
quint8 checksum(const QByteArray& bytes) {
    quint8 sum = 0;
    for (char c : bytes)
        sum = quint8(sum + quint8(c));
    return quint8(0x100 - sum);
}
} // namespace

QByteArray ackFrame() {
    return QByteArray::fromHex("0000ff00ff00");
}

QByteArray errorFrame() {
    return QByteArray::fromHex("0000ff01ff7f8100");
}

QByteArray encodeFrame(quint8 tfi, const QByteArray& payload) {
    const QByteArray body = char(tfi) + payload;
    QByteArray out = QByteArray::fromHex("0000ff");
    if (body.size() <= 254) {
        out += char(body.size());
        out += char(checksum(QByteArray(1, char(body.size()))));
    } else {
        const QByteArray l = QByteArray(1, char((body.size() >> 8) & 0xff)) + char(body.size() & 0xff);
        out += QByteArray::fromHex("ffff") + l + char(checksum(l));
    }
    out += body;
    out += char(checksum(body));
    out += '\0';
    return out;
}

std::optional<HostFrame> FrameParser::next() {
    for (;;) {
        const qsizetype start = m_buffer.indexOf(QByteArray::fromHex("00ff"));
        if (start < 0) {
            // Keep a trailing 00 that may begin a start code.
            m_buffer = m_buffer.endsWith('\0') ? QByteArray(1, '\0') : QByteArray();
            return std::nullopt;
        }
        m_buffer.remove(0, start);
        if (m_buffer.size() < 4)
            return std::nullopt;
        const quint8 a = quint8(m_buffer[2]), b = quint8(m_buffer[3]);
        if (a == 0x00 && b == 0xff) {
            m_buffer.remove(0, 4 + (m_buffer.size() > 4 && m_buffer[4] == '\0' ? 1 : 0));
            return HostFrame{HostFrame::Kind::Ack, {}, {}};
        }
        if (a == 0xff && b == 0x00) {
            m_buffer.remove(0, 4 + (m_buffer.size() > 4 && m_buffer[4] == '\0' ? 1 : 0));
            return HostFrame{HostFrame::Kind::Nack, {}, {}};
        }
        qsizetype header = 4; // 00 FF LEN LCS
        qsizetype len = a;
        if (a == 0xff && b == 0xff) {
            if (m_buffer.size() < 7)
                return std::nullopt;
            const quint8 m = quint8(m_buffer[4]), l = quint8(m_buffer[5]), lcs = quint8(m_buffer[6]);
            if (quint8(m + l + lcs) != 0) {
                m_buffer.remove(0, 2);
                return HostFrame{HostFrame::Kind::Bad, {}, QStringLiteral("lcs_mismatch")};
            }
            len = (qsizetype(m) << 8) | l;
            header = 7;
        } else if (quint8(a + b) != 0) {
            m_buffer.remove(0, 2);
            return HostFrame{HostFrame::Kind::Bad, {}, QStringLiteral("lcs_mismatch")};
        }
        if (len < 1) {
            m_buffer.remove(0, 2);
            return HostFrame{HostFrame::Kind::Bad, {}, QStringLiteral("empty_frame")};
        }
        if (m_buffer.size() < header + len + 1)
            return std::nullopt;
        const QByteArray body = m_buffer.mid(header, len);
        const quint8 dcs = quint8(m_buffer[header + len]);
        m_buffer.remove(0, header + len + 1);
        if (!m_buffer.isEmpty() && m_buffer[0] == '\0')
            m_buffer.remove(0, 1); // postamble
        if (checksum(body) != dcs)
            return HostFrame{HostFrame::Kind::Bad, {}, QStringLiteral("dcs_mismatch")};
        if (quint8(body[0]) != kHostToPn532)
            return HostFrame{HostFrame::Kind::Bad, {}, QStringLiteral("tfi_not_host")};
        return HostFrame{HostFrame::Kind::Command, body.mid(1), {}};
    }
}

} // namespace lz::pn532

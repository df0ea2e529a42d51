#include "LocationValue.h"

namespace warrant {

namespace {

void putNumber(std::string& out, quint64 n) {
    while (n >= 0x80) {
        out += char((n & 0x7F) | 0x80);
        n >>= 7;
    }
    out += char(n);
}

quint64 takeNumber(const std::string& in, size_t& at) {
    quint64 n = 0;
    for (int shift = 0; at < in.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(in[at++]);
        n |= quint64(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    return n;
}

} // namespace

std::string LocationValue::pack() const {
    std::string out;
    putNumber(out, quint64(sourceId));
    putNumber(out, quint64(turnNumber));
    putNumber(out, quint64(start));
    putNumber(out, quint64(end - start)); // lengths are smaller than positions
    putNumber(out, quint64(byteStart));
    putNumber(out, quint64(byteEnd - byteStart));
    putNumber(out, interviewer ? 1 : 0);
    putNumber(out, mediaTimeMs ? quint64(*mediaTimeMs) + 1 : 0);
    return out;
}

LocationValue LocationValue::unpack(const std::string& packed) {
    LocationValue v;
    size_t at = 0;
    v.sourceId = qint64(takeNumber(packed, at));
    v.turnNumber = int(takeNumber(packed, at));
    v.start = qint64(takeNumber(packed, at));
    v.end = v.start + qint64(takeNumber(packed, at));
    v.byteStart = qint64(takeNumber(packed, at));
    v.byteEnd = v.byteStart + qint64(takeNumber(packed, at));
    v.interviewer = takeNumber(packed, at) != 0;
    if (const quint64 media = takeNumber(packed, at)) v.mediaTimeMs = qint64(media - 1);
    return v;
}

} // namespace warrant

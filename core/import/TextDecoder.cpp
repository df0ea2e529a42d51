#include "import/TextDecoder.h"

#include "import/Utf8Validator.h"

#include <QStringDecoder>

namespace warrant {

namespace {

enum class Codec { Unknown, Utf8, Utf16, Utf16LE, Utf16BE, Latin1, Windows1252, Qt };

QString canonicalName(const QString& encoding) {
    QString key = encoding.trimmed().toLower();
    key.remove(QLatin1Char('-'));
    key.remove(QLatin1Char('_'));
    return key;
}

Codec codecFor(const QString& encoding) {
    const QString key = canonicalName(encoding);
    if (key == u"utf8") return Codec::Utf8;
    if (key == u"utf16") return Codec::Utf16;
    if (key == u"utf16le") return Codec::Utf16LE;
    if (key == u"utf16be") return Codec::Utf16BE;
    if (key == u"latin1" || key == u"iso88591" || key == u"l1") return Codec::Latin1;
    if (key == u"windows1252" || key == u"cp1252") return Codec::Windows1252;
    // "System"/"Locale" are deliberately not offered: they would make an import depend on the machine.
    const auto qt = QStringConverter::encodingForName(encoding.trimmed().toUtf8().constData());
    if (qt && *qt != QStringConverter::System) return Codec::Qt;
    return Codec::Unknown;
}

bool startsWith(const QByteArray& bytes, const char* prefix, int n) {
    return bytes.size() >= n && std::equal(prefix, prefix + n, bytes.constData());
}

Result<QString> decodeUtf8(const QByteArray& bytes, qsizetype skip, const QString& fileName,
                           bool refuseNul) {
    const QByteArrayView view(bytes.constData() + skip, bytes.size() - skip);
    const qsizetype bad = Utf8Validator::firstInvalidByte(view);
    if (bad >= 0)
        return makeError(QStringLiteral("%1: not valid UTF-8 at byte %2 (use --encoding to choose one)")
                             .arg(fileName)
                             .arg(skip + bad));
    if (refuseNul) {
        const qsizetype nul = view.indexOf('\0');
        if (nul >= 0)
            return makeError(QStringLiteral("%1: contains a NUL byte at byte %2 (UTF-16 without a byte "
                                            "order mark? use --encoding to choose one)")
                                 .arg(fileName)
                                 .arg(skip + nul));
    }
    return QString::fromUtf8(view);
}

// Decoded by hand so an unpaired surrogate is reported with its byte offset instead of becoming U+FFFD.
Result<QString> decodeUtf16(const QByteArray& bytes, qsizetype skip, bool bigEndian, const QString& fileName) {
    const QString name = bigEndian ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
    if ((bytes.size() - skip) % 2 != 0)
        return makeError(QStringLiteral("%1: not valid %2 (odd number of bytes)").arg(fileName, name));
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    QString out;
    out.reserve((bytes.size() - skip) / 2);
    bool expectLow = false;
    for (qsizetype i = skip; i < bytes.size(); i += 2) {
        const char16_t u = bigEndian ? char16_t(p[i] << 8 | p[i + 1]) : char16_t(p[i + 1] << 8 | p[i]);
        const bool bad = expectLow ? !QChar::isLowSurrogate(u) : QChar::isLowSurrogate(u);
        if (bad) {
            const qsizetype at = expectLow ? i - 2 : i;
            return makeError(QStringLiteral("%1: not valid %2 at byte %3 (unpaired surrogate)")
                                 .arg(fileName, name)
                                 .arg(at));
        }
        expectLow = QChar::isHighSurrogate(u);
        out.append(QChar(u));
    }
    if (expectLow)
        return makeError(QStringLiteral("%1: not valid %2 at byte %3 (unpaired surrogate)")
                             .arg(fileName, name)
                             .arg(bytes.size() - 2));
    return out;
}

// Windows-1252 differs from Latin-1 only in 0x80..0x9F. The five undefined bytes map to the C1
// controls of the same value, as the WHATWG encoding standard does.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(const QByteArray& bytes) {
    QString out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        out[i] = QChar(b >= 0x80 && b <= 0x9F ? kWindows1252High[b - 0x80] : char16_t(b));
    }
    return out;
}

Result<QString> decodeExplicit(const QByteArray& bytes, const QString& fileName, const QString& encoding) {
    switch (codecFor(encoding)) {
    case Codec::Utf8:
        return decodeUtf8(bytes, startsWith(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0, fileName, false);
    case Codec::Utf16:
        if (startsWith(bytes, "\xFE\xFF", 2)) return decodeUtf16(bytes, 2, true, fileName);
        return decodeUtf16(bytes, startsWith(bytes, "\xFF\xFE", 2) ? 2 : 0, false, fileName);
    case Codec::Utf16LE:
        return decodeUtf16(bytes, startsWith(bytes, "\xFF\xFE", 2) ? 2 : 0, false, fileName);
    case Codec::Utf16BE:
        return decodeUtf16(bytes, startsWith(bytes, "\xFE\xFF", 2) ? 2 : 0, true, fileName);
    case Codec::Latin1:
        return QString::fromLatin1(bytes);
    case Codec::Windows1252:
        return decodeWindows1252(bytes);
    case Codec::Qt: {
        QStringDecoder decoder(encoding.trimmed().toUtf8().constData());
        QString out = decoder.decode(bytes);
        if (decoder.hasError())
            return makeError(QStringLiteral("%1: not valid %2").arg(fileName, encoding.trimmed()));
        return out;
    }
    case Codec::Unknown:
        break;
    }
    return makeError(QStringLiteral("%1: unknown encoding '%2' (known: %3)")
                         .arg(fileName, encoding, TextDecoder::knownEncodings().join(QStringLiteral(", "))));
}

Result<QString> decodeDetected(const QByteArray& bytes, const QString& fileName) {
    if (startsWith(bytes, "\xEF\xBB\xBF", 3)) return decodeUtf8(bytes, 3, fileName, true);
    if (startsWith(bytes, "\xFF\xFE", 2)) return decodeUtf16(bytes, 2, false, fileName);
    if (startsWith(bytes, "\xFE\xFF", 2)) return decodeUtf16(bytes, 2, true, fileName);
    return decodeUtf8(bytes, 0, fileName, true);
}

} // namespace

Result<QString> TextDecoder::decode(const QByteArray& bytes, const QString& fileName, const QString& encoding) {
    Result<QString> decoded =
        encoding.trimmed().isEmpty() ? decodeDetected(bytes, fileName) : decodeExplicit(bytes, fileName, encoding);
    if (!decoded) return decoded;
    return normalise(decoded.value());
}

QString TextDecoder::normalise(const QString& text) {
    QString out;
    out.reserve(text.size());
    qsizetype i = (!text.isEmpty() && text.front() == QChar(0xFEFF)) ? 1 : 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            out.append(u'\n');
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}

bool TextDecoder::isKnownEncoding(const QString& encoding) { return codecFor(encoding) != Codec::Unknown; }

QStringList TextDecoder::knownEncodings() {
    return {QStringLiteral("utf-8"),      QStringLiteral("utf-16"), QStringLiteral("utf-16le"),
            QStringLiteral("utf-16be"),   QStringLiteral("latin1"), QStringLiteral("windows-1252"),
            QStringLiteral("utf-32le"),   QStringLiteral("utf-32be")};
}

} // namespace warrant

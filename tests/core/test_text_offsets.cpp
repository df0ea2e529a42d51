#include <catch2/catch.hpp>

#include "import/TextDecoder.h"
#include "text/TextOffsets.h"

#include <QRandomGenerator>
#include <QStringList>

using namespace warrant;

namespace {

// Reference conversion by walking the string one code point at a time.
struct Walk {
    std::vector<qsizetype> u16, u8; // offset before each code point, plus the end
};

Walk walk(const QString& s) {
    Walk w;
    qsizetype u16 = 0, u8 = 0;
    for (qsizetype i = 0; i < s.size();) {
        w.u16.push_back(u16);
        w.u8.push_back(u8);
        char32_t c = s.at(i).unicode();
        int width = 1;
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            width = 2;
        }
        u16 += width;
        u8 += QString::fromUcs4(&c, 1).toUtf8().size();
        i += width;
    }
    w.u16.push_back(u16);
    w.u8.push_back(u8);
    return w;
}

void checkAllOffsets(const QString& s) {
    const TextOffsets offsets(s);
    const Walk w = walk(s);
    REQUIRE(offsets.codePointCount() == qsizetype(w.u16.size()) - 1);
    REQUIRE(offsets.utf8Count() == s.toUtf8().size());
    for (qsizetype cp = 0; cp < qsizetype(w.u16.size()); ++cp) {
        CHECK(offsets.utf16FromCodePoint(cp) == w.u16[size_t(cp)]);
        CHECK(offsets.utf8FromCodePoint(cp) == w.u8[size_t(cp)]);
        CHECK(offsets.codePointFromUtf16(w.u16[size_t(cp)]) == cp);
        CHECK(offsets.codePointFromUtf8(w.u8[size_t(cp)]) == cp);
    }
}

} // namespace

TEST_CASE("Offsets of empty text", "[offsets]") {
    const TextOffsets offsets{QString()};
    CHECK(offsets.codePointCount() == 0);
    CHECK(offsets.utf16FromCodePoint(5) == 0);
    CHECK(offsets.codePointFromUtf8(3) == 0);
}

TEST_CASE("Emoji count as one code point, two UTF-16 units and four UTF-8 bytes", "[offsets]") {
    const QString s = QStringLiteral("R8: we 😀 did it 👍🏽!");
    checkAllOffsets(s);
    const TextOffsets offsets(s);
    const qsizetype emoji = s.indexOf(QStringLiteral("😀"));
    const qsizetype cp = offsets.codePointFromUtf16(emoji);
    CHECK(cp == 7);
    CHECK(offsets.utf16FromCodePoint(cp + 1) == emoji + 2);
    CHECK(offsets.utf8FromCodePoint(cp + 1) == s.left(emoji).toUtf8().size() + 4);
    // An offset in the middle of a surrogate pair maps to the character's start.
    CHECK(offsets.codePointFromUtf16(emoji + 1) == cp);
    CHECK(TextOffsets::midCodePoints(s, cp, cp + 1) == QStringLiteral("😀"));
}

TEST_CASE("Combining marks are separate code points", "[offsets]") {
    const QString s = QStringLiteral("cafe\u0301 and na\u0308ive, Wu\u0308rttemberg");
    checkAllOffsets(s);
    CHECK(TextOffsets::codePointLength(s) == s.size());
}

TEST_CASE("Random mixtures of scripts convert both ways", "[offsets][property]") {
    const QStringList pieces = {QStringLiteral("a"), QStringLiteral(" "), QStringLiteral("é"), QStringLiteral("€"),
                                QStringLiteral("😀"), QStringLiteral("\n"), QStringLiteral("中"), QStringLiteral("e\u0301"),
                                QStringLiteral("𝔘"), QStringLiteral("ß")};
    QRandomGenerator rng(20091203); // fixed seed: failures reproduce
    for (int round = 0; round < 200; ++round) {
        QString s;
        const int n = int(rng.bounded(0, 60));
        for (int i = 0; i < n; ++i) s += pieces[int(rng.bounded(qsizetype(pieces.size())))];
        checkAllOffsets(s);
    }
}

TEST_CASE("CRLF input is normalised before offsets are taken", "[offsets]") {
    // Offsets point into the stored (LF) text, so a CRLF file and its LF twin agree.
    const QByteArray crlf = "INT: Why?\r\n\r\nR8: Because \xF0\x9F\x98\x80 of Rover.\r\n";
    const QByteArray lf = "INT: Why?\n\nR8: Because \xF0\x9F\x98\x80 of Rover.\n";
    auto a = TextDecoder::decode(crlf, QStringLiteral("crlf.txt"));
    auto b = TextDecoder::decode(lf, QStringLiteral("lf.txt"));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
    const TextOffsets offsets(*a);
    const qsizetype rover = offsets.codePointFromUtf16(a->indexOf(QStringLiteral("Rover")));
    CHECK(rover == 28);
    CHECK(TextOffsets::midCodePoints(*a, rover, rover + 5) == QStringLiteral("Rover"));
    checkAllOffsets(*a);
}

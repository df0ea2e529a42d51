#include "import/TextDecoder.h"
#include "import/Utf8Validator.h"

#include "TestPaths.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace warrant;

namespace {

std::string s(const QString& text) { return text.toStdString(); }

QByteArray fixture(const QString& name) {
    QFile file(test::fixturePath(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

const QString kExpected = QStringLiteral("INT: O\u00f9 est le caf\u00e9 ?\n\nR8: \u00c0 Birmingham.\n");

} // namespace

TEST_CASE("Utf8Validator finds the first ill-formed sequence", "[import][decoder]") {
    CHECK(Utf8Validator::firstInvalidByte("") == -1);
    CHECK(Utf8Validator::firstInvalidByte("plain ascii") == -1);
    CHECK(Utf8Validator::firstInvalidByte("caf\xc3\xa9 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf") == -1); // é, 😀, U+10FFFF
    CHECK(Utf8Validator::firstInvalidByte("ab\xc0\xaf") == 2);              // overlong '/'
    CHECK(Utf8Validator::firstInvalidByte("ab\xe0\x80\xaf") == 2);          // overlong 3-byte
    CHECK(Utf8Validator::firstInvalidByte("abc\xf0\x80\x80\xaf") == 3);     // overlong 4-byte
    CHECK(Utf8Validator::firstInvalidByte("a\xed\xa0\x80") == 1);           // encoded surrogate U+D800
    CHECK(Utf8Validator::firstInvalidByte("a\xf4\x90\x80\x80") == 1);       // U+110000
    CHECK(Utf8Validator::firstInvalidByte("a\xf5\x80\x80\x80") == 1);       // lead byte F5
    CHECK(Utf8Validator::firstInvalidByte("abcd\x80") == 4);                // stray continuation
    CHECK(Utf8Validator::firstInvalidByte("abc\xe2\x82") == 3);             // truncated at the end
    CHECK(Utf8Validator::firstInvalidByte("abc\xe2\x82x") == 3);            // truncated mid-text
    CHECK(Utf8Validator::firstInvalidByte("\xc3\xa9\xff") == 2);            // after a valid 2-byte char
}

TEST_CASE("TextDecoder reads BOM-marked and plain UTF-8 and UTF-16", "[import][decoder]") {
    for (const char* name : {"utf8_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt"}) {
        INFO(name);
        const auto text = TextDecoder::decode(fixture(QString::fromLatin1(name)), QString::fromLatin1(name));
        REQUIRE(text.ok());
        CHECK(s(*text) == s(kExpected)); // BOM gone, CRLF (utf16le fixture) folded to LF
    }
}

TEST_CASE("TextDecoder folds CRLF and lone CR to LF", "[import][decoder]") {
    const auto text = TextDecoder::decode(fixture(QStringLiteral("crlf.txt")), QStringLiteral("crlf.txt"));
    REQUIRE(text.ok());
    CHECK(s(*text) == "INT: First?\n\nR8: One line.\nNext line.\n");
    CHECK(s(TextDecoder::normalise(QStringLiteral("\ufeffa\r\r\nb\rc"))) == "a\n\nb\nc");
}

TEST_CASE("TextDecoder refuses invalid UTF-8 naming the file and the byte", "[import][decoder]") {
    const auto text = TextDecoder::decode(fixture(QStringLiteral("invalid_utf8.txt")), QStringLiteral("invalid_utf8.txt"));
    REQUIRE_FALSE(text.ok());
    CHECK(s(text.errorMessage()) == "invalid_utf8.txt: not valid UTF-8 at byte 23 (use --encoding to choose one)");

    const auto latin = TextDecoder::decode(fixture(QStringLiteral("latin1.txt")), QStringLiteral("latin1.txt"));
    REQUIRE_FALSE(latin.ok());
    CHECK(s(latin.errorMessage()) == "latin1.txt: not valid UTF-8 at byte 6 (use --encoding to choose one)");

    // The offset counts from the start of the file, BOM included.
    const auto afterBom = TextDecoder::decode(QByteArray("\xef\xbb\xbf" "ab\xff"), QStringLiteral("x.txt"));
    CHECK(s(afterBom.errorMessage()) == "x.txt: not valid UTF-8 at byte 5 (use --encoding to choose one)");
}

TEST_CASE("TextDecoder refuses NUL bytes as probable BOM-less UTF-16", "[import][decoder]") {
    const QByteArray utf16NoBom("R\0" "8\0" ":\0", 6);
    const auto text = TextDecoder::decode(utf16NoBom, QStringLiteral("nobom.txt"));
    REQUIRE_FALSE(text.ok());
    CHECK(s(text.errorMessage()).rfind("nobom.txt: contains a NUL byte at byte 1 ", 0) == 0);
    // Choosing the encoding explicitly reads it.
    const auto chosen = TextDecoder::decode(utf16NoBom, QStringLiteral("nobom.txt"), QStringLiteral("UTF-16LE"));
    REQUIRE(chosen.ok());
    CHECK(s(*chosen) == "R8:");
}

TEST_CASE("TextDecoder honours an explicit encoding", "[import][decoder]") {
    const auto latin = TextDecoder::decode(fixture(QStringLiteral("latin1.txt")), QStringLiteral("latin1.txt"),
                                           QStringLiteral("latin1"));
    REQUIRE(latin.ok());
    CHECK(s(*latin) == s(kExpected));
    CHECK(TextDecoder::decode(fixture(QStringLiteral("latin1.txt")), QStringLiteral("latin1.txt"),
                              QStringLiteral("ISO-8859-1"))
              ->size() == kExpected.size());

    // Windows-1252 is not Latin-1: 0x80..0x9F are typographic characters.
    const auto cp1252 = TextDecoder::decode(fixture(QStringLiteral("windows1252.txt")), QStringLiteral("windows1252.txt"),
                                            QStringLiteral("windows-1252"));
    REQUIRE(cp1252.ok());
    CHECK(s(*cp1252) == s(QStringLiteral("R8: \u201cQuoted\u201d \u20ac 5 \u2013 fine.\n")));
    const auto asLatin1 = TextDecoder::decode(fixture(QStringLiteral("windows1252.txt")), QStringLiteral("w.txt"),
                                              QStringLiteral("latin1"));
    CHECK(asLatin1->at(4).unicode() == 0x93);

    const auto le = TextDecoder::decode(fixture(QStringLiteral("utf16le_bom.txt")), QStringLiteral("u.txt"),
                                        QStringLiteral("utf-16le"));
    REQUIRE(le.ok());
    CHECK(s(*le) == s(kExpected)); // the BOM matching the chosen encoding is still dropped

    const auto utf32 = TextDecoder::decode(QByteArray("A\0\0\0", 4), QStringLiteral("u.txt"), QStringLiteral("UTF-32LE"));
    REQUIRE(utf32.ok());
    CHECK(s(*utf32) == "A");
}

TEST_CASE("TextDecoder reports bad UTF-16 and unknown encodings", "[import][decoder]") {
    const auto odd = TextDecoder::decode(QByteArray("\xff\xfe" "A\0B", 5), QStringLiteral("odd.txt"));
    CHECK(s(odd.errorMessage()) == "odd.txt: not valid UTF-16LE (odd number of bytes)");
    // BOM, 'A', then a low surrogate with no high surrogate before it at byte 4.
    const auto lone = TextDecoder::decode(QByteArray("\xfe\xff\x00" "A\xdc\x00", 6), QStringLiteral("lone.txt"));
    CHECK(s(lone.errorMessage()) == "lone.txt: not valid UTF-16BE at byte 4 (unpaired surrogate)");
    // A high surrogate at byte 2 followed by 'A'.
    const auto high = TextDecoder::decode(QByteArray("\xff\xfe\x00\xd8" "A\0", 6), QStringLiteral("high.txt"));
    CHECK(s(high.errorMessage()) == "high.txt: not valid UTF-16LE at byte 2 (unpaired surrogate)");

    const auto unknown = TextDecoder::decode(QByteArray("abc"), QStringLiteral("a.txt"), QStringLiteral("klingon"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(s(unknown.errorMessage()).rfind("a.txt: unknown encoding 'klingon' (known: utf-8, ", 0) == 0);
    CHECK(TextDecoder::isKnownEncoding(QStringLiteral("CP1252")));
    CHECK_FALSE(TextDecoder::isKnownEncoding(QStringLiteral("System")));
}

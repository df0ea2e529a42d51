#pragma once

#include <QByteArray>
#include <QString>

#include <set>
#include <utility>
#include <vector>

namespace warrant::test {

using ZipEntries = std::vector<std::pair<QString, QByteArray>>;

bool writeZip(const QString& path, const ZipEntries& entries);
// One entry of a zip archive, or an empty array when it is missing.
QByteArray zipEntry(const QString& path, const QString& name);

// A REFI-QDA project written the way one tool counts offsets, with the text each coding must give.
struct OffsetVariant {
    QString label;
    QString origin;           // the <Project origin> a tool writes
    bool bom = false;         // the source file starts with a BOM
    bool crlf = false;        // the source file ends lines with CR LF
    bool utf16 = false;       // offsets count UTF-16 code units (else code points)
    bool crlfAsOne = false;   // CR LF counted as one
    bool bomCounted = false;  // the BOM counted as one
    bool names = true;        // selections carry their text as name, as most tools write
    bool inlineText = false;  // the text in <PlainTextContent> instead of a file
    std::multiset<QString> expected; // "code path|coded text"
    int codeCount = 0;
};

// Variants of one Hungarian transcript with emoji (non-BMP characters, a skin-tone modifier and a
// flag), nested codes, a case with typed variables and overlapping codings.
std::vector<OffsetVariant> offsetVariants();
bool writeOffsetFixture(const QString& path, const OffsetVariant& variant);
// A small valid project with one selection that ends past its text.
bool writeFixtureWithBadSelection(const QString& path);

struct HostileArchive {
    QString label;
    ZipEntries entries;
};
// A valid project with a second source whose text file is not in the archive.
bool writeFixtureWithMissingSourceFile(const QString& path);

// Zip-slip names, a zip bomb, an external entity and an entity-expansion bomb.
std::vector<HostileArchive> hostileArchives();

} // namespace warrant::test

#pragma once

#include "trace/AuditReport.h"

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace warrant {

// The evidence behind each claim as a table for a thesis appendix: one row per claim → quotation
// or evidence item → participant, with the participant's attributes.
//
// Columns: Claim, Claim text (shortened), Quotation or evidence, Verdict or stance, Participant,
// Source, Turn, then one column per attribute named in `participantAttributes` ("group", "role"
// first when present, then the rest alphabetically, case-insensitive). Rows:
//  - a quotation found in a transcript: one row for where it was found (plus one per other piece
//    when spliced); the participant is the speaker ("interviewer" for interviewer turns);
//  - a quotation not found (or literature, uncited): one row per cited participant, or one row
//    without a participant, with empty source and turn;
//  - an evidence item: one row, unless it is a quotation's found place (verified quotations are
//    linked as evidence too) or only a suggestion;
//  - a claim with none of these: one row with the claim alone.
// Turn is empty outside speaker turns. Attributes are looked up by participant code (exactly,
// then case-insensitively); unknown participants get empty attribute cells.
class EvidenceTableWriter {
  public:
    using Attributes = std::map<QString, std::map<QString, QString>>; // participant → attribute → value

    // RFC 4180 (quoted where needed, "" for quotes), a header row first, "\n" line ends.
    static QString csv(const AuditReport& report, const Attributes& participantAttributes);
    // A GitHub-flavoured Markdown table: header, separator, one line per row; "|" and "\" are
    // escaped, line breaks become spaces and "<" becomes "&lt;".
    static QString markdown(const AuditReport& report, const Attributes& participantAttributes);

    // The header and rows both formats write.
    static QStringList header(const Attributes& participantAttributes);
    static std::vector<QStringList> rows(const AuditReport& report, const Attributes& participantAttributes);
};

} // namespace warrant

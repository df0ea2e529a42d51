#pragma once

#include <QString>

namespace warrant {

// Where a quotation or a piece of evidence lies in the project.
struct EvidenceLocation {
    QString participant; // empty for interviewer turns and documents
    bool interviewer = false;
    qint64 sourceId = 0;
    QString source;      // source title
    int turn = 0;        // 0 outside speaker turns
    qsizetype start = 0; // code points into the source text
    qsizetype end = 0;
    QString text;    // the located words
    QString context; // the whole turn or passage, for side-by-side display
};

// How a piece of evidence bears on a claim.
enum class EvidenceStance { Supports, Illustrates, Qualifies, Contradicts };
QString evidenceStanceName(EvidenceStance stance);
bool parseEvidenceStance(const QString& name, EvidenceStance* stance);

} // namespace warrant

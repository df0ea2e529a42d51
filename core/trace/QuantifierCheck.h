#pragma once

#include "model/Participant.h"
#include "trace/AuditReport.h"

#include <QSet>
#include <optional>
#include <vector>

namespace warrant {

// A claim that quantifies over the interviewees ("most medical respondents said…", "three
// interviewees recalled…", "12 of 29 respondents…", "nearly all regional officials…") needs
// evidence from that many participants of the group it names. The group is read from the words
// between the quantifier and the people noun, matched against participants' attributes: a word
// that names a value of the `group` attribute selects that group; otherwise a word (or an acronym
// of capitalised words, "COG" for "Cluster Opportunity Group") found in another attribute selects
// the participants whose attribute holds it. Several words intersect; unknown words are ignored.
class QuantifierCheck {
  public:
    explicit QuantifierCheck(std::vector<Participant> participants);

    struct Quantified {
        QString phrase;      // "Most of the medical interviewees"
        QString group;       // "medical", or "" for all participants
        QStringList members; // codes of the group's participants
        int needs = 0;       // participants of the group the quantifier needs
        bool groupIsPeople = false; // its name ends with the people noun ("regional officials")
    };
    // Every quantified reference to interviewees that needs more than one participant, in a
    // claim's own words (quotations and citations removed).
    std::vector<Quantified> find(const QString& ownWords) const;

    // Quantifier checks for a claim whose evidence comes from `supporting` participants.
    std::vector<AuditCheck> check(const QString& ownWords, const QSet<QString>& supporting) const;

    // How many of a group of `groupSize` a quantifier needs ("most" of 8 → 5, "three" → 3,
    // "12 of 29" → 12); 0 when it is no quantifier.
    static int needs(const QString& quantifier, int groupSize);

  private:
    QStringList groupOf(const QStringList& words, QString* label) const;
    QStringList matching(const QString& word, bool groupOnly) const;

    std::vector<Participant> m_participants;
};

} // namespace warrant

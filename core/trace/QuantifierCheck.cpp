#include "trace/QuantifierCheck.h"

#include "trace/SpellingTolerance.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace warrant {

namespace {

const QString& numberWords() {
    static const QString words = QStringLiteral("one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                                                "twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                                                "eighteen|nineteen|twenty");
    return words;
}

// quantifier, then optionally "of the", up to three modifier words, then a noun for interviewees.
const QRegularExpression& quantifiedPeople() {
    static const QRegularExpression re(
        QStringLiteral(
            "\\b((?:\\d{1,4}|%1)\\s+(?:out\\s+)?of\\s+(?:\\d{1,4}|%1)|almost all|nearly all|virtually all|"
            "the vast majority of|the majority of|a majority of|a handful of|a number of|a few|a "
            "single|all|every|"
            "each|most|many|numerous|several|various|some|few|both|half|\\d{1,3}|%1)"
            "\\s+(?:of\\s+(?:the|these|those|our|all)\\s+)?((?:[\\p{L}][\\p{L}/&-]*\\s+){0,3}?)"
            "(interviewees?|participants?|respondents?|informants?|people\\s+interviewed|partners?|members?|"
            "officials?|observers?|experts?|managers?|officers?|representatives?|stakeholders?|directors?)"
            "\\b")
            .arg(numberWords()),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Words that sit between a quantifier and its noun without naming a group.
bool isNeutral(const QString& folded) {
    static const QSet<QString> words = {
        QStringLiteral("the"),         QStringLiteral("our"),       QStringLiteral("other"),
        QStringLiteral("these"),       QStringLiteral("those"),     QStringLiteral("such"),
        QStringLiteral("of"),          QStringLiteral("and"),       QStringLiteral("or"),
        QStringLiteral("interviewed"), QStringLiteral("individual")};
    return words.contains(folded);
}

// Nouns that stand for anyone interviewed, never for a group.
bool isGenericPeople(const QString& folded) {
    static const QRegularExpression generic(QStringLiteral(
        "^(?:interviewees?|participants?|respondents?|informants?|people\\s+interviewed|partners?|members?|"
        "stakeholders?)$"));
    return generic.match(folded).hasMatch();
}

QString singular(const QString& folded) {
    if (folded.endsWith(QStringLiteral("ies")) && folded.size() > 4) return folded.chopped(3) + u'y';
    if (folded.endsWith(u's') && !folded.endsWith(QStringLiteral("ss")) && folded.size() > 3)
        return folded.chopped(1);
    return folded;
}

// The words of an attribute value, case-folded, and the acronyms of its runs of capitalised words
// ("Cluster Opportunity Group" → "cog").
QSet<QString> wordsOf(const QString& value) {
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\d]+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> out;
    QString acronym;
    for (auto it = word.globalMatch(value); it.hasNext();) {
        const QString w = it.next().captured(0);
        out.insert(w.toCaseFolded());
        out.insert(singular(w.toCaseFolded()));
        if (w.at(0).isUpper()) {
            acronym += w.at(0).toCaseFolded();
            if (acronym.size() >= 2) out.insert(acronym);
        } else if (w != QStringLiteral("of") && w != QStringLiteral("and")) {
            acronym.clear();
        }
    }
    return out;
}

bool isDescriptive(const ParticipantAttribute& a) {
    // Free-text descriptions mention many things a participant is not.
    const QString n = a.name.toLower();
    return n == QStringLiteral("description") || n == QStringLiteral("notes") || n == QStringLiteral("note");
}

} // namespace

QuantifierCheck::QuantifierCheck(std::vector<Participant> participants)
    : m_participants(std::move(participants)) {}

int QuantifierCheck::needs(const QString& quantifier, int groupSize) {
    const QString q = quantifier.toLower().simplified();
    const int g = std::max(1, groupSize);
    static const QRegularExpression countOf(QStringLiteral("^(\\S+)\\s+(?:out\\s+)?of\\s+\\S+$"));
    if (auto m = countOf.match(q); m.hasMatch()) return needs(m.captured(1), groupSize);
    if (q == QStringLiteral("all") || q == QStringLiteral("every") || q == QStringLiteral("each"))
        return g == 1 ? 1 : std::max(2, int(std::ceil(g * 0.9)));
    if (q == QStringLiteral("almost all") || q == QStringLiteral("nearly all") ||
        q == QStringLiteral("virtually all") || q == QStringLiteral("the vast majority of"))
        return g == 1 ? 1 : std::max(2, int(std::ceil(g * 0.75)));
    if (q == QStringLiteral("most") || q == QStringLiteral("the majority of") ||
        q == QStringLiteral("a majority of"))
        return g / 2 + 1;
    if (q == QStringLiteral("half")) return (g + 1) / 2;
    // "Many" of a small group is more than half of it, of a large one at least five.
    if (q == QStringLiteral("many") || q == QStringLiteral("numerous"))
        return std::min({5, g, std::max(3, g / 2 + 1)});
    if (q == QStringLiteral("several") || q == QStringLiteral("a number of") ||
        q == QStringLiteral("various"))
        return std::min(3, g);
    if (q == QStringLiteral("some") || q == QStringLiteral("a few") || q == QStringLiteral("few") ||
        q == QStringLiteral("a handful of") || q == QStringLiteral("both"))
        return std::min(2, g);
    if (q == QStringLiteral("a single")) return 1;
    if (const auto n = SpellingTolerance::numberValue({q}); n && *n > 0 && *n <= 10000) return int(*n);
    return 0;
}

QStringList QuantifierCheck::matching(const QString& word, bool groupOnly) const {
    QStringList codes;
    for (const Participant& p : m_participants)
        for (const ParticipantAttribute& a : p.attributes) {
            const bool isGroup = a.name.compare(QStringLiteral("group"), Qt::CaseInsensitive) == 0;
            if (groupOnly != isGroup || isDescriptive(a)) continue;
            const QSet<QString> words = wordsOf(a.value);
            if (words.contains(word) || words.contains(singular(word))) {
                codes << p.code;
                break;
            }
        }
    return codes;
}

QStringList QuantifierCheck::groupOf(const QStringList& words, QString* label) const {
    std::optional<QSet<QString>> group;
    QStringList named;
    for (const QString& printed : words) {
        const QString w = printed.toCaseFolded();
        QStringList codes = matching(w, true);
        if (codes.isEmpty()) codes = matching(w, false);
        if (codes.isEmpty()) continue;
        const QSet<QString> these(codes.begin(), codes.end());
        group = group ? (*group & these) : these;
        named << printed;
    }
    QStringList all;
    for (const Participant& p : m_participants)
        all << p.code;
    if (!group || group->isEmpty()) return all;
    *label = named.join(u' ');
    QStringList members;
    for (const QString& code : all)
        if (group->contains(code)) members << code;
    return members;
}

std::vector<QuantifierCheck::Quantified> QuantifierCheck::find(const QString& ownWords) const {
    std::vector<Quantified> found;
    for (auto it = quantifiedPeople().globalMatch(ownWords); it.hasNext();) {
        const auto m = it.next();
        QStringList words;
        static const QRegularExpression separators(QStringLiteral("[\\s/]+"));
        for (const QString& w : m.captured(2).split(separators, Qt::SkipEmptyParts))
            if (!isNeutral(w.toCaseFolded())) words << w;
        // A noun such as "officials" or "managers" may itself be an attribute value (a role).
        if (!isGenericPeople(m.captured(3).toCaseFolded())) words << m.captured(3);
        Quantified q;
        q.phrase = m.captured(0).simplified();
        q.members = groupOf(words, &q.group);
        // "the 3 national observers", not "the 3 national observers participants".
        q.groupIsPeople = q.group.endsWith(m.captured(3), Qt::CaseInsensitive);
        q.needs = needs(m.captured(1), int(q.members.size()));
        // "One respondent said…" needs one participant: whether anyone supports it at all is the
        // unsupported check's question.
        if (q.needs > 1) found.push_back(std::move(q));
    }
    return found;
}

std::vector<AuditCheck> QuantifierCheck::check(const QString& ownWords,
                                               const QSet<QString>& supporting) const {
    std::vector<AuditCheck> checks;
    for (const Quantified& q : find(ownWords)) {
        QStringList inGroup;
        for (const QString& code : q.members)
            if (supporting.contains(code)) inGroup << code;
        if (int(inGroup.size()) >= q.needs) continue;
        const QString of = q.group.isEmpty() ? QStringLiteral("%1 participants").arg(q.needs)
                                             : QStringLiteral("%1 of the %2 %3%4")
                                                   .arg(q.needs)
                                                   .arg(q.members.size())
                                                   .arg(q.group, q.groupIsPeople ? QString() : QStringLiteral(" participants"));
        const QString from =
            inGroup.isEmpty()
                ? QStringLiteral("none of them")
                : QStringLiteral("%1 (%2)").arg(inGroup.size()).arg(inGroup.join(QStringLiteral(", ")));
        checks.push_back(
            {ClaimCheck::Quantifier,
             QStringLiteral("\"%1\" needs at least %2; the evidence comes from %3").arg(q.phrase, of, from),
             inGroup});
    }
    return checks;
}

} // namespace warrant

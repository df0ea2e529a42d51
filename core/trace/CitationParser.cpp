#include "trace/CitationParser.h"

#include <QRegularExpression>

#include <algorithm>

namespace warrant {

namespace {

const QRegularExpression& codePattern() {
    // R8, A12, MK2; P.C., M.K., J.M (initials); "Participant 8" and its kin.
    static const QRegularExpression re(QStringLiteral(
        "^(?:[A-Z]{1,3}\\d{1,3}|(?:[A-Z]\\.){1,3}[A-Z]?\\.?|(?:[A-Z]\\.)+[A-Z]|(?:Participant|Interviewee|Respondent|P)\\s?\\d{1,3})$"));
    return re;
}

} // namespace

CitationParser::CitationParser(QStringList knownParticipants) {
    for (const QString& code : knownParticipants) m_known.insert(key(code), code);
}

QString CitationParser::key(const QString& code) {
    QString k = code.toUpper();
    k.remove(u'.');
    k.remove(u' ');
    static const QRegularExpression word(QStringLiteral("^(PARTICIPANT|INTERVIEWEE|RESPONDENT)(\\d+)$"));
    if (auto m = word.match(k); m.hasMatch()) k = QStringLiteral("P") + m.captured(2);
    return k;
}

bool CitationParser::looksLikeCode(const QString& token) { return codePattern().match(token.trimmed()).hasMatch(); }

bool CitationParser::isKnown(const QString& token) const { return m_known.contains(key(token)); }

QString CitationParser::resolve(const QString& token) const {
    const QString t = token.trimmed();
    if (auto it = m_known.find(key(t)); it != m_known.end()) return *it;
    // Without a project, initials are written with their final dot as studies usually do.
    static const QRegularExpression initials(QStringLiteral("^(?:[A-Z]\\.)+[A-Z]$"));
    if (m_known.isEmpty() && initials.match(t).hasMatch()) return t + u'.';
    return t;
}

Citation CitationParser::parseBody(const QString& body) const {
    Citation c;
    static const QRegularExpression interviewWord(QStringLiteral("^\\s*(?:personal\\s+)?interviews?\\s*[,:]?\\s*"),
                                                  QRegularExpression::CaseInsensitiveOption);
    // "2006", "2005a", "2005: 25", "2002: 797", "2005a: 9. emphasis added"
    static const QRegularExpression year(QStringLiteral("^(1[89]|20)\\d\\d[a-z]?(\\s*:.*)?$"));
    static const QRegularExpression number(QStringLiteral("^\\d{1,3}$"));
    static const QRegularExpression locator(QStringLiteral("^(turn|line|para(?:graph)?)\\s+(\\d+)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression prefixOf(QStringLiteral("^([A-Z]{1,3})\\d+$"));

    for (QString part : body.split(u';')) {
        part = part.trimmed();
        const bool interview = interviewWord.match(part).hasMatch();
        if (interview) part.remove(interviewWord);
        const QStringList tokens = part.split(u',', Qt::SkipEmptyParts);
        QString lastPrefix;
        QString pendingName; // a literature author waiting for its year
        for (const QString& raw : tokens) {
            const QString token = raw.trimmed();
            if (token.isEmpty()) continue;
            if (auto loc = locator.match(token); loc.hasMatch()) {
                const int value = loc.captured(2).toInt();
                if (loc.captured(1).toLower() == QStringLiteral("turn")) c.turn = value;
                else c.line = value;
                continue;
            }
            if (year.match(token).hasMatch() && !pendingName.isEmpty()) {
                c.literature << pendingName + QStringLiteral(", ") + token;
                pendingName.clear();
                continue;
            }
            if (number.match(token).hasMatch() && !lastPrefix.isEmpty()) {
                // Shorthand: "A1, 3, 9" continues the previous code's letters.
                const QString code = resolve(lastPrefix + token);
                (isKnown(code) || m_known.isEmpty() ? c.participants : c.unknown) << code;
                continue;
            }
            if (looksLikeCode(token)) {
                const QString code = resolve(token);
                (isKnown(code) || m_known.isEmpty() ? c.participants : c.unknown) << code;
                if (auto p = prefixOf.match(token); p.hasMatch()) lastPrefix = p.captured(1);
                continue;
            }
            // Author and year without a comma: "AWM 2004: 42", "Benneworth and Charles 2001".
            static const QRegularExpression authorYear(
                QStringLiteral("^(\\p{Lu}[\\p{L}&.' -]*?)\\s+((?:1[89]|20)\\d\\d[a-z]?(?:\\s*:.*)?)$"),
                QRegularExpression::UseUnicodePropertiesOption);
            if (auto m = authorYear.match(token); m.hasMatch()) {
                c.literature << m.captured(1) + QStringLiteral(", ") + m.captured(2);
                continue;
            }
            pendingName = token; // an author, an organisation ("AWM") or "ibid"
        }
        // A name without a year ("RTF", "for example …") is not a reference.
    }
    c.participants.removeDuplicates();
    return c;
}

std::vector<Citation> CitationParser::parseAll(const QString& text) const {
    std::vector<Citation> found;
    // Bracketed groups: (...) and [...] without nesting, at most a few hundred characters.
    static const QRegularExpression group(QStringLiteral("[\\(\\[]([^\\(\\)\\[\\]\\n]{1,300})[\\)\\]]"));
    for (auto it = group.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString inner = m.captured(1);
        const bool mentionsInterview = inner.contains(QRegularExpression(QStringLiteral("\\binterviews?\\b"),
                                                                         QRegularExpression::CaseInsensitiveOption));
        Citation c = parseBody(inner);
        // Without the word "interview", a group made wholly of codes is an interview citation:
        // "(R8)", "(R8, turn 12)", "[P.C.]"; an author and year is literature: "(AWM, 2001)".
        if (!mentionsInterview && !c.literature.isEmpty() && c.participants.isEmpty() && c.unknown.isEmpty()) {
            c.text = m.captured(0);
            c.start = m.capturedStart();
            c.end = m.capturedEnd();
            found.push_back(c);
            continue;
        }
        if (!mentionsInterview) {
            const QStringList tokens = inner.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts);
            bool allCodes = !tokens.isEmpty();
            bool anyCode = false;
            for (const QString& t : tokens) {
                const QString token = t.trimmed();
                const bool code = looksLikeCode(token);
                anyCode |= code;
                allCodes &= code || QRegularExpression(QStringLiteral("^(turn|line|para(graph)?)\\s+\\d+$|^\\d{1,3}$"),
                                                       QRegularExpression::CaseInsensitiveOption)
                                        .match(token)
                                        .hasMatch();
            }
            if (!allCodes || !anyCode) continue;
            if (!m_known.isEmpty() && c.participants.isEmpty()) continue;
        }
        if (!c.isInterview() && c.literature.isEmpty()) continue;
        c.text = m.captured(0);
        c.start = m.capturedStart();
        c.end = m.capturedEnd();
        found.push_back(c);
    }
    // A bare "interview, P.C" on its own line, as printed under a block quote.
    static const QRegularExpression bare(QStringLiteral("(?m)^[ \\t]*(interviews?,\\s*[^\\n()]{1,80}?)[ \\t]*\\.?[ \\t]*$"),
                                         QRegularExpression::CaseInsensitiveOption);
    for (auto it = bare.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        Citation c = parseBody(m.captured(1));
        if (!c.isInterview()) continue;
        c.text = m.captured(1);
        c.start = m.capturedStart(1);
        c.end = m.capturedEnd(1);
        found.push_back(c);
    }
    // "R8 said", "as R8 put it", "M2 argued": a known code followed by a verb of saying.
    static const QRegularExpression said(QStringLiteral(
        "\\b((?:[A-Z]{1,3}\\d{1,3}|(?:[A-Z]\\.){1,3}))\\s+(said|says|put it|argued|explained|recalled|noted|"
        "observed|admitted|complained|told|stated|remarked|commented)\\b"));
    for (auto it = said.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString code = resolve(m.captured(1));
        if (!m_known.isEmpty() && !isKnown(code)) continue;
        Citation c;
        c.participants << code;
        c.text = m.captured(0);
        c.start = m.capturedStart();
        c.end = m.capturedEnd();
        found.push_back(c);
    }
    std::sort(found.begin(), found.end(), [](const Citation& a, const Citation& b) { return a.start < b.start; });
    return found;
}

} // namespace warrant

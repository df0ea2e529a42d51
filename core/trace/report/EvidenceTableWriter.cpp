#include "trace/report/EvidenceTableWriter.h"

#include "text/CsvReader.h"
#include "trace/report/AuditFacts.h"

#include <QSet>
#include <algorithm>

namespace warrant {

namespace {

constexpr int kClaimText = 80;

QStringList attributeNames(const EvidenceTableWriter::Attributes& attributes) {
    QStringList names;
    QSet<QString> seen;
    for (const auto& [participant, values] : attributes)
        for (const auto& [name, value] : values)
            if (!seen.contains(name)) {
                seen.insert(name);
                names << name;
            }
    auto rank = [](const QString& name) {
        if (name.compare(QStringLiteral("group"), Qt::CaseInsensitive) == 0) return 0;
        if (name.compare(QStringLiteral("role"), Qt::CaseInsensitive) == 0) return 1;
        return 2;
    };
    std::sort(names.begin(), names.end(), [&](const QString& a, const QString& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        const int ci = a.compare(b, Qt::CaseInsensitive);
        return ci != 0 ? ci < 0 : a < b;
    });
    return names;
}

const std::map<QString, QString>* attributesOf(const EvidenceTableWriter::Attributes& attributes,
                                               const QString& participant) {
    if (participant.isEmpty()) return nullptr;
    if (auto it = attributes.find(participant); it != attributes.end()) return &it->second;
    for (const auto& [code, values] : attributes)
        if (code.compare(participant, Qt::CaseInsensitive) == 0) return &values;
    return nullptr;
}

QString markdownCell(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'|')
            out += QStringLiteral("\\|");
        else if (c == u'<')
            out += QStringLiteral("&lt;");
        else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') ++i;
            out += u' ';
        } else if (c == u'\n' || c == QChar(0x2028) || c == QChar(0x2029))
            out += u' ';
        else
            out += c;
    }
    return out.trimmed();
}

} // namespace

QStringList EvidenceTableWriter::header(const Attributes& participantAttributes) {
    return QStringList{QStringLiteral("Claim"),
                       QStringLiteral("Claim text"),
                       QStringLiteral("Quotation or evidence"),
                       QStringLiteral("Verdict or stance"),
                       QStringLiteral("Participant"),
                       QStringLiteral("Source"),
                       QStringLiteral("Turn")} +
           attributeNames(participantAttributes);
}

std::vector<QStringList> EvidenceTableWriter::rows(const AuditReport& report,
                                                   const Attributes& participantAttributes) {
    const QStringList attributes = attributeNames(participantAttributes);
    std::vector<QStringList> out;
    for (const AuditClaim& c : report.claims) {
        const QString id = QString::number(c.id);
        const QString claimText = AuditFacts::shorten(c.text, kClaimText);
        const size_t before = out.size();
        auto add = [&](const QString& text, const QString& label, const QString& participant,
                       const QString& source, int turn) {
            QStringList row{id,
                            claimText,
                            text,
                            label,
                            participant,
                            source,
                            turn > 0 ? QString::number(turn) : QString()};
            const auto* values = attributesOf(participantAttributes, participant);
            for (const QString& a : attributes) {
                QString value;
                if (values)
                    if (auto it = values->find(a); it != values->end()) value = it->second;
                row << value;
            }
            out.push_back(row);
        };
        auto addAt = [&](const QString& text, const QString& label, const EvidenceLocation& l) {
            const QString participant = !l.participant.isEmpty() ? l.participant
                                        : l.interviewer          ? QStringLiteral("interviewer")
                                                                 : QString();
            add(text, label, participant, l.source, l.turn);
        };

        for (const AuditQuote& q : c.quotes) {
            const QString verdict = quoteVerdictName(q.verdict);
            if (q.found) {
                addAt(q.text, verdict, *q.found);
                if (q.verdict == QuoteVerdict::Spliced)
                    for (const EvidenceLocation& l : q.alsoFound)
                        addAt(q.text, verdict, l);
            } else if (!q.citedParticipants.isEmpty()) {
                for (const QString& p : q.citedParticipants)
                    add(q.text, verdict, p, QString(), 0);
            } else {
                add(q.text, verdict, QString(), QString(), 0);
            }
        }
        for (const AuditEvidence& e : c.evidence) {
            if (AuditFacts::isSuggestion(e) || AuditFacts::isQuotedEvidence(c, e)) continue;
            addAt(e.location.text, evidenceStanceName(e.stance), e.location);
        }
        if (out.size() == before) add(QString(), QString(), QString(), QString(), 0);
    }
    return out;
}

QString EvidenceTableWriter::csv(const AuditReport& report, const Attributes& participantAttributes) {
    QString out = CsvReader::formatRow(header(participantAttributes));
    for (const QStringList& row : rows(report, participantAttributes))
        out += CsvReader::formatRow(row);
    return out;
}

QString EvidenceTableWriter::markdown(const AuditReport& report, const Attributes& participantAttributes) {
    auto line = [](const QStringList& cells) {
        QStringList escaped;
        for (const QString& c : cells)
            escaped << markdownCell(c);
        return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    };
    const QStringList head = header(participantAttributes);
    QString out = line(head);
    QStringList separator;
    for (qsizetype i = 0; i < head.size(); ++i)
        separator << (i == 0 || i == 6 ? QStringLiteral("--:") : QStringLiteral("---"));
    out += QStringLiteral("| ") + separator.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    for (const QStringList& row : rows(report, participantAttributes))
        out += line(row);
    return out;
}

} // namespace warrant

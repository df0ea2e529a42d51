#include "trace/report/AuditJunitWriter.h"

#include "trace/report/AuditFacts.h"

#include <QStringList>
#include <QXmlStreamWriter>
#include <algorithm>

namespace warrant {

namespace {

// XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF.
QString xmlSafe(const QString& text) {
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate() || u == 0xFFFE || u == 0xFFFF ||
                   (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')) {
            out += QChar(0xFFFD);
        } else {
            out += c;
        }
    }
    return out;
}

struct Failure {
    QString type;
    QString message;
    QString details;
};

std::vector<Failure> failures(const AuditClaim& c, const QSet<QString>& failOn) {
    std::vector<Failure> out;
    for (const AuditQuote& q : c.quotes) {
        const QString verdict = quoteVerdictName(q.verdict);
        if (!failOn.contains(verdict)) continue;
        const QString detail = AuditFacts::quoteDetail(q);
        Failure f;
        f.type = verdict;
        f.message = QStringLiteral("quote \"%1\" \u2192 %2%3")
                        .arg(AuditFacts::shorten(q.text, 60), verdict,
                             detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
        QStringList lines;
        lines << QStringLiteral("Printed: %1").arg(q.text);
        if (!q.citedParticipants.isEmpty())
            lines << QStringLiteral("Cited: %1").arg(q.citedParticipants.join(QStringLiteral(", ")));
        if (q.found) {
            lines << QStringLiteral("Found: %1").arg(AuditFacts::locationLabel(*q.found));
            lines << QStringLiteral("Said: %1").arg(q.found->text);
        }
        for (const EvidenceLocation& l : q.alsoFound)
            lines << QStringLiteral("Also: %1: %2").arg(AuditFacts::locationLabel(l), l.text);
        if (q.found || q.similarity > 0)
            lines << QStringLiteral("Similarity: %1").arg(QString::number(q.similarity, 'f', 3));
        if (!q.diff.isEmpty()) lines << QStringLiteral("Diff: %1").arg(q.diff);
        if (!q.explanation.isEmpty()) lines << q.explanation;
        f.details = lines.join(u'\n');
        out.push_back(std::move(f));
    }
    for (const AuditCheck& k : c.checks) {
        const QString check = claimCheckName(k.check);
        if (!failOn.contains(check)) continue;
        Failure f;
        f.type = check;
        f.message = QStringLiteral("%1: %2").arg(check, k.message);
        f.details = k.message;
        if (!k.participants.isEmpty())
            f.details += QStringLiteral("\nParticipants: %1").arg(k.participants.join(QStringLiteral(", ")));
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

QByteArray AuditJunitWriter::write(const AuditReport& report, const QSet<QString>& failOnNames) {
    QSet<QString> failOn;
    for (const QString& name : failOnNames)
        failOn.insert(name.trimmed().toLower());

    std::vector<std::vector<Failure>> perClaim;
    int total = 0;
    for (const AuditClaim& c : report.claims) {
        perClaim.push_back(failures(c, failOn));
        total += int(perClaim.back().size());
    }
    const QString tests = QString::number(report.claims.size());
    const QString failed = QString::number(total);
    const QString suite = report.manuscript.isEmpty() ? QStringLiteral("warrant audit")
                                                      : QStringLiteral("warrant audit: ") + report.manuscript;

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("warrant audit"));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failed);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));

    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), xmlSafe(suite));
    xml.writeAttribute(QStringLiteral("tests"), tests);
    xml.writeAttribute(QStringLiteral("failures"), failed);
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));

    xml.writeStartElement(QStringLiteral("properties"));
    QStringList names(failOn.begin(), failOn.end());
    std::sort(names.begin(), names.end());
    const std::pair<QString, QString> properties[] = {{QStringLiteral("manuscript"), report.manuscript},
                                                      {QStringLiteral("project"), report.projectFile},
                                                      {QStringLiteral("fail-on"), names.join(u',')}};
    for (const auto& [name, value] : properties) {
        xml.writeEmptyElement(QStringLiteral("property"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeAttribute(QStringLiteral("value"), xmlSafe(value));
    }
    xml.writeEndElement(); // properties

    for (size_t i = 0; i < report.claims.size(); ++i) {
        const AuditClaim& c = report.claims[i];
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), QStringLiteral("claims"));
        xml.writeAttribute(
            QStringLiteral("name"),
            xmlSafe(
                QStringLiteral("claim %1: %2").arg(QString::number(c.id), AuditFacts::shorten(c.text, 60))));
        for (const Failure& f : perClaim[i]) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), xmlSafe(f.message));
            xml.writeAttribute(QStringLiteral("type"), f.type);
            xml.writeCharacters(xmlSafe(f.details));
            xml.writeEndElement();
        }
        xml.writeEndElement(); // testcase
    }
    xml.writeEndElement(); // testsuite
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    return out;
}

} // namespace warrant

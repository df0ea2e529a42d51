#include "trace/report/AuditHtmlWriter.h"

#include "text/TextOffsets.h"
#include "trace/report/AuditFacts.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace warrant {

namespace {

using Severity = AuditFacts::Severity;
using Status = AuditFacts::Status;

constexpr qsizetype kContextWindow = 400; // characters of the passage shown either side of the found words
constexpr int kEvidenceText = 300;

QString esc(const QString& text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&#39;");
            break;
        case 0:
            out += QChar(0xFFFD);
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString percent(double share) {
    if (!std::isfinite(share)) share = 0;
    return QString::number(share * 100, 'f', 1) + u'%';
}

QString num(qint64 n) {
    return QString::number(n);
}

QString sevClass(Severity s) {
    return QStringLiteral("sev-") + AuditFacts::severityName(s);
}

QString verdictBadge(QuoteVerdict v) {
    const QString name = quoteVerdictName(v);
    return QStringLiteral("<span class=\"verdict ") + sevClass(AuditFacts::severity(v)) + u'"' + u'>' +
           esc(name) + QStringLiteral("</span>");
}

QString checkBadge(ClaimCheck k) {
    return QStringLiteral("<span class=\"verdict ") + sevClass(AuditFacts::severity(k)) + u'"' + u'>' +
           esc(claimCheckName(k)) + QStringLiteral("</span>");
}

QString statusBadge(Status s) {
    const QString name = AuditFacts::statusName(s);
    return QStringLiteral("<span class=\"badge st-") + name + QStringLiteral("\">") + name +
           QStringLiteral("</span>");
}

QString claimAnchor(const AuditClaim& c) {
    return QStringLiteral("claim-") + num(c.id);
}

// "[-printed-]{+said+}" as <del>/<ins>; everything else escaped.
QString renderDiff(const QString& diff) {
    QString out;
    qsizetype i = 0;
    const qsizetype n = diff.size();
    while (i < n) {
        const bool del = diff.mid(i, 2) == QStringLiteral("[-");
        const bool ins = diff.mid(i, 2) == QStringLiteral("{+");
        if (del || ins) {
            const qsizetype close = diff.indexOf(del ? QStringLiteral("-]") : QStringLiteral("+}"), i + 2);
            if (close >= 0) {
                out += (del ? QStringLiteral("<del>") : QStringLiteral("<ins>")) +
                       esc(diff.mid(i + 2, close - i - 2)) +
                       (del ? QStringLiteral("</del>") : QStringLiteral("</ins>"));
                i = close + 2;
                continue;
            }
        }
        qsizetype next = n;
        for (const QString& open : {QStringLiteral("[-"), QStringLiteral("{+")}) {
            const qsizetype at = diff.indexOf(open, i + 1);
            if (at >= 0) next = std::min(next, at);
        }
        out += esc(diff.mid(i, next - i));
        i = next;
    }
    return out;
}

// At most kContextWindow characters of `text` next to the found words, cut at a word boundary.
QString before(const QString& text) {
    if (text.size() <= kContextWindow) return esc(text);
    qsizetype cut = text.size() - kContextWindow;
    const qsizetype space = text.indexOf(u' ', cut);
    if (space >= 0 && space < cut + 60) cut = space + 1;
    if (cut < text.size() && text.at(cut).isLowSurrogate()) ++cut;
    return QStringLiteral("\u2026") + esc(text.mid(cut));
}

QString after(const QString& text) {
    if (text.size() <= kContextWindow) return esc(text);
    qsizetype cut = kContextWindow;
    const qsizetype space = text.lastIndexOf(u' ', cut);
    if (space > cut - 60) cut = space;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate()) --cut;
    return esc(text.left(cut)) + QStringLiteral("\u2026");
}

// The transcript passage with the found words in one <mark>.
QString passage(const EvidenceLocation& l) {
    const qsizetype at = l.text.isEmpty() ? -1 : l.context.indexOf(l.text);
    if (at < 0) {
        QString out = QStringLiteral("<mark>") + esc(l.text) + QStringLiteral("</mark>");
        if (!l.context.isEmpty() && l.context != l.text)
            out += QStringLiteral("<span class=\"aside\"> (in: ") + after(l.context) +
                   QStringLiteral(")</span>");
        return out;
    }
    return before(l.context.left(at)) + QStringLiteral("<mark>") + esc(l.text) + QStringLiteral("</mark>") +
           after(l.context.mid(at + l.text.size()));
}

QString joinEsc(const QStringList& list) {
    QStringList escaped;
    for (const QString& s : list)
        escaped << esc(s);
    return escaped.join(QStringLiteral(", "));
}

class Page {
  public:
    explicit Page(const AuditReport& report) : m_report(report) {}
    QString render();

  private:
    void head();
    void summary();
    void contents();
    void claim(const AuditClaim& c);
    void quote(const AuditClaim& c, const AuditQuote& q, int number);
    QString claimText(const AuditClaim& c);
    QString location(const EvidenceLocation& l);

    const AuditReport& m_report;
    QString m_out;
    QSet<QString> m_locationIds;
};

const char* const kStyle = R"css(
:root { --ink: #1f2328; --muted: #5b636d; --line: #d5d9de; --paper: #ffffff; --wash: #f6f8fa;
  --problem: #b42318; --problem-bg: #fde7e5; --note: #8a5a00; --note-bg: #fff2cc;
  --ok: #1a7f37; --ok-bg: #dcf5e3; --neutral: #4b5563; --neutral-bg: #eceff3; }
* { box-sizing: border-box; }
html { background: var(--wash); }
body { margin: 0; color: var(--ink); font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; background: var(--paper); }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3.section-title { font-size: 1.1rem; margin: 2rem 0 .5rem; color: var(--muted); }
h4 { font-size: 1.05rem; margin: 0; display: inline; }
h5 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 1rem 0 .35rem; }
a { color: #0b5cad; }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.summary table { min-width: 16rem; }
.summary th, .summary td { padding: .25rem .6rem; border-bottom: 1px solid var(--line); text-align: left; }
.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary tr.zero { color: var(--muted); }
.summary tr.zero .verdict { opacity: .55; }
.summary tfoot th, .summary tfoot td { font-weight: 700; border-top: 2px solid var(--line); border-bottom: 0; }
.legend { color: var(--muted); font-size: .9rem; }
.badge, .verdict, .stance { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.st-problem, .sev-problem { color: var(--problem); background: var(--problem-bg); }
.st-note, .sev-note { color: var(--note); background: var(--note-bg); }
.st-supported, .sev-ok { color: var(--ok); background: var(--ok-bg); }
.st-unchecked, .sev-neutral { color: var(--neutral); background: var(--neutral-bg); }
.stance { color: var(--neutral); background: var(--neutral-bg); }
.stance.s-contradicts { color: var(--problem); background: var(--problem-bg); }
.stance.s-qualifies { color: var(--note); background: var(--note-bg); }
.findings-total { color: var(--problem); }
ol.toc { padding-left: 0; list-style: none; }
ol.toc li { padding: .2rem 0; border-bottom: 1px dotted var(--line); }
ol.toc a { text-decoration: none; color: inherit; }
ol.toc a:hover .toc-text { text-decoration: underline; }
.toc-id { font-weight: 600; margin: 0 .35rem; }
.toc-section { color: var(--muted); font-size: .9rem; margin-right: .35rem; }
article.claim { border: 1px solid var(--line); border-left: 6px solid var(--neutral); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0 1.5rem; }
article.claim.c-problem { border-left-color: var(--problem); }
article.claim.c-note { border-left-color: #e0a800; }
article.claim.c-supported { border-left-color: var(--ok); }
.claim-head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.claim-where { color: var(--muted); font-size: .9rem; }
.top { margin-left: auto; font-size: .85rem; }
.claim-text { margin: .75rem 0 .25rem; font-size: 1.05rem; }
.cite { background: #e7f0fb; border-radius: 3px; padding: 0 .15rem; }
.quoted { text-decoration: underline dotted; }
.citations { color: var(--muted); font-size: .9rem; margin: 0; }
.quote { border-top: 1px solid var(--line); padding-top: .75rem; margin-top: .75rem; break-inside: avoid; }
.quote-head { display: flex; flex-wrap: wrap; gap: .6rem; align-items: baseline; font-size: .9rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: .5rem 0; }
.pair > div { min-width: 0; }
.label { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: .2rem; }
blockquote { margin: 0; padding: .5rem .75rem; background: var(--wash); border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.printed blockquote { font-style: italic; }
mark { background: #ffe58a; color: inherit; padding: 0 .1rem; }
del { background: #fdd8d5; color: var(--problem); }
ins { background: #d2f4dc; color: var(--ok); }
.diff, .explanation, .also { font-size: .92rem; margin: .35rem 0; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.aside { color: var(--muted); }
ul.evidence, ul.checks, ul.also { margin: .25rem 0; padding-left: 1.2rem; }
ul.evidence li, ul.checks li, ul.also li { margin: .25rem 0; }
.origin { color: var(--muted); font-size: .9rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 44rem) { .pair { grid-template-columns: 1fr; } main { padding: 1rem .75rem 3rem; } }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .top { display: none; }
  article.claim { break-inside: auto; }
  h2, h3, .claim-head { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

QString Page::render() {
    head();
    summary();
    contents();
    m_out += QStringLiteral("<h2 id=\"claims\">Claims in detail</h2>\n");
    QString section;
    bool first = true;
    for (const AuditClaim& c : m_report.claims) {
        if (first || c.section != section) {
            if (!c.section.isEmpty())
                m_out += QStringLiteral("<h3 class=\"section-title\">") + esc(c.section) +
                         QStringLiteral("</h3>\n");
            section = c.section;
            first = false;
        }
        claim(c);
    }
    m_out += QStringLiteral(
        "<footer>Generated by Warrant. Offsets are characters (code points) into the manuscript "
        "and the sources.</footer>\n</main>\n</body>\n</html>\n");
    return m_out;
}

void Page::head() {
    const QString title = m_report.manuscript.isEmpty()
                              ? QStringLiteral("Warrant audit")
                              : QStringLiteral("Warrant audit: ") + m_report.manuscript;
    m_out +=
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>") +
        esc(title) + QStringLiteral("</title>\n<style>") + QString::fromUtf8(kStyle) +
        QStringLiteral("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>") + esc(title) +
        QStringLiteral("</h1>\n");
    if (!m_report.projectFile.isEmpty())
        m_out += QStringLiteral("<p class=\"meta\">Project: ") + esc(m_report.projectFile) +
                 QStringLiteral("</p>\n");
    std::map<Status, int> statuses;
    for (const AuditClaim& c : m_report.claims)
        statuses[AuditFacts::status(c)] += 1;
    const int claims = int(m_report.claims.size());
    m_out += QStringLiteral("<p class=\"meta\">") + num(claims) +
             (claims == 1 ? QStringLiteral(" claim") : QStringLiteral(" claims")) + QStringLiteral(": ");
    QStringList parts;
    for (Status s : {Status::Problem, Status::Note, Status::Supported, Status::Unchecked})
        parts << num(statuses[s]) + u' ' + statusBadge(s);
    m_out += parts.join(QStringLiteral(" &middot; ")) + QStringLiteral("</p>\n</header>\n");
}

void Page::summary() {
    m_out += QStringLiteral("<h2 id=\"summary\">Summary</h2>\n<div class=\"summary\">\n");
    const auto verdicts = AuditFacts::verdictCounts(m_report);
    const auto checks = AuditFacts::checkCounts(m_report);

    auto firstWithVerdict = [&](QuoteVerdict v) -> const AuditClaim* {
        for (const AuditClaim& c : m_report.claims)
            for (const AuditQuote& q : c.quotes)
                if (q.verdict == v) return &c;
        return nullptr;
    };
    auto firstWithCheck = [&](ClaimCheck k) -> const AuditClaim* {
        for (const AuditClaim& c : m_report.claims)
            for (const AuditCheck& x : c.checks)
                if (x.check == k) return &c;
        return nullptr;
    };
    auto row = [&](const QString& badge, int count, const AuditClaim* first) {
        QString label = badge;
        if (first)
            label = QStringLiteral("<a href=\"#") + claimAnchor(*first) + QStringLiteral("\">") + badge +
                    QStringLiteral("</a>");
        m_out += QStringLiteral("<tr") + (count ? QString() : QStringLiteral(" class=\"zero\"")) +
                 QStringLiteral("><th scope=\"row\">") + label + QStringLiteral("</th><td class=\"n\">") +
                 num(count) + QStringLiteral("</td></tr>\n");
    };

    int quotes = 0;
    m_out += QStringLiteral("<table class=\"verdicts\">\n<thead><tr><th scope=\"col\">Quotation verdict</th>"
                            "<th scope=\"col\">Quotations</th></tr></thead>\n<tbody>\n");
    for (QuoteVerdict v : AuditFacts::verdicts()) {
        const int n = verdicts.at(quoteVerdictName(v));
        quotes += n;
        row(verdictBadge(v), n, firstWithVerdict(v));
    }
    m_out += QStringLiteral("</tbody>\n<tfoot><tr><th scope=\"row\">All quotations</th><td class=\"n\">") +
             num(quotes) + QStringLiteral("</td></tr></tfoot>\n</table>\n");

    m_out += QStringLiteral("<table class=\"checks\">\n<thead><tr><th scope=\"col\">Check</th>"
                            "<th scope=\"col\">Times raised</th></tr></thead>\n<tbody>\n");
    for (ClaimCheck k : AuditFacts::checks())
        row(checkBadge(k), checks.at(claimCheckName(k)), firstWithCheck(k));
    m_out += QStringLiteral("</tbody>\n<tfoot><tr><th scope=\"row\">Findings</th><td class=\"n") +
             (m_report.findings ? QStringLiteral(" findings-total") : QString()) + QStringLiteral("\">") +
             num(m_report.findings) + QStringLiteral("</td></tr></tfoot>\n</table>\n</div>\n");
    m_out += QStringLiteral(
        "<p class=\"legend\">Findings are the verdicts and checks the audit was told to fail on. "
        "<span class=\"badge st-problem\">problem</span> a quotation is altered, misattributed, the "
        "interviewer&#39;s words, "
        "spliced or not found, or an unsupported, orphan-citation or quantifier check fired; "
        "<span class=\"badge st-note\">note</span> near-verbatim or ambiguous quotations, concentration or "
        "contrary evidence, "
        "or only suggested evidence; <span class=\"badge st-supported\">supported</span> verified or linked "
        "evidence and "
        "nothing else; <span class=\"badge st-unchecked\">unchecked</span> nothing to check against the "
        "interviews.</p>\n");
}

void Page::contents() {
    m_out += QStringLiteral("<nav id=\"contents\">\n<h2>Claims</h2>\n<ol class=\"toc\">\n");
    for (const AuditClaim& c : m_report.claims) {
        m_out += QStringLiteral("<li><a href=\"#") + claimAnchor(c) + QStringLiteral("\">") +
                 statusBadge(AuditFacts::status(c)) + QStringLiteral("<span class=\"toc-id\">Claim ") +
                 num(c.id) + QStringLiteral("</span>");
        if (!c.section.isEmpty())
            m_out += QStringLiteral("<span class=\"toc-section\">") +
                     esc(AuditFacts::shorten(c.section, 40)) + QStringLiteral("</span>");
        m_out += QStringLiteral("<span class=\"toc-text\">") + esc(AuditFacts::shorten(c.text, 110)) +
                 QStringLiteral("</span></a></li>\n");
    }
    m_out += QStringLiteral("</ol>\n</nav>\n");
}

QString Page::location(const EvidenceLocation& l) {
    const QString id = QStringLiteral("loc-") + num(l.sourceId) + u'-' + num(l.start);
    const QString label = esc(AuditFacts::locationLabel(l));
    if (m_locationIds.contains(id))
        return QStringLiteral("<a class=\"loc\" href=\"#") + id + QStringLiteral("\">") + label +
               QStringLiteral("</a>");
    m_locationIds.insert(id);
    return QStringLiteral("<span class=\"loc\" id=\"") + id + QStringLiteral("\">") + label +
           QStringLiteral("</span>");
}

// The claim's words with its citations (and inline quotations) marked.
QString Page::claimText(const AuditClaim& c) {
    struct Range {
        qsizetype start, end;
        QString cls;
    };
    std::vector<Range> ranges;
    const TextOffsets offsets(c.text);
    auto place = [&](qsizetype start, qsizetype end, const QString& words, const QString& cls) {
        qsizetype s = -1, e = -1;
        if (start >= c.start && end <= c.end && end > start) {
            s = offsets.utf16FromCodePoint(start - c.start);
            e = offsets.utf16FromCodePoint(end - c.start);
            if (!words.isEmpty() && c.text.mid(s, e - s) != words) s = -1;
        }
        if (s < 0 && !words.isEmpty()) {
            s = c.text.indexOf(words);
            e = s < 0 ? -1 : s + words.size();
        }
        if (s >= 0 && e > s) ranges.push_back({s, e, cls});
    };
    for (const AuditCitation& x : c.citations)
        place(x.start, x.end, x.text, QStringLiteral("cite"));
    for (const AuditQuote& q : c.quotes)
        if (!q.block) place(q.start, q.end, QString(), QStringLiteral("quoted"));
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
    QString out;
    qsizetype at = 0;
    for (const Range& r : ranges) {
        if (r.start < at) continue; // overlapping: keep the first
        out += esc(c.text.mid(at, r.start - at)) + QStringLiteral("<span class=\"") + r.cls +
               QStringLiteral("\">") + esc(c.text.mid(r.start, r.end - r.start)) + QStringLiteral("</span>");
        at = r.end;
    }
    return out + esc(c.text.mid(at));
}

void Page::claim(const AuditClaim& c) {
    const Status status = AuditFacts::status(c);
    m_out += QStringLiteral("<article class=\"claim c-") + AuditFacts::statusName(status) +
             QStringLiteral("\" id=\"") + claimAnchor(c) + QStringLiteral("\">\n<div class=\"claim-head\">") +
             statusBadge(status) + QStringLiteral(" <h4>Claim ") + num(c.id) +
             QStringLiteral("</h4> <span class=\"claim-where\">");
    if (!c.section.isEmpty()) m_out += esc(c.section) + QStringLiteral(" &middot; ");
    m_out += QStringLiteral("characters ") + num(c.start) + QStringLiteral("&ndash;") + num(c.end) +
             QStringLiteral("</span><a class=\"top\" href=\"#contents\">&uarr; contents</a></div>\n");
    m_out += QStringLiteral("<p class=\"claim-text\">") + claimText(c) + QStringLiteral("</p>\n");

    QStringList participants, unknown, literature;
    for (const AuditCitation& x : c.citations) {
        participants << x.participants;
        unknown << x.unknown;
        literature << x.literature;
    }
    participants.removeDuplicates();
    unknown.removeDuplicates();
    literature.removeDuplicates();
    QStringList cites;
    if (!participants.isEmpty()) cites << QStringLiteral("cites ") + joinEsc(participants);
    if (!unknown.isEmpty()) cites << QStringLiteral("not participants of the project: ") + joinEsc(unknown);
    if (!literature.isEmpty()) cites << QStringLiteral("literature: ") + joinEsc(literature);
    if (!cites.isEmpty())
        m_out += QStringLiteral("<p class=\"citations\">") + cites.join(QStringLiteral(" &middot; ")) +
                 QStringLiteral("</p>\n");

    if (!c.checks.empty()) {
        m_out += QStringLiteral("<h5>Checks</h5>\n<ul class=\"checks\">\n");
        for (const AuditCheck& k : c.checks) {
            m_out += QStringLiteral("<li>") + checkBadge(k.check) + u' ' + esc(k.message);
            if (!k.participants.isEmpty())
                m_out += QStringLiteral(" <span class=\"aside\">(") + joinEsc(k.participants) +
                         QStringLiteral(")</span>");
            m_out += QStringLiteral("</li>\n");
        }
        m_out += QStringLiteral("</ul>\n");
    }

    if (!c.quotes.empty()) {
        m_out += QStringLiteral("<h5>Quotations</h5>\n");
        int n = 0;
        for (const AuditQuote& q : c.quotes)
            quote(c, q, ++n);
    }

    if (!c.evidence.empty()) {
        m_out += QStringLiteral("<h5>Evidence</h5>\n<ul class=\"evidence\">\n");
        for (const AuditEvidence& e : c.evidence) {
            const QString stance = evidenceStanceName(e.stance);
            m_out += QStringLiteral("<li><span class=\"stance s-") + stance + QStringLiteral("\">") + stance +
                     QStringLiteral("</span> <span class=\"origin\">") + esc(e.origin);
            if (e.linkId > 0) m_out += QStringLiteral(" (link ") + num(e.linkId) + u')';
            if (AuditFacts::isSuggestion(e)) m_out += QStringLiteral(", relevance ") + percent(e.relevance);
            m_out += QStringLiteral("</span> ") + location(e.location);
            if (!e.location.text.isEmpty())
                m_out += QStringLiteral(" &ldquo;") +
                         esc(AuditFacts::shorten(e.location.text, kEvidenceText)) + QStringLiteral("&rdquo;");
            m_out += QStringLiteral("</li>\n");
        }
        m_out += QStringLiteral("</ul>\n");
    }
    m_out += QStringLiteral("</article>\n");
}

void Page::quote(const AuditClaim& c, const AuditQuote& q, int number) {
    m_out += QStringLiteral("<div class=\"quote\" id=\"") + claimAnchor(c) + QStringLiteral("-quote-") +
             num(number) + QStringLiteral("\">\n<div class=\"quote-head\">") + verdictBadge(q.verdict);
    if (q.found || q.similarity > 0)
        m_out += QStringLiteral(" <span>") + percent(q.similarity) + QStringLiteral(" similar</span>");
    if (!q.citedParticipants.isEmpty())
        m_out += QStringLiteral(" <span class=\"aside\">cited: ") + joinEsc(q.citedParticipants) +
                 QStringLiteral("</span>");
    if (q.block) m_out += QStringLiteral(" <span class=\"aside\">block quotation</span>");
    m_out += QStringLiteral("</div>\n<div class=\"pair\">\n<div class=\"printed\"><div "
                            "class=\"label\">Printed</div><blockquote>") +
             esc(q.text) +
             QStringLiteral("</blockquote></div>\n<div class=\"transcript\"><div class=\"label\">");
    if (q.found) {
        m_out += (q.verdict == QuoteVerdict::Document ? QStringLiteral("Document")
                                                      : QStringLiteral("Transcript")) +
                 QStringLiteral(" &middot; ") + location(*q.found) + QStringLiteral("</div><blockquote>") +
                 passage(*q.found) + QStringLiteral("</blockquote></div>\n");
    } else {
        const QString why = q.verdict == QuoteVerdict::Literature
                                ? QStringLiteral("not checked: cited to literature")
                            : q.verdict == QuoteVerdict::Uncited
                                ? QStringLiteral("not checked: no citation to attribute it to")
                                : QStringLiteral("not found");
        m_out += QStringLiteral("Transcript</div><blockquote class=\"aside\">") + why +
                 QStringLiteral("</blockquote></div>\n");
    }
    m_out += QStringLiteral("</div>\n");
    if (!q.alsoFound.empty()) {
        const QString label = q.verdict == QuoteVerdict::Spliced ? QStringLiteral("Joined with")
                              : q.verdict == QuoteVerdict::Ambiguous
                                  ? QStringLiteral("Equally good elsewhere")
                                  : QStringLiteral("Also found");
        m_out += QStringLiteral("<div class=\"also\">") + label + QStringLiteral(":\n<ul class=\"also\">\n");
        for (const EvidenceLocation& l : q.alsoFound)
            m_out += QStringLiteral("<li>") + location(l) + QStringLiteral(" &ldquo;") + esc(l.text) +
                     QStringLiteral("&rdquo;</li>\n");
        m_out += QStringLiteral("</ul></div>\n");
    }
    if (!q.diff.isEmpty() && q.verdict != QuoteVerdict::Verbatim)
        m_out += QStringLiteral("<p class=\"diff\">Printed &rarr; said: ") + renderDiff(q.diff) +
                 QStringLiteral("</p>\n");
    if (!q.explanation.isEmpty())
        m_out += QStringLiteral("<p class=\"explanation\">") + esc(q.explanation) + QStringLiteral("</p>\n");
    m_out += QStringLiteral("</div>\n");
}

} // namespace

QString AuditHtmlWriter::write(const AuditReport& report) {
    return Page(report).render();
}

} // namespace warrant

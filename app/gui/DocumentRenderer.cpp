#include "DocumentRenderer.h"

#include "text/TextOffsets.h"

namespace warrant {

namespace {

QString escapeParagraphs(const QString& text) {
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"));
    html.replace(u'\n', QStringLiteral("<br/>"));
    return html;
}

QString mediaTime(qint64 ms) {
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString DocumentRenderer::toHtml(const Source& source, const std::vector<Turn>& turns) {
    const TextOffsets offsets(source.text);
    const auto slice = [&](qsizetype start, qsizetype end) {
        const qsizetype a = offsets.utf16FromCodePoint(start);
        return source.text.mid(a, offsets.utf16FromCodePoint(end) - a);
    };
    QString html = QStringLiteral("<html><body style='font-size:11pt'>");
    html += QStringLiteral("<h2>%1</h2>").arg(source.title.toHtmlEscaped());
    if (!source.header.empty()) {
        html += QStringLiteral("<table style='color:#555'>");
        for (const auto& [key, value] : source.header)
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(key.toHtmlEscaped(), value.toHtmlEscaped());
        html += QStringLiteral("</table><hr/>");
    }
    if (turns.empty()) return html + QStringLiteral("<p>%1</p></body></html>").arg(escapeParagraphs(source.text));

    for (const Turn& t : turns) {
        const QString colour = t.isInterviewer ? QStringLiteral("#6b6b6b") : QStringLiteral("#1a1a1a");
        const QString background = t.isInterviewer ? QStringLiteral("background-color:#f2f2f2;") : QString();
        QString label = QStringLiteral("<b>%1</b>").arg(t.speakerLabel.toHtmlEscaped());
        if (t.mediaTimeMs) label += QStringLiteral(" <span style='color:#888'>[%1]</span>").arg(mediaTime(*t.mediaTimeMs));
        html += QStringLiteral("<p style='%1color:%2'><a name='turn-%3'></a>%4 <span style='color:#999'>#%3</span><br/>%5</p>")
                    .arg(background, colour)
                    .arg(t.number)
                    .arg(label, escapeParagraphs(slice(t.start, t.end)));
    }
    return html + QStringLiteral("</body></html>");
}

} // namespace warrant

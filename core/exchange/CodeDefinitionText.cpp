#include "exchange/CodeDefinitionText.h"

#include <QStringList>

namespace warrant {

namespace {

struct Part {
    const char16_t* label;
    QString Code::*field;
};

const Part kParts[] = {{u"Include: ", &Code::inclusion}, {u"Exclude: ", &Code::exclusion}, {u"Example: ", &Code::example}};

} // namespace

QString CodeDefinitionText::join(const Code& code) {
    QStringList paragraphs;
    if (!code.description.trimmed().isEmpty()) paragraphs << code.description.trimmed();
    for (const Part& p : kParts)
        if (!(code.*p.field).trimmed().isEmpty()) paragraphs << QString::fromUtf16(p.label) + (code.*p.field).trimmed();
    return paragraphs.join(QStringLiteral("\n\n"));
}

void CodeDefinitionText::split(const QString& text, Code* code) {
    QStringList description;
    const QString normalised = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (const QString& paragraph : normalised.split(QStringLiteral("\n\n"))) {
        bool labelled = false;
        for (const Part& p : kParts) {
            const QString label = QString::fromUtf16(p.label);
            if (paragraph.startsWith(label) && (code->*p.field).isEmpty()) {
                code->*p.field = paragraph.mid(label.size()).trimmed();
                labelled = true;
                break;
            }
        }
        if (!labelled) description << paragraph;
    }
    code->description = description.join(QStringLiteral("\n\n")).trimmed();
}

} // namespace warrant

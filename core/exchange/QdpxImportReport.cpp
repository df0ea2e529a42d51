#include "exchange/QdpxImportReport.h"

#include <QJsonArray>

namespace warrant {

QJsonObject QdpxImportReport::toJson() const {
    QJsonObject counts{{QStringLiteral("users"), users},
                       {QStringLiteral("codes"), codes},
                       {QStringLiteral("variables"), variables},
                       {QStringLiteral("cases"), cases},
                       {QStringLiteral("textSources"), textSources},
                       {QStringLiteral("transcripts"), transcripts},
                       {QStringLiteral("selections"), selections},
                       {QStringLiteral("codings"), codings},
                       {QStringLiteral("memos"), memos},
                       {QStringLiteral("sets"), sets},
                       {QStringLiteral("externalSources"), externalSources},
                       {QStringLiteral("externalSelections"), externalSelections},
                       {QStringLiteral("externalCodings"), externalCodings}};
    return {{QStringLiteral("file"), file},
            {QStringLiteral("origin"), origin},
            {QStringLiteral("offsets"), convention},
            {QStringLiteral("offsetsEvidence"), conventionEvidence},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QString QdpxImportReport::toText() const {
    QStringList lines;
    lines << QStringLiteral("Imported %1%2").arg(file, origin.isEmpty() ? QString() : QStringLiteral(" (from %1)").arg(origin));
    lines << QStringLiteral("  %1 text sources (%2 transcripts with speaker turns), %3 codes, %4 coded selections, %5 codings")
                 .arg(textSources).arg(transcripts).arg(codes).arg(selections).arg(codings);
    lines << QStringLiteral("  %1 coders, %2 cases with %3 variables, %4 memos, %5 sets")
                 .arg(users).arg(cases).arg(variables).arg(memos).arg(sets);
    if (externalSources > 0)
        lines << QStringLiteral("  %1 sources kept by name only (pictures, audio, video, PDF without text): "
                                "%2 selections and %3 codings in them not carried")
                     .arg(externalSources).arg(externalSelections).arg(externalCodings);
    if (!convention.isEmpty()) lines << QStringLiteral("  Offsets read as %1: %2").arg(convention, conventionEvidence);
    for (const QString& n : notes) lines << QStringLiteral("  Note: %1").arg(n);
    for (const QString& p : problems) lines << QStringLiteral("  Skipped (bad): %1").arg(p);
    for (const QString& s : skipped) lines << QStringLiteral("  Not carried: %1").arg(s);
    return lines.join(u'\n');
}

} // namespace warrant

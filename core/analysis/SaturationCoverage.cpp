#include "analysis/SaturationCoverage.h"

#include "analysis/AnalysisSnapshot.h"

#include <QCollator>
#include <QDate>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace warrant {

namespace {

QDate readDate(const QString& text) {
    const QString t = text.trimmed();
    for (const char* format : {"d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "d.M.yyyy", "d/M/yyyy", "MMMM d, yyyy", "MMMM yyyy"}) {
        const QDate d = QDate::fromString(t, QString::fromLatin1(format));
        if (d.isValid()) return d;
    }
    return {};
}

// Interviews: the transcripts, dated ones by date, then the rest by import order (their ids).
std::vector<const AnalysisSourceRow*> interviewOrder(const AnalysisSnapshot& snapshot, QString* order) {
    std::vector<std::pair<QDate, const AnalysisSourceRow*>> rows;
    int dated = 0;
    for (const AnalysisSourceRow& s : snapshot.sources()) {
        if (s.kind != u"transcript") continue;
        const QDate d = readDate(s.date);
        if (d.isValid()) ++dated;
        rows.push_back({d, &s});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        if (a.first.isValid() != b.first.isValid()) return a.first.isValid();
        return a.first.isValid() ? a.first < b.first : a.second->id < b.second->id;
    });
    *order = dated == 0 ? QStringLiteral("import order")
             : dated == int(rows.size()) ? QStringLiteral("interview date")
                                         : QStringLiteral("interview date, then import order");
    std::vector<const AnalysisSourceRow*> out;
    for (const auto& r : rows) out.push_back(r.second);
    return out;
}

QString groupOf(const AnalysisParticipantRow* p) {
    return p ? p->attributes.value(QStringLiteral("group")) : QString();
}

// Characters of `spans` (sorted by start) covered by at least one of `covers`.
qint64 coveredLength(qint64 start, qint64 end, std::vector<std::pair<qint64, qint64>>& covers) {
    std::sort(covers.begin(), covers.end());
    qint64 covered = 0, reach = start;
    for (const auto& [s, e] : covers) {
        const qint64 from = std::max(s, reach), to = std::min(e, end);
        if (to > from) {
            covered += to - from;
            reach = to;
        }
    }
    return covered;
}

} // namespace

Result<SaturationResult> SaturationCoverage::saturation(const AnalysisSnapshot& snapshot) {
    SaturationResult result;
    QSet<qint64> seen;
    for (const AnalysisSourceRow* s : interviewOrder(snapshot, &result.order)) {
        SaturationPoint p{s->title, s->date, 0, 0, {}};
        std::vector<qint64> fresh;
        for (const AnalysisCoding& c : snapshot.codingsOf(s->id))
            if (!seen.contains(c.codeId)) {
                seen.insert(c.codeId);
                fresh.push_back(c.codeId);
            }
        for (qint64 id : snapshot.codesInOrder())
            if (std::find(fresh.begin(), fresh.end(), id) != fresh.end()) p.codes << snapshot.codePath(id);
        p.newCodes = int(fresh.size());
        p.cumulativeCodes = int(seen.size());
        result.points.push_back(std::move(p));
    }
    return result;
}

Result<CoverageResult> SaturationCoverage::coverage(const AnalysisSnapshot& snapshot) {
    CoverageResult result;
    // One pass over the codings: each counts for its code and every code above it.
    struct Reach {
        QSet<qint64> people, segments;
        QSet<QString> groups;
    };
    QHash<qint64, qint64> parentOf;
    for (const AnalysisCodeRow& c : snapshot.codes()) parentOf.insert(c.id, c.parentId);
    QHash<qint64, Reach> reach;
    for (const AnalysisCoding& c : snapshot.codings()) {
        const QString group = c.participantId ? groupOf(snapshot.participant(c.participantId)) : QString();
        for (qint64 code = c.codeId; code; code = parentOf.value(code)) {
            Reach& r = reach[code];
            r.segments.insert(c.segmentId);
            if (c.participantId) r.people.insert(c.participantId);
            if (!group.isEmpty()) r.groups.insert(group);
        }
    }
    for (qint64 code : snapshot.codesInOrder()) {
        const Reach r = reach.value(code);
        QStringList names(r.groups.begin(), r.groups.end());
        names.sort(Qt::CaseInsensitive);
        result.codes.push_back({snapshot.codePath(code), int(r.people.size()), int(r.groups.size()), names, int(r.segments.size())});
    }
    QHash<qint64, ParticipantCoverage> byPerson;
    for (const AnalysisSourceRow& s : snapshot.sources()) {
        const auto codings = snapshot.codingsOf(s.id);
        for (const AnalysisTurnRow& t : snapshot.turnsOf(s.id)) {
            if (!t.participantId || t.interviewer) continue;
            std::vector<std::pair<qint64, qint64>> covers;
            for (const AnalysisCoding& c : codings)
                if (c.start < t.end && c.end > t.start) covers.push_back({c.start, c.end});
            ParticipantCoverage& p = byPerson[t.participantId];
            p.spokenCharacters += t.end - t.start;
            p.codedCharacters += coveredLength(t.start, t.end, covers);
        }
    }
    for (const AnalysisParticipantRow& row : snapshot.participants()) {
        ParticipantCoverage p = byPerson.value(row.id);
        p.participant = row.code;
        p.group = groupOf(&row);
        p.share = p.spokenCharacters ? double(p.codedCharacters) / double(p.spokenCharacters) : 0.0;
        result.participants.push_back(p);
    }
    QCollator natural;
    natural.setNumericMode(true);
    std::sort(result.participants.begin(), result.participants.end(),
              [&](const ParticipantCoverage& a, const ParticipantCoverage& b) { return natural.compare(a.participant, b.participant) < 0; });
    return result;
}

QJsonObject SaturationResult::toJson() const {
    QJsonArray list;
    for (const SaturationPoint& p : points)
        list.append(QJsonObject{{QStringLiteral("source"), p.source}, {QStringLiteral("date"), p.date},
                                {QStringLiteral("newCodes"), p.newCodes}, {QStringLiteral("cumulativeCodes"), p.cumulativeCodes},
                                {QStringLiteral("codes"), QJsonArray::fromStringList(p.codes)}});
    return {{QStringLiteral("order"), order}, {QStringLiteral("transcripts"), list}};
}

AnalysisTable SaturationResult::table() const {
    AnalysisTable t{QStringLiteral("Saturation"),
                    {QStringLiteral("Transcript"), QStringLiteral("Date"), QStringLiteral("New codes"), QStringLiteral("Codes so far"),
                     QStringLiteral("Which")},
                    {}};
    for (const SaturationPoint& p : points)
        t.rows.push_back({p.source, p.date, p.newCodes, p.cumulativeCodes, p.codes.join(QStringLiteral("; "))});
    return t;
}

QString SaturationResult::toText() const {
    QStringList lines{QStringLiteral("New codes per transcript (%1):").arg(order)};
    for (const SaturationPoint& p : points)
        lines << QStringLiteral("%1 %2 +%3 = %4").arg(p.source, -24).arg(p.date, -18).arg(p.newCodes).arg(p.cumulativeCodes);
    return lines.join(u'\n');
}

QJsonObject CoverageResult::toJson() const {
    QJsonArray codeList, people;
    for (const CodeCoverage& c : codes)
        codeList.append(QJsonObject{{QStringLiteral("code"), c.code}, {QStringLiteral("participants"), c.participants},
                                    {QStringLiteral("groups"), c.groups}, {QStringLiteral("groupNames"), QJsonArray::fromStringList(c.groupNames)},
                                    {QStringLiteral("segments"), c.segments}});
    for (const ParticipantCoverage& p : participants)
        people.append(QJsonObject{{QStringLiteral("participant"), p.participant}, {QStringLiteral("group"), p.group},
                                  {QStringLiteral("spokenCharacters"), p.spokenCharacters},
                                  {QStringLiteral("codedCharacters"), p.codedCharacters}, {QStringLiteral("share"), p.share}});
    return {{QStringLiteral("codes"), codeList}, {QStringLiteral("participants"), people}};
}

std::vector<AnalysisTable> CoverageResult::tables() const {
    AnalysisTable byCode{QStringLiteral("Coverage by code"),
                         {QStringLiteral("Code"), QStringLiteral("Participants"), QStringLiteral("Groups"), QStringLiteral("Which groups"),
                          QStringLiteral("Segments")},
                         {}};
    for (const CodeCoverage& c : codes)
        byCode.rows.push_back({c.code, c.participants, c.groups, c.groupNames.join(QStringLiteral("; ")), c.segments});
    AnalysisTable byPerson{QStringLiteral("Coverage by participant"),
                           {QStringLiteral("Participant"), QStringLiteral("Group"), QStringLiteral("Characters spoken"),
                            QStringLiteral("Characters coded"), QStringLiteral("Share coded")},
                           {}};
    for (const ParticipantCoverage& p : participants)
        byPerson.rows.push_back({p.participant, p.group, p.spokenCharacters, p.codedCharacters, p.share});
    return {byCode, byPerson};
}

QString CoverageResult::toText() const {
    QStringList lines{QStringLiteral("Codes across participants and groups:")};
    for (const CodeCoverage& c : codes)
        lines << QStringLiteral("  %1 %2 participants, %3 groups, %4 segments").arg(c.code, -44).arg(c.participants, 3).arg(c.groups).arg(c.segments);
    lines << QStringLiteral("How much of what each participant said is coded:");
    for (const ParticipantCoverage& p : participants)
        lines << QStringLiteral("  %1 %2 %3%").arg(p.participant, -8).arg(p.group, -12).arg(p.share * 100, 5, 'f', 1);
    return lines.join(u'\n');
}

} // namespace warrant

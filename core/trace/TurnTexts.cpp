#include "trace/TurnTexts.h"

#include "store/Project.h"
#include "text/TextOffsets.h"
#include "trace/SpellingTolerance.h"

#include <optional>

namespace warrant {

const QSet<QString>& TurnText::capitalised() const {
    if (!m_capitalised) m_capitalised = SpellingTolerance::capitalisedWords(text);
    return *m_capitalised;
}

const TurnText* TurnTexts::keep(std::unique_ptr<TurnText> turn, qsizetype end) {
    const auto key = std::make_pair(turn->sourceId, turn->number);
    auto it = m_turns.find(key);
    if (it != m_turns.end()) return it->second.get();
    turn->normalized = NormalizedText::of(turn->text);
    const TurnText* kept = m_turns.emplace(key, std::move(turn)).first->second.get();
    m_spans[kept->sourceId][kept->start] = {end, kept};
    return kept;
}

const TurnText* TurnTexts::cachedAt(qint64 sourceId, qsizetype offset) const {
    const auto source = m_spans.find(sourceId);
    if (source == m_spans.end()) return nullptr;
    auto it = source->second.upper_bound(offset);
    if (it == source->second.begin()) return nullptr;
    --it;
    return offset < it->second.first ? it->second.second : nullptr;
}

std::vector<const TurnText*> TurnTexts::load(const QString& where, const QString& bind) {
    // The turns' places first, then each transcript's text once: slicing it in SQL with substr()
    // decodes the whole transcript again for every turn.
    SqliteStatement rows = m_project.db().prepare(QStringLiteral(
        "SELECT t.source_id, s.title, t.turn_number, ifnull(p.code, ''), t.is_interviewer, t.start_pos, t.end_pos "
        "FROM turns t JOIN sources s ON s.id = t.source_id LEFT JOIN participants p ON p.id = t.participant_id "
        "WHERE %1 ORDER BY t.source_id, t.turn_number").arg(where));
    if (!bind.isNull()) rows.bind(1, bind);
    struct Row {
        std::unique_ptr<TurnText> turn;
        qsizetype end;
    };
    std::vector<Row> found;
    while (rows.next()) {
        auto t = std::make_unique<TurnText>();
        t->sourceId = rows.int64(0);
        t->source = rows.text(1);
        t->number = int(rows.int64(2));
        t->interviewer = rows.int64(4) != 0;
        t->participant = t->interviewer ? QString() : rows.text(3);
        t->start = rows.int64(5);
        found.push_back({std::move(t), rows.int64(6)});
    }
    std::vector<const TurnText*> out;
    qint64 loadedSource = 0;
    QString sourceText;
    std::optional<TextOffsets> offsets;
    for (Row& row : found) {
        if (const TurnText* known = cachedAt(row.turn->sourceId, row.turn->start)) {
            out.push_back(known);
            continue;
        }
        if (!offsets || loadedSource != row.turn->sourceId) {
            SqliteStatement text = m_project.db().prepare(QStringLiteral("SELECT text FROM sources WHERE id = ?1"));
            text.bind(1, row.turn->sourceId);
            sourceText = text.next() ? text.text(0) : QString();
            offsets.emplace(sourceText);
            loadedSource = row.turn->sourceId;
        }
        const qsizetype from = offsets->utf16FromCodePoint(row.turn->start), to = offsets->utf16FromCodePoint(row.end);
        row.turn->text = sourceText.mid(from, to - from);
        out.push_back(keep(std::move(row.turn), row.end));
    }
    return out;
}

const std::vector<const TurnText*>& TurnTexts::spokenBy(const QString& participantCode) {
    auto it = m_byParticipant.find(participantCode);
    if (it != m_byParticipant.end()) return it->second;
    return m_byParticipant[participantCode] =
               load(QStringLiteral("t.is_interviewer = 0 AND p.code = ?1 COLLATE NOCASE"), participantCode);
}

const std::vector<const TurnText*>& TurnTexts::interviewerTurnsWith(const QString& participantCode) {
    auto it = m_interviewerWith.find(participantCode);
    if (it != m_interviewerWith.end()) return it->second;
    return m_interviewerWith[participantCode] = load(QStringLiteral("t.is_interviewer = 1 AND t.source_id IN (SELECT t2.source_id FROM turns t2 JOIN participants p2 "
                               "ON p2.id = t2.participant_id WHERE p2.code = ?1 COLLATE NOCASE)"),
                participantCode);
}

const TurnText* TurnTexts::at(qint64 sourceId, qsizetype offset) {
    if (const TurnText* known = cachedAt(sourceId, offset)) return known;
    auto turns = load(QStringLiteral("t.source_id = %1 AND t.start_pos <= %2 AND %2 < t.end_pos").arg(sourceId).arg(offset),
                      QString());
    return turns.empty() ? nullptr : turns.front();
}

QStringList TurnTexts::participants() {
    QStringList codes;
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT code FROM participants ORDER BY id"));
    while (rows.next()) codes << rows.text(0);
    return codes;
}

} // namespace warrant

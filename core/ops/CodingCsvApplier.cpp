#include "ops/CodingCsvApplier.h"

#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/CsvReader.h"
#include "text/TextOffsets.h"

#include <QFileInfo>

#include <map>
#include <optional>

namespace warrant {

Result<int> CodingCsvApplier::applyFile(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    auto rows = CsvReader::readFile(path);
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(QStringLiteral("%1: the file is empty").arg(name));
    QStringList header;
    for (const QString& h : rows->front().fields) header << h.trimmed().toLower();
    const QStringList required = {QStringLiteral("participant"), QStringLiteral("code"), QStringLiteral("coder"),
                                  QStringLiteral("text")};
    for (const QString& r : required)
        if (!header.contains(r)) return makeError(QStringLiteral("%1: row 1: column '%2' is missing").arg(name, r));
    const auto col = [&](const QString& key) { return header.indexOf(key); };

    SourceRepository sources(m_project);
    ParticipantRepository participants(m_project);
    CodebookRepository codebook(m_project);
    CodingRepository codings(m_project);
    auto allSources = sources.list(true);
    if (!allSources) return allSources.error();

    const QString originalCoder = m_project.coderName();
    int applied = 0;
    Status s = m_project.mutate(QStringLiteral("codings.import"), QStringLiteral("applied the codings in %1").arg(name),
                                [&]() -> Status {
        // Files from other tools run to hundreds of thousands of rows, mostly grouped by
        // transcript: participants, codes, each participant's transcripts and the last
        // transcript's offset table are looked up once, not per row.
        std::map<QString, Code> codeCache;
        std::map<QString, std::optional<Participant>> participantCache;
        std::map<qint64, std::vector<const Source*>> sourcesOf;
        for (const Source& src : *allSources) sourcesOf[src.participantId].push_back(&src);
        qint64 offsetsSource = -1;
        std::optional<TextOffsets> offsets;
        for (size_t r = 1; r < rows->size(); ++r) {
            const CsvRow& row = (*rows)[r];
            const QString where = QStringLiteral("%1: row %2").arg(name).arg(r + 1);
            const QString code = row.fields.value(col(QStringLiteral("participant"))).trimmed();
            const QString codePath = row.fields.value(col(QStringLiteral("code"))).trimmed();
            const QString coder = row.fields.value(col(QStringLiteral("coder"))).trimmed();
            const QString text = row.fields.value(col(QStringLiteral("text")));
            if (code.isEmpty() || codePath.isEmpty() || coder.isEmpty() || text.trimmed().isEmpty())
                return makeError(QStringLiteral("%1: participant, code, coder and text are all required").arg(where));

            auto known = participantCache.find(code);
            if (known == participantCache.end()) {
                auto found = participants.findByCode(code);
                if (!found) return found.error();
                known = participantCache.emplace(code, *found).first;
            }
            if (!known->second) return makeError(QStringLiteral("%1: no participant %2").arg(where, code));
            const Participant& participant = *known->second;
            if (!codeCache.count(codePath)) {
                auto resolved = codebook.resolve(codePath);
                if (!resolved) return makeError(QStringLiteral("%1: %2").arg(where, resolved.errorMessage()));
                codeCache.emplace(codePath, *resolved);
            }

            // The excerpt must occur exactly once among this participant's transcripts.
            std::vector<std::pair<const Source*, qsizetype>> hits;
            for (const Source* src : sourcesOf[participant.id])
                for (qsizetype at = src->text.indexOf(text); at >= 0; at = src->text.indexOf(text, at + 1))
                    hits.emplace_back(src, at);
            if (hits.empty())
                return makeError(QStringLiteral("%1: the text \"%2…\" does not occur in %3's transcript")
                                     .arg(where, text.left(50), code));
            if (hits.size() > 1)
                return makeError(QStringLiteral("%1: the text \"%2…\" occurs %3 times in %4's transcript; quote more "
                                                "of it")
                                     .arg(where, text.left(50))
                                     .arg(hits.size())
                                     .arg(code));
            const auto& [source, at] = hits.front();
            const qint64 sourceId = source->id;
            if (offsetsSource != sourceId) {
                offsets.emplace(source->text);
                offsetsSource = sourceId;
            }
            if (m_project.coderName() != coder) m_project.setCoder(coder);
            auto outcome = codings.applyRange(sourceId, offsets->codePointFromUtf16(at),
                                              offsets->codePointFromUtf16(at + text.size()), codeCache.at(codePath).id);
            if (!outcome) return makeError(QStringLiteral("%1: %2").arg(where, outcome.errorMessage()));
            applied += outcome->added;
        }
        m_project.setCoder(originalCoder);
        return {};
    });
    m_project.setCoder(originalCoder);
    if (!s) return s.error();
    return applied;
}

} // namespace warrant

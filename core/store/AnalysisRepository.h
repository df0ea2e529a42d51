#pragma once

#include "Result.h"

#include <QHash>
#include <QString>

#include <vector>

namespace warrant {

class Project;

// The rows analyses read, in bulk and without text: one query per table, so a project of a
// million codings loads in one pass. Everything is ordered so callers can binary-search.
struct AnalysisCodeRow {
    qint64 id = 0;
    qint64 parentId = 0; // 0 at the top level
    QString name;
    int position = 0;
};

struct AnalysisSourceRow {
    qint64 id = 0;
    QString title;
    QString kind;            // transcript, document, manuscript
    qint64 participantId = 0;
    QString date;            // the transcript header's Date line, as written; empty when none
    QString importedAt;
};

struct AnalysisTurnRow {
    qint64 id = 0;
    qint64 sourceId = 0;
    int number = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 participantId = 0;
    bool interviewer = false;
};

struct AnalysisCodingRow {
    qint64 codingId = 0;
    qint64 segmentId = 0;
    qint64 sourceId = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 codeId = 0;
    qint64 coderId = 0;
};

struct AnalysisParticipantRow {
    qint64 id = 0;
    QString code;
    QHash<QString, QString> attributes; // case-folded attribute name → value
};

class AnalysisRepository {
public:
    explicit AnalysisRepository(Project& project) : m_project(project) {}

    Result<std::vector<AnalysisCodeRow>> codes();
    Result<std::vector<AnalysisSourceRow>> sources();             // by id
    Result<std::vector<AnalysisTurnRow>> turns();                 // by source, then start
    Result<std::vector<AnalysisCodingRow>> codings();             // by source, start, end, code, coder
    Result<std::vector<AnalysisParticipantRow>> participants();   // by id
    Result<QHash<qint64, QString>> coders();                      // id → name
    // Words in each segment's text (whitespace-separated), for word counts.
    Result<QHash<qint64, int>> segmentWords();
    // The texts of some sources (for sentence units).
    // Characters (code points) of some sources' texts.
    Result<QHash<qint64, qint64>> lengths(const std::vector<qint64>& sourceIds);
    Result<QHash<qint64, QString>> texts(const std::vector<qint64>& sourceIds);

private:
    qint64 count(const QString& table);
    Project& m_project;
};

} // namespace warrant

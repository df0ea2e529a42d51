#pragma once

#include "Result.h"
#include "import/ImportedDocument.h"
#include "model/Source.h"
#include "model/Turn.h"

#include <optional>
#include <vector>

namespace warrant {

class Project;

// Imported sources and their speaker turns.
class SourceRepository {
public:
    explicit SourceRepository(Project& project) : m_project(project) {}

    // Inside a mutation: stores the document and its turns. Speaker labels that are not
    // interviewers become participants (created when new). Returns the new source id.
    Result<qint64> add(const ImportedDocument& doc, SourceKind kind, const QString& originalName,
                       const QString& sha256);

    // Without text unless asked: lists stay cheap on large projects.
    Result<std::vector<Source>> list(bool withText = false);
    Result<std::optional<Source>> get(qint64 id);
    Result<std::optional<Source>> findBySha256(const QString& sha256);
    // By exact title, then by original file name; case-insensitive.
    Result<std::optional<Source>> findByName(const QString& name);

    // Texts of transcripts and documents (not manuscripts) that contain `fragment`, ignoring
    // ASCII case; at most `limit` of them.
    Result<QStringList> evidenceTextsContaining(const QString& fragment, int limit);

    Result<std::vector<Turn>> turns(qint64 sourceId);
    Result<std::optional<Turn>> turn(qint64 sourceId, int number);
    Result<std::optional<Turn>> turnAt(qint64 sourceId, qsizetype offset);
    Result<std::vector<Turn>> turnsOfParticipant(qint64 participantId);

private:
    Project& m_project;
};

} // namespace warrant

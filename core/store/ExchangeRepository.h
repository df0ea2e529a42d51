#pragma once

#include "Result.h"
#include "model/Memo.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace warrant {

class Project;

// A named set of codes or sources (REFI-QDA <Set>), with its members by id.
struct CodeSourceSet {
    qint64 id = 0;
    QString name;
    QString description;
    std::vector<qint64> codeIds;
    std::vector<qint64> sourceIds;
};

// A source kept by name only because it cannot be shown as text: a picture, audio, video or a
// PDF without a text representation. Its selections and codings are counted, not carried.
struct ExternalSource {
    qint64 id = 0;
    QString name;
    QString kind; // "pdf", "picture", "audio", "video"
    QString path;
    int selections = 0;
    int codings = 0;
};

// The writes an exchange import makes in bulk, with the authors and times the other tool recorded,
// and the reads an export needs that no other repository offers. Writes run inside a mutation.
class ExchangeRepository {
public:
    explicit ExchangeRepository(Project& project) : m_project(project) {}

    Result<qint64> coder(const QString& name);
    // The segment [start, end) of the source, whose text the caller has already cut out.
    Result<qint64> segment(qint64 sourceId, qsizetype start, qsizetype end, const QString& text);
    // false when this coder already had this code on the segment.
    Result<bool> coding(qint64 segmentId, qint64 codeId, qint64 coderId, const QDateTime& createdAt);
    Result<qint64> memo(MemoTarget target, qint64 targetId, const QString& title, const QString& body,
                        qint64 coderId, const QDateTime& createdAt, const QDateTime& updatedAt);
    Result<qint64> addSet(const CodeSourceSet& set);
    Result<qint64> addExternalSource(const ExternalSource& source);

    struct SegmentRange {
        qint64 sourceId = 0;
        qsizetype start = 0;
        qsizetype end = 0;
    };
    // Every segment's place, by id: memos on segments need it even where nothing is coded.
    Result<QHash<qint64, SegmentRange>> segmentRanges();
    Result<std::vector<CodeSourceSet>> sets();
    Result<std::vector<ExternalSource>> externalSources();

private:
    static QString timeText(const QDateTime& at);
    Project& m_project;
    QHash<QString, qint64> m_coders;
};

} // namespace warrant

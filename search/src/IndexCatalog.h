#pragma once

#include "Result.h"

#include <QHash>
#include <QString>

#include <map>
#include <vector>

namespace warrant {

class Project;

// What the index refers to by id — participants and their attributes, codes, sources, coders —
// read from the project so queries can name things as researchers do ("participant:P.C.",
// "group:medical", code:"Political influence") and results can be shown by name.
struct IndexCatalog {
    struct ParticipantInfo {
        QString code;
        QHash<QString, QString> attributes; // lower-case name → value
    };
    struct CodeInfo {
        qint64 parentId = 0;
        QString name;
        QString path;
    };
    struct SourceInfo {
        QString title;
        QString kind;
        QString originalName;
    };
    std::map<qint64, ParticipantInfo> participants;
    std::map<qint64, CodeInfo> codes;
    std::map<qint64, SourceInfo> sources;
    std::map<qint64, QString> coders;
    std::vector<QString> attributeNames; // lower-case
    std::multimap<QString, qint64> participantsByKey; // codes without dots and case → ids

    static Result<IndexCatalog> load(Project& project);

    std::vector<qint64> ancestorsAndSelf(qint64 codeId) const;
    // Resolution as the query language needs it; empty when nothing matches.
    std::vector<qint64> participantsWithCode(const QString& code) const;
    std::vector<qint64> participantsWithAttribute(const QString& name, const QString& value) const;
    // The attribute value (or code name) nearest to a mistyped one ("medcal" → "medical"); empty
    // when nothing is close.
    QString closestAttributeValue(const QString& name, const QString& value) const;
    QString closestCodeName(const QString& name) const;
    std::vector<qint64> codesMatching(const QString& pathOrName) const;
    std::vector<qint64> sourcesMatching(const QString& titleOrFile) const;
    std::vector<qint64> codersNamed(const QString& name) const;
    QString groupOf(qint64 participantId) const;
};

} // namespace warrant

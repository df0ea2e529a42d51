#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"

#include <QHash>

namespace warrant {

class Project;

// Everything a Warrant project holds, as a REFI-QDA project: coders as users, the codebook (its
// definitions in each Description), participants as cases with their attributes as variables,
// every source as a text source with its coded segments as selections, memos as notes where they
// belong, sets, and the sources kept by name. GUIDs come from what each thing is (a code's path,
// a source's text hash, a segment's place), so exporting twice gives the same file.
class QdpxModelBuilder {
public:
    explicit QdpxModelBuilder(Project& project) : m_project(project) {}

    Result<qda::Project> build();
    // The codebook alone, as a REFI-QDA codebook exchange (.qdc) carries it.
    Result<std::vector<qda::Code>> codebook();
    // The text of each exported source, by the GUID the model gives it.
    const QHash<QString, QString>& texts() const { return m_texts; }

private:
    Status addUsers(qda::Project& out);
    Status addCodes(qda::Project& out);
    Status addCases(qda::Project& out);
    Status addSources(qda::Project& out);
    Status addNotes(qda::Project& out);
    Status addSets(qda::Project& out);
    Status addExternalSources(qda::Project& out);
    QString userGuid(const QString& coder) const;
    qda::Code* codeByGuid(std::vector<qda::Code>& codes, const QString& guid);
    qda::TextSelection* selectionFor(qda::Project& out, qint64 segmentId);

    Project& m_project;
    QHash<QString, QString> m_texts;
    QHash<qint64, QString> m_codeGuids;        // code id → GUID
    QHash<qint64, QString> m_sourceGuids;      // source id → GUID
    std::vector<QString> m_manuscripts;        // GUIDs of the manuscript sources, written as one set
    QHash<qint64, QString> m_sourceShas;       // source id → text hash (identity of its selections)
    QHash<qint64, QString> m_caseGuids;        // participant id → GUID
    QHash<qint64, std::pair<size_t, size_t>> m_selections; // segment id → (source index, selection index)
};

} // namespace warrant

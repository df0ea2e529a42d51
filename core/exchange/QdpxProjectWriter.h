#pragma once

#include "Result.h"
#include "exchange/QdaProject.h"
#include "exchange/QdpxImportReport.h"
#include "exchange/QdpxPlacement.h"
#include "model/Memo.h"

#include <QHash>
#include <QSet>

namespace warrant {

class Project;
class ExchangeRepository;

// Writes a read and placed REFI-QDA project into a Warrant project, inside the caller's mutation:
// coders, codebook, participants and attributes from cases and variables, text sources split into
// turns when they are transcripts, codings with their coder and time, memos, sets, and the
// non-text sources by name. Everything not carried is added to the report.
class QdpxProjectWriter {
public:
    QdpxProjectWriter(Project& project, const qda::Project& file, const ProjectPlacement& placement,
                      QdpxImportReport& report);

    Status write();

private:
    Status writeUsers(ExchangeRepository& exchange);
    Status writeCodes(const std::vector<qda::Code>& codes, qint64 parentId);
    Status writeCases();
    Status writeSources();
    Status writeSource(const PlacedSource& placed);
    Status writeSelections(ExchangeRepository& exchange, const PlacedSource& placed, qint64 sourceId);
    Status writeNotes(ExchangeRepository& exchange);
    Status writeSets(ExchangeRepository& exchange);
    Status writeExternalSources(ExchangeRepository& exchange);
    QString uniqueCodeName(qint64 parentId, const QString& wanted);
    qint64 coderFor(const QString& userGuid, const QString& fallbackGuid) const;
    void noteTargets(const std::vector<QString>& noteGuids, MemoTarget target, qint64 targetId);
    std::vector<QString> notesOnCase(const qda::Case& c) const;

    Project& m_project;
    const qda::Project& m_file;
    const ProjectPlacement& m_placement;
    QdpxImportReport& m_report;
    qint64 m_defaultCoder = 0;
    QHash<QString, qint64> m_coders;     // normalised user GUID → coder id
    QHash<QString, qint64> m_codes;      // normalised code GUID → code id
    QHash<QString, qint64> m_sources;    // normalised source GUID → source id
    QSet<QString> m_manuscripts;          // normalised GUIDs of the sources Warrant wrote as manuscripts
    QHash<QString, QString> m_sourceCase; // normalised source GUID → participant code of its case
    QHash<QString, std::pair<MemoTarget, qint64>> m_noteTargets; // normalised note GUID → where it belongs
    QHash<qint64, QStringList> m_siblingNames;
};

} // namespace warrant

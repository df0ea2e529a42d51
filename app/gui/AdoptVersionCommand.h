#pragma once

#include "Result.h"
#include "SnapshotCommand.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace warrant {

class Workbench;

// What resolving one disagreement means: inside [start, end) of the source, every coder in
// `others` ends with exactly `from`'s codings of the code (core's CodingRepository::adoptVersion).
struct AdoptRequest {
    qint64 sourceId = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 codeId = 0;
    qint64 fromCoderId = 0;
    std::vector<qint64> otherCoderIds;
    QString fromCoder; // for the undo text: "Adopt alewis's Version of 'Pressure to act' (R8, turn 4)"
    QString code;
    QString citation;
};

// One disagreement resolved as one undoable step. The edit rewrites other coders' codings, and
// putting back exactly what they had (ids, dates) is awkward, so it is a SnapshotCommand: undo
// restores the copy of the project taken just before.
class AdoptVersionCommand : public SnapshotCommand {
public:
    AdoptVersionCommand(Workbench& workbench, AdoptRequest request);

    // Makes the edit (once) and pushes the command; an error when nothing was adopted.
    static Status push(Workbench& workbench, const AdoptRequest& request);

private:
    Status adopt();

    Workbench& m_workbench;
    AdoptRequest m_request;
};

} // namespace warrant

Q_DECLARE_METATYPE(warrant::AdoptRequest)

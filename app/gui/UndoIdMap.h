#pragma once

#include <QtGlobal>

#include <map>
#include <utility>

namespace warrant {

// Undoing the creation of a code, a memo or an evidence link deletes its row; redoing creates it
// again under a new id. Commands keep the id they were made with and resolve it here, so a later
// "rename" or "set stance" still finds its row after any number of undo/redo rounds.
class UndoIdMap {
public:
    enum class Kind { Code, Memo, EvidenceLink };

    qint64 resolve(Kind kind, qint64 id) const;
    // Every id the row has had now points at `current`.
    void remap(Kind kind, qint64 previous, qint64 current);
    void clear() { m_map.clear(); }

private:
    std::map<std::pair<Kind, qint64>, qint64> m_map;
};

} // namespace warrant

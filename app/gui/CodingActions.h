#pragma once

#include "TextLocation.h"
#include "store/CodingRepository.h"

#include <QObject>

#include <vector>

class QAction;
class QWidget;

namespace warrant {

class DocumentView;
class Workbench;

// Turns what the user asks for while coding (a quick-code key, the Ctrl+K picker, in-vivo, whole
// turn, a drop on a code, "code all hits", uncode, recode) into undoable commands. It decides
// nothing about the data: the commands call core.
class CodingActions : public QObject {
    Q_OBJECT
public:
    CodingActions(Workbench& workbench, DocumentView& view, QWidget* dialogParent);

    // Code → the acting coder's coding of the ranges; false when nothing was coded.
    bool applyCode(qint64 codeId, const std::vector<CodingRepository::Range>& ranges);
    bool applyToSelection(qint64 codeId);
    bool applyQuickCode(int number); // 1–9
    bool pickAndApply();             // Ctrl+K
    bool inVivo();                   // a new code named after the selected words
    bool codeWholeTurn(qint64 codeId);
    bool codeAllHits(const QString& query, int scope, qint64 codeId);
    // The passages a code query found (Analysis ▸ Query), coded as one undo step.
    bool codeAllPassages(const std::vector<CodingRepository::Range>& passages, const QString& query, qint64 codeId);
    bool uncode(qint64 codingId);
    bool recode(qint64 codingId, qint64 newCodeId);
    // Asks for the memo on a coded segment and writes it.
    void editSegmentMemo(qint64 codingId);

    // Asks for a code with the picker; 0 when cancelled. May create the code (undoably).
    qint64 askForCode(const QString& title);

Q_SIGNALS:
    void message(const QString& text);

private:
    std::vector<CodingRepository::Range> selectedRanges() const;
    QString codeName(qint64 codeId) const;
    // Codes every range as one step and reports it ("Coded 3 hits with 'X'"); `noun` names a range.
    bool codeAll(const std::vector<CodingRepository::Range>& ranges, qint64 codeId, const QString& step,
                 const QString& noun, const QString& nouns);

    Workbench& m_workbench;
    DocumentView& m_view;
    QWidget* m_dialogParent;
};

} // namespace warrant

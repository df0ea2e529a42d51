#include "CodingActions.h"

#include "Counted.h"

#include "ApplyCodeCommand.h"
#include "AutoCoder.h"
#include "CodePickerDialog.h"
#include "CreateCodeCommand.h"
#include "DocumentView.h"
#include "EditMemoCommand.h"
#include "store/QuickCodeRepository.h"
#include "RemoveCodingCommand.h"
#include "Workbench.h"
#include "store/CodebookRepository.h"
#include "store/MemoRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QInputDialog>
#include <QUndoCommand>

namespace warrant {

namespace {
constexpr int kInVivoNameLength = 60;
}

CodingActions::CodingActions(Workbench& workbench, DocumentView& view, QWidget* dialogParent)
    : QObject(dialogParent), m_workbench(workbench), m_view(view), m_dialogParent(dialogParent) {}

std::vector<CodingRepository::Range> CodingActions::selectedRanges() const {
    const auto selected = m_view.selectedRange();
    if (!selected || selected->end <= selected->start || !m_workbench.project()) return {};
    // Core decides what of a selection is codable (never a speaker label).
    auto codable = CodingRepository(*m_workbench.project()).codable({selected->sourceId, selected->start, selected->end});
    if (!codable) return {};
    return {*codable};
}

QString CodingActions::codeName(qint64 codeId) const {
    if (!m_workbench.project()) return {};
    auto code = CodebookRepository(*m_workbench.project()).get(codeId);
    return code && code->has_value() ? (*code)->name : QString();
}

bool CodingActions::applyCode(qint64 codeId, const std::vector<CodingRepository::Range>& ranges) {
    if (!m_workbench.project() || ranges.empty()) return false;
    const QString name = codeName(codeId);
    if (name.isEmpty()) return false;
    return m_workbench.push(
        new ApplyCodeCommand(m_workbench, ranges, codeId, QStringLiteral("Apply Code '%1'").arg(name)));
}

bool CodingActions::applyToSelection(qint64 codeId) {
    const auto ranges = selectedRanges();
    if (ranges.empty()) {
        Q_EMIT message(QStringLiteral("Select some text in the document first."));
        return false;
    }
    return applyCode(codeId, ranges);
}

bool CodingActions::applyQuickCode(int number) {
    Project* project = m_workbench.project();
    if (!project) return false;
    auto code = QuickCodeRepository(*project).codeOn(number);
    if (!code) {
        Q_EMIT message(code.errorMessage());
        return false;
    }
    if (*code == 0) {
        Q_EMIT message(QStringLiteral("No quick code on %1: right-click a code in the codebook and pin it.").arg(number));
        return false;
    }
    return applyToSelection(*code);
}

bool CodingActions::pickAndApply() {
    Project* project = m_workbench.project();
    const auto ranges = selectedRanges();
    if (!project || ranges.empty()) {
        Q_EMIT message(QStringLiteral("Select some text in the document first."));
        return false;
    }
    const auto choice = CodePickerDialog::pick(m_dialogParent, *project, QStringLiteral("Apply Code"));
    if (!choice) return false;
    if (choice->codeId) return applyCode(choice->codeId, ranges);
    // A new code and its first coding are one step.
    auto* step = new QUndoCommand(QStringLiteral("Apply New Code '%1'").arg(choice->newCodeName));
    auto* create = new CreateCodeCommand(m_workbench, 0, choice->newCodeName, step);
    new ApplyCodeCommand(m_workbench, ranges, [create] { return create->codeId(); },
                         QStringLiteral("Apply Code '%1'").arg(choice->newCodeName), step);
    return m_workbench.push(step);
}

bool CodingActions::inVivo() {
    Project* project = m_workbench.project();
    const auto ranges = selectedRanges();
    if (!project || ranges.empty()) {
        Q_EMIT message(QStringLiteral("Select the participant's words to name the code after."));
        return false;
    }
    auto source = SourceRepository(*project).get(ranges.front().sourceId);
    if (!source || !source->has_value()) return false;
    const QString& text = (*source)->text;
    const TextOffsets offsets(text);
    const qsizetype a = offsets.utf16FromCodePoint(ranges.front().start);
    QString name = text.mid(a, offsets.utf16FromCodePoint(ranges.front().end) - a).simplified();
    name.remove(u'/'); // '/' separates code levels
    if (name.size() > kInVivoNameLength) name = name.left(kInVivoNameLength).trimmed() + QStringLiteral("…");
    if (name.isEmpty()) return false;
    auto* step = new QUndoCommand(QStringLiteral("In-Vivo Code '%1'").arg(name));
    auto* create = new CreateCodeCommand(m_workbench, 0, name, step);
    new ApplyCodeCommand(m_workbench, ranges, [create] { return create->codeId(); },
                         QStringLiteral("Apply Code '%1'").arg(name), step);
    return m_workbench.push(step);
}

bool CodingActions::codeWholeTurn(qint64 codeId) {
    Project* project = m_workbench.project();
    if (!project || !m_view.sourceId()) return false;
    const auto selected = m_view.selectedRange();
    qsizetype offset = selected ? selected->start : 0;
    if (!selected) {
        auto source = SourceRepository(*project).get(m_view.sourceId());
        if (!source || !source->has_value()) return false;
        offset = TextOffsets((*source)->text).codePointFromUtf16(m_view.textCursor().position());
    }
    auto turn = SourceRepository(*project).turnAt(m_view.sourceId(), offset);
    if (!turn || !turn->has_value()) {
        Q_EMIT message(QStringLiteral("The cursor is not inside a speaker turn."));
        return false;
    }
    const Turn& t = **turn;
    return applyCode(codeId, {{t.sourceId, t.start, t.end}});
}

bool CodingActions::codeAllHits(const QString& query, int scope, qint64 codeId) {
    Project* project = m_workbench.project();
    SearchIndex* index = m_workbench.searchIndex();
    if (!project || !index) return false;
    auto ranges = AutoCoder::rangesFor(*project, *index, query, AutoCodeScope(scope));
    if (!ranges) {
        m_workbench.reportFailure(ranges.errorMessage());
        return false;
    }
    if (ranges->empty()) {
        Q_EMIT message(QStringLiteral("The query has no hits to code."));
        return false;
    }
    return codeAll(*ranges, codeId, QStringLiteral("Code All Hits of '%1' as '%2'").arg(query, codeName(codeId)),
                   QStringLiteral("hit"), QStringLiteral("hits"));
}

bool CodingActions::codeAllPassages(const std::vector<CodingRepository::Range>& passages, const QString& query, qint64 codeId) {
    if (!m_workbench.project()) return false;
    if (passages.empty()) {
        Q_EMIT message(QStringLiteral("The query found no passage to code."));
        return false;
    }
    return codeAll(passages, codeId, QStringLiteral("Code All Passages of '%1' as '%2'").arg(query, codeName(codeId)),
                   QStringLiteral("passage"), QStringLiteral("passages"));
}

bool CodingActions::codeAll(const std::vector<CodingRepository::Range>& ranges, qint64 codeId, const QString& step,
                            const QString& noun, const QString& nouns) {
    auto* command = new ApplyCodeCommand(m_workbench, ranges, codeId, step);
    if (!m_workbench.push(command)) {
        // An obsolete command (every range coded already) is no failure of the search: say so plainly.
        if (m_workbench.lastFailure().isEmpty() || m_workbench.lastFailure().startsWith(QStringLiteral("Nothing to code")))
            Q_EMIT message(QStringLiteral("Nothing new to code: all %1 already have '%2'.")
                               .arg(counted(qsizetype(ranges.size()), noun, nouns), codeName(codeId)));
        return false;
    }
    // The command stays on the undo stack once pushed.
    const int added = command->added(), already = int(ranges.size()) - added;
    Q_EMIT message(QStringLiteral("Coded %1 with '%2'%3.")
                       .arg(counted(added, noun, nouns), codeName(codeId),
                            already > 0 ? QStringLiteral(" (%1 already had it)").arg(already) : QString()));
    return true;
}

bool CodingActions::uncode(qint64 codingId) {
    Project* project = m_workbench.project();
    if (!project) return false;
    auto coding = CodingRepository(*project).coding(codingId);
    if (!coding || !coding->has_value()) return false;
    return m_workbench.push(new RemoveCodingCommand(m_workbench, **coding));
}

bool CodingActions::recode(qint64 codingId, qint64 newCodeId) {
    Project* project = m_workbench.project();
    if (!project) return false;
    auto coding = CodingRepository(*project).coding(codingId);
    if (!coding || !coding->has_value()) return false;
    const CodedSegment& old = **coding;
    const QString name = codeName(newCodeId);
    auto* step = new QUndoCommand(QStringLiteral("Recode as '%1'").arg(name));
    new RemoveCodingCommand(m_workbench, old, step);
    new ApplyCodeCommand(m_workbench, {{old.sourceId, old.start, old.end}}, newCodeId,
                         QStringLiteral("Apply Code '%1'").arg(name), step);
    return m_workbench.push(step);
}

qint64 CodingActions::askForCode(const QString& title) {
    Project* project = m_workbench.project();
    if (!project) return 0;
    const auto choice = CodePickerDialog::pick(m_dialogParent, *project, title);
    if (!choice) return 0;
    if (choice->codeId) return choice->codeId;
    auto* create = new CreateCodeCommand(m_workbench, 0, choice->newCodeName);
    return m_workbench.push(create) ? create->codeId() : 0;
}

void CodingActions::editSegmentMemo(qint64 codingId) {
    Project* project = m_workbench.project();
    if (!project) return;
    auto coding = CodingRepository(*project).coding(codingId);
    if (!coding || !coding->has_value()) return;
    Memo before;
    before.target = MemoTarget::Segment;
    before.targetId = (*coding)->segmentId;
    if (auto memos = MemoRepository(*project).list(MemoTarget::Segment, before.targetId); memos && !memos->empty())
        before = memos->front();
    bool ok = false;
    const QString body = QInputDialog::getMultiLineText(m_dialogParent, QStringLiteral("Segment Memo"),
                                                        QStringLiteral("Memo on “%1”:").arg((*coding)->text.left(60)),
                                                        before.body, &ok);
    if (!ok || body == before.body) return;
    const QString title = before.title.isEmpty() ? (*coding)->citation() : before.title;
    m_workbench.push(new EditMemoCommand(m_workbench, before, title, body));
}

} // namespace warrant

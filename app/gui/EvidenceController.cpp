#include "EvidenceController.h"

#include "EvidencePanel.h"
#include "IndexCandidateFinder.h"
#include "LinkEvidenceCommand.h"
#include "SetStanceCommand.h"
#include "SnapshotCommand.h"
#include "Workbench.h"
#include "store/ClaimRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "trace/Auditor.h"

#include <QInputDialog>
#include <QProgressDialog>

#include <atomic>

namespace warrant {

EvidenceController::EvidenceController(Workbench& workbench, EvidencePanel& panel, QWidget* dialogParent)
    : QObject(dialogParent), m_workbench(workbench), m_panel(panel), m_dialogParent(dialogParent) {
    connect(&panel, &EvidencePanel::linkRequested, this, [this](qint64 claimId, const TextLocation& at, const QString& stanceName) {
        EvidenceStance stance = EvidenceStance::Supports;
        parseEvidenceStance(stanceName, &stance);
        m_workbench.push(new LinkEvidenceCommand(m_workbench, claimId, at, stance, QStringLiteral("user")));
    });
    const auto findLink = [this](qint64 linkId) -> std::optional<EvidenceLink> {
        if (auto links = ClaimRepository(*m_workbench.project()).links(m_panel.currentClaimId()))
            for (const EvidenceLink& l : *links)
                if (l.id == linkId) return l;
        return std::nullopt;
    };
    connect(&panel, &EvidencePanel::unlinkRequested, this, [this, findLink](qint64 linkId) {
        if (const auto link = findLink(linkId))
            m_workbench.push(new LinkEvidenceCommand(m_workbench, link->claimId, {link->sourceId, link->start, link->end},
                                                     link->stance, link->origin, link->id));
    });
    connect(&panel, &EvidencePanel::stanceChangeRequested, this, [this, findLink](qint64 linkId, const QString& name) {
        const auto link = findLink(linkId);
        EvidenceStance stance;
        if (link && parseEvidenceStance(name, &stance) && stance != link->stance)
            m_workbench.push(new SetStanceCommand(m_workbench, linkId, link->stance, stance));
    });
}

Result<QString> EvidenceController::audit(qint64 manuscriptId) {
    Project* project = m_workbench.project();
    SearchIndex* index = m_workbench.searchIndex();
    if (!project) return makeError(QStringLiteral("no project is open"));
    if (!index) return makeError(QStringLiteral("the search index is still being prepared; try again in a moment"));
    auto source = SourceRepository(*project).get(manuscriptId);
    if (!source || !source->has_value()) return makeError(QStringLiteral("no such manuscript"));
    const QString title = (*source)->title;

    // Modal while it runs: the audit writes claims and links, so nothing else may edit meanwhile.
    QProgressDialog progress(QStringLiteral("Auditing %1…").arg(title), QStringLiteral("Cancel"), 0, 0, m_dialogParent);
    progress.setWindowTitle(QStringLiteral("Audit"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancelled = false;
    connect(&progress, &QProgressDialog::canceled, this, [&cancelled] { cancelled = true; });
    m_panel.setBusy(true);

    AuditReport report;
    ChangeNotice notice;
    notice.sourceIds = {manuscriptId};
    auto* command = new SnapshotCommand(m_workbench, QStringLiteral("Audit '%1'").arg(title), QStringLiteral("manuscript.audit"), notice);
    const Status ran = command->run([&]() -> Status {
        return m_workbench.runInBackground([&]() -> Status {
            IndexCandidateFinder finder(*index);
            Auditor auditor(*project, &finder);
            auditor.setCancelCheck([&cancelled] { return bool(cancelled); });
            auto audited = auditor.audit(manuscriptId, Auditor::defaultFailOn(), Auditor::Save::Yes);
            if (!audited) return audited.error();
            report = std::move(*audited);
            return {};
        });
    });
    progress.reset();
    m_panel.setBusy(false);
    if (!ran) {
        delete command;
        return ran.error();
    }
    // An audit that stored nothing new (the same claims, links and verdicts as the stored one)
    // leaves no undo step (the command is obsolete) and nothing in the change log.
    m_workbench.push(command);
    m_panel.setReport(report);
    return QStringLiteral("Audit of %1: %2 claims, %3 findings").arg(title).arg(report.claims.size()).arg(report.findings);
}

void EvidenceController::linkToClaim(const TextLocation& location) {
    const auto choices = m_panel.claimChoices();
    if (choices.empty()) {
        Q_EMIT failed(QStringLiteral("Audit a manuscript first (Evidence panel): its claims can then take evidence."));
        return;
    }
    QStringList labels;
    for (const auto& [id, text] : choices) labels << text;
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(m_dialogParent, QStringLiteral("Link to Claim"), QStringLiteral("Claim:"), labels, 0, false, &ok);
    if (!ok) return;
    const qint64 claimId = choices[size_t(labels.indexOf(chosen))].first;
    m_workbench.push(new LinkEvidenceCommand(m_workbench, claimId, location, EvidenceStance::Supports, QStringLiteral("user")));
}

} // namespace warrant

#include "model/Memo.h"

#include <array>

namespace warrant {

namespace {
constexpr std::array kTargets = {MemoTarget::Project, MemoTarget::Source, MemoTarget::Participant, MemoTarget::Code,
                                 MemoTarget::Segment};
}

QString memoTargetName(MemoTarget target) {
    switch (target) {
    case MemoTarget::Project: return QStringLiteral("project");
    case MemoTarget::Source: return QStringLiteral("source");
    case MemoTarget::Participant: return QStringLiteral("participant");
    case MemoTarget::Code: return QStringLiteral("code");
    case MemoTarget::Segment: return QStringLiteral("segment");
    }
    return {};
}

bool parseMemoTarget(const QString& name, MemoTarget* target) {
    for (MemoTarget t : kTargets) {
        if (name.compare(memoTargetName(t), Qt::CaseInsensitive) == 0) {
            *target = t;
            return true;
        }
    }
    return false;
}

} // namespace warrant

#include "model/Evidence.h"

#include <array>

namespace warrant {

namespace {
constexpr std::array kStances = {EvidenceStance::Supports, EvidenceStance::Illustrates,
                                 EvidenceStance::Qualifies, EvidenceStance::Contradicts};
} // namespace

QString evidenceStanceName(EvidenceStance stance) {
    switch (stance) {
    case EvidenceStance::Supports:
        return QStringLiteral("supports");
    case EvidenceStance::Illustrates:
        return QStringLiteral("illustrates");
    case EvidenceStance::Qualifies:
        return QStringLiteral("qualifies");
    case EvidenceStance::Contradicts:
        return QStringLiteral("contradicts");
    }
    return {};
}

bool parseEvidenceStance(const QString& name, EvidenceStance* stance) {
    for (EvidenceStance s : kStances)
        if (evidenceStanceName(s) == name.toLower()) {
            *stance = s;
            return true;
        }
    return false;
}

} // namespace warrant

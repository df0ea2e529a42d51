#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// `warrant-cli audit MANUSCRIPT`: verifies a manuscript's quotations and claims against the
// project and reports in text, JSON, HTML or JUnit; exits 1 when a finding at or above
// --fail-on exists, so a thesis can be audited in CI.
class AuditCommand : public CliCommand {
  public:
    AuditCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli

#include "CliContext.h"

namespace warrant::cli {

int CliContext::fail(const QString& message) {
    // Scripts read the first line of err; a message spanning lines would be cut there.
    QString line = message.simplified();
    if (line.isEmpty()) line = QStringLiteral("failed");
    err << "warrant-cli: " << line << Qt::endl;
    return ExitUsage;
}

} // namespace warrant::cli

#include "CliApplication.h"

#include "AnalysisCommands.h"
#include "AuditCommand.h"
#include "ClaimsCommand.h"
#include "CodeCommand.h"
#include "CodesCommand.h"
#include "QdpxCommand.h"
#include "DemoCommand.h"
#include "EvidenceCommand.h"
#include "ImportCommand.h"
#include "InfoCommand.h"
#include "InitCommand.h"
#include "LogCommand.h"
#include "MemoCommand.h"
#include "ParticipantsCommand.h"
#include "ReindexCommand.h"
#include "SearchCommand.h"
#include "SegmentsCommand.h"
#include "UncodeCommand.h"

#include <exception>

namespace warrant::cli {

CliApplication::CliApplication() {
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<ParticipantsCommand>());
    m_commands.push_back(std::make_unique<CodesCommand>());
    m_commands.push_back(std::make_unique<QdpxCommand>());
    m_commands.push_back(std::make_unique<CodeCommand>());
    m_commands.push_back(std::make_unique<UncodeCommand>());
    m_commands.push_back(std::make_unique<SegmentsCommand>());
    m_commands.push_back(std::make_unique<SearchCommand>());
    m_commands.push_back(std::make_unique<ReindexCommand>());
    m_commands.push_back(std::make_unique<AgreementCommand>());
    m_commands.push_back(std::make_unique<MatrixCommand>());
    m_commands.push_back(std::make_unique<CooccurrenceCommand>());
    m_commands.push_back(std::make_unique<QueryCommand>());
    m_commands.push_back(std::make_unique<SaturationCommand>());
    m_commands.push_back(std::make_unique<CoverageCommand>());
    m_commands.push_back(std::make_unique<MemoCommand>());
    m_commands.push_back(std::make_unique<InfoCommand>());
    m_commands.push_back(std::make_unique<LogCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<ClaimsCommand>());
    m_commands.push_back(std::make_unique<EvidenceCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
}

QString CliApplication::version() {
    return QStringLiteral(WARRANT_VERSION);
}

CliCommand* CliApplication::command(const QString& name) const {
    for (const auto& c : m_commands)
        if (c->name() == name) return c.get();
    return nullptr;
}

void CliApplication::printUsage(QTextStream& stream) const {
    stream << "Usage: warrant-cli <command> [options] [arguments]\n\n"
           << "Warrant's scriptable front end: every command works on one project file.\n\nCommands:\n";
    for (const auto& c : m_commands)
        stream << "  " << c->name().leftJustified(14) << c->description() << "\n";
    stream << "  " << QStringLiteral("help").leftJustified(14)
           << "Show this help, or a command's: warrant-cli help <command>.\n"
           << "\nCommon options:\n"
           << "  -p, --project <path>  The project file (default: $WARRANT_PROJECT).\n"
           << "  --coder <name>        Act as this coder (default: $WARRANT_CODER, else $USER).\n"
           << "  --json                JSON output on read commands.\n"
           << "  -h, --help            A command's own help.\n"
           << "  --version             Print the version.\n"
           << "\nExit codes: 0 success, 1 findings (audit-like commands), 2 usage or input error.\n";
    stream.flush();
}

int CliApplication::run(const QStringList& args, CliContext& ctx) {
    if (args.isEmpty()) {
        printUsage(ctx.err);
        return ExitUsage;
    }
    const QString& first = args.front();
    if (first == QStringLiteral("--version") || first == QStringLiteral("-v") ||
        first == QStringLiteral("version")) {
        ctx.out << "warrant-cli " << version() << Qt::endl;
        return ExitOk;
    }
    if (first == QStringLiteral("--help") || first == QStringLiteral("-h") ||
        first == QStringLiteral("help")) {
        if (args.size() > 1) {
            CliCommand* c = command(args.at(1));
            if (!c) return ctx.fail(QStringLiteral("help: unknown command '%1'").arg(args.at(1)));
            // "help codes add" shows the action's help, the same as "codes add --help".
            return c->run(args.mid(2) + QStringList{QStringLiteral("--help")}, ctx);
        }
        printUsage(ctx.out);
        return ExitOk;
    }
    CliCommand* c = command(first);
    if (!c) return ctx.fail(QStringLiteral("unknown command '%1' (see 'warrant-cli help')").arg(first));
    // Errors are values throughout; this only keeps a stray exception (std::bad_alloc, a throwing
    // Qt container) from killing a script without a message.
    try {
        const int code = c->run(args.mid(1), ctx);
        ctx.out.flush();
        ctx.err.flush();
        return code;
    } catch (const std::exception& e) {
        return ctx.fail(
            QStringLiteral("%1: internal error: %2").arg(first, QString::fromLocal8Bit(e.what())));
    }
}

} // namespace warrant::cli

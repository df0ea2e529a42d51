#include "CliCommand.h"

namespace warrant::cli {

int CliCommand::dispatch(const QStringList& args, CliContext& ctx, const std::vector<Action>& actions) const {
    QStringList names;
    for (const Action& a : actions)
        names << a.name;
    const auto usage = [&](QTextStream& stream) {
        stream << "Usage: warrant-cli " << m_name << " <" << names.join(u'|') << "> [options]\n\n"
               << m_description << "\n\nActions:\n";
        for (const Action& a : actions)
            stream << "  " << a.name.leftJustified(12) << a.summary << "\n";
        stream << "\nRun 'warrant-cli " << m_name << " <action> --help' for an action's options.\n";
        stream.flush();
    };
    if (args.isEmpty())
        return ctx.fail(
            QStringLiteral("%1: missing action (%2)").arg(m_name, names.join(QStringLiteral(", "))));
    const QString& word = args.front();
    if (word == QStringLiteral("--help") || word == QStringLiteral("-h") || word == QStringLiteral("help")) {
        usage(ctx.out);
        return ExitOk;
    }
    for (const Action& a : actions)
        if (a.name == word) return a.run(args.mid(1), ctx);
    return ctx.fail(QStringLiteral("%1: unknown action '%2' (use one of: %3)")
                        .arg(m_name, word, names.join(QStringLiteral(", "))));
}

} // namespace warrant::cli

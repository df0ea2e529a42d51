#include "CommandOptions.h"

namespace warrant::cli {

CommandOptions::CommandOptions(QString usage, QString summary)
    : m_usage(std::move(usage)), m_summary(std::move(summary)) {
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    add(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")));
}

void CommandOptions::add(const QCommandLineOption& option) {
    m_parser.addOption(option);
    m_options.push_back(option);
}

void CommandOptions::addProjectOptions(bool actingCoder) {
    add(QCommandLineOption({QStringLiteral("p"), QStringLiteral("project")},
                           QStringLiteral("The project file (default: $WARRANT_PROJECT)."),
                           QStringLiteral("path")));
    if (!actingCoder) return;
    add(QCommandLineOption(QStringLiteral("coder"),
                           QStringLiteral("Act as this coder (default: $WARRANT_CODER, else $USER)."),
                           QStringLiteral("name")));
}

void CommandOptions::addJsonOption() {
    add(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON (UTF-8) instead of text.")));
    m_hasJson = true;
}

void CommandOptions::setPositional(int min, int max, std::vector<std::pair<QString, QString>> synopsis) {
    m_min = min;
    m_max = max;
    m_positionalHelp = std::move(synopsis);
}

QString CommandOptions::commandWords() const {
    QStringList words;
    for (const QString& w : m_usage.split(u' ', Qt::SkipEmptyParts)) {
        if (w.isEmpty() || !w.at(0).isLower()) break; // stops at PATH, [options], --flag...
        words << w;
    }
    return words.join(u' ');
}

int CommandOptions::parse(const QStringList& args, CliContext& ctx) {
    // QCommandLineParser skips the first element as the program name.
    if (!m_parser.parse(QStringList{QStringLiteral("warrant-cli")} + args))
        return ctx.fail(
            QStringLiteral("%1: %2 (see 'warrant-cli %1 --help')").arg(commandWords(), m_parser.errorText()));
    if (m_parser.isSet(QStringLiteral("help"))) {
        ctx.out << helpText();
        ctx.out.flush();
        return ExitOk;
    }
    const qsizetype n = m_parser.positionalArguments().size();
    if (n < m_min) {
        QString missing;
        if (size_t(n) < m_positionalHelp.size()) missing = m_positionalHelp[size_t(n)].first;
        return ctx.fail(
            missing.isEmpty()
                ? QStringLiteral("%1: missing arguments (usage: warrant-cli %2)").arg(commandWords(), m_usage)
                : QStringLiteral("%1: missing %2 (usage: warrant-cli %3)")
                      .arg(commandWords(), missing, m_usage));
    }
    if (m_max >= 0 && n > m_max)
        return ctx.fail(QStringLiteral("%1: unexpected argument '%2' (usage: warrant-cli %3)")
                            .arg(commandWords(), m_parser.positionalArguments().at(m_max), m_usage));
    return -1;
}

QString CommandOptions::helpText() const {
    QString text = QStringLiteral("Usage: warrant-cli %1\n\n%2\n").arg(m_usage, m_summary);
    if (!m_positionalHelp.empty()) {
        text += QStringLiteral("\nArguments:\n");
        for (const auto& [name, help] : m_positionalHelp)
            text += QStringLiteral("  %1%2\n").arg(name.leftJustified(24), help);
    }
    text += QStringLiteral("\nOptions:\n");
    for (const QCommandLineOption& option : m_options) {
        QStringList names;
        for (const QString& n : option.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty()) left += QStringLiteral(" <%1>").arg(option.valueName());
        if (left.size() < 23)
            text += QStringLiteral("  %1%2\n").arg(left.leftJustified(24), option.description());
        else
            text += QStringLiteral("  %1\n  %2%3\n").arg(left, QString(24, u' '), option.description());
    }
    return text;
}

} // namespace warrant::cli

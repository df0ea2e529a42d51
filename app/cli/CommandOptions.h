#pragma once

#include "CliContext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>
#include <vector>

namespace warrant::cli {

// The options of one command or subcommand. Wraps QCommandLineParser's parse() (never process(),
// which would print and exit() from inside a test) and writes the help text itself, because
// QCommandLineParser's help names the running executable rather than the subcommand.
class CommandOptions {
  public:
    // `usage` follows "warrant-cli ": e.g. "codes add PATH [options]".
    CommandOptions(QString usage, QString summary);

    void add(const QCommandLineOption& option);
    // --project/-p PATH and --coder NAME, accepted by every command that opens a project. Commands
    // that use --coder as a filter instead (segments) pass false and define it themselves.
    void addProjectOptions(bool actingCoder = true);
    // --json, on every read command.
    void addJsonOption();
    // Positional arguments: `min` required, `max` allowed (-1 = any number). `synopsis` lines are
    // shown under "Arguments:" in the help, e.g. {"PATH", "the code's full path"}.
    void setPositional(int min, int max, std::vector<std::pair<QString, QString>> synopsis = {});

    // Parses `args` (without the command words). Returns -1 when the command should go on, else the
    // exit code to return at once: 0 after printing --help, 2 after reporting a usage error.
    int parse(const QStringList& args, CliContext& ctx);

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool json() const { return m_hasJson && m_parser.isSet(QStringLiteral("json")); }

    QString helpText() const;
    // The command words of the usage ("codes add"), used to prefix usage errors.
    QString commandWords() const;

  private:
    QString m_usage;
    QString m_summary;
    QCommandLineParser m_parser;
    std::vector<QCommandLineOption> m_options;
    std::vector<std::pair<QString, QString>> m_positionalHelp;
    int m_min = 0;
    int m_max = 0;
    bool m_hasJson = false;
};

} // namespace warrant::cli

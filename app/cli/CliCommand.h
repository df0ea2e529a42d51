#pragma once

#include "CliContext.h"

#include <QStringList>
#include <functional>
#include <vector>

namespace warrant::cli {

// One `warrant-cli <name>` command. Commands return an ExitCode and report through the context's
// streams only, so the same object serves the executable and the in-process tests.
class CliCommand {
  public:
    CliCommand(QString name, QString description)
        : m_name(std::move(name)), m_description(std::move(description)) {}
    virtual ~CliCommand() = default;
    CliCommand(const CliCommand&) = delete;
    CliCommand& operator=(const CliCommand&) = delete;

    const QString& name() const { return m_name; }
    // One line for `warrant-cli help`.
    const QString& description() const { return m_description; }

    // `args` are the words after the command name.
    virtual int run(const QStringList& args, CliContext& ctx) = 0;

  protected:
    // For commands made of actions ("codes add", "memo list"): picks the action named by the
    // first argument and handles a missing/unknown action and a bare --help.
    struct Action {
        QString name;
        QString summary;
        std::function<int(const QStringList&, CliContext&)> run;
    };
    int dispatch(const QStringList& args, CliContext& ctx, const std::vector<Action>& actions) const;

  private:
    QString m_name;
    QString m_description;
};

} // namespace warrant::cli

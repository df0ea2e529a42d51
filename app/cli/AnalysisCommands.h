#pragma once

#include "CliCommand.h"

namespace warrant::cli {

// The analyses of core/analysis, one command each; each reads the project once and prints text,
// --json, or writes --output FILE.csv|FILE.xlsx with the same figures.

class AgreementCommand : public CliCommand {
  public:
    AgreementCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

class MatrixCommand : public CliCommand {
  public:
    MatrixCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

class CooccurrenceCommand : public CliCommand {
  public:
    CooccurrenceCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

class QueryCommand : public CliCommand {
  public:
    QueryCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

class SaturationCommand : public CliCommand {
  public:
    SaturationCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

class CoverageCommand : public CliCommand {
  public:
    CoverageCommand();
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace warrant::cli

#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace warrant::cli::test {

// What one in-process `warrant-cli` run produced.
struct CliRun {
    int code = -1;
    QString out;
    QString err;

    // An error report as the CLI promises it: exactly one line on err, prefixed with the program.
    bool oneLineError() const;
    QJsonDocument json() const;
};

// A temporary folder holding a project (study.warrant) and fixture files, and a CliApplication to
// run commands against it with string-backed streams. The environment is fixed (coder "tester",
// WARRANT_PROJECT = the project) so the tests never depend on the caller's.
class CliHarness {
  public:
    CliHarness();

    QString path(const QString& name) const;
    // Writes `content` as UTF-8 to a file in the temporary folder and returns its path.
    QString write(const QString& name, const QString& content) const;

    CliRun run(const QStringList& args, bool terminal = false) const;
    // Runs and fails the test (with the streams shown) unless the exit code is 0.
    CliRun ok(const QStringList& args) const;

    // init + import of the two transcripts + participants + codebook.
    void setUpStudy() const;

    QString project;
    QString environmentCoder = QStringLiteral("tester");

  private:
    QTemporaryDir m_dir;
};

// Small fixtures in the sample corpus formats (see the corpus spec).
namespace fixtures {
extern const char* const transcriptR8; // header, 4 turns: INT, R8 (two paragraphs), INT, R8
extern const char* const transcriptM2; // header, 4 turns: INT, M2, INT, M2
extern const char* const participantsCsv;
extern const char* const codebookCsv;
extern const char* const codingsCsv;
} // namespace fixtures

} // namespace warrant::cli::test

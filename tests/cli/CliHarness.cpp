#include "CliHarness.h"

#include "CliApplication.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <catch2/catch.hpp>

namespace warrant::cli::test {

bool CliRun::oneLineError() const {
    return err.startsWith(QStringLiteral("warrant-cli: ")) && err.endsWith(u'\n') && err.count(u'\n') == 1;
}

QJsonDocument CliRun::json() const {
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
    INFO("JSON: " << out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc;
}

CliHarness::CliHarness() {
    REQUIRE(m_dir.isValid());
    project = m_dir.filePath(QStringLiteral("study.warrant"));
}

QString CliHarness::path(const QString& name) const {
    return m_dir.filePath(name);
}

QString CliHarness::write(const QString& name, const QString& content) const {
    const QString file = path(name);
    REQUIRE(QFileInfo(file).absoluteDir().mkpath(QStringLiteral(".")));
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content.toUtf8());
    return file;
}

CliRun CliHarness::run(const QStringList& args, bool terminal) const {
    CliRun result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    CliContext ctx(out, err);
    ctx.isTerminal = terminal;
    ctx.environmentCoder = environmentCoder;
    ctx.environmentProject = project;
    CliApplication app;
    result.code = app.run(args, ctx);
    out.flush();
    err.flush();
    return result;
}

CliRun CliHarness::ok(const QStringList& args) const {
    CliRun r = run(args);
    INFO("warrant-cli " << args.join(u' ').toStdString() << "\nout: " << r.out.toStdString()
                        << "\nerr: " << r.err.toStdString());
    REQUIRE(r.code == 0);
    return r;
}

void CliHarness::setUpStudy() const {
    ok({QStringLiteral("init"), project});
    ok({QStringLiteral("import"), write(QStringLiteral("R8.txt"), QString::fromUtf8(fixtures::transcriptR8)),
        write(QStringLiteral("M2.txt"), QString::fromUtf8(fixtures::transcriptM2))});
    ok({QStringLiteral("participants"), QStringLiteral("import"),
        write(QStringLiteral("participants.csv"), QString::fromUtf8(fixtures::participantsCsv))});
    ok({QStringLiteral("codes"), QStringLiteral("import"),
        write(QStringLiteral("codebook.csv"), QString::fromUtf8(fixtures::codebookCsv))});
}

namespace fixtures {

const char* const transcriptR8 =
    "Participant: R8\n"
    "Date: 14 June 2005\n"
    "Interviewer: Study researcher\n"
    "Place: Birmingham, participant's office\n"
    "Duration: 40 minutes\n"
    "Note: Test fixture for the warrant-cli tests.\n"
    "\n"
    "INT: Could you start by describing your role at the agency?\n"
    "\n"
    "R8: Yes, of course. Um, I joined the agency in 1999 and we had almost no staff, I mean we were "
    "borrowing "
    "people from the Government Office.\n"
    "\n"
    "A second paragraph of the same answer: the minister wanted a strategy within six months.\n"
    "\n"
    "INT: And how were the clusters chosen?\n"
    "\n"
    "R8: Food and Drink made the list because of Foot and Mouth in 2001 and pressure from the farmers. ICT "
    "was "
    "there because of Marconi, you know, the investment they had promised.\n";

const char* const transcriptM2 =
    "Participant: M2\n"
    "Date: 3 March 2006\n"
    "Interviewer: Study researcher\n"
    "Place: Telephone\n"
    "Duration: 30 minutes\n"
    "Note: Test fixture for the warrant-cli tests.\n"
    "\n"
    "INT: How did the medical cluster group work?\n"
    "\n"
    "M2: Honestly the cluster opportunity group was business-led in name only; the agency set the agenda.\n"
    "\n"
    "INT: Was there money for projects?\n"
    "\n"
    "M2: There was never enough money, and the European funds came with strings attached.\n";

const char* const participantsCsv = "code,name,group,interviews\n"
                                    "R8,Former AWM senior manager,regional policy,2\n"
                                    "M2,Former medical COG member,medical,1\n";

const char* const codebookCsv = "path,colour,description,inclusion,exclusion,example\n"
                                "Political influence,#aa0000,Where politics shaped the policy,,,\n"
                                "Political influence/Lobbying and special interests,#cc3333,\"Lobbying, "
                                "pressure groups\",Named interest groups,,\n"
                                "Pragmatic approach/Pressure to act,,Acting before the evidence was in,,,\n"
                                "Funding,#00aa00,Money,,,\n"
                                "Funding/European funds,,EU money,,,\n"
                                "Ambiguous governance/Business-led COGs,,Business-led in name,,,\n";

const char* const codingsCsv =
    "participant,code,coder,text\n"
    "R8,Political influence/Lobbying and special interests,alewis,\"Food and Drink made the list because of "
    "Foot and "
    "Mouth in 2001 and pressure from the farmers.\"\n"
    "R8,Pragmatic approach/Pressure to act,alewis,the minister wanted a strategy within six months\n"
    "M2,Ambiguous governance/Business-led COGs,bosei,the cluster opportunity group was business-led in name "
    "only\n"
    "M2,Funding/European funds,alewis,the European funds came with strings attached\n";

} // namespace fixtures

} // namespace warrant::cli::test

#include "MemoCommand.h"

#include "CommandOptions.h"
#include "JsonOutput.h"
#include "ProjectOpener.h"
#include "model/Memo.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/MemoRepository.h"
#include "store/ParticipantRepository.h"
#include "store/SourceRepository.h"

#include <map>

namespace warrant::cli {

namespace {

const QString kTargets = QStringLiteral("project, source, participant, code or segment");

// Turns --target into the id of the object a memo attaches to: sources by title or file name,
// participants by code, codes by path or unique name, segments by id. A number is also accepted as
// an id for sources, participants and codes, for scripts that have ids from --json output.
Result<qint64> resolveTarget(Project& project, MemoTarget target, const QString& given) {
    const QString name = given.trimmed();
    bool numeric = false;
    const qint64 number = name.toLongLong(&numeric);
    switch (target) {
    case MemoTarget::Project:
        return qint64(0);
    case MemoTarget::Source: {
        auto source = SourceRepository(project).findByName(name);
        if (!source) return source.error();
        if (source->has_value()) return (*source)->id;
        if (numeric) return number;
        return makeError(QStringLiteral("no source named '%1' in the project").arg(name));
    }
    case MemoTarget::Participant: {
        auto participant = ParticipantRepository(project).findByCode(name);
        if (!participant) return participant.error();
        if (participant->has_value()) return (*participant)->id;
        if (numeric) return number;
        return makeError(QStringLiteral("no participant '%1' in the project").arg(name));
    }
    case MemoTarget::Code: {
        auto code = CodebookRepository(project).resolve(name);
        if (code) return code->id;
        if (numeric) return number;
        return code.error();
    }
    case MemoTarget::Segment:
        if (!numeric || number <= 0)
            return makeError(
                QStringLiteral(
                    "a segment memo needs --target SEGMENT_ID (segmentId in 'segments --json'), not '%1'")
                    .arg(name));
        return number;
    }
    return makeError(QStringLiteral("unknown memo target"));
}

// A readable name for what each memo is attached to; looked up once per listing.
class TargetNames {
  public:
    explicit TargetNames(Project& project) : m_project(project) {}

    QString of(const Memo& memo) {
        switch (memo.target) {
        case MemoTarget::Project:
            return m_project.fileName();
        case MemoTarget::Source: {
            auto source = SourceRepository(m_project).get(memo.targetId);
            return source && source->has_value() ? (*source)->title : QString();
        }
        case MemoTarget::Participant: {
            auto participant = ParticipantRepository(m_project).findById(memo.targetId);
            return participant && participant->has_value() ? (*participant)->code : QString();
        }
        case MemoTarget::Code: {
            if (!m_codes) {
                auto codes = CodebookRepository(m_project).list();
                m_codes = codes ? std::move(*codes) : std::vector<Code>{};
            }
            return CodebookRepository(m_project).path(*m_codes, memo.targetId);
        }
        case MemoTarget::Segment: {
            if (!m_segments) {
                m_segments.emplace();
                if (auto segments = CodingRepository(m_project).segments(SegmentFilter{}))
                    for (const CodedSegment& s : *segments)
                        m_segments->emplace(s.segmentId, s);
            }
            auto it = m_segments->find(memo.targetId);
            if (it == m_segments->end()) return QStringLiteral("segment %1").arg(memo.targetId);
            return QStringLiteral("%1 %2:%3 %4")
                .arg(it->second.sourceTitle)
                .arg(it->second.start)
                .arg(it->second.end)
                .arg(it->second.citation());
        }
        }
        return {};
    }

  private:
    Project& m_project;
    std::optional<std::vector<Code>> m_codes;
    std::optional<std::map<qint64, CodedSegment>> m_segments;
};

} // namespace

MemoCommand::MemoCommand() : CliCommand(QStringLiteral("memo"), QStringLiteral("Add or list memos.")) {}

int MemoCommand::run(const QStringList& args, CliContext& ctx) {
    return dispatch(args, ctx,
                    {{QStringLiteral("add"), QStringLiteral("Write a memo on the project or on one object."),
                      [this](const QStringList& a, CliContext& c) { return add(a, c); }},
                     {QStringLiteral("list"), QStringLiteral("List memos, optionally those on one object."),
                      [this](const QStringList& a, CliContext& c) { return list(a, c); }}});
}

int MemoCommand::add(const QStringList& args, CliContext& ctx) {
    CommandOptions options(
        QStringLiteral("memo add --on KIND [--target NAME_OR_ID] [--title TITLE] TEXT... [options]"),
        QStringLiteral("Adds a memo. KIND is %1. The target is a source's title or file\n"
                       "name, a participant code, a code's path or unique name, or a segment id.")
            .arg(kTargets));
    options.addProjectOptions();
    options.add(QCommandLineOption(QStringLiteral("on"),
                                   QStringLiteral("What the memo is about: ") + kTargets + u'.',
                                   QStringLiteral("kind")));
    options.add(QCommandLineOption(QStringLiteral("target"),
                                   QStringLiteral("Which one (not for project memos)."),
                                   QStringLiteral("name-or-id")));
    options.add(QCommandLineOption(QStringLiteral("title"), QStringLiteral("A short title."),
                                   QStringLiteral("title")));
    options.setPositional(
        1, -1,
        {{QStringLiteral("TEXT"), QStringLiteral("the memo's text (several words are joined with spaces)")}});
    if (int code = options.parse(args, ctx); code >= 0) return code;

    MemoTarget target = MemoTarget::Project;
    const QString on = options.value(QStringLiteral("on")).trimmed();
    if (on.isEmpty()) return ctx.fail(QStringLiteral("memo add: --on KIND is required (%1)").arg(kTargets));
    if (!parseMemoTarget(on, &target))
        return ctx.fail(QStringLiteral("memo add: unknown --on '%1' (use %2)").arg(on, kTargets));
    const bool hasTarget = options.isSet(QStringLiteral("target"));
    if (target == MemoTarget::Project && hasTarget)
        return ctx.fail(QStringLiteral("memo add: a project memo takes no --target"));
    if (target != MemoTarget::Project &&
        (!hasTarget || options.value(QStringLiteral("target")).trimmed().isEmpty()))
        return ctx.fail(
            QStringLiteral("memo add: --on %1 needs --target NAME_OR_ID").arg(memoTargetName(target)));
    const QString body = options.positional().join(u' ');
    if (body.trimmed().isEmpty()) return ctx.fail(QStringLiteral("memo add: the memo text is empty"));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Write);
    if (!project) return ctx.fail(project.errorMessage());
    auto targetId = resolveTarget(**project, target, options.value(QStringLiteral("target")));
    if (!targetId) return ctx.fail(QStringLiteral("memo add: %1").arg(targetId.errorMessage()));
    auto id = MemoRepository(**project).add(target, *targetId,
                                            options.value(QStringLiteral("title")).trimmed(), body);
    if (!id) return ctx.fail(QStringLiteral("memo add: %1").arg(id.errorMessage()));
    Memo memo;
    memo.target = target;
    memo.targetId = *targetId;
    ctx.out << "Added memo " << *id << " on " << memoTargetName(target);
    if (target != MemoTarget::Project) ctx.out << " '" << TargetNames(**project).of(memo) << "'";
    ctx.out << Qt::endl;
    return ExitOk;
}

int MemoCommand::list(const QStringList& args, CliContext& ctx) {
    CommandOptions options(QStringLiteral("memo list [--on KIND [--target NAME_OR_ID]] [options]"),
                           QStringLiteral("Lists memos, oldest first: all of them, or those on one object."));
    options.addProjectOptions();
    options.addJsonOption();
    options.add(QCommandLineOption(QStringLiteral("on"),
                                   QStringLiteral("Only memos on this kind: ") + kTargets + u'.',
                                   QStringLiteral("kind")));
    options.add(QCommandLineOption(QStringLiteral("target"), QStringLiteral("Only memos on this object."),
                                   QStringLiteral("name-or-id")));
    options.setPositional(0, 0);
    if (int code = options.parse(args, ctx); code >= 0) return code;

    std::optional<MemoTarget> target;
    if (const QString on = options.value(QStringLiteral("on")).trimmed(); !on.isEmpty()) {
        MemoTarget t;
        if (!parseMemoTarget(on, &t))
            return ctx.fail(QStringLiteral("memo list: unknown --on '%1' (use %2)").arg(on, kTargets));
        target = t;
    }
    if (options.isSet(QStringLiteral("target")) && (!target || *target == MemoTarget::Project))
        return ctx.fail(QStringLiteral("memo list: --target needs --on source|participant|code|segment"));

    auto project = ProjectOpener::open(options, ctx, ProjectOpener::Access::Read);
    if (!project) return ctx.fail(project.errorMessage());
    MemoRepository memos(**project);
    Result<std::vector<Memo>> found = std::vector<Memo>{};
    if (target && options.isSet(QStringLiteral("target"))) {
        auto targetId = resolveTarget(**project, *target, options.value(QStringLiteral("target")));
        if (!targetId) return ctx.fail(QStringLiteral("memo list: %1").arg(targetId.errorMessage()));
        found = memos.list(*target, *targetId);
    } else {
        found = memos.list();
        if (found && target) std::erase_if(*found, [&](const Memo& m) { return m.target != *target; });
    }
    if (!found) return ctx.fail(found.errorMessage());

    TargetNames names(**project);
    if (options.json()) {
        QJsonArray array;
        for (const Memo& m : *found)
            array.append(JsonOutput::memo(m, names.of(m)));
        JsonOutput::write(ctx.out, array);
        return ExitOk;
    }
    for (const Memo& m : *found) {
        ctx.out << "memo " << m.id << " on " << memoTargetName(m.target);
        if (m.target != MemoTarget::Project) ctx.out << " '" << names.of(m) << "'";
        ctx.out << " by " << m.coder << ", " << JsonOutput::dateTime(m.createdAt) << "\n";
        if (!m.title.isEmpty()) ctx.out << "  " << m.title << "\n";
        for (const QString& line : m.body.split(u'\n'))
            ctx.out << "  " << line << "\n";
        ctx.out << "\n";
    }
    ctx.out << found->size() << (found->size() == 1 ? " memo" : " memos") << Qt::endl;
    return ExitOk;
}

} // namespace warrant::cli

#include "exchange/QdpxModelBuilder.h"

#include "exchange/CodeDefinitionText.h"
#include "exchange/ExchangeGuid.h"
#include "store/CodebookRepository.h"
#include "store/CodingRepository.h"
#include "store/ExchangeRepository.h"
#include "store/MemoRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"

#include <QDate>
#include <QFileInfo>
#include <functional>
#include <map>

namespace warrant {

namespace {

// The REFI-QDA type of an attribute: its Warrant type when every value fits it, else Text.
QString variableType(const QString& type, const std::vector<QString>& values) {
    const auto all = [&](auto fits) { return std::all_of(values.begin(), values.end(), fits); };
    if (type == u"number") {
        if (all([](const QString& v) { bool ok = false; v.toLongLong(&ok); return ok; })) return QStringLiteral("Integer");
        if (all([](const QString& v) { bool ok = false; v.toDouble(&ok); return ok; })) return QStringLiteral("Float");
    }
    if (type == u"date" && all([](const QString& v) { return QDate::fromString(v, Qt::ISODate).isValid(); }))
        return QStringLiteral("Date");
    static const QStringList booleans{QStringLiteral("true"), QStringLiteral("false")};
    if (type == u"boolean" && all([](const QString& v) { return booleans.contains(v.toLower()); }))
        return QStringLiteral("Boolean");
    return QStringLiteral("Text");
}

QString memoTargetIdentity(const Memo& memo) {
    return QStringLiteral("%1:%2:%3:%4").arg(memoTargetName(memo.target)).arg(memo.targetId)
        .arg(memo.createdAt.toString(Qt::ISODateWithMs), memo.title);
}

} // namespace

Result<qda::Project> QdpxModelBuilder::build() {
    qda::Project out;
    out.name = QFileInfo(m_project.path()).completeBaseName();
    out.origin = QStringLiteral("Warrant");
    for (auto step : {&QdpxModelBuilder::addUsers, &QdpxModelBuilder::addCodes, &QdpxModelBuilder::addCases,
                      &QdpxModelBuilder::addSources, &QdpxModelBuilder::addNotes, &QdpxModelBuilder::addSets,
                      &QdpxModelBuilder::addExternalSources})
        if (Status s = (this->*step)(out); !s) return s.error();
    return out;
}

Result<std::vector<qda::Code>> QdpxModelBuilder::codebook() {
    qda::Project out;
    if (Status s = addCodes(out); !s) return s.error();
    return out.codes;
}

QString QdpxModelBuilder::userGuid(const QString& coder) const { return ExchangeGuid::make(QStringLiteral("user"), coder); }

Status QdpxModelBuilder::addUsers(qda::Project& out) {
    SqliteStatement rows = m_project.db().prepare(QStringLiteral("SELECT name FROM coders ORDER BY id"));
    while (rows.next()) out.users.push_back({userGuid(rows.text(0)), rows.text(0), {}});
    if (rows.failed()) return makeError(rows.error());
    out.userGuid = out.users.empty() ? QString() : out.users.front().guid;
    return {};
}

Status QdpxModelBuilder::addCodes(qda::Project& out) {
    CodebookRepository repo(m_project);
    auto codes = repo.list();
    if (!codes) return codes.error();
    std::map<qint64, std::vector<const Code*>> childrenOf; // siblings keep the codebook's order
    for (const Code& c : *codes) childrenOf[c.parentId].push_back(&c);
    const std::function<std::vector<qda::Code>(qint64)> level = [&](qint64 parentId) {
        std::vector<qda::Code> out;
        for (const Code* c : childrenOf[parentId]) {
            qda::Code code;
            code.guid = ExchangeGuid::make(QStringLiteral("code"), repo.path(*codes, c->id));
            code.name = c->name;
            code.colour = c->colour;
            code.description = CodeDefinitionText::join(*c);
            m_codeGuids.insert(c->id, code.guid);
            code.children = level(c->id);
            out.push_back(std::move(code));
        }
        return out;
    };
    out.codes = level(0);
    return {};
}

Status QdpxModelBuilder::addCases(qda::Project& out) {
    auto participants = ParticipantRepository(m_project).list();
    if (!participants) return participants.error();
    std::map<QString, std::pair<QString, std::vector<QString>>> attributes; // name → (type, values)
    for (const Participant& p : *participants)
        for (const ParticipantAttribute& a : p.attributes) {
            auto& [type, values] = attributes[a.name];
            type = a.type;
            values.push_back(a.value);
        }
    QHash<QString, QString> variableGuids;
    for (const auto& [name, typed] : attributes) {
        const QString guid = ExchangeGuid::make(QStringLiteral("variable"), name);
        variableGuids.insert(name, guid);
        out.variables.push_back({guid, name, variableType(typed.first, typed.second), {}});
    }
    for (const Participant& p : *participants) {
        qda::Case c;
        c.guid = ExchangeGuid::make(QStringLiteral("case"), p.code);
        c.name = p.code;
        c.description = p.displayName;
        for (const ParticipantAttribute& a : p.attributes) c.values.push_back({variableGuids.value(a.name), a.value});
        m_caseGuids.insert(p.id, c.guid);
        out.cases.push_back(std::move(c));
    }
    return {};
}

Status QdpxModelBuilder::addSources(qda::Project& out) {
    auto sources = SourceRepository(m_project).list(true);
    if (!sources) return sources.error();
    QHash<qint64, size_t> indexOf;
    for (const Source& s : *sources) {
        qda::Source source;
        source.guid = ExchangeGuid::make(QStringLiteral("source"), s.sha256);
        source.name = s.title;
        source.path = QStringLiteral("internal://%1.txt").arg(source.guid);
        m_texts.insert(source.guid, s.text);
        m_sourceGuids.insert(s.id, source.guid);
        m_sourceShas.insert(s.id, s.sha256);
        if (s.participantId && m_caseGuids.contains(s.participantId))
            for (qda::Case& c : out.cases)
                if (c.guid == m_caseGuids.value(s.participantId)) c.sourceGuids.push_back(source.guid);
        if (s.kind == SourceKind::Manuscript) m_manuscripts.push_back(source.guid);
        indexOf.insert(s.id, out.sources.size());
        out.sources.push_back(std::move(source));
    }
    auto segments = CodingRepository(m_project).segments({});
    if (!segments) return segments.error();
    for (const CodedSegment& seg : *segments) {
        qda::TextSelection* selection = selectionFor(out, seg.segmentId);
        if (!selection) {
            qda::Source& source = out.sources[indexOf.value(seg.sourceId)];
            const QString place = QStringLiteral("%1:%2:%3").arg(m_sourceShas.value(seg.sourceId)).arg(seg.start).arg(seg.end);
            source.selections.push_back({ExchangeGuid::make(QStringLiteral("selection"), place), seg.text.left(60),
                                         {}, seg.start, seg.end, userGuid(seg.coder), seg.createdAt, {}, {}});
            m_selections.insert(seg.segmentId, {indexOf.value(seg.sourceId), source.selections.size() - 1});
            selection = &source.selections.back();
        }
        const QString identity = QStringLiteral("%1:%2:%3").arg(selection->guid, seg.codePath, seg.coder);
        selection->codings.push_back({ExchangeGuid::make(QStringLiteral("coding"), identity), m_codeGuids.value(seg.codeId),
                                      userGuid(seg.coder), seg.createdAt});
    }
    return {};
}

qda::TextSelection* QdpxModelBuilder::selectionFor(qda::Project& out, qint64 segmentId) {
    const auto at = m_selections.constFind(segmentId);
    if (at == m_selections.constEnd()) return nullptr;
    return &out.sources[at->first].selections[at->second];
}

qda::Code* QdpxModelBuilder::codeByGuid(std::vector<qda::Code>& codes, const QString& guid) {
    for (qda::Code& c : codes) {
        if (c.guid == guid) return &c;
        if (qda::Code* inner = codeByGuid(c.children, guid)) return inner;
    }
    return nullptr;
}

Status QdpxModelBuilder::addNotes(qda::Project& out) {
    auto memos = MemoRepository(m_project).list();
    if (!memos) return memos.error();
    auto ranges = ExchangeRepository(m_project).segmentRanges();
    if (!ranges) return ranges.error();
    for (const Memo& memo : *memos) {
        const QString guid = ExchangeGuid::make(QStringLiteral("note"), memoTargetIdentity(memo));
        out.notes.push_back({guid, memo.title, memo.body, {}, {}, userGuid(memo.coder), memo.createdAt, memo.updatedAt});
        std::vector<QString>* refs = nullptr;
        if (memo.target == MemoTarget::Code) {
            if (qda::Code* c = codeByGuid(out.codes, m_codeGuids.value(memo.targetId))) refs = &c->noteGuids;
        } else if (memo.target == MemoTarget::Source) {
            for (qda::Source& s : out.sources)
                if (s.guid == m_sourceGuids.value(memo.targetId)) refs = &s.noteGuids;
        } else if (memo.target == MemoTarget::Participant) {
            for (qda::Case& c : out.cases)
                if (c.guid == m_caseGuids.value(memo.targetId)) out.notes.back().description = qda::noteAboutCase(c.name);
        } else if (memo.target == MemoTarget::Segment && ranges->contains(memo.targetId)) {
            // A memo on an uncoded segment still needs a selection to hang on.
            qda::TextSelection* selection = selectionFor(out, memo.targetId);
            if (!selection) {
                const auto r = ranges->value(memo.targetId);
                for (size_t i = 0; i < out.sources.size(); ++i) {
                    qda::Source& s = out.sources[i];
                    if (s.guid != m_sourceGuids.value(r.sourceId)) continue;
                    const QString place = QStringLiteral("%1:%2:%3").arg(m_sourceShas.value(r.sourceId)).arg(r.start).arg(r.end);
                    s.selections.push_back({ExchangeGuid::make(QStringLiteral("selection"), place), {}, {}, r.start, r.end,
                                            userGuid(memo.coder), memo.createdAt, {}, {}});
                    m_selections.insert(memo.targetId, {i, s.selections.size() - 1});
                    selection = &s.selections.back();
                }
            }
            if (selection) refs = &selection->noteGuids;
        }
        if (refs) refs->push_back(guid);
    }
    return {};
}

Status QdpxModelBuilder::addSets(qda::Project& out) {
    auto sets = ExchangeRepository(m_project).sets();
    if (!sets) return sets.error();
    for (const CodeSourceSet& set : *sets) {
        qda::Set s{ExchangeGuid::make(QStringLiteral("set"), QStringLiteral("%1:%2").arg(set.id).arg(set.name)), set.name,
                   set.description, {}, {}};
        for (qint64 code : set.codeIds) s.codeGuids.push_back(m_codeGuids.value(code));
        for (qint64 source : set.sourceIds) s.sourceGuids.push_back(m_sourceGuids.value(source));
        out.sets.push_back(std::move(s));
    }
    if (!m_manuscripts.empty())
        out.sets.push_back({ExchangeGuid::make(QStringLiteral("set"), QStringLiteral("manuscripts")), qda::manuscriptSetName(),
                            qda::manuscriptSetDescription(), {}, m_manuscripts});
    return {};
}

Status QdpxModelBuilder::addExternalSources(qda::Project& out) {
    auto external = ExchangeRepository(m_project).externalSources();
    if (!external) return external.error();
    static const std::map<QString, qda::SourceKind> kinds{{QStringLiteral("pdf"), qda::SourceKind::Pdf},
                                                          {QStringLiteral("picture"), qda::SourceKind::Picture},
                                                          {QStringLiteral("audio"), qda::SourceKind::Audio},
                                                          {QStringLiteral("video"), qda::SourceKind::Video}};
    for (const ExternalSource& e : *external) {
        qda::Source s;
        s.guid = ExchangeGuid::make(QStringLiteral("external"), QStringLiteral("%1:%2").arg(e.id).arg(e.name));
        s.name = e.name;
        s.kind = kinds.count(e.kind) ? kinds.at(e.kind) : qda::SourceKind::Picture;
        s.path = e.path;
        out.sources.push_back(std::move(s));
    }
    return {};
}

} // namespace warrant

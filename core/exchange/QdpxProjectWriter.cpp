#include "exchange/QdpxProjectWriter.h"

#include "exchange/CodeDefinitionText.h"
#include "exchange/QdeReader.h"
#include "import/FileImporter.h"
#include "store/CodebookRepository.h"
#include "store/ExchangeRepository.h"
#include "store/ParticipantRepository.h"
#include "store/Project.h"
#include "store/SourceRepository.h"
#include "text/TextOffsets.h"

#include <QSet>

namespace warrant {

namespace {

QString key(const QString& guid) { return QdeReader::normalisedGuid(guid); }

// REFI-QDA variable types → the attribute types Warrant filters by.
QString attributeType(const QString& variableType) {
    const QString t = variableType.toLower();
    if (t == u"integer" || t == u"float") return QStringLiteral("number");
    if (t == u"date" || t == u"datetime") return QStringLiteral("date");
    if (t == u"boolean") return QStringLiteral("boolean");
    return QStringLiteral("text");
}

QString externalKind(qda::SourceKind kind) {
    switch (kind) {
    case qda::SourceKind::Pdf: return QStringLiteral("pdf");
    case qda::SourceKind::Picture: return QStringLiteral("picture");
    case qda::SourceKind::Audio: return QStringLiteral("audio");
    case qda::SourceKind::Video: return QStringLiteral("video");
    case qda::SourceKind::Text: break;
    }
    return QStringLiteral("text");
}

} // namespace

QdpxProjectWriter::QdpxProjectWriter(Project& project, const qda::Project& file, const ProjectPlacement& placement,
                                     QdpxImportReport& report)
    : m_project(project), m_file(file), m_placement(placement), m_report(report) {}

Status QdpxProjectWriter::write() {
    ExchangeRepository exchange(m_project);
    if (Status s = writeUsers(exchange); !s) return s;
    if (Status s = writeCodes(m_file.codes, 0); !s) return s;
    if (Status s = writeCases(); !s) return s;
    if (Status s = writeSources(); !s) return s;
    for (const PlacedSource& placed : m_placement.sources)
        if (Status s = writeSelections(exchange, placed, m_sources.value(key(placed.source->guid))); !s) return s;
    if (Status s = writeNotes(exchange); !s) return s;
    if (Status s = writeSets(exchange); !s) return s;
    return writeExternalSources(exchange);
}

Status QdpxProjectWriter::writeUsers(ExchangeRepository& exchange) {
    auto fallback = exchange.coder(m_project.coderName());
    if (!fallback) return fallback.error();
    m_defaultCoder = *fallback;
    for (const qda::User& user : m_file.users) {
        const QString name = !user.name.trimmed().isEmpty() ? user.name : !user.id.isEmpty() ? user.id : user.guid;
        auto id = exchange.coder(name);
        if (!id) return id.error();
        m_coders.insert(key(user.guid), *id);
        ++m_report.users;
    }
    return {};
}

qint64 QdpxProjectWriter::coderFor(const QString& userGuid, const QString& fallbackGuid) const {
    if (const auto it = m_coders.constFind(key(userGuid)); it != m_coders.constEnd()) return *it;
    if (const auto it = m_coders.constFind(key(fallbackGuid)); it != m_coders.constEnd()) return *it;
    return m_defaultCoder;
}

QString QdpxProjectWriter::uniqueCodeName(qint64 parentId, const QString& wanted) {
    // Warrant paths use '/', and siblings need distinct names; other tools allow both.
    QString name = wanted.trimmed().isEmpty() ? QStringLiteral("Unnamed code") : wanted.trimmed();
    if (name.contains(u'/')) {
        m_report.notes << QStringLiteral("code '%1': '/' shown as '\u2215' (Warrant separates levels with '/')").arg(name);
        name.replace(u'/', QChar(0x2215));
    }
    QStringList& siblings = m_siblingNames[parentId];
    QString candidate = name;
    for (int n = 2; siblings.contains(candidate, Qt::CaseInsensitive); ++n)
        candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
    if (candidate != name) m_report.notes << QStringLiteral("two codes named '%1' at one level: the second is '%2'").arg(name, candidate);
    siblings << candidate;
    return candidate;
}

Status QdpxProjectWriter::writeCodes(const std::vector<qda::Code>& codes, qint64 parentId) {
    CodebookRepository codebook(m_project);
    for (const qda::Code& c : codes) {
        Code code;
        code.parentId = parentId;
        code.name = uniqueCodeName(parentId, c.name);
        code.colour = c.colour;
        CodeDefinitionText::split(c.description, &code);
        auto id = codebook.create(code);
        if (!id) return makeError(QStringLiteral("code '%1': %2").arg(c.name, id.errorMessage()));
        m_codes.insert(key(c.guid), *id);
        noteTargets(c.noteGuids, MemoTarget::Code, *id);
        ++m_report.codes;
        if (Status s = writeCodes(c.children, *id); !s) return s;
    }
    return {};
}

Status QdpxProjectWriter::writeCases() {
    QHash<QString, const qda::Variable*> variables;
    for (const qda::Variable& v : m_file.variables) variables.insert(key(v.guid), &v);
    m_report.variables = int(m_file.variables.size());
    std::vector<Participant> participants;
    QSet<QString> codes;
    for (const qda::Case& c : m_file.cases) {
        Participant p;
        p.code = c.name.trimmed().isEmpty() ? QStringLiteral("Case %1").arg(participants.size() + 1) : c.name.trimmed();
        if (codes.contains(p.code)) m_report.notes << QStringLiteral("two cases named '%1' were merged into one participant").arg(p.code);
        codes.insert(p.code);
        if (!c.description.contains(u'\n')) p.displayName = c.description.trimmed();
        for (const qda::VariableValue& value : c.values) {
            const qda::Variable* v = variables.value(key(value.variableGuid));
            if (!v) {
                m_report.skipped << QStringLiteral("case '%1': a value of an unknown variable %2").arg(p.code, value.variableGuid);
                continue;
            }
            p.attributes.push_back({v->name, attributeType(v->type), value.value});
        }
        for (const QString& source : c.sourceGuids) {
            if (m_sourceCase.contains(key(source))) {
                m_report.notes << QStringLiteral("a source of case '%1' also belongs to case '%2'; it is linked to the first")
                                      .arg(p.code, m_sourceCase.value(key(source)));
                continue;
            }
            m_sourceCase.insert(key(source), p.code);
        }
        participants.push_back(std::move(p));
    }
    m_report.cases = int(m_file.cases.size());
    if (participants.empty()) return {};
    if (Status s = ParticipantRepository(m_project).upsert(participants, QStringLiteral("participants from the file's cases")); !s) return s;
    ParticipantRepository repo(m_project);
    for (const qda::Case& c : m_file.cases)
        if (auto found = repo.findByCode(c.name.trimmed()); found && found->has_value())
            noteTargets(notesOnCase(c), MemoTarget::Participant, (*found)->id);
    return {};
}

Status QdpxProjectWriter::writeSources() {
    for (const qda::Set& set : m_file.sets)
        if (qda::isManuscriptSet(set))
            for (const QString& guid : set.sourceGuids) m_manuscripts.insert(key(guid));
    for (const PlacedSource& placed : m_placement.sources)
        if (Status s = writeSource(placed); !s) return s;
    return {};
}

Status QdpxProjectWriter::writeSource(const PlacedSource& placed) {
    const qda::Source& source = *placed.source;
    ImportOptions options;
    options.participantCode = m_sourceCase.value(key(source.guid));
    // The text importer's own rules find the speaker turns; the text itself is not changed.
    auto doc = FileImporter::importBytes(placed.text.toUtf8(), QStringLiteral("source.txt"), options);
    if (!doc) return makeError(QStringLiteral("source '%1': %2").arg(source.name, doc.errorMessage()));
    if (doc->text != placed.text) return makeError(QStringLiteral("source '%1': its text would change on import").arg(source.name));
    doc->title = source.name.trimmed().isEmpty() ? source.guid : source.name.trimmed();
    const bool transcript = !doc->turns.empty();
    const SourceKind kind = m_manuscripts.contains(key(source.guid)) ? SourceKind::Manuscript
                            : transcript                             ? SourceKind::Transcript
                                                                     : SourceKind::Document;
    // Two sources may have the same text; the hash that marks duplicates then includes the GUID.
    QString sha = FileImporter::sha256Hex(placed.text.toUtf8());
    if (auto same = SourceRepository(m_project).findBySha256(sha); same && same->has_value())
        sha = FileImporter::sha256Hex((placed.text + source.guid).toUtf8());
    auto id = SourceRepository(m_project).add(*doc, kind,
                                              source.path.isEmpty() ? doc->title : source.path, sha);
    if (!id) return makeError(QStringLiteral("source '%1': %2").arg(source.name, id.errorMessage()));
    m_sources.insert(key(source.guid), *id);
    noteTargets(source.noteGuids, MemoTarget::Source, *id);
    ++m_report.textSources;
    if (transcript) ++m_report.transcripts;
    if (source.kind == qda::SourceKind::Pdf) {
        m_report.notes << QStringLiteral("PDF '%1' imported as its text representation").arg(source.name);
        m_report.externalSelections += source.otherSelections;
        m_report.externalCodings += source.otherCodings;
    }
    return {};
}

Status QdpxProjectWriter::writeSelections(ExchangeRepository& exchange, const PlacedSource& placed, qint64 sourceId) {
    QHash<QString, const qda::TextSelection*> selections;
    for (const qda::TextSelection& s : placed.source->selections) selections.insert(s.guid, &s);
    for (const UnplacedSelection& u : placed.unplaced) {
        const qda::TextSelection* s = selections.value(u.id);
        m_report.problems << QStringLiteral("selection %1 '%2' in '%3': %4")
                                .arg(u.id, s ? s->name.left(60) : QString(), placed.source->name, u.reason);
    }
    const TextOffsets offsets(placed.text);
    int uncoded = 0;
    for (const PlacedSelection& p : placed.placed) {
        const qda::TextSelection* s = selections.value(p.id);
        if (!s) continue;
        if (s->codings.empty() && s->noteGuids.empty()) { ++uncoded; continue; }
        if (p.end <= p.start) {
            m_report.skipped << QStringLiteral("selection %1 in '%2': it is empty").arg(p.id, placed.source->name);
            continue;
        }
        const qsizetype from = offsets.utf16FromCodePoint(p.start);
        auto segment = exchange.segment(sourceId, p.start, p.end, placed.text.mid(from, offsets.utf16FromCodePoint(p.end) - from));
        if (!segment) return makeError(QStringLiteral("selection %1 in '%2': %3").arg(p.id, placed.source->name, segment.errorMessage()));
        ++m_report.selections;
        noteTargets(s->noteGuids, MemoTarget::Segment, *segment);
        for (const qda::Coding& c : s->codings) {
            const qint64 code = m_codes.value(key(c.codeGuid));
            if (!code) {
                m_report.problems << QStringLiteral("coding %1 in '%2': its code %3 is not in the codebook").arg(c.guid, placed.source->name, c.codeGuid);
                continue;
            }
            auto added = exchange.coding(*segment, code, coderFor(c.userGuid, s->userGuid), c.created.isValid() ? c.created : s->created);
            if (!added) return added.error();
            if (*added) ++m_report.codings;
        }
    }
    if (uncoded > 0)
        m_report.skipped << QStringLiteral("'%1': %2 selections without any code (not carried: a segment is what a code marks)")
                                .arg(placed.source->name).arg(uncoded);
    return {};
}

// The notes a case refers to (a tool's extension) and those that name it in their description.
std::vector<QString> QdpxProjectWriter::notesOnCase(const qda::Case& c) const {
    std::vector<QString> guids = c.noteGuids;
    for (const qda::Note& note : m_file.notes)
        if (!note.description.isEmpty() && qda::caseOfNote(note.description) == c.name.trimmed()) guids.push_back(note.guid);
    return guids;
}

void QdpxProjectWriter::noteTargets(const std::vector<QString>& noteGuids, MemoTarget target, qint64 targetId) {
    for (const QString& guid : noteGuids)
        if (!m_noteTargets.contains(key(guid))) m_noteTargets.insert(key(guid), {target, targetId});
}

Status QdpxProjectWriter::writeNotes(ExchangeRepository& exchange) {
    for (const qda::Note& note : m_file.notes) {
        if (note.text.trimmed().isEmpty()) {
            m_report.skipped << QStringLiteral("note '%1': it has no text").arg(note.name);
            continue;
        }
        // A note nothing refers to is about the project as a whole.
        const auto [target, id] = m_noteTargets.value(key(note.guid), {MemoTarget::Project, 0});
        auto memo = exchange.memo(target, id, note.name, note.text, coderFor(note.userGuid, m_file.userGuid),
                                  note.created, note.modified);
        if (!memo) return makeError(QStringLiteral("note '%1': %2").arg(note.name, memo.errorMessage()));
        ++m_report.memos;
    }
    return {};
}

Status QdpxProjectWriter::writeSets(ExchangeRepository& exchange) {
    for (const qda::Set& set : m_file.sets) {
        if (qda::isManuscriptSet(set)) continue; // read as the sources' kind
        CodeSourceSet stored{0, set.name, set.description, {}, {}};
        for (const QString& code : set.codeGuids)
            if (const qint64 id = m_codes.value(key(code))) stored.codeIds.push_back(id);
        for (const QString& source : set.sourceGuids)
            if (const qint64 id = m_sources.value(key(source))) stored.sourceIds.push_back(id);
        const auto dropped = set.codeGuids.size() + set.sourceGuids.size() - stored.codeIds.size() - stored.sourceIds.size();
        if (dropped > 0)
            m_report.skipped << QStringLiteral("set '%1': %2 members that are not text sources or codes").arg(set.name).arg(dropped);
        auto id = exchange.addSet(stored);
        if (!id) return id.error();
        ++m_report.sets;
    }
    return {};
}

Status QdpxProjectWriter::writeExternalSources(ExchangeRepository& exchange) {
    for (const qda::Source& source : m_file.sources) {
        if (QdpxPlacement::carriesText(source)) continue;
        auto id = exchange.addExternalSource(
            {0, source.name, externalKind(source.kind), source.path, source.otherSelections, source.otherCodings});
        if (!id) return id.error();
        ++m_report.externalSources;
        m_report.externalSelections += source.otherSelections;
        m_report.externalCodings += source.otherCodings;
        m_report.skipped << QStringLiteral("%1 source '%2': listed by name; its %3 selections and %4 codings are not carried")
                                .arg(externalKind(source.kind), source.name)
                                .arg(source.otherSelections)
                                .arg(source.otherCodings);
    }
    return {};
}

} // namespace warrant

#include "SearchIndex.h"

#include "store/Project.h"
#include "store/SqliteDatabase.h"
#include "text/TextOffsets.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <xapian.h>

#include <map>

namespace warrant {

namespace {

constexpr int kFormatVersion = 1;
const char* const kVersionKey = "warrant.index.format";

enum Slot : Xapian::valueno { SourceId = 0, TurnNumber = 1, Start = 2, End = 3 };

QString fromStd(const std::string& s) { return QString::fromStdString(s); }
std::string toStd(const QString& s) { return s.toStdString(); }

Error xapianError(const QString& what, const Xapian::Error& e) {
    return makeError(QStringLiteral("%1: %2").arg(what, fromStd(e.get_description())));
}

} // namespace

struct SearchIndex::Impl {
    QString directory;
    std::unique_ptr<Xapian::Database> db;
    std::map<qint64, QString> sourceTitles;
};

QString SearchIndex::locationFor(const QString& projectPath) { return projectPath + QStringLiteral("-index"); }

int SearchIndex::formatVersion() { return kFormatVersion; }

SearchIndex::SearchIndex(QString directory) : d(std::make_unique<Impl>()) { d->directory = std::move(directory); }

SearchIndex::~SearchIndex() = default;

Status SearchIndex::open(Project& project, const Progress& progress, bool* rebuilt) {
    if (rebuilt) *rebuilt = false;
    try {
        auto db = std::make_unique<Xapian::Database>(toStd(d->directory));
        if (db->get_metadata(kVersionKey) == std::to_string(kFormatVersion)) {
            d->db = std::move(db);
            SqliteStatement titles = project.db().prepare(QStringLiteral("SELECT id, title FROM sources"));
            while (titles.next()) d->sourceTitles[titles.int64(0)] = titles.text(1);
            return {};
        }
    } catch (const Xapian::Error&) {
        // Missing, damaged or unreadable: the index is a cache, so rebuild it.
    }
    if (rebuilt) *rebuilt = true;
    return rebuild(project, progress);
}

Status SearchIndex::rebuild(Project& project, const Progress& progress) {
    d->db.reset();
    d->sourceTitles.clear();
    try {
        QDir(d->directory).removeRecursively();
        Xapian::WritableDatabase out(toStd(d->directory), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator terms;
        terms.set_stemmer(Xapian::Stem("en"));
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);

        SqliteDatabase& sql = project.db();
        auto total = sql.queryInt(QStringLiteral("SELECT count(*) FROM turns"));
        if (!total) return total.error();
        SqliteStatement rows = sql.prepare(QStringLiteral(
            "SELECT t.id, t.source_id, t.turn_number, t.start_pos, t.end_pos, t.is_interviewer, ifnull(p.code, ''), "
            "substr(s.text, t.start_pos + 1, t.end_pos - t.start_pos) FROM turns t JOIN sources s ON s.id = t.source_id "
            "LEFT JOIN participants p ON p.id = t.participant_id ORDER BY t.source_id, t.turn_number"));
        int done = 0;
        out.begin_transaction();
        while (rows.next()) {
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(toStd(rows.text(7)));
            doc.add_boolean_term("Q" + std::to_string(rows.int64(0)));
            doc.add_boolean_term("XSOURCE" + std::to_string(rows.int64(1)));
            const QString participant = rows.text(6);
            if (!participant.isEmpty()) doc.add_boolean_term("P" + toStd(participant.toLower()));
            doc.add_boolean_term(rows.int64(5) ? "XROLEinterviewer" : "XROLEparticipant");
            doc.add_value(SourceId, Xapian::sortable_serialise(double(rows.int64(1))));
            doc.add_value(TurnNumber, Xapian::sortable_serialise(double(rows.int64(2))));
            doc.add_value(Start, Xapian::sortable_serialise(double(rows.int64(3))));
            doc.add_value(End, Xapian::sortable_serialise(double(rows.int64(4))));
            doc.set_data(toStd(rows.text(7)));
            out.replace_document("Q" + std::to_string(rows.int64(0)), doc);
            if (progress && ++done % 500 == 0) progress(done, int(*total));
        }
        if (rows.failed()) return makeError(rows.error());
        out.set_metadata(kVersionKey, std::to_string(kFormatVersion));
        out.commit_transaction();
        out.close();
        if (progress) progress(int(*total), int(*total));
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("%1: cannot build the search index").arg(d->directory), e);
    }
    return open(project);
}

Result<SearchResults> SearchIndex::search(const QString& query, int limit, int offset) {
    if (!d->db) return makeError(QStringLiteral("the search index is not open"));
    try {
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("en"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_database(*d->db);
        parser.set_default_op(Xapian::Query::OP_AND);
        parser.add_boolean_prefix("participant", "P");
        const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
        // Participant terms are stored lower-case; codes are typed as the study writes them.
        QString normalised = query;
        static const QRegularExpression participantFilter(QStringLiteral("participant:(\\S+)"),
                                                          QRegularExpression::CaseInsensitiveOption);
        for (auto m = participantFilter.globalMatch(query); m.hasNext();) {
            const auto match = m.next();
            normalised.replace(match.captured(0), QStringLiteral("participant:") + match.captured(1).toLower());
        }
        const Xapian::Query parsed = parser.parse_query(toStd(normalised), flags);
        Xapian::Enquire enquire(*d->db);
        enquire.set_query(parsed);
        const Xapian::MSet matches = enquire.get_mset(Xapian::doccount(offset), Xapian::doccount(limit));
        SearchResults results;
        results.estimatedTotal = qint64(matches.get_matches_estimated());
        Xapian::Stem stemmer("en");
        for (auto it = matches.begin(); it != matches.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            SearchHit hit;
            hit.sourceId = qint64(Xapian::sortable_unserialise(doc.get_value(SourceId)));
            hit.turnNumber = int(Xapian::sortable_unserialise(doc.get_value(TurnNumber)));
            hit.start = qsizetype(Xapian::sortable_unserialise(doc.get_value(Start)));
            hit.end = qsizetype(Xapian::sortable_unserialise(doc.get_value(End)));
            hit.weight = it.get_weight();
            hit.sourceTitle = d->sourceTitles.count(hit.sourceId) ? d->sourceTitles[hit.sourceId] : QString();
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                const std::string term = *t;
                if (term.rfind("XROLEinterviewer", 0) == 0) hit.interviewer = true;
                else if (term.size() > 1 && term[0] == 'P') hit.participantCode = fromStd(term.substr(1)).toUpper();
            }
            hit.snippet = fromStd(matches.snippet(doc.get_data(), 240, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE, "[[", "]]", "…"));
            results.hits.push_back(std::move(hit));
        }
        return results;
    } catch (const Xapian::QueryParserError& e) {
        return makeError(QStringLiteral("cannot understand the query \"%1\": %2").arg(query, fromStd(e.get_msg())));
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("search failed"), e);
    }
}

Result<qint64> SearchIndex::passageCount() {
    if (!d->db) return makeError(QStringLiteral("the search index is not open"));
    try {
        return qint64(d->db->get_doccount());
    } catch (const Xapian::Error& e) {
        return xapianError(QStringLiteral("search index"), e);
    }
}

} // namespace warrant

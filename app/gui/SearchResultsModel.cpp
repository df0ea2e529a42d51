#include "SearchResultsModel.h"

#include "TextRangeMime.h"

#include <QMimeData>

namespace warrant {

namespace {
constexpr QChar kMatchOpen = u'\u00AB';  // «
constexpr QChar kMatchClose = u'\u00BB'; // »
} // namespace

SearchResultsModel::SearchResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SearchResultsModel::setHits(std::vector<SearchHit> hits) {
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

void SearchResultsModel::clear() {
    setHits({});
}

const SearchHit* SearchResultsModel::hitAt(int row) const {
    if (row < 0 || row >= int(m_hits.size())) return nullptr;
    return &m_hits[size_t(row)];
}

TextLocation SearchResultsModel::matchLocation(const SearchHit& hit) {
    if (hit.matches.empty()) return passageLocation(hit);
    return {hit.sourceId, hit.matches.front().first, hit.matches.front().second};
}

TextLocation SearchResultsModel::passageLocation(const SearchHit& hit) {
    return {hit.sourceId, hit.start, hit.end};
}

QString SearchResultsModel::plainSnippet(const QString& snippet) {
    QString plain = snippet;
    plain.remove(kMatchOpen);
    plain.remove(kMatchClose);
    return plain;
}

QString SearchResultsModel::htmlSnippet(const QString& snippet) {
    // Escape piece by piece so the markers themselves become tags, never the text.
    QString html;
    QString piece;
    for (const QChar c : snippet) {
        if (c == kMatchOpen || c == kMatchClose) {
            html += piece.toHtmlEscaped();
            piece.clear();
            html += c == kMatchOpen ? QStringLiteral("<b>") : QStringLiteral("</b>");
        } else {
            piece += c;
        }
    }
    return html + piece.toHtmlEscaped();
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    const SearchHit* hit = index.isValid() ? hitAt(index.row()) : nullptr;
    if (!hit) return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn:
            return hit->rank;
        case SourceColumn:
            return hit->sourceTitle;
        case ParticipantColumn:
            return hit->interviewer ? tr("Interviewer") : hit->participantCode;
        case TurnColumn:
            return hit->turnNumber > 0 ? QVariant(hit->turnNumber) : QVariant();
        case SnippetColumn:
            return plainSnippet(hit->snippet);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SnippetColumn) return hit->text;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == RankColumn || index.column() == TurnColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SnippetHtmlRole:
        return htmlSnippet(hit->snippet);
    case MatchLocationRole:
        return QVariant::fromValue(matchLocation(*hit));
    case PassageLocationRole:
        return QVariant::fromValue(passageLocation(*hit));
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RankColumn:
        return tr("#");
    case SourceColumn:
        return tr("Source");
    case ParticipantColumn:
        return tr("Participant");
    case TurnColumn:
        return tr("Turn");
    case SnippetColumn:
        return tr("Snippet");
    default:
        return {};
    }
}

Qt::ItemFlags SearchResultsModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList SearchResultsModel::mimeTypes() const {
    return {QString::fromLatin1(TextRangeMime::kFormat)};
}

QMimeData* SearchResultsModel::mimeData(const QModelIndexList& indexes) const {
    // One range per drag: the first dragged row's passage.
    for (const QModelIndex& index : indexes) {
        const SearchHit* hit = hitAt(index.row());
        if (!hit) continue;
        auto* mime = new QMimeData;
        mime->setText(hit->text);
        TextRangeMime::write(*mime, passageLocation(*hit));
        return mime;
    }
    return nullptr;
}

} // namespace warrant

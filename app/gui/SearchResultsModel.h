#pragma once

#include "SearchResults.h"
#include "TextLocation.h"

#include <QAbstractTableModel>
#include <vector>

namespace warrant {

// One page of search hits as a table: rank, source, participant, turn, snippet. The snippet
// column also offers HTML with the matches in bold (SnippetHtmlRole) for SnippetDelegate.
// Rows drag out as the hit's passage range (TextRangeMime).
class SearchResultsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { RankColumn, SourceColumn, ParticipantColumn, TurnColumn, SnippetColumn, ColumnCount };
    enum Role {
        SnippetHtmlRole = Qt::UserRole + 1, // snippet as HTML, matches in <b>
        MatchLocationRole,                  // TextLocation of the first match (or the passage)
        PassageLocationRole,                // TextLocation of the whole passage
    };

    explicit SearchResultsModel(QObject* parent = nullptr);

    void setHits(std::vector<SearchHit> hits);
    void clear();
    const std::vector<SearchHit>& hits() const { return m_hits; }
    const SearchHit* hitAt(int row) const;

    // Where activating a hit goes: its first matched word, or the passage when nothing matched
    // a word (a pure filter query).
    static TextLocation matchLocation(const SearchHit& hit);
    static TextLocation passageLocation(const SearchHit& hit);
    // The snippet without the « » match markers, and as HTML with the matches in bold.
    static QString plainSnippet(const QString& snippet);
    static QString htmlSnippet(const QString& snippet);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

  private:
    std::vector<SearchHit> m_hits;
};

} // namespace warrant

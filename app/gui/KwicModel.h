#pragma once

#include "SearchResults.h"
#include "TextLocation.h"

#include <QAbstractTableModel>
#include <vector>

namespace warrant {

// Keyword-in-context lines of one result page: left context (right-aligned), the match (centred,
// bold), right context and the citation, in a monospace font so the matches line up.
class KwicModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { LeftColumn, MatchColumn, RightColumn, CitationColumn, ColumnCount };
    enum Role { LocationRole = Qt::UserRole + 1 }; // TextLocation of the match

    explicit KwicModel(QObject* parent = nullptr);

    // `hits` are the page the lines index into (KwicLine::hitIndex).
    void setLines(std::vector<KwicLine> lines, const std::vector<SearchHit>& hits);
    void clear();
    TextLocation locationAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

  private:
    struct Row {
        KwicLine line;
        qint64 sourceId = 0;
        QString citation;
    };
    std::vector<Row> m_rows;
};

} // namespace warrant

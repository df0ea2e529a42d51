#pragma once

#include "SearchResults.h"

#include <QAbstractListModel>
#include <vector>

namespace warrant {

// The facet counts of a search (participants, groups, codes) as one list with a heading row per
// kind. Each value row carries the query filter that narrows the search to it (FilterRole),
// e.g. participant:R8 or code:"Political influence/Institutional conflict".
class FacetListModel : public QAbstractListModel {
    Q_OBJECT
  public:
    enum Role { FilterRole = Qt::UserRole + 1, CountRole };

    explicit FacetListModel(QObject* parent = nullptr);

    void setFacets(const SearchResults& results);
    void clear();
    // The filter of a row; empty for headings.
    QString filterAt(int row) const;
    // `name:value`, the value quoted when it holds anything but a plain word.
    static QString filterFor(const QString& name, const QString& value);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  private:
    struct Row {
        QString label;
        QString filter; // empty: a heading
        int count = 0;
    };
    void appendKind(const QString& heading, const QString& filterName, const std::vector<FacetCount>& counts);
    std::vector<Row> m_rows;
};

} // namespace warrant

#pragma once

#include "TextLocation.h"
#include "store/CodingRepository.h"

#include <QAbstractTableModel>
#include <vector>

namespace warrant {

// Coded segments as a table: code, participant, source, turn, text, coder. Rows drag out as the
// segment's range (TextRangeMime).
class RetrievalModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        CodeColumn,
        ParticipantColumn,
        SourceColumn,
        TurnColumn,
        TextColumn,
        CoderColumn,
        ColumnCount
    };
    enum Role { LocationRole = Qt::UserRole + 1 }; // TextLocation of the segment

    explicit RetrievalModel(QObject* parent = nullptr);

    void setSegments(std::vector<CodedSegment> segments);
    const std::vector<CodedSegment>& segments() const { return m_segments; }
    const CodedSegment* segmentAt(int row) const;
    TextLocation locationAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

  private:
    std::vector<CodedSegment> m_segments;
};

} // namespace warrant

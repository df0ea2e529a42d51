#pragma once

#include <QCollator>
#include <QLocale>
#include <QSortFilterProxyModel>

namespace warrant {

// Sorts text the way people number things: "M2" before "M10", "turn 9" before "turn 12".
class NaturalSortProxy : public QSortFilterProxyModel {
public:
    explicit NaturalSortProxy(QObject* parent = nullptr)
        : QSortFilterProxyModel(parent),
          // The C locale ignores numeric mode; English is the fallback there.
          m_collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale()) {
        m_collator.setNumericMode(true);
        m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        const QVariant a = left.data(sortRole()), b = right.data(sortRole());
        if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
            return m_collator.compare(a.toString(), b.toString()) < 0;
        return QSortFilterProxyModel::lessThan(left, right);
    }

private:
    QCollator m_collator;
};

} // namespace warrant

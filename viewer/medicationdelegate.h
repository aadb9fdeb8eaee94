#pragma once

#include <QStyledItemDelegate>

/// The medication tree's typography: order rows (date and kind) bold, injection components
/// (base solution, additives) in a quieter colour under their mix.
class MedicationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

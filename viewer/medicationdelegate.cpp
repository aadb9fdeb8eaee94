#include "medicationdelegate.h"

#include "medicationmodel.h"

void MedicationDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.parent().isValid()) {
        option->font.setBold(true);
    } else if (!index.data(MedicationModel::ComponentRole).toString().isEmpty()) {
        option->palette.setColor(QPalette::Text, QColor(0x4a, 0x55, 0x60));
    }
}

#include "labflagdelegate.h"

#include "labresultsmodel.h"

void LabFlagDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString flag = index.data(LabResultsModel::FlagRole).toString();
    if (flag.isEmpty())
        return;
    QColor color;
    if (flag.startsWith(QLatin1Char('H')))
        color = highColor();
    else if (flag.startsWith(QLatin1Char('L')))
        color = lowColor();
    else
        color = highColor(); // "A" (abnormal, no direction)
    option->palette.setColor(QPalette::Text, color);
    option->palette.setColor(QPalette::HighlightedText, color); // the selection is pale
    option->font.setBold(true);
}

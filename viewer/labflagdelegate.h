#pragma once

#include <QStyledItemDelegate>

/// Draws lab values flagged high in a muted red and low in a muted blue (bold, so the flag
/// also reads on a grey-scale print or for colour-blind readers, next to the H/L letter).
class LabFlagDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor highColor() { return QColor(0xb0, 0x3a, 0x2e); }
    static QColor lowColor() { return QColor(0x1f, 0x5f, 0xa8); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

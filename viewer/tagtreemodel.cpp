#include "tagtreemodel.h"

#include <QFontDatabase>

TagTreeModel::TagTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void TagTreeModel::setEntries(const QList<Dicom::TagEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_topLevel.clear();
    m_children = QList<QList<int>>(m_entries.size());
    m_row = QList<int>(m_entries.size(), 0);
    for (int i = 0; i < m_entries.size(); ++i) {
        const int p = m_entries[i].parent;
        // A parent always precedes its children in a dump; anything else is treated as top level.
        QList<int> &siblings = p >= 0 && p < i ? m_children[p] : m_topLevel;
        m_row[i] = int(siblings.size());
        siblings.append(i);
    }
    endResetModel();
}

const QList<int> &TagTreeModel::childrenOf(int entry) const
{
    return entry < 0 ? m_topLevel : m_children[entry];
}

const Dicom::TagEntry *TagTreeModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_entries[int(index.internalId())];
}

QModelIndex TagTreeModel::findTag(quint16 group, quint16 element) const
{
    for (int i = 0; i < m_topLevel.size(); ++i) {
        const Dicom::TagEntry &e = m_entries[m_topLevel[i]];
        if (e.group == group && e.element == element && e.kind != Dicom::TagEntry::Kind::Item)
            return index(i, 0);
    }
    return {};
}

QModelIndex TagTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &rows = childrenOf(parent.isValid() ? int(parent.internalId()) : -1);
    if (row < 0 || row >= rows.size())
        return {};
    return createIndex(row, column, quintptr(rows[row]));
}

QModelIndex TagTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_entries[int(child.internalId())].parent;
    if (p < 0 || p >= m_entries.size())
        return {};
    return createIndex(m_row[p], 0, quintptr(p));
}

int TagTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) : -1).size());
}

int TagTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TagTreeModel::data(const QModelIndex &index, int role) const
{
    const Dicom::TagEntry *e = entry(index);
    if (!e)
        return {};
    const bool item = e->kind == Dicom::TagEntry::Kind::Item;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TagColumn: return item ? tr("Item %1").arg(e->item + 1) : e->tagText();
        case VrColumn: return e->vr;
        case KeywordColumn: return e->keyword;
        case ValueColumn: return e->value;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ValueColumn ? e->value : QVariant();
    case Qt::FontRole:
        if (index.column() == TagColumn || index.column() == VrColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case SearchRole: {
        if (item)
            return QString();
        const QString compact = QStringLiteral("%1%2")
                                    .arg(e->group, 4, 16, QLatin1Char('0'))
                                    .arg(e->element, 4, 16, QLatin1Char('0'));
        return QStringList{e->tagText(), compact, e->keyword, e->value}.join(u' ');
    }
    default:
        return {};
    }
}

QVariant TagTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TagColumn: return tr("Tag");
    case VrColumn: return tr("VR");
    case KeywordColumn: return tr("Name");
    case ValueColumn: return tr("Value");
    }
    return {};
}

Qt::ItemFlags TagTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (rowCount(index.siblingAtColumn(0)) == 0)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

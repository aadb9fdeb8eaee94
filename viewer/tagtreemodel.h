#pragma once

#include "tagdump.h"

#include <QAbstractItemModel>
#include <QList>

/// The attributes of one DICOM object as a tree: sequences hold their items, items their
/// attributes. Columns: tag, VR, keyword, value. SearchRole gives the text the tag
/// browser filters on (tag with and without punctuation, keyword, value).
class TagTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { TagColumn, VrColumn, KeywordColumn, ValueColumn, ColumnCount };
    enum Role { SearchRole = Qt::UserRole + 1 };

    explicit TagTreeModel(QObject *parent = nullptr);

    void setEntries(const QList<Dicom::TagEntry> &entries);
    const QList<Dicom::TagEntry> &entries() const { return m_entries; }
    /// The entry behind @p index (any column); null for an invalid index.
    const Dicom::TagEntry *entry(const QModelIndex &index) const;
    /// The first top-level row of @p group,@p element (invalid when absent).
    QModelIndex findTag(quint16 group, quint16 element) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    const QList<int> &childrenOf(int entry) const;

    QList<Dicom::TagEntry> m_entries;
    QList<int> m_topLevel;
    QList<QList<int>> m_children; ///< per entry
    QList<int> m_row;             ///< per entry: its row under its parent
};

#pragma once

#include "clinicalrecord.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QList>

/// Prescription and injection orders (MedicationRequest) as a tree: order groups by order
/// date (newest first), their drugs below, and for injections the base solution and
/// additives below each mix.
class MedicationModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { DrugColumn, DoseColumn, UsageColumn, DaysColumn, RouteColumn, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, ///< MedicationRequest id (drug and ingredient rows)
        KindRole,                        ///< int(ClinicalRecord::Kind)
        OrderDateRole,                   ///< QDate of the order
        ComponentRole,                   ///< ingredient rows: "base" or "additive"
        FacilityRole,
    };

    explicit MedicationModel(QObject *parent = nullptr);

    /// Adds the MedicationRequests among \a records; others are ignored.
    void appendRecords(const QList<ClinicalRecord> &records);
    void clear();

    /// The drug row of the MedicationRequest \a recordId, or an invalid index.
    QModelIndex indexOfRecord(const QString &recordId) const;
    /// The first order group of \a kind on \a date (or the nearest earlier one).
    QModelIndex groupIndex(const QDate &date, ClinicalRecord::Kind kind) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int parent = -1;
        QList<int> children;
        QString texts[ColumnCount];
        QString recordId;
        ClinicalRecord::Kind kind = ClinicalRecord::Kind::Prescriptions;
        QDate date;
        QString orderKey;
        QString component;
        QString facilityId;
    };

    int addNode(Node node);
    int groupFor(const ClinicalRecord &record);
    void addRequest(const ClinicalRecord &record);
    int nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(int node, int column = 0) const;

    QList<Node> m_nodes;
    QList<int> m_groups; ///< top-level nodes, newest first
};

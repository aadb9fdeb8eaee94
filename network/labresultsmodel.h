#pragma once

#include "clinicalrecord.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

/// Laboratory results as clinicians read them on paper: one row per test, one column per
/// time of collection (newest first, next to the reference range), from Observation records
/// of category laboratory. Colours are the view's business; the model says H or L.
class LabResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TestColumn, RangeColumn, FirstDateColumn };
    enum Role {
        FlagRole = Qt::UserRole + 1, ///< "H", "L", "HH", "LL", "A" or empty
        Jlac10Role,                  ///< the test's JLAC10 code (empty when coded locally only)
        RecordIdRole,                ///< Observation id of the cell
        DateTimeRole,                ///< column's collection time (also on the header)
        ValueRole,                   ///< the value alone, without unit
        UnitRole,
        FacilityRole,
    };

    explicit LabResultsModel(QObject *parent = nullptr);

    /// Adds the laboratory Observations among \a records; others are ignored.
    void appendRecords(const QList<ClinicalRecord> &records);
    void clear();

    /// The column of collection time \a time, or -1.
    int columnOf(const QDateTime &time) const;
    /// The cell showing the Observation \a recordId, or an invalid index.
    QModelIndex indexOfRecord(const QString &recordId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        QString recordId;
        QString value;
        QString unit;
        QString flag;
        QString facilityId;
    };
    struct Test
    {
        QString key;
        QString name;
        QString jlac10;
        QString range;
        QString unit;
        QHash<qint64, Cell> cells; ///< by collection time (ms since epoch)
    };

    QList<Test> m_tests;
    QList<QDateTime> m_times; ///< columns from FirstDateColumn on, newest first
    QList<bool> m_timeHasClock;
};

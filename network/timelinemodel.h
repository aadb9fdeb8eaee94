#pragma once

#include "clinicalrecord.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

/// The patient's records, one row each, in arrival order (the hub sends them by clinical
/// date). Pages are appended as they arrive; the timeline widget and the list views read it.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DateColumn, KindColumn, FacilityColumn, TitleColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(ClinicalRecord::Kind)
        DateRole,                    ///< QDateTime, invalid when the record has none
        DayValueRole,                ///< double: ClinicalRecord::dayValue()
        FacilityRole,                ///< facility id
        TitleRole,
        IsAbnormalRole,
        IsNewRole,
        IsDisplayableRole,
        RecordIdRole,
        ResourceTypeRole,
    };

    explicit TimelineModel(QObject *parent = nullptr);

    void appendRecords(const QList<ClinicalRecord> &records);
    void clear();
    const QList<ClinicalRecord> &records() const { return m_records; }
    const ClinicalRecord &record(int row) const { return m_records.at(row); }
    /// The row of the record with \a id, or -1.
    int rowOf(const QString &id) const;

    /// Records changed (meta.lastUpdated) after \a time are "new since my last view".
    void setLastViewed(const QDateTime &time);
    QDateTime lastViewed() const { return m_lastViewed; }
    /// Records the hub stored after the last view (its $everything?_since answer) are new too,
    /// whether or not they carry meta.lastUpdated.
    void setNewRecordIds(const QSet<QString> &ids);
    bool isNew(int row) const;
    /// How many records are new.
    int newCount() const;

    /// Facility ids in order of first appearance (the legend's order).
    QStringList facilities() const { return m_facilities; }
    /// Display names for facility ids (from /fhir/Organization or the patient's identifiers).
    void setFacilityNames(const QHash<QString, QString> &names);
    QString facilityName(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void facilitiesChanged();
    /// Which records are new changed (last view time or new ids).
    void newRecordsChanged();

private:
    QList<ClinicalRecord> m_records;
    QStringList m_facilities;
    QHash<QString, QString> m_facilityNames;
    QDateTime m_lastViewed;
    QSet<QString> m_newIds;
};

/// "2011/12/20" or "2011/12/20 15:00": how record dates are shown everywhere.
QString recordDateText(const ClinicalRecord &record);

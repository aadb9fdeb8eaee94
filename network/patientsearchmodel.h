#pragma once

#include "patientsummary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

/// The patients a search found, one row each. Qt::UserRole holds a sortable raw value per
/// column, so a QSortFilterProxyModel with sortRole Qt::UserRole sorts dates as dates and
/// names by their reading (kana).
class PatientSearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KanaColumn, PatientIdColumn, BirthDateColumn, SexColumn,
                  FacilitiesColumn, ColumnCount };

    enum Role {
        SortRole = Qt::UserRole,
        PatientIdRole = Qt::UserRole + 1,
        NameRole,
        KanaRole,
        BirthDateRole,  ///< QDate
        GenderRole,     ///< FHIR code
        FacilitiesRole, ///< QStringList
        LocalIdsRole,   ///< QStringList
        AgeRole,        ///< int, -1 when unknown
    };
    Q_ENUM(Role)

    explicit PatientSearchModel(QObject *parent = nullptr);

    void setPatients(QList<PatientSummary> patients);
    void clear();
    QList<PatientSummary> patients() const { return m_patients; }
    /// The patient of \a index's row; an empty summary for an invalid index.
    PatientSummary patient(const QModelIndex &index) const;

    /// The date ages are computed for; the current date unless set (tests fix it).
    void setToday(QDate today);
    QDate today() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// "1948-03-02 (age 78)", translated ("1948/03/02 (78歳)").
    static QString birthDateText(QDate birth, QDate today);
    /// 男 / 女 / その他 / 不明 for the FHIR gender codes (translated).
    static QString sexText(const QString &gender);
    /// Disclosing facilities, each once, joined by "、".
    static QString facilitiesText(const QStringList &facilities);

private:
    QVariant displayData(const PatientSummary &patient, int column) const;
    QVariant sortData(const PatientSummary &patient, int column) const;

    QList<PatientSummary> m_patients;
    QDate m_today;
};

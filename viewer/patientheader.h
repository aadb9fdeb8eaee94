#pragma once

#include "clinicalrecord.h"
#include "patientsummary.h"

#include <QDate>
#include <QWidget>

class QLabel;

/// Who this record belongs to, always on top of the record view: name (kanji and kana), ID,
/// age, sex, the disclosing facilities, and the allergies known so far.
class PatientHeader : public QWidget
{
    Q_OBJECT

public:
    explicit PatientHeader(QWidget *parent = nullptr);

    void setPatient(const PatientSummary &patient);
    /// Adds the allergies among \a records (pages arrive one by one).
    void addRecords(const QList<ClinicalRecord> &records);
    void clearAllergies();
    /// "新着 N件 (since your last view on …)"; hidden when \a lastViewed is invalid (the
    /// first view, or a hub that does not tell).
    void setNewRecords(int count, const QDateTime &lastViewed);
    /// The date ages are computed for; the current date unless set (tests fix it).
    void setToday(QDate today) { m_today = today; }

private:
    void updateAllergies();

    QLabel *m_name = nullptr;
    QLabel *m_kana = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_facilities = nullptr;
    QLabel *m_allergies = nullptr;
    QLabel *m_new = nullptr;
    QStringList m_allergyNames;
    QDate m_today;
};

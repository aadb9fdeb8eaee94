#pragma once

#include "clinicalrecord.h"
#include "huberror.h"
#include "patientsummary.h"

#include <QPointer>
#include <QWidget>

class EverythingFetch;
class HubSession;
class LabResultsModel;
class LabResultsView;
class MedicationModel;
class MessageLabel;
class PatientHeader;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeView;
class RecordDetailView;
class TimelineModel;
class TimelineWidget;

/// One patient's shared record: the header, the timeline with its lane filters, and the
/// detail of the selected record below (lab table, medication list, or a generic view).
/// The record is fetched page by page and drawn as it arrives; errors show inline.
class PatientRecordView : public QWidget
{
    Q_OBJECT

public:
    explicit PatientRecordView(HubSession *session, QWidget *parent = nullptr);
    ~PatientRecordView() override;

    /// Shows \a patient and starts fetching the record (dropping any previous one).
    void openPatient(const PatientSummary &patient);
    /// Stops fetching and forgets the patient's data (nothing is kept after leaving).
    void closePatient();

    PatientSummary patient() const { return m_patient; }
    EverythingFetch *fetch() const { return m_fetch; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    LabResultsModel *labModel() const { return m_labModel; }
    MedicationModel *medicationModel() const { return m_medicationModel; }
    TimelineWidget *timeline() const { return m_timeline; }
    /// The detail page on show: "placeholder", "labTable", "medicationView", "recordDetail".
    QString currentDetailPage() const;
    /// Opens the referral packet dialog (objectName "referralDialog") on the loaded record.
    void openReferralDialog();

Q_SIGNALS:
    void backRequested();
    /// The session expired and the user asked to log in again.
    void reloginRequested();

private:
    QWidget *createToolbar();
    QWidget *createFilters();
    QWidget *createDetailStack();
    void onPatientArrived(const QJsonObject &patient);
    void onPageArrived(const QList<ClinicalRecord> &records);
    void onFinished();
    void onFailed(const HubError &error);
    void showRecord(int row);
    bool showLab(const ClinicalRecord &record);
    bool showMedication(const ClinicalRecord &record);
    void updateProgress();

    QPointer<HubSession> m_session;
    EverythingFetch *m_fetch = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    LabResultsModel *m_labModel = nullptr;
    MedicationModel *m_medicationModel = nullptr;
    PatientSummary m_patient;

    PatientHeader *m_header = nullptr;
    TimelineWidget *m_timeline = nullptr;
    QList<QCheckBox *> m_filters;
    MessageLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_reloginButton = nullptr;
    QStackedWidget *m_details = nullptr;
    QLabel *m_placeholder = nullptr;
    LabResultsView *m_labPage = nullptr;
    QTableView *m_labTable = nullptr; ///< m_labPage's
    QTreeView *m_medicationView = nullptr;
    RecordDetailView *m_recordDetail = nullptr;
};

#pragma once

#include "clinicalrecord.h"
#include "huberror.h"
#include "patientsummary.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QWidget>

class DocumentFetch;
class DocumentView;
class EncryptedCache;
class EverythingFetch;
class LastViewedQuery;
class RecordCalendar;
class RecordDayProxy;
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
class KeyImages;

class PatientRecordView : public QWidget
{
    Q_OBJECT

public:
    explicit PatientRecordView(HubSession *session, QWidget *parent = nullptr);
    ~PatientRecordView() override;

    /// Shows \a patient and starts fetching the record (dropping any previous one).
    void openPatient(const PatientSummary &patient);
    /// Fetches the same patient again (after a lock or a new login) and selects the record
    /// that was selected, in the same view (timeline or calendar).
    void reload();
    /// Stops fetching and forgets the patient's data (nothing is kept after leaving).
    void closePatient();

    PatientSummary patient() const { return m_patient; }
    EverythingFetch *fetch() const { return m_fetch; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    /// Images marked in the image viewer while this patient is open; the referral packet
    /// prints them. Cleared with the patient.
    KeyImages *keyImages() const { return m_keyImages; }
    LabResultsModel *labModel() const { return m_labModel; }
    MedicationModel *medicationModel() const { return m_medicationModel; }
    TimelineWidget *timeline() const { return m_timeline; }
    RecordCalendar *calendar() const { return m_calendar; }
    /// The calendar's list of the selected day's records (a filter over the timeline model).
    RecordDayProxy *dayProxy() const { return m_dayProxy; }
    /// The fetch of what is new since the last view ($everything?_since=…).
    EverythingFetch *newRecordsFetch() const { return m_newFetch; }
    /// Shows the month calendar instead of the timeline (and back); both read the same model.
    void setCalendarShown(bool shown);
    bool isCalendarShown() const;
    DocumentFetch *documentFetch() const { return m_documentFetch; }
    DocumentView *documentView() const { return m_documentView; }
    /// Fetched documents are kept in \a cache (encrypted, wiped at logout) for this session.
    void setCache(EncryptedCache *cache);
    /// The detail page on show: "placeholder", "labTable", "medicationView", "recordDetail",
    /// "documentView".
    QString currentDetailPage() const;
    /// Opens the referral packet dialog (objectName "referralDialog") on the loaded record.
    void openReferralDialog();

Q_SIGNALS:
    void backRequested();
    /// The session expired and the user asked to log in again.
    void reloginRequested();
    /// "Show images" on an imaging record: open the study (Study Instance UID) from the hub.
    void imagingStudyRequested(const QString &studyInstanceUid);

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
    bool showDocument(const ClinicalRecord &record);
    void updateProgress();
    void startRecordFetch();
    void onDaySelected(QDate date);
    void showDayRow(const QModelIndex &proxyIndex);
    QWidget *createCalendarPage();

    QPointer<HubSession> m_session;
    EverythingFetch *m_fetch = nullptr;
    DocumentFetch *m_documentFetch = nullptr;
    LastViewedQuery *m_lastViewedQuery = nullptr;
    EverythingFetch *m_newFetch = nullptr;
    QDateTime m_lastViewed;
    QString m_resumeRecordId; ///< selected again once reload() has the record
    QSet<QString> m_newIds;
    RecordDayProxy *m_dayProxy = nullptr;
    TimelineModel *m_timelineModel = nullptr;
    KeyImages *m_keyImages = nullptr;
    LabResultsModel *m_labModel = nullptr;
    MedicationModel *m_medicationModel = nullptr;
    PatientSummary m_patient;

    PatientHeader *m_header = nullptr;
    TimelineWidget *m_timeline = nullptr;
    RecordCalendar *m_calendar = nullptr;
    QTableView *m_dayList = nullptr;
    QStackedWidget *m_views = nullptr;
    class QSplitter *m_splitter = nullptr;
    QWidget *m_calendarPage = nullptr;
    QList<QPushButton *> m_timelineOnlyButtons;
    QPushButton *m_timelineModeButton = nullptr;
    QPushButton *m_calendarModeButton = nullptr;
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
    DocumentView *m_documentView = nullptr;
};

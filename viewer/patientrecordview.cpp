#include "patientrecordview.h"

#include "documentfetch.h"
#include "documentview.h"
#include "everythingfetch.h"
#include "fhirjson.h"
#include "hubsession.h"
#include "keyimages.h"
#include "labresultsview.h"
#include "lastviewedquery.h"
#include "recordcalendar.h"
#include "recorddayproxy.h"
#include "labresultsmodel.h"
#include "medicationdelegate.h"
#include "medicationmodel.h"
#include "messagelabel.h"
#include "patientheader.h"
#include "recorddetailview.h"
#include "recordfilterbar.h"
#include "referralpacketdialog.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

/// A pale selection: flag colours and bold order rows stay readable in the selected row.
const QString kPaleSelection = QStringLiteral(
    "QAbstractItemView { selection-background-color: #d6e4f2; selection-color: #1f2d3a; }");

} // namespace

PatientRecordView::PatientRecordView(HubSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_fetch(new EverythingFetch(session, this))
    , m_documentFetch(new DocumentFetch(session, this))
    , m_lastViewedQuery(new LastViewedQuery(session, this))
    , m_newFetch(new EverythingFetch(session, this))
    , m_timelineModel(new TimelineModel(this))
    , m_keyImages(new KeyImages(this))
    , m_labModel(new LabResultsModel(this))
    , m_medicationModel(new MedicationModel(this))
{
    setObjectName(QStringLiteral("patientRecordView"));

    m_timeline = new TimelineWidget(this);
    m_timeline->setModel(m_timelineModel);
    connect(m_timeline, &TimelineWidget::recordSelected, this, &PatientRecordView::showRecord);

    m_status = new MessageLabel(this);
    m_status->setObjectName(QStringLiteral("recordStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("recordProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedSize(140, 6);
    m_progress->hide();
    m_reloginButton = new QPushButton(tr("Log in again"), this);
    m_reloginButton->setObjectName(QStringLiteral("reloginButton"));
    m_reloginButton->hide();
    connect(m_reloginButton, &QPushButton::clicked, this, &PatientRecordView::reloginRequested);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress, 0, Qt::AlignVCenter);
    statusRow->addWidget(m_reloginButton, 0, Qt::AlignVCenter);

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("recordSplitter"));
    splitter->setChildrenCollapsible(false);
    m_views = new QStackedWidget(this);
    m_views->setObjectName(QStringLiteral("recordViews"));
    m_views->addWidget(m_timeline);
    m_views->addWidget(createCalendarPage());
    // The stack's size hint is that of the page on show: a hidden page's policy is Ignored.
    m_calendarPage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    splitter->addWidget(m_views);
    splitter->addWidget(createDetailStack());
    // The timeline keeps its natural height; the reading area below gets the rest.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(6);
    layout->addWidget(createToolbar());
    layout->addWidget(createFilters());
    layout->addWidget(new RecordFilterBar(m_timelineModel, m_timeline, this));
    layout->addLayout(statusRow);
    layout->addWidget(splitter, 1);

    connect(m_fetch, &EverythingFetch::patientArrived, this, &PatientRecordView::onPatientArrived);
    connect(m_fetch, &EverythingFetch::pageArrived, this, &PatientRecordView::onPageArrived);
    connect(m_fetch, &EverythingFetch::finished, this, &PatientRecordView::onFinished);
    connect(m_fetch, &EverythingFetch::failed, this, &PatientRecordView::onFailed);

    // "New since my last view": the hub tells when this user last opened the record; what it
    // stored since then is fetched (_since) once the record is in.
    connect(m_lastViewedQuery, &LastViewedQuery::answered, this, [this](const QDateTime &time) {
        m_lastViewed = time;
        startRecordFetch();
    });
    connect(m_lastViewedQuery, &LastViewedQuery::failed, this, [this](const HubError &error) {
        if (error.kind == HubError::Kind::SessionExpired) {
            onFailed(error);
            return;
        }
        startRecordFetch(); // an older hub without $last-viewed: no 新着 marks, nothing else lost
    });
    connect(m_newFetch, &EverythingFetch::pageArrived, this, [this](const QList<ClinicalRecord> &records) {
        for (const ClinicalRecord &r : records)
            m_newIds.insert(r.id);
    });
    connect(m_newFetch, &EverythingFetch::finished, this, [this] {
        m_timelineModel->setNewRecordIds(m_newIds);
        m_header->setNewRecords(m_timelineModel->newCount(), m_lastViewed);
    });

    connect(m_documentFetch, &DocumentFetch::finished, m_documentView, &DocumentView::showContent);
    connect(m_documentFetch, &DocumentFetch::failed, this, [this](const HubError &error) {
        m_documentView->showError(error.message, error.detail);
        if (error.kind == HubError::Kind::SessionExpired)
            onFailed(error);
    });

    for (const QKeySequence &key : {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Escape)}) {
        auto *back = new QShortcut(key, this, this, &PatientRecordView::backRequested);
        back->setContext(Qt::WidgetWithChildrenShortcut);
    }
}

PatientRecordView::~PatientRecordView() = default;

QWidget *PatientRecordView::createToolbar()
{
    auto *bar = new QWidget(this);
    auto *back = new QPushButton(tr("← Back to search"), bar);
    back->setObjectName(QStringLiteral("backButton"));
    back->setToolTip(tr("Back to the patient search (Alt+Left, Esc)"));
    connect(back, &QPushButton::clicked, this, &PatientRecordView::backRequested);
    m_header = new PatientHeader(bar);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(16);
    layout->addWidget(back, 0, Qt::AlignTop);
    layout->addWidget(m_header, 1);
    auto *referral = new QPushButton(tr("Create referral packet…"), bar);
    referral->setObjectName(QStringLiteral("referralButton"));
    referral->setToolTip(tr("Print or export a referral packet for this patient (Ctrl+P)"));
    connect(referral, &QPushButton::clicked, this, &PatientRecordView::openReferralDialog);
    auto *shortcut = new QShortcut(QKeySequence::Print, this, this, &PatientRecordView::openReferralDialog);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    layout->addWidget(referral, 0, Qt::AlignTop);
    return bar;
}

QWidget *PatientRecordView::createFilters()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    auto *caption = new QLabel(tr("Show:"), row);
    caption->setStyleSheet(QStringLiteral("color: #6b7682;"));
    layout->addWidget(caption);
    for (int i = 0; i < ClinicalRecord::kKindCount; ++i) {
        const auto kind = ClinicalRecord::Kind(i);
        auto *box = new QCheckBox(clinicalKindLabel(kind), row);
        box->setObjectName(QStringLiteral("filter") + clinicalKindName(kind));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this, kind](bool on) { m_timeline->setKindVisible(kind, on); });
        m_filters << box;
        layout->addWidget(box);
    }
    layout->addStretch();
    auto addButton = [row, layout](const QString &text, const char *name, const QString &tip) {
        auto *button = new QPushButton(text, row);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(tip);
        button->setFocusPolicy(Qt::NoFocus); // keep the keyboard on the timeline
        button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        if (text.size() == 1) // − and +: square, not as wide as a word
            button->setFixedWidth(button->sizeHint().height() + 8);
        layout->addWidget(button);
        return button;
    };
    QPushButton *zoomOut = addButton(tr("−"), "zoomOutButton", tr("Zoom out (-, Ctrl+wheel)"));
    connect(zoomOut, &QPushButton::clicked, m_timeline, &TimelineWidget::zoomOut);
    QPushButton *zoomIn = addButton(tr("+"), "zoomInButton", tr("Zoom in (+, Ctrl+wheel)"));
    connect(zoomIn, &QPushButton::clicked, m_timeline, &TimelineWidget::zoomIn);
    connect(addButton(tr("Today"), "todayButton", tr("Jump to today (Home)")), &QPushButton::clicked, this, [this] {
        if (isCalendarShown())
            m_calendar->showToday();
        else
            m_timeline->jumpToToday();
    });
    QPushButton *fit = addButton(tr("Whole record"), "fitButton", tr("Show the whole record (End)"));
    connect(fit, &QPushButton::clicked, m_timeline, &TimelineWidget::fitAll);
    m_timelineOnlyButtons = {zoomOut, zoomIn, fit};
    layout->addSpacing(12);
    // Timeline ⇄ calendar: two views of the same record.
    m_timelineModeButton = addButton(tr("Timeline"), "timelineModeButton", tr("Show the timeline (Ctrl+1)"));
    m_calendarModeButton = addButton(tr("Calendar"), "calendarModeButton", tr("Show the month calendar (Ctrl+2)"));
    for (QPushButton *button : {m_timelineModeButton, m_calendarModeButton})
        button->setCheckable(true);
    m_timelineModeButton->setChecked(true);
    connect(m_timelineModeButton, &QPushButton::clicked, this, [this] { setCalendarShown(false); });
    connect(m_calendarModeButton, &QPushButton::clicked, this, [this] { setCalendarShown(true); });
    auto *toTimeline = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_1), this, this, [this] { setCalendarShown(false); });
    toTimeline->setContext(Qt::WidgetWithChildrenShortcut);
    auto *toCalendar = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_2), this, this, [this] { setCalendarShown(true); });
    toCalendar->setContext(Qt::WidgetWithChildrenShortcut);
    return row;
}

QWidget *PatientRecordView::createDetailStack()
{
    m_details = new QStackedWidget(this);
    m_details->setObjectName(QStringLiteral("detailStack"));

    m_placeholder = new QLabel(tr("Select a mark on the timeline to see the record here.\n"
                                  "←/→ move between records of a lane, ↑/↓ between lanes."),
                               m_details);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("color: #6b7682;"));

    m_labPage = new LabResultsView(m_labModel, m_timelineModel, m_details);
    m_labTable = m_labPage->table();

    m_medicationView = new QTreeView(m_details);
    m_medicationView->setObjectName(QStringLiteral("medicationView"));
    m_medicationView->setModel(m_medicationModel);
    m_medicationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_medicationView->setAlternatingRowColors(true);
    m_medicationView->setItemDelegate(new MedicationDelegate(m_medicationView));
    m_medicationView->setStyleSheet(kPaleSelection);
    m_medicationView->setUniformRowHeights(true);
    m_medicationView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_medicationView->header()->setStretchLastSection(true);
    connect(m_medicationModel, &QAbstractItemModel::modelReset, m_medicationView, &QTreeView::expandAll);

    m_recordDetail = new RecordDetailView(m_details);
    connect(m_recordDetail, &RecordDetailView::imagesRequested, this, &PatientRecordView::imagingStudyRequested);
    m_documentView = new DocumentView(m_details);

    m_details->addWidget(m_placeholder);
    m_details->addWidget(m_labPage);
    m_details->addWidget(m_medicationView);
    m_details->addWidget(m_recordDetail);
    m_details->addWidget(m_documentView);
    return m_details;
}

QString PatientRecordView::currentDetailPage() const
{
    // The lab page is the table with its trend chart; callers know it as the table.
    if (m_details->currentWidget() == m_labPage)
        return m_labTable->objectName();
    return m_details->currentWidget()->objectName();
}

void PatientRecordView::openReferralDialog()
{
    if (m_patient.id.isEmpty())
        return;
    QHash<QString, QString> names;
    for (const QString &id : m_timelineModel->facilities())
        names.insert(id, m_timelineModel->facilityName(id));
    auto *dialog = new ReferralPacketDialog(m_session, m_patient, m_timelineModel->records(), names, this,
                                           m_keyImages);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PatientRecordView::setCache(EncryptedCache *cache)
{
    m_documentFetch->setCache(cache);
}

void PatientRecordView::openPatient(const PatientSummary &patient)
{
    closePatient();
    m_patient = patient;
    m_header->setPatient(patient);
    m_status->showMessage(tr("Loading the shared record…"), MessageLabel::Tone::Busy);
    m_progress->setRange(0, 0);
    m_progress->show();
    // Asked first: once the record is fetched, the hub's answer would be this very view.
    m_lastViewedQuery->start(patient.id);
    if (isCalendarShown())
        m_calendar->setFocus();
    else
        m_timeline->setFocus();
}

void PatientRecordView::reload()
{
    if (m_patient.id.isEmpty())
        return;
    const int selected = m_timeline->selectedRow();
    // A reload cut short (the session expired on the way) still owes the earlier selection.
    const QString id = selected >= 0 ? m_timelineModel->record(selected).id : m_resumeRecordId;
    const QDate day = m_calendar->selectedDate();
    const PatientSummary patient = m_patient; // openPatient() clears m_patient first
    openPatient(patient);
    m_resumeRecordId = id;
    if (isCalendarShown() && day.isValid())
        m_calendar->setMonth(day);
}

void PatientRecordView::startRecordFetch()
{
    if (m_patient.id.isEmpty())
        return;
    m_fetch->start(m_patient.id);
}

void PatientRecordView::closePatient()
{
    m_fetch->cancel();
    m_lastViewedQuery->cancel();
    m_newFetch->cancel();
    m_lastViewed = QDateTime();
    m_newIds.clear();
    m_resumeRecordId.clear();
    m_documentFetch->cancel();
    // Nothing of the patient stays on screen after leaving, not even a packet being prepared.
    for (ReferralPacketDialog *dialog : findChildren<ReferralPacketDialog *>())
        dialog->close();
    m_patient = {};
    m_header->setPatient({});
    m_header->clearAllergies();
    m_header->setNewRecords(0, {});
    m_timelineModel->clear();
    m_keyImages->clear();
    m_dayProxy->setDate({});
    m_labModel->clear();
    m_medicationModel->clear();
    m_recordDetail->clear();
    m_documentView->clear();
    m_details->setCurrentWidget(m_placeholder);
    m_status->clearMessage();
    m_progress->hide();
    m_reloginButton->hide();
}

void PatientRecordView::onPatientArrived(const QJsonObject &patient)
{
    // The hub's Patient is fresher than the search row; keep the row when it cannot be read.
    QString error;
    if (const std::optional<PatientSummary> summary = parsePatient(patient, &error)) {
        m_patient = *summary;
        m_header->setPatient(m_patient);
    }
    QHash<QString, QString> names = FhirJson::facilityNamesOfPatient(patient);
    // Until the hub lists its Organizations, the user's own facility is at least known.
    if (m_session && !m_session->facilityId().isEmpty() && !names.contains(m_session->facilityId()))
        names.insert(m_session->facilityId(), m_session->facilityName());
    m_timelineModel->setFacilityNames(names);
}

void PatientRecordView::onPageArrived(const QList<ClinicalRecord> &records)
{
    m_timelineModel->appendRecords(records);
    m_labModel->appendRecords(records);
    m_medicationModel->appendRecords(records);
    m_header->addRecords(records);
    updateProgress();
}

void PatientRecordView::updateProgress()
{
    const int total = m_fetch->total();
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min(total, m_fetch->received() + 1)); // +1: the Patient
    }
    m_status->showMessage(tr("Loading the shared record… %1 records so far").arg(m_fetch->received()),
                          MessageLabel::Tone::Busy);
}

void PatientRecordView::onFinished()
{
    m_progress->hide();
    if (m_lastViewed.isValid()) {
        m_timelineModel->setLastViewed(m_lastViewed);
        m_header->setNewRecords(m_timelineModel->newCount(), m_lastViewed);
        m_newFetch->start(m_patient.id, m_lastViewed);
    }
    int unreadable = 0;
    int undated = 0;
    for (const ClinicalRecord &r : m_timelineModel->records()) {
        unreadable += r.displayable ? 0 : 1;
        undated += r.date.isValid() ? 0 : 1;
    }
    const int count = m_timelineModel->rowCount();
    QString text = count == 0 ? tr("No records are shared for this patient yet.")
                              : tr("%n record(s) from %1 facilities.", nullptr, count)
                                    .arg(m_timelineModel->facilities().size());
    if (undated > 0)
        text += QLatin1Char(' ') + tr("%n without a date (not on the timeline).", nullptr, undated);
    if (unreadable > 0)
        text += QLatin1Char(' ') + tr("%n could not be displayed.", nullptr, unreadable);
    m_status->showMessage(text, MessageLabel::Tone::Neutral);
    if (!m_resumeRecordId.isEmpty()) {
        const int row = m_timelineModel->rowOf(m_resumeRecordId);
        m_resumeRecordId.clear();
        if (row >= 0)
            m_timeline->selectRow(row);
    }
}

void PatientRecordView::onFailed(const HubError &error)
{
    m_progress->hide();
    if (error.kind == HubError::Kind::NotFound) {
        // Consent withdrawn: the record closes; only the explanation stays.
        const PatientSummary patient = m_patient;
        closePatient();
        m_header->setPatient(patient);
    }
    m_status->showMessage(error.message, MessageLabel::Tone::Error, error.detail);
    m_reloginButton->setVisible(error.kind == HubError::Kind::SessionExpired);
}

void PatientRecordView::showRecord(int row)
{
    if (row < 0 || row >= m_timelineModel->rowCount())
        return;
    const ClinicalRecord &record = m_timelineModel->record(row);
    if (record.displayable) {
        if (record.kind == ClinicalRecord::Kind::Labs && showLab(record))
            return;
        if ((record.kind == ClinicalRecord::Kind::Prescriptions
             || record.kind == ClinicalRecord::Kind::Injections) && showMedication(record))
            return;
        if (record.resourceType == QLatin1String("DocumentReference") && showDocument(record))
            return;
    }
    m_recordDetail->showRecord(record, m_timelineModel->facilityName(record.facilityId));
    m_details->setCurrentWidget(m_recordDetail);
}

QWidget *PatientRecordView::createCalendarPage()
{
    m_calendarPage = new QWidget(this);
    m_calendarPage->setObjectName(QStringLiteral("calendarPage"));
    m_calendar = new RecordCalendar(m_calendarPage);
    m_calendar->setModel(m_timelineModel);
    // The calendar counts what the timeline shows: the same kind, facility and period filters.
    m_calendar->setRowFilter([this](int row) { return m_timeline->isRowShown(row); });
    m_dayProxy = new RecordDayProxy(this);
    m_dayProxy->setSourceModel(m_timelineModel);
    m_dayProxy->setRowFilter([this](int row) { return m_timeline->isRowShown(row); });
    connect(m_timeline, &TimelineWidget::filtersChanged, this, [this] {
        m_calendar->refresh();
        m_dayProxy->refilter();
    });
    connect(m_calendar, &RecordCalendar::daySelected, this, &PatientRecordView::onDaySelected);

    m_dayList = new QTableView(m_calendarPage);
    m_dayList->setObjectName(QStringLiteral("dayList"));
    m_dayList->setModel(m_dayProxy);
    m_dayList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dayList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_dayList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dayList->setShowGrid(false);
    m_dayList->setWordWrap(false);
    m_dayList->verticalHeader()->hide();
    m_dayList->setColumnHidden(TimelineModel::DateColumn, true);
    m_dayList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_dayList->horizontalHeader()->setStretchLastSection(true);
    m_dayList->setStyleSheet(kPaleSelection);
    m_dayList->setMinimumWidth(340);
    connect(m_dayList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDayRow(current); });

    auto *layout = new QHBoxLayout(m_calendarPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_calendar, 3);
    layout->addWidget(m_dayList, 2);
    return m_calendarPage;
}

void PatientRecordView::setCalendarShown(bool shown)
{
    if (shown == isCalendarShown())
        return;
    m_timelineModeButton->setChecked(!shown);
    m_calendarModeButton->setChecked(shown);
    for (QPushButton *button : std::as_const(m_timelineOnlyButtons))
        button->setEnabled(!shown);
    if (shown) {
        // The month of the record in hand, else of the latest record, else this month.
        QDate month;
        if (m_timeline->selectedRow() >= 0)
            month = m_timelineModel->record(m_timeline->selectedRow()).date.date();
        for (int row = m_timelineModel->rowCount() - 1; !month.isValid() && row >= 0; --row) {
            if (m_timeline->isRowShown(row))
                month = m_timelineModel->record(row).date.date();
        }
        m_calendar->setMonth(month.isValid() ? month : m_calendar->today());
        m_calendarPage->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        m_timeline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_views->setCurrentWidget(m_calendarPage);
        // The month wants more height than the timeline's lanes: most of it, the detail keeps
        // a readable rest.
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int top = std::min(m_calendarPage->sizeHint().height(), total * 3 / 5);
        if (total > 0 && top > sizes.value(0))
            m_splitter->setSizes({top, total - top});
        m_calendar->setFocus();
    } else {
        m_timeline->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_calendarPage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_views->setCurrentWidget(m_timeline);
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int top = std::min(static_cast<QWidget *>(m_timeline)->sizeHint().height(), total);
        if (total > 0)
            m_splitter->setSizes({top, total - top});
        m_timeline->setFocus();
    }
}

bool PatientRecordView::isCalendarShown() const
{
    return m_views->currentWidget() == m_calendarPage;
}

void PatientRecordView::onDaySelected(QDate date)
{
    m_dayProxy->setDate(date);
    // The header sizes its ResizeToContents columns only when its own geometry changes, not
    // when rows come and go: without this, kind and facility stay elided to "検…", "信…".
    m_dayList->resizeColumnToContents(TimelineModel::KindColumn);
    m_dayList->resizeColumnToContents(TimelineModel::FacilityColumn);
    // The day's first record opens at once; the list beside the calendar offers the others.
    if (m_dayProxy->rowCount() > 0)
        m_dayList->setCurrentIndex(m_dayProxy->index(0, TimelineModel::TitleColumn));
}

void PatientRecordView::showDayRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const int row = m_dayProxy->mapToSource(proxyIndex).row();
    // Through the timeline, so both views agree on the selected record.
    m_timeline->selectRow(row);
    if (m_timeline->selectedRow() != row)
        showRecord(row);
}

bool PatientRecordView::showDocument(const ClinicalRecord &record)
{
    QString contentType;
    QString error;
    const QJsonObject attachment = record.raw.value(QLatin1String("content")).toArray().at(0).toObject()
                                       .value(QLatin1String("attachment")).toObject();
    // Without content to fetch (a document known only by its index entry) the generic view
    // shows what is known about it.
    if (DocumentFetch::binaryPath(record.raw, &contentType, &error).isEmpty()
        && !attachment.contains(QLatin1String("data")))
        return false;
    m_documentView->showLoading(record, m_timelineModel->facilityName(record.facilityId));
    m_details->setCurrentWidget(m_documentView);
    // A document is read, not glanced at: the timeline gives up height down to its minimum.
    if (!isCalendarShown()) {
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int top = static_cast<QWidget *>(m_timeline)->minimumSizeHint().height();
        if (total > 0 && sizes.value(0) > top && total - top > sizes.value(1))
            m_splitter->setSizes({top, total - top});
    }
    m_documentFetch->start(record);
    return true;
}

bool PatientRecordView::showLab(const ClinicalRecord &record)
{
    QModelIndex index = m_labModel->indexOfRecord(record.id);
    if (!index.isValid()) {
        // An order or report: the results of that day.
        for (int column = LabResultsModel::FirstDateColumn; column < m_labModel->columnCount(); ++column) {
            const QDateTime time = m_labModel->headerData(column, Qt::Horizontal, LabResultsModel::DateTimeRole).toDateTime();
            if (time.date() == record.date.date() && m_labModel->rowCount() > 0) {
                index = m_labModel->index(0, column);
                break;
            }
        }
    }
    if (!index.isValid())
        return false;
    m_details->setCurrentWidget(m_labPage);
    m_labTable->setCurrentIndex(index);
    m_labTable->scrollTo(index, QAbstractItemView::PositionAtCenter);
    // Keep the test names and ranges in view whenever the chosen date fits beside them: a value
    // without its test name is no use.
    QScrollBar *horizontal = m_labTable->horizontalScrollBar();
    const int columnRight = m_labTable->columnViewportPosition(index.column()) + horizontal->value()
        + m_labTable->columnWidth(index.column());
    if (columnRight <= m_labTable->viewport()->width())
        horizontal->setValue(0);
    return true;
}

bool PatientRecordView::showMedication(const ClinicalRecord &record)
{
    QModelIndex index = m_medicationModel->indexOfRecord(record.id);
    if (!index.isValid())
        index = m_medicationModel->groupIndex(record.date.date(), record.kind);
    if (!index.isValid())
        return false;
    m_details->setCurrentWidget(m_medicationView);
    m_medicationView->expandAll();
    // The order's date row on top, then the drug: the reader sees which order it belongs to.
    const QModelIndex group = index.parent().isValid() ? index.parent() : index;
    m_medicationView->scrollTo(group, QAbstractItemView::PositionAtTop);
    m_medicationView->setCurrentIndex(index);
    return true;
}

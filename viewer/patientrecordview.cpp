#include "patientrecordview.h"

#include "everythingfetch.h"
#include "fhirjson.h"
#include "hubsession.h"
#include "labresultsview.h"
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
#include <QHBoxLayout>
#include <QHeaderView>
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
    , m_timelineModel(new TimelineModel(this))
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

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("recordSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_timeline);
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
    connect(addButton(tr("−"), "zoomOutButton", tr("Zoom out (-, Ctrl+wheel)")), &QPushButton::clicked,
            m_timeline, &TimelineWidget::zoomOut);
    connect(addButton(tr("+"), "zoomInButton", tr("Zoom in (+, Ctrl+wheel)")), &QPushButton::clicked,
            m_timeline, &TimelineWidget::zoomIn);
    connect(addButton(tr("Today"), "todayButton", tr("Jump to today (Home)")), &QPushButton::clicked,
            m_timeline, &TimelineWidget::jumpToToday);
    connect(addButton(tr("Whole record"), "fitButton", tr("Show the whole record (End)")),
            &QPushButton::clicked, m_timeline, &TimelineWidget::fitAll);
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

    m_details->addWidget(m_placeholder);
    m_details->addWidget(m_labPage);
    m_details->addWidget(m_medicationView);
    m_details->addWidget(m_recordDetail);
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
    auto *dialog = new ReferralPacketDialog(m_session, m_patient, m_timelineModel->records(), names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PatientRecordView::openPatient(const PatientSummary &patient)
{
    closePatient();
    m_patient = patient;
    m_header->setPatient(patient);
    m_status->showMessage(tr("Loading the shared record…"), MessageLabel::Tone::Busy);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_fetch->start(patient.id);
    m_timeline->setFocus();
}

void PatientRecordView::closePatient()
{
    m_fetch->cancel();
    // Nothing of the patient stays on screen after leaving, not even a packet being prepared.
    for (ReferralPacketDialog *dialog : findChildren<ReferralPacketDialog *>())
        dialog->close();
    m_patient = {};
    m_header->setPatient({});
    m_header->clearAllergies();
    m_timelineModel->clear();
    m_labModel->clear();
    m_medicationModel->clear();
    m_recordDetail->clear();
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
    }
    m_recordDetail->showRecord(record, m_timelineModel->facilityName(record.facilityId));
    m_details->setCurrentWidget(m_recordDetail);
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

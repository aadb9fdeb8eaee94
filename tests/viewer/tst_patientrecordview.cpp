// PatientRecordView offscreen against a canned hub: the record loads progressively, each
// kind of mark opens its detail page, consent withdrawal closes the record, Esc goes back.

#include "cannedrecordhub.h"
#include "../../hub/demodocuments.h" // the demo network's discharge summaries
#include "documentfetch.h"
#include "documentview.h"
#include "patientheader.h"
#include "recordcalendar.h"
#include "recorddayproxy.h"
#include "everythingfetch.h"
#include "labresultsmodel.h"
#include "labtrendchart.h"
#include "medicationmodel.h"
#include "messagelabel.h"
#include "patientrecordview.h"
#include "recorddetailview.h"
#include "timelinemodel.h"
#include "timelinestyle.h"
#include "timelinewidget.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QTimeZone>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

class tst_PatientRecordView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsTheRecord();
    void labMarkOpensTheLabTable();
    void medicationMarkOpensTheList();
    void otherMarksOpenTheGenericDetail();
    void filterHidesALane();
    void selectedTestsShowTheirTrend();
    void facilityFilterHidesItsMarks();
    void datePresetLimitsTheMarks();
    void consentWithdrawnClosesTheRecord();
    void escapeGoesBack();
    void dischargeSummaryShowsAsReadableText();
    void malformedDocumentSaysSoAndTheRestStays();
    void calendarShowsTheSameRecords();
    void freeDateRangeFiltersBothViews();
    void newSinceLastViewIsHighlighted();
    void firstViewHasNoNewMarks();

private:
    void openAndWait();
    void select(const QString &id);

    std::unique_ptr<CannedHttpsServer> m_server;
    std::unique_ptr<HubSession> m_session;
    std::unique_ptr<PatientRecordView> m_view;
};

void tst_PatientRecordView::initTestCase()
{
    qRegisterMetaType<HubError>();
}

void tst_PatientRecordView::init()
{
    m_server = std::make_unique<CannedHttpsServer>();
    const QString error = CannedRecordHub::serve(*m_server);
    if (error == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_session = std::make_unique<HubSession>();
    QVERIFY(CannedRecordHub::logIn(*m_session, *m_server));
    m_view = std::make_unique<PatientRecordView>(m_session.get());
    m_view->resize(1200, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_PatientRecordView::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_server.reset();
}

void tst_PatientRecordView::openAndWait()
{
    QSignalSpy finished(m_view->fetch(), &EverythingFetch::finished);
    m_view->openPatient(CannedRecordHub::patient());
    QVERIFY(finished.wait(20000));
}

void tst_PatientRecordView::select(const QString &id)
{
    const int row = m_view->timelineModel()->rowOf(id);
    QVERIFY2(row >= 0, qPrintable(id));
    m_view->timeline()->selectRow(row);
}

void tst_PatientRecordView::loadsTheRecord()
{
    auto *status = m_view->findChild<MessageLabel *>(QStringLiteral("recordStatus"));
    QVERIFY(status);
    QSignalSpy pages(m_view->fetch(), &EverythingFetch::pageArrived);
    openAndWait();
    QCOMPARE(pages.size(), 2);
    QCOMPARE(m_view->timelineModel()->rowCount(), 55);
    QCOMPARE(m_view->labModel()->rowCount(), 3);
    QCOMPARE(m_view->medicationModel()->rowCount(), 3);
    QCOMPARE(status->tone(), MessageLabel::Tone::Neutral);
    QVERIFY2(status->text().contains(QLatin1String("55")), qPrintable(status->text()));
    // The patient's facility names come from the Patient's identifiers.
    QCOMPARE(m_view->timelineModel()->facilityName(QStringLiteral("hosp-nho")), QStringLiteral("テスト病院"));
    // Allergies are always visible in the header, dated or not.
    auto *allergies = m_view->findChild<QLabel *>(QStringLiteral("patientAllergies"));
    QVERIFY(allergies->text().contains(QStringLiteral("ペニシリン")));
    QVERIFY(allergies->text().contains(QStringLiteral("スギ")));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("placeholder"));
}

void tst_PatientRecordView::labMarkOpensTheLabTable()
{
    openAndWait();
    select(QStringLiteral("syn-lab-1"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("labTable"));
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("labTable"));
    const QModelIndex current = table->currentIndex();
    QCOMPARE(current.data().toString(), QStringLiteral("8.9 g/dl H"));
    QCOMPARE(current.data(LabResultsModel::FlagRole).toString(), QStringLiteral("H"));
    // A lab report (DiagnosticReport) opens the results of its day.
    select(QStringLiteral("0edc17eb532df4800811b43c-4"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("labTable"));
    QCOMPARE(table->currentIndex().column(), 3);
}

void tst_PatientRecordView::medicationMarkOpensTheList()
{
    openAndWait();
    select(QStringLiteral("0a0d54a94f7e6fc7dc5df94c-3"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("medicationView"));
    auto *tree = m_view->findChild<QTreeView *>(QStringLiteral("medicationView"));
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("アレピアチン１０倍散"));
    // An administration (no order of its own) opens the order of that day.
    select(QStringLiteral("6e2b136df6dda51660710e0d-1"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("medicationView"));
    QVERIFY(tree->currentIndex().data().toString().startsWith(QLatin1String("2011/07/01")));
}

void tst_PatientRecordView::otherMarksOpenTheGenericDetail()
{
    openAndWait();
    select(QStringLiteral("20dc1d80f00aeb65e1e624a6-1"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("recordDetail"));
    auto *detail = m_view->findChild<RecordDetailView *>(QStringLiteral("recordDetail"));
    QCOMPARE(detail->findChild<QLabel *>(QStringLiteral("recordDetailHeading"))->text(), QStringLiteral("胃炎"));
    QCOMPARE(detail->valueOf(QStringLiteral("Note")), QStringLiteral("主診断"));
    QCOMPARE(detail->valueOf(QStringLiteral("Code")), QStringLiteral("MEDIS 20054174 / ICD-10 K297"));
    QCOMPARE(detail->valueOf(QStringLiteral("Facility")), QStringLiteral("テスト病院"));
}

void tst_PatientRecordView::filterHidesALane()
{
    openAndWait();
    auto *labs = m_view->findChild<QCheckBox *>(QStringLiteral("filterLabs"));
    QVERIFY(labs);
    labs->setChecked(false);
    QVERIFY(!m_view->timeline()->lanes().contains(ClinicalRecord::Kind::Labs));
    labs->setChecked(true);
    QVERIFY(m_view->timeline()->lanes().contains(ClinicalRecord::Kind::Labs));
}

void tst_PatientRecordView::selectedTestsShowTheirTrend()
{
    openAndWait();
    select(QStringLiteral("syn-lab-1"));
    auto *chart = m_view->findChild<LabTrendChart *>(QStringLiteral("labTrendChart"));
    QVERIFY(chart);
    QVERIFY(chart->isVisible());
    // 総蛋白 from two facilities (page1 7.2 at テスト病院, page2 8.9 H at the clinic), oldest first.
    QList<LabTrendSeries> series = chart->series();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.at(0).name, QStringLiteral("総蛋白"));
    QCOMPARE(series.at(0).unit, QStringLiteral("g/dl"));
    QCOMPARE(series.at(0).points.size(), 2);
    const LabTrendPoint first = series.at(0).points.at(0);
    const LabTrendPoint second = series.at(0).points.at(1);
    QCOMPARE(first.value, 7.2);
    QCOMPARE(first.facilityId, QStringLiteral("hosp-nho"));
    QCOMPARE(first.flag, QString());
    QCOMPARE(first.time, QDateTime::fromString(QStringLiteral("2011-12-19T15:00:00+09:00"), Qt::ISODate));
    QCOMPARE(second.value, 8.9);
    QCOMPARE(second.facilityId, QStringLiteral("clinic-azumino"));
    QCOMPARE(second.flag, QStringLiteral("H"));

    // Ctrl+click on a second test adds its chart below, in the table's order.
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("labTable"));
    int albumin = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == QStringLiteral("アルブミン"))
            albumin = row;
    }
    QVERIFY(albumin >= 0);
    table->selectionModel()->select(table->model()->index(albumin, 0), QItemSelectionModel::Select);
    series = chart->series();
    QCOMPARE(series.size(), 2);
    QVERIFY(series.at(0).name == QStringLiteral("アルブミン") || series.at(1).name == QStringLiteral("アルブミン"));
    table->clearSelection();
    QVERIFY(chart->series().isEmpty());
}

void tst_PatientRecordView::facilityFilterHidesItsMarks()
{
    openAndWait();
    TimelineWidget *timeline = m_view->timeline();
    const int nho = m_view->timelineModel()->rowOf(QStringLiteral("0edc17eb532df4800811b43c-2"));
    const int clinic = m_view->timelineModel()->rowOf(QStringLiteral("syn-lab-1"));
    QVERIFY(timeline->markCenter(nho));
    const int all = timeline->filteredMarkCount();
    auto *box = m_view->findChild<QCheckBox *>(QStringLiteral("facilityFilterhosp-nho"));
    QVERIFY(box);
    QVERIFY(m_view->findChild<QCheckBox *>(QStringLiteral("facilityFilterclinic-azumino")));
    QCOMPARE(box->text(), QStringLiteral("テスト病院"));
    box->setChecked(false);
    QVERIFY(!timeline->markCenter(nho));
    QVERIFY(timeline->markCenter(clinic));
    QCOMPARE(timeline->filteredMarkCount(), 2); // the clinic's two lab values
    QVERIFY(timeline->filteredMarkCount() < all);
    QSignalSpy selected(timeline, &TimelineWidget::recordSelected);
    timeline->selectRow(nho); // a hidden mark cannot be selected
    QCOMPARE(selected.size(), 0);
    box->setChecked(true);
    QVERIFY(timeline->markCenter(nho));
    QCOMPARE(timeline->filteredMarkCount(), all);
}

void tst_PatientRecordView::datePresetLimitsTheMarks()
{
    openAndWait();
    TimelineWidget *timeline = m_view->timeline();
    timeline->setToday(QDate(2012, 6, 1));
    const int all = timeline->filteredMarkCount();
    auto *year = m_view->findChild<QPushButton *>(QStringLiteral("range1Year"));
    QVERIFY(year);
    QTest::mouseClick(year, Qt::LeftButton);
    QCOMPARE(timeline->dateFrom(), QDate(2011, 6, 2));
    QCOMPARE(timeline->dateTo(), QDate(2012, 6, 1));
    const int inYear = timeline->filteredMarkCount();
    QVERIFY2(inYear > 0 && inYear < all, qPrintable(QStringLiteral("%1 of %2").arg(inYear).arg(all)));
    const TimelineModel *model = m_view->timelineModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QDate date = model->record(row).date.date();
        if (!date.isValid())
            continue;
        const bool inRange = date >= QDate(2011, 6, 2) && date <= QDate(2012, 6, 1);
        QCOMPARE(timeline->markCenter(row).has_value(), inRange);
    }
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("range3Years")), Qt::LeftButton);
    QVERIFY(timeline->filteredMarkCount() >= inYear);
    QCOMPARE(timeline->dateFrom(), QDate(2009, 6, 2));
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("rangeAll")), Qt::LeftButton);
    QCOMPARE(timeline->filteredMarkCount(), all);
    QVERIFY(!timeline->dateFrom().isValid());
}

void tst_PatientRecordView::consentWithdrawnClosesTheRecord()
{
    m_server->setResponse(CannedRecordHub::kFirstPath,
                          {404, R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]})",
                           "application/fhir+json", {}});
    QSignalSpy failed(m_view->fetch(), &EverythingFetch::failed);
    m_view->openPatient(CannedRecordHub::patient());
    QVERIFY(failed.wait(20000));
    auto *status = m_view->findChild<MessageLabel *>(QStringLiteral("recordStatus"));
    QCOMPARE(status->tone(), MessageLabel::Tone::Error);
    QVERIFY(status->text().contains(QLatin1String("consent")));
    QCOMPARE(m_view->timelineModel()->rowCount(), 0);
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("patientName"))->text().contains(QStringLiteral("患者")));
}

void tst_PatientRecordView::escapeGoesBack()
{
    openAndWait();
    QSignalSpy back(m_view.get(), &PatientRecordView::backRequested);
    m_view->timeline()->setFocus();
    QTest::keyClick(m_view->timeline(), Qt::Key_Escape);
    QCOMPARE(back.size(), 1);
    QTest::keyClick(m_view->timeline(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(back.size(), 2);
    auto *button = m_view->findChild<QPushButton *>(QStringLiteral("backButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(back.size(), 3);
}

namespace {

QByteArray demoSummaryCda()
{
    const QTimeZone jst(9 * 3600);
    return DemoDocuments::dischargeSummaryCda(
        {QStringLiteral("hosp-nho"), QStringLiteral("テスト病院"), QStringLiteral("9999013"), QStringLiteral("患者"),
         QStringLiteral("太郎"), QStringLiteral("male"), QStringLiteral("1948-04-05"), QStringLiteral("高橋"),
         QStringLiteral("誠"), QDateTime(QDate(2011, 12, 19), QTime(10, 0), jst),
         QDateTime(QDate(2011, 12, 27), QTime(11, 0), jst), QDateTime(QDate(2011, 12, 27), QTime(14, 0), jst)});
}

} // namespace

void tst_PatientRecordView::dischargeSummaryShowsAsReadableText()
{
    CannedRecordHub::serveExtras(*m_server, demoSummaryCda(), "text/xml");
    openAndWait();
    select(QStringLiteral("syn-doc-1"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("documentView"));
    DocumentView *document = m_view->documentView();
    QTRY_COMPARE_WITH_TIMEOUT(document->currentPage(), QStringLiteral("text"), 20000);
    QCOMPARE(document->findChild<QLabel *>(QStringLiteral("documentHeading"))->text(), QStringLiteral("退院時サマリー"));
    const QString facts = document->findChild<QLabel *>(QStringLiteral("documentFacts"))->text();
    QVERIFY2(facts.contains(QStringLiteral("2011/12/27 14:00")), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral("高橋 誠")), qPrintable(facts));
    QVERIFY2(facts.contains(QStringLiteral("2011/12/19")), qPrintable(facts));
    // Every section of hub/demodocuments.h, in order, with its fixed text.
    const QString text = document->text();
    qsizetype at = 0;
    for (const char *section : DemoDocuments::kSections) {
        const qsizetype found = text.indexOf(QString::fromUtf8(section), at);
        QVERIFY2(found >= at, section);
        at = found;
    }
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kDiagnosisText)));
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kMedicationText)));
    QVERIFY(text.contains(QStringLiteral("入院期間8日")));
    QVERIFY(text.contains(QStringLiteral("患者 太郎")));
    // Another record and back: fetched once, then the same text.
    select(QStringLiteral("syn-lab-1"));
    select(QStringLiteral("syn-doc-1"));
    QTRY_COMPARE_WITH_TIMEOUT(document->currentPage(), QStringLiteral("text"), 20000);
    QCOMPARE(document->text(), text);
}

void tst_PatientRecordView::malformedDocumentSaysSoAndTheRestStays()
{
    CannedRecordHub::serveExtras(*m_server, QByteArray("<ClinicalDocument><title>退院"), "text/xml");
    openAndWait();
    select(QStringLiteral("syn-doc-1"));
    DocumentView *document = m_view->documentView();
    QTRY_COMPARE_WITH_TIMEOUT(document->currentPage(), QStringLiteral("message"), 20000);
    auto *message = document->findChild<MessageLabel *>(QStringLiteral("documentMessage"));
    QVERIFY(!message->text().isEmpty());
    QCOMPARE(message->tone(), MessageLabel::Tone::Error);
    // The rest of the record is untouched.
    QCOMPARE(m_view->timelineModel()->rowCount(), 55);
    select(QStringLiteral("syn-lab-1"));
    QCOMPARE(m_view->currentDetailPage(), QStringLiteral("labTable"));
}

void tst_PatientRecordView::calendarShowsTheSameRecords()
{
    openAndWait();
    auto *calendarButton = m_view->findChild<QPushButton *>(QStringLiteral("calendarModeButton"));
    QVERIFY(calendarButton);
    QTest::mouseClick(calendarButton, Qt::LeftButton);
    QVERIFY(m_view->isCalendarShown());
    RecordCalendar *calendar = m_view->calendar();
    QVERIFY(calendar->isVisible());
    QCOMPARE(calendar->model(), m_view->timelineModel()); // the same model, no copy
    // The latest dated record of the canned data is of 2012-12-20: its month opens first.
    QCOMPARE(calendar->month(), QDate(2012, 12, 1));
    // 2011-12-20 is the busiest day of page1/page2; what the calendar counts must be exactly
    // the model's records of that day, per kind.
    const QDate busy(2011, 12, 20);
    QHash<int, int> perKind;
    int onDay = 0;
    for (const ClinicalRecord &r : m_view->timelineModel()->records()) {
        if (r.date.isValid() && r.date.date() == busy) {
            ++onDay;
            ++perKind[int(r.kind)];
        }
    }
    QVERIFY(onDay >= 24);
    calendar->setMonth(QDate(2011, 12, 1));
    QCOMPARE(calendar->summary(busy).total, onDay);
    for (const RecordCalendar::KindCount &kc : calendar->summary(busy).kinds)
        QCOMPARE(kc.count, perKind.value(int(kc.kind)));
    QCOMPARE(calendar->summary(busy).kinds.size(), perKind.size());
    QTest::mouseClick(calendar->findChild<QWidget *>(QStringLiteral("calendarGrid")), Qt::LeftButton, {},
                      calendar->dayRect(QDate(2011, 12, 20)).center()
                          - calendar->findChild<QWidget *>(QStringLiteral("calendarGrid"))->pos());
    QCOMPARE(calendar->selectedDate(), busy);
    QCOMPARE(m_view->dayProxy()->rowCount(), onDay);
    // Kind and facility read in full, not elided to "検…": their columns fit the day's texts.
    auto *dayList = m_view->findChild<QTableView *>(QStringLiteral("dayList"));
    QVERIFY(dayList);
    for (int column : {int(TimelineModel::KindColumn), int(TimelineModel::FacilityColumn)}) {
        for (int row = 0; row < onDay; ++row) {
            const QString text = m_view->dayProxy()->index(row, column).data().toString();
            QVERIFY2(dayList->columnWidth(column) > dayList->fontMetrics().horizontalAdvance(text), qPrintable(text));
        }
    }
    // The day's first record is selected on the timeline too and its detail opens.
    const int first = m_view->dayProxy()->mapToSource(m_view->dayProxy()->index(0, 0)).row();
    QCOMPARE(m_view->timeline()->selectedRow(), first);
    QVERIFY(m_view->currentDetailPage() != QStringLiteral("placeholder"));
    // The kind filter applies to the calendar as well.
    m_view->findChild<QCheckBox *>(QStringLiteral("filterLabs"))->setChecked(false);
    QCOMPARE(calendar->summary(busy).total, onDay - perKind.value(int(ClinicalRecord::Kind::Labs)));
    for (const RecordCalendar::KindCount &kc : calendar->summary(busy).kinds)
        QVERIFY(kc.kind != ClinicalRecord::Kind::Labs);
    QCOMPARE(m_view->dayProxy()->rowCount(), onDay - perKind.value(int(ClinicalRecord::Kind::Labs)));
    // Ctrl+1 goes back to the timeline.
    QTest::keyClick(calendar, Qt::Key_1, Qt::ControlModifier);
    QVERIFY(!m_view->isCalendarShown());
    QVERIFY(m_view->timeline()->isVisible());
}

void tst_PatientRecordView::freeDateRangeFiltersBothViews()
{
    openAndWait();
    auto *from = m_view->findChild<QDateEdit *>(QStringLiteral("dateFromEdit"));
    auto *to = m_view->findChild<QDateEdit *>(QStringLiteral("dateToEdit"));
    QVERIFY(from && to);
    QVERIFY(from->calendarPopup() && to->calendarPopup());
    from->setDate(QDate(2011, 12, 20));
    to->setDate(QDate(2011, 12, 20));
    QCOMPARE(m_view->timeline()->dateFrom(), QDate(2011, 12, 20));
    QCOMPARE(m_view->timeline()->dateTo(), QDate(2011, 12, 20));
    int onDay = 0;
    for (const ClinicalRecord &r : m_view->timelineModel()->records())
        onDay += r.date.isValid() && r.date.date() == QDate(2011, 12, 20) ? 1 : 0;
    QCOMPARE(m_view->timeline()->filteredMarkCount(), onDay);
    QVERIFY(!m_view->findChild<QPushButton *>(QStringLiteral("rangeAll"))->isChecked());
    m_view->setCalendarShown(true);
    m_view->calendar()->setMonth(QDate(2011, 12, 1));
    QCOMPARE(m_view->calendar()->summary(QDate(2011, 12, 19)).total, 0); // outside the range
    QCOMPARE(m_view->calendar()->summary(QDate(2011, 12, 20)).total, onDay);
    // A preset puts its range into the edits.
    m_view->timeline()->setToday(QDate(2012, 6, 1));
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("range1Year")), Qt::LeftButton);
    QCOMPARE(from->date(), QDate(2011, 6, 2));
    QCOMPARE(to->date(), QDate(2012, 6, 1));
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("rangeAll")), Qt::LeftButton);
    QCOMPARE(from->text(), QStringLiteral("—"));
    QVERIFY(!m_view->timeline()->dateFrom().isValid());
}

void tst_PatientRecordView::newSinceLastViewIsHighlighted()
{
    const QDateTime lastViewed(QDate(2026, 1, 5), QTime(1, 30), QTimeZone::utc());
    CannedRecordHub::serveExtras(*m_server, demoSummaryCda(), "text/xml", lastViewed,
                                 {QStringLiteral("syn-lab-1"), QStringLiteral("syn-doc-1")});
    openAndWait();
    QTRY_COMPARE_WITH_TIMEOUT(m_view->timelineModel()->newCount(), 2, 20000);
    const TimelineModel *model = m_view->timelineModel();
    QVERIFY(model->index(model->rowOf(QStringLiteral("syn-lab-1")), 0).data(TimelineModel::IsNewRole).toBool());
    QVERIFY(!model->index(model->rowOf(QStringLiteral("0edc17eb532df4800811b43c-2")), 0).data(TimelineModel::IsNewRole).toBool());
    QCOMPARE(model->lastViewed(), lastViewed);
    // The hub was asked for the last view before the record, then for what is new since.
    QStringList paths;
    for (const CannedHttpsServer::Request &request : m_server->requests())
        paths << QString::fromLatin1(request.path);
    const qsizetype asked = paths.indexOf(QString::fromLatin1(CannedRecordHub::kLastViewedPath));
    QVERIFY(asked >= 0);
    QVERIFY(asked < paths.indexOf(QString::fromLatin1(CannedRecordHub::kFirstPath)));
    QVERIFY(paths.last().contains(QLatin1String("_since=2026-01-05T01:30:00.000Z")));
    // The header counts them.
    auto *label = m_view->findChild<QLabel *>(QStringLiteral("patientNewRecords"));
    QVERIFY(label && label->isVisible());
    QVERIFY2(label->text().contains(QLatin1String("2")), qPrintable(label->text()));
    // The calendar tags their days.
    const QDate labDay = model->record(model->rowOf(QStringLiteral("syn-lab-1"))).date.date();
    m_view->setCalendarShown(true);
    m_view->calendar()->setMonth(labDay);
    QVERIFY(m_view->calendar()->summary(labDay).newCount >= 1);
    // The timeline draws a halo behind a new mark: amber pixels around it.
    m_view->setCalendarShown(false);
    TimelineWidget *timeline = m_view->timeline();
    const std::optional<QPointF> centre = timeline->markCenter(model->rowOf(QStringLiteral("syn-lab-1")));
    QVERIFY(centre);
    const QImage image = timeline->grab().toImage();
    const QPoint halo = (*centre + QPointF(TimelineStyle::kMarkRadius + 3, 0)).toPoint() * image.devicePixelRatio();
    const QColor pixel = image.pixelColor(halo);
    QVERIFY2(pixel.red() > 200 && pixel.green() > 150 && pixel.blue() < 170,
             qPrintable(pixel.name()));
}

void tst_PatientRecordView::firstViewHasNoNewMarks()
{
    // No $last-viewed answer (an older hub: 404): the record loads as before, nothing is new.
    openAndWait();
    QCOMPARE(m_view->timelineModel()->rowCount(), 55);
    QCOMPARE(m_view->timelineModel()->newCount(), 0);
    QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("patientNewRecords"))->isVisible());
}

QTEST_MAIN(tst_PatientRecordView)
#include "tst_patientrecordview.moc"

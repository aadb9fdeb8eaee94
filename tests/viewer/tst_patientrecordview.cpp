// PatientRecordView offscreen against a canned hub: the record loads progressively, each
// kind of mark opens its detail page, consent withdrawal closes the record, Esc goes back.

#include "cannedrecordhub.h"
#include "everythingfetch.h"
#include "labresultsmodel.h"
#include "labtrendchart.h"
#include "medicationmodel.h"
#include "messagelabel.h"
#include "patientrecordview.h"
#include "recorddetailview.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QCheckBox>
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

QTEST_MAIN(tst_PatientRecordView)
#include "tst_patientrecordview.moc"

// TimelineWidget offscreen: lanes, zoom, keyboard selection and filters, fed from the
// $everything pages under tests/network/data/everything/.

#include "clinicalrecord.h"
#include "timelineaxis.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using Kind = ClinicalRecord::Kind;

namespace {

QList<ClinicalRecord> page(const char *name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    EverythingPage result;
    QString error;
    if (!parseEverythingPage(file.readAll(), &result, &error))
        qFatal("%s", qPrintable(error));
    return result.records;
}

} // namespace

class tst_TimelineWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void marksInTheirLanes_data();
    void marksInTheirLanes();
    void undatedRecordsAreNotPlaced();
    void fitsTheRecordAsPagesArrive();
    void zoomChangesTheSpan();
    void axisAdaptsToTheSpan();
    void keyboardSelection();
    void clickSelects();
    void filtersHideLanes();

private:
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<TimelineWidget> m_widget;
};

void tst_TimelineWidget::init()
{
    m_model = std::make_unique<TimelineModel>();
    m_widget = std::make_unique<TimelineWidget>();
    m_widget->setToday(QDate(2026, 11, 24));
    m_widget->resize(1000, 420);
    m_widget->setModel(m_model.get());
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    m_model->appendRecords(page("page1.json"));
    m_model->appendRecords(page("page2.json"));
}

void tst_TimelineWidget::cleanup()
{
    m_widget.reset();
    m_model.reset();
}

void tst_TimelineWidget::marksInTheirLanes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("lab") << "0edc17eb532df4800811b43c-2" << Kind::Labs;
    QTest::newRow("injection order") << "48effd8ec4711f17702b1453-1" << Kind::Injections;
    QTest::newRow("prescription") << "0a0d54a94f7e6fc7dc5df94c-1" << Kind::Prescriptions;
    QTest::newRow("diagnosis") << "20dc1d80f00aeb65e1e624a6-1" << Kind::Diagnoses;
    QTest::newRow("admission") << "e2bcf232f806c7fe7b1316fb-1" << Kind::Admissions;
    QTest::newRow("ECG") << "318d50f152b67954575fbf8b-13" << Kind::Physiology;
    QTest::newRow("ultrasound") << "2e4413247e36347be084bd25-1" << Kind::Imaging;
    QTest::newRow("discharge summary") << "syn-doc-1" << Kind::Documents;
}

void tst_TimelineWidget::marksInTheirLanes()
{
    QFETCH(QString, id);
    QFETCH(Kind, kind);
    const int row = m_model->rowOf(id);
    const std::optional<QPointF> centre = m_widget->markCenter(row);
    QVERIFY(centre);
    QVERIFY(m_widget->laneRect(kind).contains(centre->toPoint()));
    QCOMPARE(m_widget->rowAt(centre->toPoint()) >= 0, true);
}

void tst_TimelineWidget::undatedRecordsAreNotPlaced()
{
    // ペニシリン has neither onsetDateTime nor recordedDate.
    QVERIFY(!m_widget->markCenter(m_model->rowOf(QStringLiteral("3990c4d093d438f8cf34129c-4"))));
}

void tst_TimelineWidget::fitsTheRecordAsPagesArrive()
{
    // The first view frames the care records: 2009-07-01 (injection order) to 2012-12-20
    // (endoscopy order); the allergy onsets back to 1996-01 are left out.
    QDate first = TimelineAxis::dateOf(m_widget->startDay());
    QDate last = TimelineAxis::dateOf(m_widget->startDay() + m_widget->visibleDays());
    QVERIFY2(first <= QDate(2009, 7, 1) && first >= QDate(2009, 1, 1), qPrintable(first.toString()));
    QVERIFY2(last >= QDate(2012, 12, 20) && last <= QDate(2013, 6, 1), qPrintable(last.toString()));
    const int endoscopy = m_model->rowOf(QStringLiteral("fa4ad8bb449635bf53ebcef9-1"));
    QVERIFY(m_widget->rect().contains(m_widget->markCenter(endoscopy)->toPoint()));

    // End: the whole record, 1996-01 (スギ) included.
    QTest::keyClick(m_widget.get(), Qt::Key_End);
    first = TimelineAxis::dateOf(m_widget->startDay());
    QVERIFY2(first <= QDate(1996, 1, 1) && first >= QDate(1995, 1, 1), qPrintable(first.toString()));
    const int cedar = m_model->rowOf(QStringLiteral("bd16333d84b3abb2b34f6029-1"));
    QVERIFY(m_widget->rect().contains(m_widget->markCenter(cedar)->toPoint()));
    QVERIFY(m_widget->rect().contains(m_widget->markCenter(endoscopy)->toPoint()));
}

void tst_TimelineWidget::zoomChangesTheSpan()
{
    QSignalSpy changed(m_widget.get(), &TimelineWidget::visibleRangeChanged);
    const double span = m_widget->visibleDays();
    QTest::keyClick(m_widget.get(), Qt::Key_Plus);
    QVERIFY(m_widget->visibleDays() < span * 0.8);
    QTest::keyClick(m_widget.get(), Qt::Key_Minus);
    QCOMPARE(qRound(m_widget->visibleDays()), qRound(span));
    QVERIFY(changed.size() >= 2);

    // Ctrl+wheel zooms around the cursor: the day under it stays put.
    const QPoint at(600, 100);
    const double before = m_widget->startDay() + (at.x() - 150) / m_widget->pixelsPerDay();
    QWheelEvent wheel(at, m_widget->mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_widget.get(), &wheel);
    QVERIFY(m_widget->visibleDays() < span * 0.6);
    const double after = m_widget->startDay() + (at.x() - 150) / m_widget->pixelsPerDay();
    QVERIFY(qAbs(after - before) < 0.01);

    // Limits: never narrower than a few days, never wider than decades.
    for (int i = 0; i < 60; ++i)
        m_widget->zoomIn();
    QCOMPARE(m_widget->visibleDays(), TimelineWidget::kMinVisibleDays);
    for (int i = 0; i < 60; ++i)
        m_widget->zoomOut();
    QCOMPARE(m_widget->visibleDays(), TimelineWidget::kMaxVisibleDays);

    // Home: today near the right edge.
    m_widget->setVisibleRange(0, 0 + 30);
    QTest::keyClick(m_widget.get(), Qt::Key_Home);
    const double today = TimelineAxis::dayOf(QDate(2026, 11, 24));
    QVERIFY(today > m_widget->startDay() && today < m_widget->startDay() + m_widget->visibleDays());
}

void tst_TimelineWidget::axisAdaptsToTheSpan()
{
    QCOMPARE(TimelineAxis::unitFor(100), TimelineAxis::Unit::Day);
    QCOMPARE(TimelineAxis::unitFor(10), TimelineAxis::Unit::Week);
    QCOMPARE(TimelineAxis::unitFor(1.0), TimelineAxis::Unit::Quarter); // 91 px a quarter
    QCOMPARE(TimelineAxis::unitFor(0.5), TimelineAxis::Unit::Year);
    QCOMPARE(TimelineAxis::unitFor(0.1), TimelineAxis::Unit::FiveYears);
    QCOMPARE(TimelineAxis::unitFor(0.02), TimelineAxis::Unit::TenYears);
    const auto ticks = TimelineAxis::ticks(TimelineAxis::dayOf(QDate(2011, 11, 15)),
                                           TimelineAxis::dayOf(QDate(2012, 2, 10)),
                                           TimelineAxis::Unit::Month);
    QCOMPARE(ticks.size(), 3);
    QCOMPARE(TimelineAxis::dateOf(ticks.at(0).day), QDate(2011, 12, 1));
    QVERIFY(ticks.at(1).major); // January
}

void tst_TimelineWidget::keyboardSelection()
{
    QSignalSpy selected(m_widget.get(), &TimelineWidget::recordSelected);
    m_widget->setFocus();
    // Start at the first lab result, then walk the lab lane by date.
    m_widget->selectRow(m_model->rowOf(QStringLiteral("0edc17eb532df4800811b43c-4")));
    QCOMPARE(selected.size(), 1);
    QTest::keyClick(m_widget.get(), Qt::Key_Right);
    QCOMPARE(selected.size(), 2);
    const int next = selected.last().first().toInt();
    QCOMPARE(m_model->record(next).kind, Kind::Labs);
    QVERIFY(m_model->record(next).dayValue() >= m_model->record(selected.first().first().toInt()).dayValue());
    QTest::keyClick(m_widget.get(), Qt::Key_Left);
    QCOMPARE(selected.last().first().toInt(), m_model->rowOf(QStringLiteral("0edc17eb532df4800811b43c-4")));

    // The last lab result, then Right stays put (no wrap-around).
    m_widget->selectRow(m_model->rowOf(QStringLiteral("syn-lab-2")));
    const int count = int(selected.size());
    QTest::keyClick(m_widget.get(), Qt::Key_Right);
    QCOMPARE(selected.size(), count);

    // Down moves to the nearest record in the next lane (physiology), Up back to labs.
    QTest::keyClick(m_widget.get(), Qt::Key_Down);
    QCOMPARE(m_model->record(m_widget->selectedRow()).kind, Kind::Physiology);
    QTest::keyClick(m_widget.get(), Qt::Key_Up);
    QCOMPARE(m_model->record(m_widget->selectedRow()).kind, Kind::Labs);
}

void tst_TimelineWidget::clickSelects()
{
    QSignalSpy selected(m_widget.get(), &TimelineWidget::recordSelected);
    const int row = m_model->rowOf(QStringLiteral("20dc1d80f00aeb65e1e624a6-1"));
    const QPoint at = m_widget->markCenter(row)->toPoint();
    QTest::mouseClick(m_widget.get(), Qt::LeftButton, {}, at);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toInt(), row);
}

void tst_TimelineWidget::filtersHideLanes()
{
    const QList<Kind> all = m_widget->lanes();
    QVERIFY(all.contains(Kind::Labs));
    const QRect physiologyBefore = m_widget->laneRect(Kind::Physiology);
    const int lab = m_model->rowOf(QStringLiteral("syn-lab-1"));
    m_widget->selectRow(lab);
    m_widget->setKindVisible(Kind::Labs, false);
    QVERIFY(!m_widget->lanes().contains(Kind::Labs));
    QVERIFY(m_widget->laneRect(Kind::Labs).isEmpty());
    QVERIFY(!m_widget->markCenter(lab));
    QCOMPARE(m_widget->selectedRow(), -1);
    // The lanes below move up into the freed space.
    QVERIFY(m_widget->laneRect(Kind::Physiology).top() <= physiologyBefore.top());
    m_widget->setKindVisible(Kind::Labs, true);
    QCOMPARE(m_widget->lanes(), all);
}

QTEST_MAIN(tst_TimelineWidget)
#include "tst_timelinewidget.moc"

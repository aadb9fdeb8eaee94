// RecordCalendar offscreen on hand-made records: the month grid starts on Sunday (日〜土),
// counts per day and kind over the same TimelineModel, tags new records, highlights today,
// and navigates by buttons, keys and clicks.

#include "recordcalendar.h"
#include "timelinemodel.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace {

ClinicalRecord record(const QString &id, ClinicalRecord::Kind kind, QDate date, const QString &facility)
{
    ClinicalRecord r;
    r.id = id;
    r.resourceType = QStringLiteral("Observation");
    r.kind = kind;
    r.date = QDateTime(date, QTime(9, 0), Qt::OffsetFromUTC, 9 * 3600);
    r.hasTime = true;
    r.facilityId = facility;
    r.title = id;
    return r;
}

} // namespace

class tst_RecordCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void gridStartsOnSunday();
    void countsPerDayAndKind();
    void rowFilterAndNewRecords();
    void navigation();
    void clickSelectsTheDay();
    void todayIsHighlighted();

private:
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<RecordCalendar> m_calendar;
};

void tst_RecordCalendar::init()
{
    using K = ClinicalRecord::Kind;
    m_model = std::make_unique<TimelineModel>();
    m_model->appendRecords({
        record(QStringLiteral("lab-1"), K::Labs, QDate(2025, 1, 15), QStringLiteral("hosp-a")),
        record(QStringLiteral("lab-2"), K::Labs, QDate(2025, 1, 15), QStringLiteral("hosp-a")),
        record(QStringLiteral("rx-1"), K::Prescriptions, QDate(2025, 1, 15), QStringLiteral("hosp-b")),
        record(QStringLiteral("doc-1"), K::Documents, QDate(2025, 1, 20), QStringLiteral("hosp-a")),
        record(QStringLiteral("lab-3"), K::Labs, QDate(2024, 12, 30), QStringLiteral("hosp-b")),
        record(QStringLiteral("lab-4"), K::Labs, QDate(2025, 3, 1), QStringLiteral("hosp-a")),
    });
    m_calendar = std::make_unique<RecordCalendar>();
    m_calendar->setToday(QDate(2025, 1, 20));
    m_calendar->setModel(m_model.get());
    m_calendar->setMonth(QDate(2025, 1, 1));
    m_calendar->resize(900, 560);
    m_calendar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_calendar.get()));
}

void tst_RecordCalendar::cleanup()
{
    m_calendar.reset();
    m_model.reset();
}

void tst_RecordCalendar::gridStartsOnSunday()
{
    // 1 January 2025 was a Wednesday: the grid opens on Sunday 29 December 2024.
    QCOMPARE(m_calendar->firstShownDay(), QDate(2024, 12, 29));
    QCOMPARE(m_calendar->firstShownDay().dayOfWeek(), 7);
    // Columns left to right 日 … 土: Sunday the 5th leftmost, Saturday the 4th rightmost.
    const QRect sunday = m_calendar->dayRect(QDate(2025, 1, 5));
    const QRect saturday = m_calendar->dayRect(QDate(2025, 1, 4));
    QCOMPARE(sunday.left(), m_calendar->dayRect(QDate(2024, 12, 29)).left());
    QVERIFY(saturday.left() > m_calendar->dayRect(QDate(2025, 1, 3)).left());
    QCOMPARE(saturday.top(), m_calendar->dayRect(QDate(2024, 12, 29)).top());
    QVERIFY(m_calendar->dayRect(QDate(2025, 3, 1)).isEmpty()); // not on January's grid
}

void tst_RecordCalendar::countsPerDayAndKind()
{
    using K = ClinicalRecord::Kind;
    const RecordCalendar::DaySummary day = m_calendar->summary(QDate(2025, 1, 15));
    QCOMPARE(day.total, 3);
    QCOMPARE(day.kinds.size(), 2);
    // In lane order: prescriptions before labs.
    QCOMPARE(day.kinds.at(0).kind, K::Prescriptions);
    QCOMPARE(day.kinds.at(0).count, 1);
    QCOMPARE(day.kinds.at(0).facilities, QList<int>{1}); // hosp-b: second facility seen
    QCOMPARE(day.kinds.at(1).kind, K::Labs);
    QCOMPARE(day.kinds.at(1).count, 2);
    QCOMPARE(day.kinds.at(1).facilities, QList<int>{0});
    QCOMPARE(m_calendar->summary(QDate(2024, 12, 30)).total, 1); // December's tail is shown
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 16)).total, 0);
    QCOMPARE(m_calendar->summary(QDate(2025, 3, 1)).total, 0);   // off the grid
    // Records arriving later (the next page) appear without anything else.
    m_model->appendRecords({record(QStringLiteral("lab-5"), K::Labs, QDate(2025, 1, 16), QStringLiteral("hosp-a"))});
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 16)).total, 1);
}

void tst_RecordCalendar::rowFilterAndNewRecords()
{
    m_calendar->setRowFilter([this](int row) { return m_model->record(row).kind != ClinicalRecord::Kind::Labs; });
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 15)).total, 1);
    QCOMPARE(m_calendar->summary(QDate(2024, 12, 30)).total, 0);
    m_calendar->setRowFilter({});
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 15)).newCount, 0);
    m_model->setNewRecordIds({QStringLiteral("lab-2"), QStringLiteral("doc-1")});
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 15)).newCount, 1);
    QCOMPARE(m_calendar->summary(QDate(2025, 1, 20)).newCount, 1);
}

void tst_RecordCalendar::navigation()
{
    QSignalSpy months(m_calendar.get(), &RecordCalendar::monthChanged);
    QTest::mouseClick(m_calendar->findChild<QToolButton *>(QStringLiteral("nextMonthButton")), Qt::LeftButton);
    QCOMPARE(m_calendar->month(), QDate(2025, 2, 1));
    QTest::mouseClick(m_calendar->findChild<QToolButton *>(QStringLiteral("previousMonthButton")), Qt::LeftButton);
    QTest::mouseClick(m_calendar->findChild<QToolButton *>(QStringLiteral("previousMonthButton")), Qt::LeftButton);
    QCOMPARE(m_calendar->month(), QDate(2024, 12, 1)); // across the year
    QCOMPARE(months.size(), 3);
    m_calendar->setFocus();
    QTest::keyClick(m_calendar.get(), Qt::Key_PageDown);
    QCOMPARE(m_calendar->month(), QDate(2025, 1, 1));
    QTest::keyClick(m_calendar.get(), Qt::Key_Home);
    QCOMPARE(m_calendar->selectedDate(), QDate(2025, 1, 20)); // today
    QTest::keyClick(m_calendar.get(), Qt::Key_Right);
    QCOMPARE(m_calendar->selectedDate(), QDate(2025, 1, 21));
    QTest::keyClick(m_calendar.get(), Qt::Key_Down);
    QCOMPARE(m_calendar->selectedDate(), QDate(2025, 1, 28));
    QTest::keyClick(m_calendar.get(), Qt::Key_Down); // into February: the month follows
    QCOMPARE(m_calendar->selectedDate(), QDate(2025, 2, 4));
    QCOMPARE(m_calendar->month(), QDate(2025, 2, 1));
    QTest::mouseClick(m_calendar->findChild<QToolButton *>(QStringLiteral("thisMonthButton")), Qt::LeftButton);
    QCOMPARE(m_calendar->month(), QDate(2025, 1, 1));
}

void tst_RecordCalendar::clickSelectsTheDay()
{
    QSignalSpy selected(m_calendar.get(), &RecordCalendar::daySelected);
    QWidget *grid = m_calendar->findChild<QWidget *>(QStringLiteral("calendarGrid"));
    QVERIFY(grid);
    QTest::mouseClick(grid, Qt::LeftButton, {}, m_calendar->dayRect(QDate(2025, 1, 15)).center() - grid->pos());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toDate(), QDate(2025, 1, 15));
    QCOMPARE(m_calendar->selectedDate(), QDate(2025, 1, 15));
    // A click on December's tail day selects it and turns to December.
    QTest::mouseClick(grid, Qt::LeftButton, {}, m_calendar->dayRect(QDate(2024, 12, 30)).center() - grid->pos());
    QCOMPARE(m_calendar->selectedDate(), QDate(2024, 12, 30));
    QCOMPARE(m_calendar->month(), QDate(2024, 12, 1));
}

void tst_RecordCalendar::todayIsHighlighted()
{
    const QImage image = m_calendar->grab().toImage();
    const qreal dpr = image.devicePixelRatio();
    // Inside today's cell, away from the number and the marks: the pale green of today.
    const QRect today = m_calendar->dayRect(QDate(2025, 1, 20));
    const QPoint inside = QPoint(today.right() - 5, today.bottom() - 5) * dpr;
    QCOMPARE(image.pixelColor(inside), QColor(0xe6, 0xf2, 0xee));
    const QRect other = m_calendar->dayRect(QDate(2025, 1, 21));
    const QPoint elsewhere = QPoint(other.right() - 5, other.bottom() - 5) * dpr;
    QVERIFY(image.pixelColor(elsewhere) != QColor(0xe6, 0xf2, 0xee));
}

QTEST_MAIN(tst_RecordCalendar)
#include "tst_recordcalendar.moc"

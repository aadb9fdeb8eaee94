// LabTrendChart offscreen: its facility-coloured points land on the referral trend chart
// it reuses (whose layout it mirrors), and H/L points are ringed.

#include "labtrendchart.h"
#include "referralpacket.h"
#include "referraltrendchart.h"
#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QTest>

namespace {

LabTrendSeries series(const QString &range)
{
    const QDateTime t(QDate(2020, 1, 1), QTime(9, 0), Qt::UTC);
    return {QStringLiteral("HbA1c"), QStringLiteral("%"), range,
            {{t, 6.1, QStringLiteral("a"), {}},
             {t.addDays(90), 7.4, QStringLiteral("b"), QStringLiteral("H")},
             {t.addDays(200), 5.0, QStringLiteral("a"), {}},
             {t.addDays(400), 6.6, QStringLiteral("b"), QStringLiteral("H")}}};
}

bool isChartInk(QRgb pixel)
{
    // renderTrendChart() draws line and dots in #1f4e79; antialiasing blends the edges.
    const QColor c(pixel);
    return std::abs(c.red() - 0x1f) < 40 && std::abs(c.green() - 0x4e) < 40 && std::abs(c.blue() - 0x79) < 40;
}

} // namespace

class tst_LabTrendChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsLandOnTheReusedChart_data();
    void pointsLandOnTheReusedChart();
    void pointsTakeTheFacilityColour();
};

void tst_LabTrendChart::pointsLandOnTheReusedChart_data()
{
    QTest::addColumn<QString>("range");
    QTest::newRow("with range band") << QStringLiteral("4.6-6.2");
    QTest::newRow("range wider than values") << QStringLiteral("1.0-12.0");
    QTest::newRow("no readable range") << QStringLiteral("陰性");
}

void tst_LabTrendChart::pointsLandOnTheReusedChart()
{
    QFETCH(QString, range);
    const LabTrendSeries s = series(range);
    QList<QDateTime> times;
    const std::optional<QImage> image = renderTrendChart(toReferralLabTest(s, &times), times);
    QVERIFY(image);
    const double scale = double(image->width()) / kTrendChartSize.width();
    for (int i = 0; i < s.points.size(); ++i) {
        const QPoint at = (LabTrendChart::chartPosition(s, i) * scale).toPoint();
        QVERIFY2(isChartInk(image->pixel(at)), qPrintable(QStringLiteral("point %1 at %2,%3").arg(i).arg(at.x()).arg(at.y())));
    }
}

void tst_LabTrendChart::pointsTakeTheFacilityColour()
{
    TimelineModel facilities;
    ClinicalRecord a;
    a.id = QStringLiteral("1");
    a.facilityId = QStringLiteral("a");
    ClinicalRecord b = a;
    b.id = QStringLiteral("2");
    b.facilityId = QStringLiteral("b");
    facilities.appendRecords({a, b});
    LabTrendChart chart;
    chart.setFacilitySource(&facilities);
    chart.resize(kTrendChartSize.width(), 24 + kTrendChartSize.height());
    const LabTrendSeries s = series(QStringLiteral("4.6-6.2"));
    chart.setSeries({s});
    QCOMPARE(chart.series().size(), 1);
    QImage shot(chart.size(), QImage::Format_RGB32);
    chart.render(&shot);
    for (int i = 0; i < s.points.size(); ++i) {
        const QPoint at = (QPointF(0, 24) + LabTrendChart::chartPosition(s, i)).toPoint();
        const QColor expected = TimelineStyle::facilityColor(s.points.at(i).facilityId == QLatin1String("a") ? 0 : 1);
        QCOMPARE(QColor(shot.pixel(at)), expected);
    }
}

QTEST_MAIN(tst_LabTrendChart)
#include "tst_labtrendchart.moc"

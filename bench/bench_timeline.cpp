// The timeline with 5,000 records over 10 years, offscreen: (a) $everything pages parsed,
// model filled and the first paint done ("click to painted" without the network), and
// (b) one repaint per zoom/scroll step over 200 steps. Prints milliseconds.

#include "clinicalrecord.h"
#include "everythingfetch.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kRecords = 5000;
constexpr int kSteps = 200;
const QDate kFirstDay(2016, 1, 1);

/// The canned $everything resources, the shapes a real record has.
QJsonArray templates()
{
    QJsonArray result;
    for (const char *name : {"page1.json", "page2.json"}) {
        QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        for (const QJsonValue entry : QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QLatin1String("resource")).toObject();
            if (resource.value(QLatin1String("resourceType")).toString() != QLatin1String("Patient"))
                result.append(resource);
        }
    }
    return result;
}

/// 5,000 resources cloned from the templates, as Bundle pages of JSON bytes sized as the
/// viewer asks for them: 200 first, then 1000 each.
QList<QByteArray> bundlePages(const QJsonArray &resources)
{
    QList<QByteArray> pages;
    QJsonArray entries;
    for (int i = 0; i < kRecords; ++i) {
        QJsonObject resource = resources.at(i % resources.size()).toObject();
        resource.insert(QLatin1String("id"), QStringLiteral("bench-%1").arg(i));
        entries.append(QJsonObject{{QLatin1String("resource"), resource}});
        const int pageSize = pages.isEmpty() ? EverythingFetch::kFirstPageSize
                                             : EverythingFetch::kPageSize;
        if (entries.size() == pageSize || i == kRecords - 1) {
            const QJsonObject bundle{{QLatin1String("resourceType"), QLatin1String("Bundle")},
                                     {QLatin1String("type"), QLatin1String("searchset")},
                                     {QLatin1String("total"), kRecords},
                                     {QLatin1String("entry"), entries}};
            pages << QJsonDocument(bundle).toJson(QJsonDocument::Compact);
            entries = {};
        }
    }
    return pages;
}

/// Spreads parsed records over 10 years and 4 facilities, deterministically (fixed seed),
/// in date order as the hub sends them.
void spread(QList<ClinicalRecord> &records, int first)
{
    QRandomGenerator rng(20260101u + quint32(first));
    static const QString facilities[] = {QStringLiteral("hosp-a"), QStringLiteral("hosp-b"),
                                         QStringLiteral("clinic-c"), QStringLiteral("clinic-d")};
    for (int i = 0; i < records.size(); ++i) {
        ClinicalRecord &r = records[i];
        const int day = (first + i) * 3652 / kRecords; // 10 years, in order
        r.date = QDateTime(kFirstDay.addDays(day), QTime(9 + int(rng.bounded(8)), 0), QTimeZone(9 * 3600));
        r.facilityId = facilities[rng.bounded(4)];
    }
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QList<QByteArray> pages = bundlePages(templates());

    QImage canvas(1400, 420, QImage::Format_ARGB32_Premultiplied);
    TimelineModel model;
    TimelineWidget widget;
    widget.resize(canvas.size());
    widget.setToday(kFirstDay.addYears(10));
    widget.setModel(&model);

    // (a) click to painted: parse each page, fill the model (each page refits the view, as
    // while the record arrives), then paint once.
    QElapsedTimer timer;
    timer.start();
    qint64 parseNs = 0;
    qint64 fillNs = 0;
    int received = 0;
    for (const QByteArray &json : pages) {
        QElapsedTimer step;
        step.start();
        EverythingPage page;
        QString error;
        if (!parseEverythingPage(json, &page, &error))
            qFatal("%s", qPrintable(error));
        spread(page.records, received);
        received += int(page.records.size());
        parseNs += step.nsecsElapsed();
        step.restart();
        model.appendRecords(page.records);
        fillNs += step.nsecsElapsed();
    }
    // One record in twenty is "new since the last view" (the 新着 halo), as after a hospital's
    // upload: those marks are drawn too.
    QSet<QString> newIds;
    for (int i = 0; i < kRecords; i += 20)
        newIds.insert(QStringLiteral("bench-%1").arg(i));
    model.setLastViewed(QDateTime(kFirstDay.addYears(9), QTime(0, 0), Qt::UTC));
    model.setNewRecordIds(newIds);
    QElapsedTimer paint;
    paint.start();
    widget.render(&canvas);
    const double paintMs = paint.nsecsElapsed() / 1e6;
    const double totalMs = timer.nsecsElapsed() / 1e6;
    std::printf("records: %d in %lld pages, 10 years, 4 facilities, widget %dx%d\n", received,
                qlonglong(pages.size()), canvas.width(), canvas.height());
    std::printf("(a) click-to-painted: %.1f ms (parse %.1f, model+marks %.1f, first paint %.1f)  target < 300 ms\n",
                totalMs, parseNs / 1e6, fillNs / 1e6, paintMs);

    // (b) repaint per step: zoom in 40, scroll 120 (both ways), zoom out 40 — days to decades.
    QList<double> times;
    for (int i = 0; i < kSteps; ++i) {
        if (i < 40)
            widget.zoomIn();
        else if (i < 160)
            widget.scrollByPixels(i < 100 ? 60 : -60);
        else
            widget.zoomOut();
        QElapsedTimer step;
        step.start();
        widget.render(&canvas);
        times << step.nsecsElapsed() / 1e6;
    }
    // The whole record (the densest view) separately: the worst case a user meets.
    widget.fitAll();
    QList<double> full;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer step;
        step.start();
        widget.render(&canvas);
        full << step.nsecsElapsed() / 1e6;
    }
    std::printf("(b) repaint over %d zoom/scroll steps: median %.2f ms, p95 %.2f ms, max %.2f ms  target < 16 ms\n",
                kSteps, percentile(times, 0.5), percentile(times, 0.95), percentile(times, 1.0));
    std::printf("    whole record (all 5,000 marks on screen): median %.2f ms, p95 %.2f ms\n",
                percentile(full, 0.5), percentile(full, 0.95));
    return 0;
}

// Not a test: the image viewer on files given on the command line, with its state set by
// options, for screenshots under Xvfb (keyboard injection there is unreliable).
//   imageviewer_harness [--window C,W] [--measure x0,y0,x1,y1] [--rect x0,y0,x1,y1]
//       [--ellipse x0,y0,x1,y1] [--angle x0,y0,x1,y1,x2,y2] [--slice N] [--series N]
//       [--layout2] [--layout 1|2|4] [--compare] [--sync] [--key] [--tags [FILTER]]
//       [--qm renkei_ja.qm] FILES
#include "imageviewerwindow.h"
#include "imageviewport.h"
#include "tagbrowser.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QTranslator>

namespace {
QList<QPointF> points(const QString &text)
{
    QList<QPointF> result;
    const QStringList v = text.split(u',');
    for (int i = 0; i + 1 < v.size(); i += 2)
        result << QPointF(v[i].toDouble(), v[i + 1].toDouble());
    return result;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("C,W"), QStringLiteral("cw"));
    const QCommandLineOption measure(QStringLiteral("measure"), QStringLiteral("length x0,y0,x1,y1"), QStringLiteral("line"));
    const QCommandLineOption rect(QStringLiteral("rect"), QStringLiteral("rectangle ROI x0,y0,x1,y1"), QStringLiteral("rect"));
    const QCommandLineOption ellipse(QStringLiteral("ellipse"), QStringLiteral("ellipse ROI x0,y0,x1,y1"), QStringLiteral("rect"));
    const QCommandLineOption angle(QStringLiteral("angle"), QStringLiteral("angle x0,y0,vx,vy,x2,y2"), QStringLiteral("points"));
    const QCommandLineOption slice(QStringLiteral("slice"), QStringLiteral("slice"), QStringLiteral("n"));
    const QCommandLineOption series(QStringLiteral("series"), QStringLiteral("series index"), QStringLiteral("n"));
    const QCommandLineOption layout2(QStringLiteral("layout2"), QStringLiteral("1x2 layout"));
    const QCommandLineOption layout(QStringLiteral("layout"), QStringLiteral("viewports: 1, 2 or 4"), QStringLiteral("n"));
    const QCommandLineOption compare(QStringLiteral("compare"), QStringLiteral("compare with the prior"));
    const QCommandLineOption sync(QStringLiteral("sync"), QStringLiteral("synchronised scrolling"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("mark the image as a key image"));
    const QCommandLineOption tags(QStringLiteral("tags"), QStringLiteral("open the tag browser"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("tag browser search"), QStringLiteral("text"));
    const QCommandLineOption qm(QStringLiteral("qm"), QStringLiteral("translation to load"), QStringLiteral("file"));
    parser.addOptions({window, measure, rect, ellipse, angle, slice, series, layout2, layout,
                       compare, sync, key, tags, filter, qm});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("DICOM files or folders"));
    parser.process(app);
    QTranslator translator;
    if (parser.isSet(qm) && translator.load(parser.value(qm)))
        QCoreApplication::installTranslator(&translator);

    ImageViewerWindow viewer;
    viewer.resize(1380, 860);
    viewer.show();
    QObject::connect(&viewer, &ImageViewerWindow::loaded, &viewer, [&] {
        if (parser.isSet(layout2))
            viewer.setViewportCount(2);
        if (parser.isSet(layout))
            viewer.setViewportCount(parser.value(layout).toInt());
        if (parser.isSet(series))
            viewer.showSeries(parser.value(series).toInt());
        if (parser.isSet(compare))
            viewer.compareWithPrior();
        if (parser.isSet(sync))
            viewer.viewportGrid()->setSynchronized(true);
        ImageViewport *v = viewer.viewport(0);
        if (parser.isSet(slice))
            v->setCurrentSlice(parser.value(slice).toInt());
        if (parser.isSet(window)) {
            const QStringList cw = parser.value(window).split(u',');
            v->setWindow({cw.value(0).toDouble(), cw.value(1).toDouble()});
        }
        if (parser.isSet(measure) && points(parser.value(measure)).size() == 2)
            v->addMeasurement(v->currentSlice(), QLineF(points(parser.value(measure))[0],
                                                        points(parser.value(measure))[1]));
        if (parser.isSet(rect) && points(parser.value(rect)).size() == 2)
            v->addMeasurement(v->currentSlice(), Measurement{Measurement::Kind::Rectangle, points(parser.value(rect)), {}});
        if (parser.isSet(ellipse) && points(parser.value(ellipse)).size() == 2)
            v->addMeasurement(v->currentSlice(), Measurement{Measurement::Kind::Ellipse, points(parser.value(ellipse)), {}});
        if (parser.isSet(angle) && points(parser.value(angle)).size() == 3)
            v->addMeasurement(v->currentSlice(), Measurement{Measurement::Kind::Angle, points(parser.value(angle)), {}});
        v->selectMeasurement(-1);
        if (parser.isSet(key)) {
            // Marked once the slice is decoded, so the key image carries the picture.
            auto *poll = new QTimer(&viewer);
            QObject::connect(poll, &QTimer::timeout, &viewer, [v, poll] {
                if (!v->isCurrentSliceReady())
                    return;
                poll->stop();
                if (!v->isKeyImage())
                    v->toggleKeyImage();
            });
            poll->start(50);
        }
        if (parser.isSet(tags)) {
            viewer.showTags();
            if (parser.isSet(filter))
                viewer.tagBrowser()->setFilterText(parser.value(filter));
        }
    });
    viewer.openPaths(parser.positionalArguments());
    return app.exec();
}

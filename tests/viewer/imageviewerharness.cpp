// Not a test: the image viewer on files given on the command line, with its state set by
// options, for screenshots under Xvfb (keyboard injection there is unreliable).
//   imageviewer_harness [--window C,W] [--measure x0,y0,x1,y1] [--slice N] [--series N] [--layout2] FILES
#include "imageviewerwindow.h"
#include "imageviewport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("C,W"), QStringLiteral("cw"));
    const QCommandLineOption measure(QStringLiteral("measure"), QStringLiteral("x0,y0,x1,y1"), QStringLiteral("line"));
    const QCommandLineOption slice(QStringLiteral("slice"), QStringLiteral("slice"), QStringLiteral("n"));
    const QCommandLineOption series(QStringLiteral("series"), QStringLiteral("series index"), QStringLiteral("n"));
    const QCommandLineOption layout2(QStringLiteral("layout2"), QStringLiteral("1x2 layout"));
    parser.addOptions({window, measure, slice, series, layout2});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("DICOM files or folders"));
    parser.process(app);

    ImageViewerWindow viewer;
    viewer.resize(1380, 860);
    viewer.show();
    QObject::connect(&viewer, &ImageViewerWindow::loaded, &viewer, [&] {
        if (parser.isSet(layout2))
            viewer.setViewportCount(2);
        if (parser.isSet(series))
            viewer.showSeries(parser.value(series).toInt());
        ImageViewport *v = viewer.viewport(0);
        if (parser.isSet(slice))
            v->setCurrentSlice(parser.value(slice).toInt());
        if (parser.isSet(window)) {
            const QStringList cw = parser.value(window).split(u',');
            v->setWindow({cw.value(0).toDouble(), cw.value(1).toDouble()});
        }
        if (parser.isSet(measure)) {
            const QStringList m = parser.value(measure).split(u',');
            if (m.size() == 4)
                v->addMeasurement(v->currentSlice(), QLineF(m[0].toDouble(), m[1].toDouble(),
                                                            m[2].toDouble(), m[3].toDouble()));
        }
    });
    viewer.openPaths(parser.positionalArguments());
    return app.exec();
}

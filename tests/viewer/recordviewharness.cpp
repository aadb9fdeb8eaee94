// Not a test: shows the main window on one patient's record, served by a canned hub from
// the test data, for screenshots under Xvfb while the real hub's $everything is pending.
//   recordview_harness [--qm renkei_ja.qm] [--select <record id>] [--zoom-in N] [--seconds S]

#include "cannedrecordhub.h"
#include "everythingfetch.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearchpanel.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("qm"), QStringLiteral("translation file"), QStringLiteral("file")},
                       {QStringLiteral("select"), QStringLiteral("record id to select"), QStringLiteral("id")},
                       {QStringLiteral("zoom-in"), QStringLiteral("zoom steps"), QStringLiteral("n")},
                       {QStringLiteral("seconds"), QStringLiteral("stay open"), QStringLiteral("s")}});
    parser.process(app);
    QTranslator translator;
    if (parser.isSet(QStringLiteral("qm")) && translator.load(parser.value(QStringLiteral("qm"))))
        QCoreApplication::installTranslator(&translator);
    const QString family = QStringLiteral("Noto Sans CJK JP");
    if (QFontDatabase::families().contains(family)) {
        QFont font = app.font();
        font.setFamilies({family, font.family()});
        app.setFont(font);
    }

    CannedHttpsServer server;
    if (const QString error = CannedRecordHub::serve(server); !error.isEmpty())
        qFatal("%s", qPrintable(error));
    HubSession session;
    if (!CannedRecordHub::logIn(session, server))
        qFatal("login failed");

    MainWindow window(&session);
    window.resize(1400, 860);
    window.show();
    Q_EMIT window.searchPanel()->patientActivated(CannedRecordHub::patient());

    PatientRecordView *view = window.recordView();
    QObject::connect(view->fetch(), &EverythingFetch::finished, &window, [&] {
        for (int i = 0; i < parser.value(QStringLiteral("zoom-in")).toInt(); ++i)
            view->timeline()->zoomIn();
        const int row = view->timelineModel()->rowOf(parser.value(QStringLiteral("select")));
        if (row >= 0)
            view->timeline()->selectRow(row);
    });
    QTimer::singleShot(parser.value(QStringLiteral("seconds")).toInt() * 1000 + 3000, &app, &QApplication::quit);
    return app.exec();
}

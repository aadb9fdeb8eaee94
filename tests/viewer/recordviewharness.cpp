// Not a test: shows the main window on one patient's record, served by a canned hub from
// the test data, for screenshots under Xvfb while the real hub's $everything is pending.
//   recordview_harness [--qm renkei_ja.qm]... [--select <record id>] [--zoom-in N] [--seconds S]
//                      [--document] [--new] [--calendar yyyy-MM-dd]
// --document serves syn-doc-1 as the demo network's CDA discharge summary; --new has the hub
// say the record was last viewed on 2026-01-05 with three records stored since; --calendar
// shows the month calendar with that day selected.

#include "../../hub/demodocuments.h" // the demo network's discharge summaries
#include "cannedrecordhub.h"
#include "recordcalendar.h"
#include "everythingfetch.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearchpanel.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QTimeZone>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("qm"), QStringLiteral("translation file"), QStringLiteral("file")},
                       {QStringLiteral("select"), QStringLiteral("record id to select"), QStringLiteral("id")},
                       {QStringLiteral("zoom-in"), QStringLiteral("zoom steps"), QStringLiteral("n")},
                       {QStringLiteral("seconds"), QStringLiteral("stay open"), QStringLiteral("s")},
                       {QStringLiteral("document"), QStringLiteral("serve the discharge summary as CDA")},
                       {QStringLiteral("new"), QStringLiteral("records new since the last view")},
                       {QStringLiteral("calendar"), QStringLiteral("calendar on this day"), QStringLiteral("date")}});
    parser.process(app);
    QList<QTranslator *> translators;
    for (const QString &qm : parser.values(QStringLiteral("qm"))) {
        auto *translator = new QTranslator(&app);
        if (translator->load(qm))
            QCoreApplication::installTranslator(translator);
    }
    const QString family = QStringLiteral("Noto Sans CJK JP");
    if (QFontDatabase::families().contains(family)) {
        QFont font = app.font();
        font.setFamilies({family, font.family()});
        app.setFont(font);
    }

    CannedHttpsServer server;
    if (const QString error = CannedRecordHub::serve(server); !error.isEmpty())
        qFatal("%s", qPrintable(error));
    const QTimeZone jst(9 * 3600);
    const QByteArray cda = DemoDocuments::dischargeSummaryCda(
        {QStringLiteral("hosp-nho"), QStringLiteral("テスト病院"), QStringLiteral("9999013"), QStringLiteral("患者"),
         QStringLiteral("太郎"), QStringLiteral("male"), QStringLiteral("1948-04-05"), QStringLiteral("高橋"),
         QStringLiteral("誠"), QDateTime(QDate(2011, 12, 19), QTime(10, 0), jst),
         QDateTime(QDate(2011, 12, 27), QTime(11, 0), jst), QDateTime(QDate(2011, 12, 27), QTime(14, 0), jst)});
    if (parser.isSet(QStringLiteral("document")) || parser.isSet(QStringLiteral("new"))) {
        CannedRecordHub::serveExtras(server, cda, "text/xml",
                                     parser.isSet(QStringLiteral("new")) ? QDateTime(QDate(2026, 1, 5), QTime(1, 30), QTimeZone::utc())
                                                                         : QDateTime(),
                                     {QStringLiteral("syn-lab-1"), QStringLiteral("syn-lab-2"), QStringLiteral("syn-doc-1")});
    }
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
        const QDate day = QDate::fromString(parser.value(QStringLiteral("calendar")), Qt::ISODate);
        if (day.isValid()) {
            view->setCalendarShown(true);
            view->calendar()->selectDate(day);
        }
    });
    QTimer::singleShot(parser.value(QStringLiteral("seconds")).toInt() * 1000 + 3000, &app, &QApplication::quit);
    return app.exec();
}

// Not a test: the referral packet dialog on canned data, for looking at the document.
//   referral_harness [--qm renkei_ja.qm] --pdf out.pdf   writes the packet and quits
//   referral_harness [--qm renkei_ja.qm] --preview       opens the print preview (Xvfb screenshots)

#include "../network/everythingdata.h"
#include "cannedrecordhub.h"
#include "referralpacketdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTimer>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("qm"), QStringLiteral("Translation to load."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("pdf"), QStringLiteral("Write the packet here and quit."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("preview"), QStringLiteral("Open the print preview.")});
    parser.process(app);
    QTranslator translator;
    if (parser.isSet(QStringLiteral("qm")) && translator.load(parser.value(QStringLiteral("qm"))))
        QCoreApplication::installTranslator(&translator);

    CannedHttpsServer server;
    HubSession session;
    if (!CannedRecordHub::serve(server).isEmpty() || !CannedRecordHub::logIn(session, server))
        qFatal("cannot start the canned hub");
    const QList<ClinicalRecord> records = EverythingData::page(QStringLiteral("page1.json"))
        + EverythingData::page(QStringLiteral("page2.json"));
    const QHash<QString, QString> names = {{QStringLiteral("hosp-nho"), QStringLiteral("テスト病院")},
                                           {QStringLiteral("clinic-azumino"), QStringLiteral("あずみの内科クリニック")}};
    ReferralPacketDialog dialog(&session, CannedRecordHub::patient(), records, names);
    dialog.findChild<QLineEdit *>(QStringLiteral("toFacilityEdit"))->setText(QStringLiteral("信州中央病院 消化器内科"));
    dialog.findChild<QLineEdit *>(QStringLiteral("toDoctorEdit"))->setText(QStringLiteral("消化器 花子"));
    dialog.findChild<QLineEdit *>(QStringLiteral("purposeEdit"))->setText(QStringLiteral("胃炎の精査加療のお願い"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("historyEdit"))->setPlainText(
        QStringLiteral("2011年12月、胃炎にて貴院消化器内科に入院。\n退院後は当院外来で経過観察中ですが、"
                       "心窩部痛が続くため上部内視鏡検査を含めた精査をお願いいたします。"));
    dialog.findChild<QCheckBox *>(QStringLiteral("sectionLabTrend"))->setChecked(true);
    if (parser.isSet(QStringLiteral("pdf"))) {
        const ReferralWriteResult result = dialog.exportPdf(parser.value(QStringLiteral("pdf")));
        if (!result.ok())
            qFatal("%s", qPrintable(result.error));
        return 0;
    }
    dialog.show();
    if (parser.isSet(QStringLiteral("preview")))
        QTimer::singleShot(300, &dialog, &ReferralPacketDialog::showPreview);
    return app.exec();
}

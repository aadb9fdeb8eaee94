// ReferralPacketDialog offscreen against a canned hub: the section check boxes and the lab
// selection drive what the writer gets; PDF export writes the file and reports it to the
// audit trail (POST /audit/print); a hub without that endpoint (404) only earns a note;
// errors show inline. The record view opens the dialog with its button and Ctrl+P.

#include "cannedrecordhub.h"
#include "everythingfetch.h"
#include "messagelabel.h"
#include "patientrecordview.h"
#include "printaudit.h"
#include "referralpacketdialog.h"
#include "timelinemodel.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPrintPreviewDialog>
#include <QPrinterInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class tst_ReferralDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sectionsDriveThePacket();
    void labSelectionDrivesTheTable();
    void exportWritesAndAudits();
    void auditWithoutEndpointOnlyWarns();
    void unwritablePathShowsError();
    void printWithoutPrinterSaysSo();
    void printFromPreviewIsAudited();
    void closedPreviewIsNotAudited();
    void recordViewOpensTheDialog();

private:
    QCheckBox *section(const char *name) const;
    QList<CannedHttpsServer::Request> auditRequests() const;

    std::unique_ptr<CannedHttpsServer> m_server;
    std::unique_ptr<HubSession> m_session;
    std::unique_ptr<PatientRecordView> m_view;
    QPointer<ReferralPacketDialog> m_dialog;
    QTemporaryDir m_dir;
};

void tst_ReferralDialog::initTestCase()
{
    qRegisterMetaType<HubError>();
    QVERIFY(m_dir.isValid());
}

void tst_ReferralDialog::init()
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
    QSignalSpy finished(m_view->fetch(), &EverythingFetch::finished);
    m_view->openPatient(CannedRecordHub::patient());
    QVERIFY(finished.wait(20000));
    m_view->openReferralDialog();
    m_dialog = m_view->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog"));
    QVERIFY(m_dialog);
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void tst_ReferralDialog::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_server.reset();
}

QCheckBox *tst_ReferralDialog::section(const char *name) const
{
    return m_dialog->findChild<QCheckBox *>(QStringLiteral("section") + QLatin1String(name));
}

QList<CannedHttpsServer::Request> tst_ReferralDialog::auditRequests() const
{
    QList<CannedHttpsServer::Request> found;
    for (const CannedHttpsServer::Request &r : m_server->requests()) {
        if (r.path == "/audit/print")
            found << r;
    }
    return found;
}

void tst_ReferralDialog::sectionsDriveThePacket()
{
    for (const char *name : {"CoverLetter", "DischargeSummary", "Medication", "Labs", "LabTrend", "Diagnoses", "Allergies"})
        QVERIFY2(section(name), name);
    QCOMPARE(m_dialog->packet().sectionNames(),
             QStringList({"CoverLetter", "DischargeSummary", "Medication", "Labs", "Diagnoses", "Allergies"}));

    section("LabTrend")->setChecked(true);
    section("Allergies")->setChecked(false);
    section("DischargeSummary")->setChecked(false);
    QCOMPARE(m_dialog->packet().sectionNames(),
             QStringList({"CoverLetter", "Medication", "Labs", "LabTrend", "Diagnoses"}));

    // Without the lab table there is no trend chart either.
    section("Labs")->setChecked(false);
    QVERIFY(!section("LabTrend")->isEnabled());
    QCOMPARE(m_dialog->packet().sectionNames(), QStringList({"CoverLetter", "Medication", "Diagnoses"}));
}

void tst_ReferralDialog::labSelectionDrivesTheTable()
{
    auto *labs = m_dialog->findChild<QListWidget *>(QStringLiteral("labSelection"));
    QVERIFY(labs);
    QVERIFY(labs->count() >= 2);
    const int all = int(m_dialog->packet().labs.tests.size());
    QCOMPARE(all, labs->count());
    const QString dropped = labs->item(0)->text();
    labs->item(0)->setCheckState(Qt::Unchecked);
    const ReferralPacket packet = m_dialog->packet();
    QCOMPARE(packet.labs.tests.size(), all - 1);
    for (const ReferralLabTest &test : packet.labs.tests)
        QVERIFY(test.name != dropped);
}

void tst_ReferralDialog::exportWritesAndAudits()
{
    m_server->setResponse("/audit/print", {204, {}, "application/json", {}});
    m_dialog->findChild<QLineEdit *>(QStringLiteral("toFacilityEdit"))->setText(QStringLiteral("信州中央病院"));
    section("Allergies")->setChecked(false);
    const QString path = m_dir.filePath(QStringLiteral("export.pdf"));
    QSignalSpy recorded(m_dialog->audit(), &PrintAudit::recorded);
    const ReferralWriteResult result = m_dialog->exportPdf(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(QFileInfo(path).size() > 1000);
    QCOMPARE(m_dialog->message()->tone(), MessageLabel::Tone::Neutral);
    QVERIFY(m_dialog->message()->text().contains(QDir::toNativeSeparators(path)));

    QVERIFY(recorded.wait(10000));
    const QList<CannedHttpsServer::Request> audits = auditRequests();
    QCOMPARE(audits.size(), 1);
    QCOMPARE(audits.first().method, QByteArray("POST"));
    QCOMPARE(audits.first().headers.value("authorization"), QByteArray("Bearer tok"));
    const QJsonObject body = QJsonDocument::fromJson(audits.first().body).object();
    QCOMPARE(body.value(QLatin1String("patient")).toString(), CannedRecordHub::kPatientId);
    QCOMPARE(body.value(QLatin1String("what")).toString(), QStringLiteral("pdf-export"));
    QVERIFY(body.value(QLatin1String("sections")).toArray().contains(QStringLiteral("CoverLetter")));
    QVERIFY(!body.value(QLatin1String("sections")).toArray().contains(QStringLiteral("Allergies")));
}

void tst_ReferralDialog::auditWithoutEndpointOnlyWarns()
{
    m_server->setResponse("/audit/print", {404, R"({"resourceType":"OperationOutcome"})", "application/fhir+json", {}});
    QSignalSpy notAvailable(m_dialog->audit(), &PrintAudit::notAvailable);
    const QString path = m_dir.filePath(QStringLiteral("no-audit.pdf"));
    QVERIFY(m_dialog->exportPdf(path).ok());
    QVERIFY(notAvailable.wait(10000));
    QVERIFY(QFileInfo::exists(path)); // the export stands
    QCOMPARE(m_dialog->message()->tone(), MessageLabel::Tone::Neutral);
    QVERIFY2(m_dialog->message()->text().contains(QStringLiteral("audit trail")), qPrintable(m_dialog->message()->text()));
    QVERIFY(m_dialog->isVisible());
}

void tst_ReferralDialog::unwritablePathShowsError()
{
    const QString path = m_dir.filePath(QStringLiteral("missing/folder/packet.pdf"));
    QVERIFY(!m_dialog->exportPdf(path).ok());
    QCOMPARE(m_dialog->message()->tone(), MessageLabel::Tone::Error);
    QVERIFY(m_dialog->message()->text().contains(QDir::toNativeSeparators(path)));
    QVERIFY(!QFileInfo::exists(path));
    QTest::qWait(200);
    QVERIFY(auditRequests().isEmpty()); // nothing was exported, nothing to record
}

void tst_ReferralDialog::printWithoutPrinterSaysSo()
{
    if (!QPrinterInfo::availablePrinterNames().isEmpty())
        QSKIP("this machine has a printer; the dialog would open");
    m_dialog->findChild<QPushButton *>(QStringLiteral("printButton"))->click();
    QCOMPARE(m_dialog->message()->tone(), MessageLabel::Tone::Error);
    QVERIFY(m_dialog->message()->text().contains(QStringLiteral("No printer")));
    QVERIFY(auditRequests().isEmpty());
}

// Qt's preview dialog accepts itself only after its print button printed; reject is a close.
// Polls until the modal preview runs, so the answer cannot arrive before exec().
static void answerPreview(bool printed)
{
    QTimer::singleShot(50, [printed] {
        auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!preview || preview->objectName() != QLatin1String("referralPreview"))
            return answerPreview(printed);
        if (printed)
            preview->accept();
        else
            preview->reject();
    });
}

void tst_ReferralDialog::printFromPreviewIsAudited()
{
    m_server->setResponse("/audit/print", {204, {}, "application/json", {}});
    section("Allergies")->setChecked(false);
    QSignalSpy recorded(m_dialog->audit(), &PrintAudit::recorded);
    answerPreview(true);
    m_dialog->findChild<QPushButton *>(QStringLiteral("previewButton"))->click();
    QVERIFY(recorded.wait(10000));
    const QList<CannedHttpsServer::Request> audits = auditRequests();
    QCOMPARE(audits.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(audits.first().body).object();
    QCOMPARE(body.value(QLatin1String("patient")).toString(), CannedRecordHub::kPatientId);
    QVERIFY(!body.value(QLatin1String("sections")).toArray().contains(QStringLiteral("Allergies")));
    QVERIFY(body.value(QLatin1String("sections")).toArray().contains(QStringLiteral("CoverLetter")));
}

void tst_ReferralDialog::closedPreviewIsNotAudited()
{
    answerPreview(false);
    m_dialog->findChild<QPushButton *>(QStringLiteral("previewButton"))->click();
    QTest::qWait(300);
    QVERIFY(auditRequests().isEmpty());
}

void tst_ReferralDialog::recordViewOpensTheDialog()
{
    m_dialog->close();
    QTRY_VERIFY(!m_dialog); // deleted on close
    auto *button = m_view->findChild<QPushButton *>(QStringLiteral("referralButton"));
    QVERIFY(button);
    button->click();
    auto *dialog = m_view->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog"));
    QVERIFY(dialog);
    dialog->close();
    QTRY_VERIFY(!m_view->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog")));

    QApplication::setActiveWindow(m_view.get()); // the closed dialog had it
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_view->timeline()->setFocus();
    QTest::keyClick(m_view->timeline(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY(m_view->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog")));

    // Leaving the patient closes it: nothing of the record stays on screen.
    m_view->closePatient();
    QTRY_VERIFY(!m_view->findChild<ReferralPacketDialog *>(QStringLiteral("referralDialog")));
}

QTEST_MAIN(tst_ReferralDialog)
#include "tst_referraldialog.moc"

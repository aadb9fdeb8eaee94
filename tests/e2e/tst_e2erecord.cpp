// End to end: the viewer's patient record view against a real renkei-hub.
// The hub and its demo network are set up by EndToEndTest (endtoendtest.h).

#include "endtoendtest.h"
#include "hubsession.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "clinicalrecord.h"
#include "../../hub/demodocuments.h" // the demo network's discharge summaries
#include "documentview.h"
#include "encryptedcache.h"
#include "labresultsmodel.h"
#include "everythingfetch.h"
#include "timelinewidget.h"
#include "timelinemodel.h"

#include <QAbstractItemModel>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

/// A patient's record view: the shared history, the discharge summary and its encrypted cache,
/// records new since the last view, and closing when consent is withdrawn.
class TestE2eRecord : public EndToEndTest
{
    Q_OBJECT

private slots:
    void recordViewShowsTheSharedHistory();
    void dischargeSummaryIsReadableAndCachedEncrypted();
    void newSinceLastViewComesFromTheHub();
    void recordClosesWhenConsentIsWithdrawn();
};

void TestE2eRecord::recordViewShowsTheSharedHistory()
{
    // p00001 has the demo history that hub/demohistories.h documents: diagnoses E11.9, I10,
    // E78.5 at the outpatient hospital and J18.9 for the admission; one allergy; admission and
    // discharge (ADT-22, ADT-52); drips on the first three days (two a day); 8 labs a visit with
    // HbA1c drifting above its range (H); a 12-lead ECG.
    const QString patientId = QStringLiteral("p00001");
    QVERIFY(m_consented.contains(patientId));
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(record->isVisible());
    QCOMPARE(record->patient().id, patientId);

    QHash<ClinicalRecord::Kind, int> perKind;
    QSet<QString> facilities;
    const TimelineModel *timeline = record->timelineModel();
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const QModelIndex index = timeline->index(row, 0);
        ++perKind[ClinicalRecord::Kind(index.data(TimelineModel::KindRole).toInt())];
        facilities.insert(index.data(TimelineModel::FacilityRole).toString());
    }
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Diagnoses), 4);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Allergies), 1);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Admissions), 2);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Injections), 6);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Prescriptions) > 0);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Physiology) > 0);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Labs) >= 8);

    // The marks name the facilities that hold the patient, as the hub's own patient list says.
    QSet<QString> holders;
    QString error;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error)) {
        if (value.toObject().value(QLatin1String("id")).toString() != patientId)
            continue;
        for (const QJsonValue &identifier : value.toObject().value(QLatin1String("identifiers")).toArray())
            holders.insert(identifier.toObject().value(QLatin1String("facility")).toString());
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(facilities, holders);

    // The lab table has HbA1c with at least one result flagged high.
    const QAbstractItemModel *labs = record->labModel();
    int hba1cRow = -1;
    for (int row = 0; row < labs->rowCount(); ++row) {
        if (labs->index(row, 0).data().toString().contains(QLatin1String("HbA1c")))
            hba1cRow = row;
    }
    QVERIFY2(hba1cRow >= 0, "no HbA1c row in the lab table");
    bool high = false;
    for (int column = 0; column < labs->columnCount(); ++column)
        high = high || labs->index(hba1cRow, column).data().toString().endsWith(QLatin1String(" H"));
    QVERIFY2(high, "no HbA1c result flagged H");
}

void TestE2eRecord::dischargeSummaryIsReadableAndCachedEncrypted()
{
    // hub/demohistories.h: p00001's admission has a discharge summary (CDA R2, LOINC 18842-5)
    // with the sections and fixed texts of hub/demodocuments.h.
    const QString patientId = QStringLiteral("p00001");
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    auto window = std::make_unique<MainWindow>(session.get());
    window->show();
    PatientRecordView *record = openRecord(*window, patientId);
    QVERIFY2(record, "the record view did not load");
    const TimelineModel *model = record->timelineModel();
    int summaryRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const ClinicalRecord &r = model->record(row);
        if (r.resourceType == QLatin1String("DocumentReference") && r.raw.value(QLatin1String("type")).toObject()
                .value(QLatin1String("coding")).toArray().at(0).toObject().value(QLatin1String("code")).toString() == u"18842-5")
            summaryRow = row;
    }
    QVERIFY2(summaryRow >= 0, "no discharge summary in p00001's record");
    QCOMPARE(model->record(summaryRow).kind, ClinicalRecord::Kind::Documents);
    record->timeline()->selectRow(summaryRow);
    QCOMPARE(record->currentDetailPage(), QStringLiteral("documentView"));
    DocumentView *document = record->documentView();
    QTRY_COMPARE_WITH_TIMEOUT(document->currentPage(), QStringLiteral("text"), 20'000);
    const QString text = document->text();
    qsizetype at = 0;
    for (const char *section : DemoDocuments::kSections) {
        const qsizetype found = text.indexOf(QString::fromUtf8(section), at);
        QVERIFY2(found >= at, section);
        at = found;
    }
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kDiagnosisText)));
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kMedicationText)));
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kConditionText)));
    QVERIFY(text.contains(QStringLiteral("セフトリアキソン")));

    // The Binary is in the session's cache, encrypted: the patient's name (as the hub lists
    // it) and the section texts are nowhere on disk in clear.
    EncryptedCache *cache = window->cache();
    QVERIFY(cache && cache->isOpen());
    const QString attachmentUrl = model->record(summaryRow).raw.value(QLatin1String("content")).toArray().at(0)
                                      .toObject().value(QLatin1String("attachment")).toObject()
                                      .value(QLatin1String("url")).toString();
    QVERIFY(cache->contains(attachmentUrl));
    QString name;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (p.id == patientId)
            name = familyName(p.name);
    }
    QVERIFY(!name.isEmpty());
    const QString directory = cache->directory();
    int files = 0;
    for (QDirIterator it(directory, QDir::Files | QDir::Hidden); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(name.toUtf8()), "the patient's name is on disk in clear");
        QVERIFY(!bytes.contains(QByteArray(DemoDocuments::kConditionText)));
        QVERIFY(!bytes.contains("ClinicalDocument"));
        ++files;
    }
    QVERIFY(files >= 1);
    // Logging out wipes it.
    QSignalSpy loggedOut(session.get(), &HubSession::loggedOut);
    window->logout();
    QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, 20'000);
    QVERIFY(!cache->isOpen());
    QVERIFY(!QFileInfo::exists(directory));
}

void TestE2eRecord::newSinceLastViewComesFromTheHub()
{
    // A new user of the clinic opens p00002 for the first time: nothing is "new".
    // Then the hospital sends a new diagnosis (import-fhir); her next look marks exactly it.
    const QString patientId = QStringLiteral("p00002");
    QVERIFY(m_consented.contains(patientId));
    QVERIFY(addClinicUser(QStringLiteral("e2e-new-records")));
    auto session = loggedInSession(QStringLiteral("e2e-new-records"));
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(!record->timelineModel()->lastViewed().isValid());
    QCOMPARE(record->timelineModel()->newCount(), 0);
    auto *newLabel = record->findChild<QLabel *>(QStringLiteral("patientNewRecords"));
    QVERIFY(newLabel && !newLabel->isVisible());

    // The new record: a Condition for p00002 from one of its disclosing hospitals.
    QString error;
    QString facility;
    QString localId;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error)) {
        if (value.toObject().value(QLatin1String("id")).toString() != patientId)
            continue;
        const QJsonObject identifier = value.toObject().value(QLatin1String("identifiers")).toArray().at(0).toObject();
        facility = identifier.value(QLatin1String("facility")).toString();
        localId = identifier.value(QLatin1String("value")).toString();
    }
    QVERIFY2(!facility.isEmpty() && !localId.isEmpty(), qPrintable(error));
    QTemporaryDir dir;
    QFile bundle(dir.filePath(QStringLiteral("new-condition.json")));
    QVERIFY(bundle.open(QIODevice::WriteOnly));
    bundle.write(QJsonDocument(QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")}, {QStringLiteral("type"), QStringLiteral("collection")},
        {QStringLiteral("entry"), QJsonArray{
            QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000001")},
                        {QStringLiteral("resource"), QJsonObject{
                            {QStringLiteral("resourceType"), QStringLiteral("Patient")},
                            {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:e2e:local")},
                                                                                  {QStringLiteral("value"), localId}}}}}}},
            QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000002")},
                        {QStringLiteral("resource"), QJsonObject{
                            {QStringLiteral("resourceType"), QStringLiteral("Condition")},
                            {QStringLiteral("id"), QStringLiteral("e2e-new-condition")},
                            {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000001")}}},
                            {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), QStringLiteral("急性上気道炎")}}},
                            {QStringLiteral("onsetDateTime"), QStringLiteral("2026-11-20")}}}}}}})
                     .toJson());
    bundle.close();
    m_hub.run({QStringLiteral("import-fhir"), QStringLiteral("--facility"), facility, bundle.fileName()}, &error);
    if (!error.isEmpty())
        QSKIP(qPrintable(QStringLiteral("import-fhir could not add the new record: ") + error));

    QSignalSpy newFinished(record->newRecordsFetch(), &EverythingFetch::finished);
    record->reload();
    QTRY_COMPARE_WITH_TIMEOUT(newFinished.count(), 1, 30'000);
    const TimelineModel *model = record->timelineModel();
    QVERIFY(model->lastViewed().isValid());
    QStringList newTitles;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->isNew(row))
            newTitles << model->record(row).title;
    }
    QCOMPARE(newTitles, QStringList{QStringLiteral("急性上気道炎")});
    QVERIFY(newLabel->isVisible());
    QVERIFY2(newLabel->text().contains(QLatin1String("1")), qPrintable(newLabel->text()));
}

void TestE2eRecord::recordClosesWhenConsentIsWithdrawn()
{
    const QString patientId = QStringLiteral("p00001");
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(record->timelineModel()->rowCount() > 0);
    const PatientSummary patient = record->patient();

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), patientId,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_consented.remove(patientId);

    // The next request for the record learns it; the record closes with an explanation.
    QSignalSpy failed(record->fetch(), &EverythingFetch::failed);
    record->openPatient(patient);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
    QCOMPARE(failed.at(0).at(0).value<HubError>().kind, HubError::Kind::NotFound);
    QCOMPARE(record->timelineModel()->rowCount(), 0);
    auto *status = record->findChild<QLabel *>(QStringLiteral("recordStatus"));
    QVERIFY(status && !status->text().isEmpty());
}

QTEST_MAIN(TestE2eRecord)
#include "tst_e2erecord.moc"

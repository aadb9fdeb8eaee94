// parsePatientBundle / parsePatientJson on Bundles written per docs/PROTOCOL.md (data/).

#include "patientsummary.h"

#include <QFile>
#include <QTest>

namespace {
QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return file.readAll();
}
} // namespace

class tst_PatientBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchsetPatients_data();
    void searchsetPatients();
    void searchsetSkipsUnusableEntries();
    void emptySearchset();
    void invalidDocuments_data();
    void invalidDocuments();
    void singlePatient();
    void singlePatientErrors_data();
    void singlePatientErrors();
};

void tst_PatientBundle::searchsetPatients_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kana");
    QTest::addColumn<QDate>("birthDate");
    QTest::addColumn<QString>("gender");
    QTest::addColumn<QStringList>("facilities");
    QTest::addColumn<QStringList>("localIds");

    QTest::newRow("IDE and SYL picked by extension, not by order")
        << 0 << "p00012" << QStringLiteral("山田 太郎") << QStringLiteral("ヤマダ タロウ")
        << QDate(1948, 3, 2) << "male"
        << QStringList{QStringLiteral("信州中央病院"), QStringLiteral("松本赤十字病院")}
        << QStringList{"0012345", "M-778"};
    QTest::newRow("unmarked name from family/given, facility from reference")
        << 1 << "p00031" << QStringLiteral("佐藤 花子") << QString() << QDate(1960, 2, 29)
        << "female" << QStringList{"hosp-shinshu"} << QStringList{"0099001"};
    QTest::newRow("id from network identifier, kana-only name, partial birth date")
        << 2 << "p00044" << QStringLiteral("スズキ イチロウ") << QStringLiteral("スズキ イチロウ")
        << QDate() << QString() << QStringList() << QStringList();
}

void tst_PatientBundle::searchsetPatients()
{
    QFETCH(int, row);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, kana);
    QFETCH(QDate, birthDate);
    QFETCH(QString, gender);
    QFETCH(QStringList, facilities);
    QFETCH(QStringList, localIds);

    QString error;
    const auto patients = parsePatientBundle(readData("searchset.json"), &error);
    QVERIFY2(patients, qPrintable(error));
    QVERIFY(row < patients->size());
    const PatientSummary &p = patients->at(row);
    QCOMPARE(p.id, id);
    QCOMPARE(p.name, name);
    QCOMPARE(p.kana, kana);
    QCOMPARE(p.birthDate, birthDate);
    QCOMPARE(p.gender, gender);
    QCOMPARE(p.facilities, facilities);
    QCOMPARE(p.localIds, localIds);
}

void tst_PatientBundle::searchsetSkipsUnusableEntries()
{
    QString error;
    int total = -1;
    const auto patients = parsePatientBundle(readData("searchset.json"), &error, &total);
    QVERIFY2(patients, qPrintable(error));
    // The OperationOutcome, the Patient without any ID and the entry without a resource go.
    QCOMPARE(patients->size(), 3);
    QCOMPARE(total, 3);
}

void tst_PatientBundle::emptySearchset()
{
    QString error;
    int total = -1;
    const auto patients = parsePatientBundle(readData("empty-searchset.json"), &error, &total);
    QVERIFY2(patients, qPrintable(error));
    QVERIFY(patients->isEmpty());
    QCOMPARE(total, 0);
}

void tst_PatientBundle::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty input") << QByteArray() << "not JSON";
    QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n garbage") << "not JSON";
    QTest::newRow("truncated") << readData("truncated.json") << "not JSON";
    QTest::newRow("HTML error page") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                                     << "not JSON";
    QTest::newRow("JSON array") << QByteArray("[]") << "Bundle";
    QTest::newRow("OperationOutcome") << readData("operation-outcome.json") << "OperationOutcome";
    QTest::newRow("a Patient, not a Bundle") << readData("patient.json") << "Patient";
    QTest::newRow("no resourceType") << QByteArray(R"({"type":"searchset","entry":[]})") << "Bundle";
    QTest::newRow("entry is an object") << readData("entry-not-array.json") << "entry";
}

void tst_PatientBundle::invalidDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    QString error;
    const auto patients = parsePatientBundle(json, &error);
    QVERIFY(!patients);
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    // A null error pointer must be fine too.
    QVERIFY(!parsePatientBundle(json, nullptr));
}

void tst_PatientBundle::singlePatient()
{
    QString error;
    const auto patient = parsePatientJson(readData("patient.json"), &error);
    QVERIFY2(patient, qPrintable(error));
    QCOMPARE(patient->id, QStringLiteral("p00012"));
    QCOMPARE(patient->name, QStringLiteral("山田 太郎"));
    QCOMPARE(patient->kana, QStringLiteral("ヤマダ タロウ"));
    QCOMPARE(patient->facilities, QStringList{QStringLiteral("信州中央病院")});
}

void tst_PatientBundle::singlePatientErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("garbage") << QByteArray("{{{");
    QTest::newRow("wrong resourceType") << readData("operation-outcome.json");
    QTest::newRow("no id at all") << QByteArray(R"({"resourceType":"Patient","gender":"male"})");
    QTest::newRow("names of wrong types")
        << QByteArray(R"({"resourceType":"Patient","name":"山田","identifier":7})");
}

void tst_PatientBundle::singlePatientErrors()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!parsePatientJson(json, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PatientBundle)
#include "tst_patientbundle.moc"

#include "disclosurepolicy.h"
#include "facilities.h"
#include "fhirmapping.h"
#include "hl7message.h"
#include "patientrepository.h"
#include "resourcerepository.h"
#include "ssmix2importer.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace {

const QString kFacility = QStringLiteral("nho");
const QString kJami = QStringLiteral("urn:oid:1.2.392.200250.2.2.20");
const QString kHot9 = QStringLiteral("urn:oid:1.2.392.200119.4.403.1");
const QString kJlac10 = QStringLiteral("urn:oid:1.2.392.200119.4.504");

QString sampleRoot()
{
    return QStringLiteral(RENKEI_FIXTURES_DIR "/ssmix2/nho-sample");
}

QJsonObject json(const ResourceRow &row)
{
    return QJsonDocument::fromJson(row.json).object();
}

/// The first coding of a CodeableConcept with \a system.
QJsonObject codingOf(const QJsonObject &codeable, const QString &system)
{
    for (const QJsonValue &c : codeable.value(QStringLiteral("coding")).toArray()) {
        if (c.toObject().value(QStringLiteral("system")).toString() == system)
            return c.toObject();
    }
    return {};
}

} // namespace

/// Imports the NHO SS-MIX2 sample into a fresh hub store.
///
/// Expected counts, read from the fixture files by hand (iconv -f ISO-2022-JP):
///   22 files; 1 misplaced (ADT-31 folder holding an OMP-11 of 9999013) → failed;
///   0000001 OMP-11 _0 has order number ...346, a record never imported → skipped;
///   the other 20 → imported. Resources for 9999013:
///   ADT-00: 3 OBX (height, weight, ABO) → 3 Observation, 1 AL1 → 1 AllergyIntolerance
///   ADT-22, ADT-42, ADT-52 → 3 Encounter;  ADT-61: 4 IAM → 4 AllergyIntolerance
///   PPR-01: 1 PRB → 1 Condition;  OMD → 1 NutritionOrder
///   OMP-01: 3 RXE → 3 MedicationRequest;  OMP-02: 3 RXE → 3 MedicationRequest (injection)
///   OMP-11 (20110630): 2 RXA, OMP-12: 2 RXA → 4 MedicationAdministration
///   OML-01: 2 OBR → 2 ServiceRequest;  OML-11: 3 OBX → 3 Observation + 1 DiagnosticReport
///   OMG-01: placer numbers ...100 (NW and PA), ...101-104 → 5 ServiceRequest
///   OMG-02: ...100 (NW, PA), ...101 → 2;  OMG-03: 1 → ServiceRequest (10 in all)
///   OMG-11, OMG-12: one Study Instance UID each → 2 ImagingStudy
///   OMG-13: 12 OBX → 12 Observation + 1 DiagnosticReport
///   = 52; plus 0000001 OMP-11 _1: 2 RXA (a third, bare "RXA" line is garbage) → 54.
class tst_Ssmix2Import : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void countsAndReportedFiles();
    void secondImportChangesNothing();
    void patientNameInKanjiAndKana();
    void labValueWithUnitAndRange();
    void prescriptionDoseUsageDays();
    void injectionSolutionAndAdditives();
    void diagnosisWithIcd10();
    void interpretationFlags_data();
    void interpretationFlags();
    void unitTextOverUcumCode_data();
    void unitTextOverUcumCode();
    void garbageFieldsNeverCrash();
    void kindsAreDisclosureKinds_data();
    void kindsAreDisclosureKinds();
    void extendedStorageDocuments();

private:
    Ssmix2ImportReport importSample();
    QString patientId(const QString &localId);
    QJsonObject findResource(const QString &type, const std::function<bool(const QJsonObject &)> &match);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void tst_Ssmix2Import::kindsAreDisclosureKinds_data()
{
    // The disclosure kinds of issue 3 / docs/PROTOCOL.md "Kinds of record", per resource type
    // of the sample (as its data types say: ADT-22/42/52, OMD, OMG-11/12, PPR-01, ADT-61, OMP-01/02).
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("Encounter") << QStringLiteral("Encounter") << QStringList{QStringLiteral("summaries")};
    QTest::newRow("NutritionOrder") << QStringLiteral("NutritionOrder") << QStringList{QStringLiteral("physician-records")};
    QTest::newRow("ImagingStudy") << QStringLiteral("ImagingStudy") << QStringList{QStringLiteral("images")};
    QTest::newRow("Condition") << QStringLiteral("Condition") << QStringList{QStringLiteral("diagnoses")};
    QTest::newRow("AllergyIntolerance") << QStringLiteral("AllergyIntolerance") << QStringList{QStringLiteral("allergies")};
    QTest::newRow("MedicationRequest") << QStringLiteral("MedicationRequest")
                                       << QStringList{QStringLiteral("prescriptions"), QStringLiteral("injections")};
    QTest::newRow("ServiceRequest") << QStringLiteral("ServiceRequest")
                                    << QStringList{QStringLiteral("labs"), QStringLiteral("physiology"),
                                                   QStringLiteral("radiology"), QStringLiteral("endoscopy")};
    QTest::newRow("Observation") << QStringLiteral("Observation")
                                 << QStringList{QStringLiteral("labs"), QStringLiteral("physiology")};
}

void tst_Ssmix2Import::kindsAreDisclosureKinds()
{
    QFETCH(QString, type);
    QFETCH(QStringList, kinds);
    importSample();
    const auto rows = ResourceRepository(*m_store).forPatient(patientId(QStringLiteral("9999013")), type);
    QVERIFY(rows);
    QVERIFY(!rows->isEmpty());
    QSet<QString> seen;
    for (const ResourceRow &row : *rows) {
        QVERIFY2(DisclosurePolicy::allKinds().contains(row.kind), qPrintable(row.kind));
        seen.insert(row.kind);
    }
    QCOMPARE(seen, QSet<QString>(kinds.begin(), kinds.end()));
}

void tst_Ssmix2Import::init()
{
    if (!QDir(sampleRoot()).exists())
        QSKIP("fixtures/ssmix2/nho-sample not present");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QVERIFY(FacilityRepository(*m_store).add({kFacility, QStringLiteral("登呂病院"), QStringLiteral("hospital")}));
}

void tst_Ssmix2Import::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

Ssmix2ImportReport tst_Ssmix2Import::importSample()
{
    const auto report = Ssmix2Importer(*m_store, kFacility).importStorage(sampleRoot());
    if (!report)
        qWarning() << report.error();
    return report ? *report : Ssmix2ImportReport{};
}

QString tst_Ssmix2Import::patientId(const QString &localId)
{
    const auto found = PatientRepository(*m_store).findByLocalId(kFacility, localId);
    return found && found->has_value() ? **found : QString();
}

QJsonObject tst_Ssmix2Import::findResource(const QString &type,
                                          const std::function<bool(const QJsonObject &)> &match)
{
    const auto rows = ResourceRepository(*m_store).forPatient(patientId(QStringLiteral("9999013")), type);
    if (!rows)
        return {};
    for (const ResourceRow &row : *rows) {
        if (match(json(row)))
            return json(row);
    }
    return {};
}

void tst_Ssmix2Import::countsAndReportedFiles()
{
    const Ssmix2ImportReport report = importSample();
    QCOMPARE(report.files, 22);
    QCOMPARE(report.imported, 20);
    QCOMPARE(report.replaced, 0);
    QCOMPARE(report.deleted, 0);
    QCOMPARE(report.skipped, 1);
    QCOMPARE(report.failed, 1);
    QCOMPARE(report.resources, 54);

    ResourceRepository resources(*m_store);
    const QList<QPair<QString, int>> expected{
        {QStringLiteral("AllergyIntolerance"), 5}, {QStringLiteral("Condition"), 1},
        {QStringLiteral("DiagnosticReport"), 2}, {QStringLiteral("Encounter"), 3},
        {QStringLiteral("ImagingStudy"), 2}, {QStringLiteral("MedicationAdministration"), 6},
        {QStringLiteral("MedicationRequest"), 6}, {QStringLiteral("NutritionOrder"), 1},
        {QStringLiteral("Observation"), 18}, {QStringLiteral("ServiceRequest"), 10}};
    for (const auto &[type, count] : expected)
        QCOMPARE(*resources.count(type), count);

    // The misplaced file: refused with its path and the reason.
    bool misplaced = false, pidMismatch = false;
    for (const auto &problem : report.problems) {
        if (problem.level == Ssmix2ImportReport::Problem::Level::Failed) {
            QVERIFY(problem.path.contains(QStringLiteral("/ADT-31/9999013_20110630_OMP-11_")));
            QVERIFY(problem.reason.contains(QStringLiteral("wrong folder")));
            misplaced = true;
        }
        // ADT-61 carries PID-3 12345678 in 9999013's folder: reported, kept under 9999013.
        if (problem.path.contains(QStringLiteral("/ADT-61/"))
            && problem.reason.contains(QStringLiteral("PID-3 '12345678'")))
            pidMismatch = true;
    }
    QVERIFY(misplaced);
    QVERIFY(pidMismatch);
    QCOMPARE(ResourceRepository(*m_store).forPatient(patientId(QStringLiteral("9999013")), QStringLiteral("AllergyIntolerance"))->size(), 5);

    // 0000001's _0 file is named for order ...346 while its ORC-2 (like the _1 file's) says
    // ...345: the file name is the key, so the current record stays, and the report says why.
    bool deletion = false;
    for (const auto &problem : report.problems) {
        if (problem.path.endsWith(QStringLiteral("0000001_20000401_OMP-11_123456789012346_20110701113813226_01_0"))) {
            QCOMPARE(problem.level, Ssmix2ImportReport::Problem::Level::Skipped);
            QVERIFY2(problem.reason.contains(QStringLiteral("order 123456789012345 in ORC-2, the file name 123456789012346")),
                     qPrintable(problem.reason));
            deletion = true;
        }
    }
    QVERIFY(deletion);
    QCOMPARE(ResourceRepository(*m_store).forPatient(patientId(QStringLiteral("0000001")), QStringLiteral("MedicationAdministration"))->size(), 2);
}

void tst_Ssmix2Import::secondImportChangesNothing()
{
    importSample();
    const auto before = ResourceRepository(*m_store).count();
    const Ssmix2ImportReport second = importSample();
    QCOMPARE(second.imported, 0);
    QCOMPARE(second.replaced, 0);
    QCOMPARE(second.unchanged, 20);
    QCOMPARE(second.resources, 0);
    QCOMPARE(second.failed, 1);
    QCOMPARE(*ResourceRepository(*m_store).count(), *before);
    QCOMPARE(PatientRepository(*m_store).list()->size(), 2);
}

void tst_Ssmix2Import::patientNameInKanjiAndKana()
{
    importSample();
    // ADT-00: PID|0001||9999013||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M
    const auto all = PatientRepository(*m_store).list();
    QVERIFY(all);
    Patient found;
    for (const Patient &p : *all) {
        if (p.id == patientId(QStringLiteral("9999013")))
            found = p;
    }
    QCOMPARE(found.familyName, QStringLiteral("患者"));
    QCOMPARE(found.givenName, QStringLiteral("太郎"));
    QCOMPARE(found.familyKana, QStringLiteral("カンジャ"));
    QCOMPARE(found.givenKana, QStringLiteral("タロウ"));
    QCOMPARE(found.birthDate, QStringLiteral("1948-04-05"));
    QCOMPARE(found.gender, QStringLiteral("male"));
    QCOMPARE(found.identifiers.size(), 1);
    QCOMPARE(found.identifiers.first().value, QStringLiteral("9999013"));
}

void tst_Ssmix2Import::labValueWithUnitAndRange()
{
    importSample();
    // OML-11: OBX|2|NM|3A010000002327101^総蛋白^JC10||7.2|g/dl^g/dl^99XYZ|6.70-8.3||||F|||201112191500
    const QJsonObject protein = findResource(QStringLiteral("Observation"), [](const QJsonObject &o) {
        return !codingOf(o.value(QStringLiteral("code")).toObject(), kJlac10).isEmpty()
            && codingOf(o.value(QStringLiteral("code")).toObject(), kJlac10).value(QStringLiteral("code")).toString()
            == QLatin1String("3A010000002327101");
    });
    QVERIFY(!protein.isEmpty());
    QCOMPARE(codingOf(protein.value(QStringLiteral("code")).toObject(), kJlac10).value(QStringLiteral("display")).toString(),
             QStringLiteral("総蛋白"));
    const QJsonObject value = protein.value(QStringLiteral("valueQuantity")).toObject();
    QCOMPARE(value.value(QStringLiteral("value")).toDouble(), 7.2);
    QCOMPARE(value.value(QStringLiteral("unit")).toString(), QStringLiteral("g/dl"));
    const QJsonObject range = protein.value(QStringLiteral("referenceRange")).toArray().first().toObject();
    QCOMPARE(range.value(QStringLiteral("low")).toObject().value(QStringLiteral("value")).toDouble(), 6.7);
    QCOMPARE(range.value(QStringLiteral("high")).toObject().value(QStringLiteral("value")).toDouble(), 8.3);
    QCOMPARE(protein.value(QStringLiteral("status")).toString(), QStringLiteral("final"));
    QCOMPARE(protein.value(QStringLiteral("effectiveDateTime")).toString(), QStringLiteral("2011-12-19T15:00:00+09:00"));
    QCOMPARE(protein.value(QStringLiteral("meta")).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("urn:renkei:facility:nho"));
}

void tst_Ssmix2Import::prescriptionDoseUsageDays()
{
    importSample();
    // OMP-01: RXE||108665201^ダーゼン錠（５mg)^HOT9|1||TAB^錠^MR9P|||||15|TAB^錠^MR9P|...|3^TAB&錠&MR9P
    //         TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||5^d|2011070100
    const QJsonObject request = findResource(QStringLiteral("MedicationRequest"), [](const QJsonObject &o) {
        return codingOf(o.value(QStringLiteral("medicationCodeableConcept")).toObject(), kHot9)
                   .value(QStringLiteral("code")).toString() == QLatin1String("108665201");
    });
    QVERIFY(!request.isEmpty());
    QCOMPARE(codingOf(request.value(QStringLiteral("medicationCodeableConcept")).toObject(), kHot9)
                 .value(QStringLiteral("display")).toString(),
             QStringLiteral("ダーゼン錠（５mg)"));
    QCOMPARE(codingOf(request.value(QStringLiteral("category")).toArray().first().toObject(), QStringLiteral("urn:renkei:category"))
                 .value(QStringLiteral("code")).toString(),
             QStringLiteral("prescription"));
    const QJsonObject dosage = request.value(QStringLiteral("dosageInstruction")).toArray().first().toObject();
    const QJsonObject timing = dosage.value(QStringLiteral("timing")).toObject();
    const QJsonObject usage = codingOf(timing.value(QStringLiteral("code")).toObject(), kJami);
    QCOMPARE(usage.value(QStringLiteral("code")).toString(), QStringLiteral("1013044400000000"));
    QCOMPARE(usage.value(QStringLiteral("display")).toString(), QStringLiteral("内服・経口・１日３回朝昼夕食後"));
    QCOMPARE(dosage.value(QStringLiteral("text")).toString(), QStringLiteral("内服・経口・１日３回朝昼夕食後"));
    const QJsonObject days = timing.value(QStringLiteral("repeat")).toObject().value(QStringLiteral("boundsDuration")).toObject();
    QCOMPARE(days.value(QStringLiteral("value")).toDouble(), 5.0);
    QCOMPARE(days.value(QStringLiteral("code")).toString(), QStringLiteral("d"));
    const QJsonObject doseAndRate = dosage.value(QStringLiteral("doseAndRate")).toArray().first().toObject();
    QCOMPARE(doseAndRate.value(QStringLiteral("doseQuantity")).toObject().value(QStringLiteral("value")).toDouble(), 1.0);
    QCOMPARE(doseAndRate.value(QStringLiteral("doseQuantity")).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("錠"));
    QCOMPARE(doseAndRate.value(QStringLiteral("rateRatio")).toObject().value(QStringLiteral("numerator")).toObject()
                 .value(QStringLiteral("value")).toDouble(), 3.0);
    const QJsonObject dispense = request.value(QStringLiteral("dispenseRequest")).toObject();
    QCOMPARE(dispense.value(QStringLiteral("quantity")).toObject().value(QStringLiteral("value")).toDouble(), 15.0);
    QCOMPARE(dispense.value(QStringLiteral("expectedSupplyDuration")).toObject().value(QStringLiteral("value")).toDouble(), 5.0);
    QCOMPARE(dosage.value(QStringLiteral("route")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("口"));
}

void tst_Ssmix2Import::injectionSolutionAndAdditives()
{
    importSample();
    // OMP-02: RXC|B|620007329^ソリタ−Ｔ３号輸液５００ｍＬ^HOT9|1|HON^本^MR9P
    //         RXC|A|620002559^アドナ注（静脈用）50mg^HOT9|1|AMP^アンプル^MR9P, rate 102 ml/hr
    const QJsonObject request = findResource(QStringLiteral("MedicationRequest"), [](const QJsonObject &o) {
        return o.contains(QStringLiteral("contained"));
    });
    QVERIFY(!request.isEmpty());
    QCOMPARE(codingOf(request.value(QStringLiteral("category")).toArray().first().toObject(), QStringLiteral("urn:renkei:category"))
                 .value(QStringLiteral("code")).toString(),
             QStringLiteral("injection"));
    QCOMPARE(request.value(QStringLiteral("medicationReference")).toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("#injection"));
    const QJsonArray ingredients = request.value(QStringLiteral("contained")).toArray().first().toObject()
                                       .value(QStringLiteral("ingredient")).toArray();
    QCOMPARE(ingredients.size(), 2);
    const QJsonObject base = ingredients.at(0).toObject();
    const QJsonObject additive = ingredients.at(1).toObject();
    QCOMPARE(base.value(QStringLiteral("extension")).toArray().first().toObject().value(QStringLiteral("valueCode")).toString(),
             QStringLiteral("base"));
    const QJsonObject baseCoding = codingOf(base.value(QStringLiteral("itemCodeableConcept")).toObject(), kHot9);
    QCOMPARE(baseCoding.value(QStringLiteral("code")).toString(), QStringLiteral("620007329"));
    // ソリタ, then JIS 0x215D (MINUS SIGN U+2212 in the JIS X 0208 table), then Ｔ３号輸液５００ｍＬ.
    QCOMPARE(baseCoding.value(QStringLiteral("display")).toString(), QStringLiteral("ソリタ\u2212Ｔ３号輸液５００ｍＬ"));
    QCOMPARE(base.value(QStringLiteral("strength")).toObject().value(QStringLiteral("numerator")).toObject()
                 .value(QStringLiteral("unit")).toString(), QStringLiteral("本"));
    QCOMPARE(additive.value(QStringLiteral("extension")).toArray().first().toObject().value(QStringLiteral("valueCode")).toString(),
             QStringLiteral("additive"));
    QCOMPARE(codingOf(additive.value(QStringLiteral("itemCodeableConcept")).toObject(), kHot9).value(QStringLiteral("display")).toString(),
             QStringLiteral("アドナ注（静脈用）50mg"));
    const QJsonObject dosage = request.value(QStringLiteral("dosageInstruction")).toArray().first().toObject();
    const QJsonObject rate = dosage.value(QStringLiteral("doseAndRate")).toArray().first().toObject().value(QStringLiteral("rateQuantity")).toObject();
    QCOMPARE(rate.value(QStringLiteral("value")).toDouble(), 102.0);
    QCOMPARE(rate.value(QStringLiteral("unit")).toString(), QStringLiteral("ml/hr"));
    QCOMPARE(dosage.value(QStringLiteral("patientInstruction")).toString(), QStringLiteral("５時間一定速度で"));
}

void tst_Ssmix2Import::diagnosisWithIcd10()
{
    importSample();
    // PPR-01: PRB|AD|20110915|20054174^胃炎^MDCDX2|...|K297^^I10^O^外来時^JHSD0004|...|20110831
    const QJsonObject condition = findResource(QStringLiteral("Condition"), [](const QJsonObject &) { return true; });
    const QJsonObject code = condition.value(QStringLiteral("code")).toObject();
    QCOMPARE(codingOf(code, QStringLiteral("http://hl7.org/fhir/sid/icd-10")).value(QStringLiteral("code")).toString(),
             QStringLiteral("K297"));
    const QJsonObject medis = codingOf(code, QStringLiteral("urn:oid:1.2.392.200119.4.101.6"));
    QCOMPARE(medis.value(QStringLiteral("code")).toString(), QStringLiteral("20054174"));
    QCOMPARE(medis.value(QStringLiteral("display")).toString(), QStringLiteral("胃炎"));
    QCOMPARE(condition.value(QStringLiteral("onsetDateTime")).toString(), QStringLiteral("2011-08-31"));
}

void tst_Ssmix2Import::interpretationFlags_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("high") << QStringLiteral("H") << QStringLiteral("H");
    QTest::newRow("low") << QStringLiteral("L") << QStringLiteral("L");
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("garbage") << QStringLiteral("aaa") << QString();
}

void tst_Ssmix2Import::interpretationFlags()
{
    // No result in the sample carries a flag: a message in the OML-11 shape with OBX-8 set.
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    const auto message = Ssmix2::Hl7Message::parse(
        QStringLiteral("MSH|^~\\&|HIS123|SEND|GW|RCV|20111220103059||OUL^R22^OUL_R22|1|P|2.5\r"
                       "PID|0001||9999013\rOBR|1|1||E001^血液学的検査^99O03|||20111219\r"
                       "OBX|1|NM|3A010000002327101^総蛋白^JC10||9.1|g/dl^g/dl^99XYZ|6.70-8.3|%1|||F\r")
            .arg(flag));
    QVERIFY(message);
    const auto mapped = Ssmix2::mapFhir(*message, {QStringLiteral("x"), QStringLiteral("Patient/p1"), kFacility, QStringLiteral("OML-11")});
    QVERIFY(mapped);
    const QJsonObject observation = mapped->resources.first().json;
    const QString code = observation.value(QStringLiteral("interpretation")).toArray().first().toObject()
                             .value(QStringLiteral("coding")).toArray().first().toObject().value(QStringLiteral("code")).toString();
    QCOMPARE(code, expected);
}

void tst_Ssmix2Import::unitTextOverUcumCode_data()
{
    // OBX-6 is a CE (HL7 v2.5 §2.A.8): identifier ^ text ^ coding system. \S\ is an escaped
    // component separator (§2.7.4), so the text "10\S\3/μL" reads "10^3/μL".
    QTest::addColumn<QString>("obx6");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("code");
    QTest::newRow("UCUM code with printed text")
        << QStringLiteral("10*3/uL^10\\S\\3/μL^ISO+") << QStringLiteral("10^3/μL")
        << QStringLiteral("http://unitsofmeasure.org") << QStringLiteral("10*3/uL");
    QTest::newRow("UCUM code alone") << QStringLiteral("mg/dL^^ISO+") << QStringLiteral("mg/dL")
                                     << QStringLiteral("http://unitsofmeasure.org") << QStringLiteral("mg/dL");
    QTest::newRow("local code and text") << QStringLiteral("G/DL^g/dl^99XYZ") << QStringLiteral("g/dl")
                                         << QString() << QString();
    QTest::newRow("text only") << QStringLiteral("^mL/分/1.73m2") << QStringLiteral("mL/分/1.73m2")
                               << QString() << QString();
}

void tst_Ssmix2Import::unitTextOverUcumCode()
{
    QFETCH(QString, obx6);
    QFETCH(QString, unit);
    QFETCH(QString, system);
    QFETCH(QString, code);
    const auto message = Ssmix2::Hl7Message::parse(
        QStringLiteral("MSH|^~\\&|HIS123|SEND|GW|RCV|20111220103059||OUL^R22^OUL_R22|1|P|2.5\r"
                       "PID|0001||9999013\rOBR|1|1||E001^血液学的検査^99O03|||20111219\r"
                       "OBX|1|NM|2A990000001930101^白血球数^JC10||6.2|%1|3.3-8.6||||F\r")
            .arg(obx6));
    QVERIFY(message);
    const auto mapped = Ssmix2::mapFhir(*message, {QStringLiteral("x"), QStringLiteral("Patient/p1"), kFacility, QStringLiteral("OML-11")});
    QVERIFY(mapped);
    const QJsonObject quantity = mapped->resources.first().json.value(QStringLiteral("valueQuantity")).toObject();
    QCOMPARE(quantity.value(QStringLiteral("value")).toDouble(), 6.2);
    QCOMPARE(quantity.value(QStringLiteral("unit")).toString(), unit);
    QCOMPARE(quantity.value(QStringLiteral("system")).toString(), system);
    QCOMPARE(quantity.value(QStringLiteral("code")).toString(), code);
}

void tst_Ssmix2Import::garbageFieldsNeverCrash()
{
    // 0000001's OMP-11 holds "aaa"/"bbb" in OBX and TQ1 and bare segment names: imported, the
    // two real RXAs kept, under 0000001 (its PID-3 says 9999013: reported, demographics not taken).
    importSample();
    const auto rows = ResourceRepository(*m_store).forPatient(patientId(QStringLiteral("0000001")));
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    for (const ResourceRow &row : *rows)
        QCOMPARE(row.type, QStringLiteral("MedicationAdministration"));
}


namespace {

/// Writes \a bytes at ROOT/\a relative, creating folders.
bool writeFile(const QString &root, const QString &relative, const QByteArray &bytes)
{
    const QString path = root + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

void tst_Ssmix2Import::extendedStorageDocuments()
{
    // A tiny extended storage (拡張ストレージ) of patient 1234567: a CDA discharge summary under
    // a LOINC folder, a referral letter as PDF, a progress note as text under a Japanese folder
    // name, and two files it cannot use.
    QTemporaryDir storage;
    QVERIFY(storage.isValid());
    const QString root = storage.path();
    const QByteArray cda = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n"
        "  <code code=\"18842-5\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"退院時サマリー\"/>\n"
        "  <title>退院時サマリー（肺炎）</title>\n"
        "  <effectiveTime value=\"20250115103000+0900\"/>\n"
        "  <author><assignedAuthor><representedOrganization><name>登呂病院 内科</name>"
        "</representedOrganization></assignedAuthor></author>\n"
        "  <component><structuredBody><component><section><title>入院経過</title>"
        "<text>軽快</text></section></component></structuredBody></component>\n"
        "</ClinicalDocument>\n").toUtf8();
    const QByteArray pdf("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const QByteArray text = QStringLiteral("経過良好。内服継続。\n").toUtf8();
    const QString folder = QStringLiteral("123/456/1234567/20250110/");
    QVERIFY(writeFile(root, folder + QStringLiteral("18842-5/summary.xml"), cda));
    QVERIFY(writeFile(root, folder + QStringLiteral("57133-1/referral.pdf"), pdf));
    QVERIFY(writeFile(root, folder + QStringLiteral("経過記録/note.txt"), text));
    QVERIFY(writeFile(root, folder + QStringLiteral("18842-5/broken.xml"), QByteArray("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>")));
    QVERIFY(writeFile(root, folder + QStringLiteral("18842-5/scan.png"), QByteArray("\x89PNG")));

    const auto report = Ssmix2Importer(*m_store, kFacility).importStorage(root);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->files, 5);
    QCOMPARE(report->imported, 3);
    QCOMPARE(report->failed, 2);
    QCOMPARE(report->resources, 6);
    QStringList failedPaths;
    for (const auto &problem : report->problems) {
        if (problem.level == Ssmix2ImportReport::Problem::Level::Failed)
            failedPaths << QFileInfo(problem.path).fileName() + QLatin1Char(':') + problem.reason;
    }
    failedPaths.sort();
    QCOMPARE(failedPaths.size(), 2);
    QVERIFY2(failedPaths[0].startsWith(QLatin1String("broken.xml:XML does not parse")), qPrintable(failedPaths[0]));
    QVERIFY2(failedPaths[1].startsWith(QLatin1String("scan.png:extended storage file is not CDA")), qPrintable(failedPaths[1]));

    const QString patient = patientId(QStringLiteral("1234567"));
    QVERIFY(!patient.isEmpty());
    const auto references = ResourceRepository(*m_store).forPatient(patient, QStringLiteral("DocumentReference"));
    const auto binaries = ResourceRepository(*m_store).forPatient(patient, QStringLiteral("Binary"));
    QVERIFY(references && binaries);
    QCOMPARE(references->size(), 3);
    QCOMPARE(binaries->size(), 3);

    struct Expected { QString title; QString loinc; QString kind; QString date; QString contentType; QByteArray bytes; };
    const QList<Expected> expected{
        {QStringLiteral("退院時サマリー（肺炎）"), QStringLiteral("18842-5"), QStringLiteral("summaries"),
         QStringLiteral("2025-01-15T10:30:00+09:00"), QStringLiteral("text/xml"), cda},
        {QStringLiteral("referral.pdf"), QStringLiteral("57133-1"), QStringLiteral("physician-records"),
         QStringLiteral("2025-01-10T00:00:00+09:00"), QStringLiteral("application/pdf"), pdf},
        {QStringLiteral("note.txt"), QStringLiteral("11506-3"), QStringLiteral("physician-records"),
         QStringLiteral("2025-01-10T00:00:00+09:00"), QStringLiteral("text/plain; charset=utf-8"), text},
    };
    for (const Expected &e : expected) {
        const ResourceRow *row = nullptr;
        for (const ResourceRow &candidate : *references) {
            if (json(candidate).value(QStringLiteral("description")).toString() == e.title)
                row = &candidate;
        }
        QVERIFY2(row, qPrintable(e.title));
        const QJsonObject reference = json(*row);
        QCOMPARE(row->kind, e.kind);
        QCOMPARE(row->code, QStringLiteral("http://loinc.org|") + e.loinc);
        QCOMPARE(reference.value(QStringLiteral("status")).toString(), QStringLiteral("current"));
        QCOMPARE(codingOf(reference.value(QStringLiteral("type")).toObject(), QStringLiteral("http://loinc.org"))
                     .value(QStringLiteral("code")).toString(), e.loinc);
        QCOMPARE(reference.value(QStringLiteral("date")).toString(), e.date);
        QCOMPARE(reference.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(),
                 QStringLiteral("Patient/") + patient);
        QCOMPARE(reference.value(QStringLiteral("meta")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("urn:renkei:facility:nho"));
        QVERIFY(!reference.value(QStringLiteral("category")).toArray().isEmpty());
        // The CDA's author organization is kept; the PDF and text tell none.
        QCOMPARE(reference.value(QStringLiteral("author")).toArray().first().toObject().value(QStringLiteral("display")).toString(),
                 e.contentType == QLatin1String("text/xml") ? QStringLiteral("登呂病院 内科") : QString());
        const QJsonObject attachment = reference.value(QStringLiteral("content")).toArray().first().toObject()
                                           .value(QStringLiteral("attachment")).toObject();
        QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(), e.contentType);
        QCOMPARE(attachment.value(QStringLiteral("title")).toString(), e.title);
        QCOMPARE(attachment.value(QStringLiteral("size")).toInt(), int(e.bytes.size()));
        QCOMPARE(attachment.value(QStringLiteral("hash")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(e.bytes, QCryptographicHash::Sha1).toBase64()));
        const QString url = attachment.value(QStringLiteral("url")).toString();
        QVERIFY(url.startsWith(QLatin1String("Binary/")));
        const auto binaryRow = ResourceRepository(*m_store).read(url.mid(7));
        QVERIFY(binaryRow && binaryRow->has_value());
        QCOMPARE((*binaryRow)->kind, e.kind);
        const QJsonObject binary = json(**binaryRow);
        QCOMPARE(binary.value(QStringLiteral("contentType")).toString(), e.contentType);
        QCOMPARE(QByteArray::fromBase64(binary.value(QStringLiteral("data")).toString().toLatin1()), e.bytes);
        QCOMPARE(binary.value(QStringLiteral("securityContext")).toObject().value(QStringLiteral("reference")).toString(),
                 QStringLiteral("DocumentReference/") + reference.value(QStringLiteral("id")).toString());
    }

    // Idempotent: the same storage again changes nothing; a rewritten document replaces its record.
    const auto again = Ssmix2Importer(*m_store, kFacility).importStorage(root);
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(again->resources, 0);
    QVERIFY(writeFile(root, folder + QStringLiteral("経過記録/note.txt"), QStringLiteral("退院後も経過良好。\n").toUtf8()));
    const auto rewritten = Ssmix2Importer(*m_store, kFacility).importStorage(root);
    QVERIFY(rewritten);
    QCOMPARE(rewritten->replaced, 1);
    QCOMPARE(rewritten->unchanged, 2);
    QCOMPARE(*ResourceRepository(*m_store).count(QStringLiteral("Binary")), 3);
}

QTEST_GUILESS_MAIN(tst_Ssmix2Import)
#include "tst_ssmix2import.moc"

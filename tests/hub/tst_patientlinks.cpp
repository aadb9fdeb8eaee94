// Patient identity against a real SQLite store: links join what record searches and
// $everything return, never widen consent, undo pair by pair; suggestions never link.
#include "commands.h"
#include "consents.h"
#include "facilities.h"
#include "fhirpatient.h"
#include "patientlinks.h"
#include "patientrepository.h"
#include "resourcerepository.h"
#include "store.h"
#include "visiblerecords.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
const QString kClinic = QStringLiteral("clinic-a");
const QString kShinshu = QStringLiteral("hosp-s");
const QString kMatsumoto = QStringLiteral("hosp-m");

// One person registered at both hospitals (different local IDs, kana typed in hiragana at one),
// plus a different person with the same birth date and another with the same name.
struct Person
{
    const char *id, *family, *given, *familyKana, *givenKana, *birth, *gender, *facility, *localId;
};
const Person kPeople[] = {
    {"pa", "山田", "花子", "ヤマダ", "ハナコ", "1952-07-15", "female", "hosp-s", "S001"},
    {"pb", "山田", "花子", "やまだ", "はなこ", "1952-07-15", "unknown", "hosp-m", "M777"},
    {"pc", "佐藤", "次郎", "サトウ", "ジロウ", "1952-07-15", "male", "hosp-m", "M778"},
    {"pd", "山田", "花子", "ヤマダ", "ハナコ", "1980-01-01", "female", "hosp-m", "M779"},
    {"pe", "山田", "花子", "ヤマダ", "ハナコ", "1952-07-15", "male", "hosp-m", "M780"}, // sex conflicts with pa
};
} // namespace

class tst_PatientLinks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void unlinkedPatientsAreSeparate();
    void linkJoinsSearchAndEverything();
    void linkNeverWidensConsent();
    void linksAreTransitiveAndUndonePairByPair();
    void linkRefusesNonsense();
    void patientShowsVisibleLinksAndIdentifiers();
    void suggestionsMatchNameOrKanaBirthAndSex();
    void commandLine();

private:
    QSet<QString> ids(const VisibleRecords::Page &page) const;
    QSet<QString> searchObservations(const QString &patient);
    QSet<QString> everything(const QString &patient);
    void addObservation(const QString &id, const QString &patient, const QString &facility);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void tst_PatientLinks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    FacilityRepository facilities(*m_store);
    QVERIFY(facilities.add({kClinic, QStringLiteral("Aクリニック"), QStringLiteral("clinic")}));
    QVERIFY(facilities.add({kShinshu, QStringLiteral("S病院"), QStringLiteral("hospital")}));
    QVERIFY(facilities.add({kMatsumoto, QStringLiteral("M病院"), QStringLiteral("hospital")}));
    PatientRepository patients(*m_store);
    ConsentRepository consents(*m_store);
    for (const Person &p : kPeople) {
        Patient patient{QString::fromUtf8(p.id), QString::fromUtf8(p.family), QString::fromUtf8(p.given),
                        QString::fromUtf8(p.familyKana), QString::fromUtf8(p.givenKana), QString::fromUtf8(p.birth),
                        QString::fromUtf8(p.gender), {{QString::fromUtf8(p.facility), {}, QString::fromUtf8(p.localId)}}, {}};
        QVERIFY(patients.add(patient));
        QVERIFY(consents.grant(patient.id, kClinic));
        addObservation(patient.id + QStringLiteral("-obs"), patient.id, QString::fromUtf8(p.facility));
    }
}

void tst_PatientLinks::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_PatientLinks::addObservation(const QString &id, const QString &patient, const QString &facility)
{
    const QByteArray json = QStringLiteral(R"({"resourceType":"Observation","id":"%1","status":"final","code":{"text":"x"},)"
                                           R"("subject":{"reference":"Patient/%2"},"meta":{"source":"urn:renkei:facility:%3"}})")
                                .arg(id, patient, facility).toUtf8();
    QVERIFY(m_store->beginTransaction());
    QVERIFY(ResourceRepository(*m_store).replaceSource(facility, id, QStringLiteral("v1"), patient,
                                                       {{id, QStringLiteral("Observation"), patient, facility, QStringLiteral("labs"),
                                                         QStringLiteral("2024-01-01"), {}, json}}));
    QVERIFY(m_store->commit());
}

QSet<QString> tst_PatientLinks::ids(const VisibleRecords::Page &page) const
{
    QSet<QString> result;
    for (const ResourceRow &row : page.rows)
        result.insert(row.id);
    return result;
}

QSet<QString> tst_PatientLinks::searchObservations(const QString &patient)
{
    RecordQuery query;
    query.type = QStringLiteral("Observation");
    query.patients << patient;
    const auto page = VisibleRecords(*m_store, kClinic).search(query);
    return page ? ids(*page) : QSet<QString>{QStringLiteral("ERROR ") + page.error()};
}

QSet<QString> tst_PatientLinks::everything(const QString &patient)
{
    const auto page = VisibleRecords(*m_store, kClinic).everything(patient, EverythingQuery(), 0, 100);
    return page ? ids(*page) : QSet<QString>{QStringLiteral("ERROR ") + page.error()};
}

void tst_PatientLinks::unlinkedPatientsAreSeparate()
{
    QCOMPARE(searchObservations(QStringLiteral("pa")), QSet<QString>{QStringLiteral("pa-obs")});
    QCOMPARE(everything(QStringLiteral("pb")), QSet<QString>{QStringLiteral("pb-obs")});
}

void tst_PatientLinks::linkJoinsSearchAndEverything()
{
    QVERIFY(PatientLinks(*m_store).link(QStringLiteral("pb"), QStringLiteral("pa")));
    const QSet<QString> both{QStringLiteral("pa-obs"), QStringLiteral("pb-obs")};
    QCOMPARE(searchObservations(QStringLiteral("pa")), both);
    QCOMPARE(searchObservations(QStringLiteral("pb")), both);
    QCOMPARE(everything(QStringLiteral("pa")), both);
    QCOMPARE(everything(QStringLiteral("pb")), both);
    // Each record keeps its own patient and source facility.
    const auto row = VisibleRecords(*m_store, kClinic).read(QStringLiteral("Observation"), QStringLiteral("pb-obs"));
    QVERIFY(row && row->has_value());
    QCOMPARE((*row)->patient, QStringLiteral("pb"));
    QCOMPARE((*row)->facility, kMatsumoto);
    // An unrelated patient is untouched.
    QCOMPARE(everything(QStringLiteral("pc")), QSet<QString>{QStringLiteral("pc-obs")});
}

void tst_PatientLinks::linkNeverWidensConsent()
{
    QVERIFY(PatientLinks(*m_store).link(QStringLiteral("pa"), QStringLiteral("pb")));
    QVERIFY(ConsentRepository(*m_store).withdraw(QStringLiteral("pb"), kClinic));
    // pb's records need pb's own consent, even through pa.
    QCOMPARE(everything(QStringLiteral("pa")), QSet<QString>{QStringLiteral("pa-obs")});
    QCOMPARE(searchObservations(QStringLiteral("pa")), QSet<QString>{QStringLiteral("pa-obs")});
    const auto patient = PatientRepository(*m_store).readVisible(kClinic, QStringLiteral("pa"));
    QVERIFY(patient && patient->has_value());
    QVERIFY((*patient)->links.isEmpty());
    QCOMPARE((*patient)->identifiers.size(), 1);
    QVERIFY(ConsentRepository(*m_store).grant(QStringLiteral("pb"), kClinic));
    QCOMPARE(everything(QStringLiteral("pa")).size(), 2);
}

void tst_PatientLinks::linksAreTransitiveAndUndonePairByPair()
{
    PatientLinks links(*m_store);
    QVERIFY(links.link(QStringLiteral("pa"), QStringLiteral("pb")));
    QVERIFY(links.link(QStringLiteral("pb"), QStringLiteral("pd")));
    QCOMPARE(*links.personOf(QStringLiteral("pd")), (QStringList{QStringLiteral("pa"), QStringLiteral("pb"), QStringLiteral("pd")}));
    QCOMPARE(everything(QStringLiteral("pa")).size(), 3);
    QCOMPARE(links.list()->size(), 2);

    QVERIFY(links.unlink(QStringLiteral("pd"), QStringLiteral("pb")));
    QCOMPARE(*links.personOf(QStringLiteral("pd")), QStringList{QStringLiteral("pd")});
    QCOMPARE(everything(QStringLiteral("pa")).size(), 2);
    const Status again = links.unlink(QStringLiteral("pd"), QStringLiteral("pb"));
    QVERIFY(!again);
    QVERIFY(again.error().contains(QStringLiteral("not linked")));
}

void tst_PatientLinks::linkRefusesNonsense()
{
    PatientLinks links(*m_store);
    QVERIFY(!links.link(QStringLiteral("pa"), QStringLiteral("pa")));
    const Status unknown = links.link(QStringLiteral("pa"), QStringLiteral("nobody"));
    QVERIFY(!unknown);
    QVERIFY(unknown.error().contains(QStringLiteral("unknown patient 'nobody'")));
    QVERIFY(links.link(QStringLiteral("pa"), QStringLiteral("pb")));
    const Status twice = links.link(QStringLiteral("pb"), QStringLiteral("pa"));
    QVERIFY(!twice);
    QVERIFY(twice.error().contains(QStringLiteral("already linked")));
}

void tst_PatientLinks::patientShowsVisibleLinksAndIdentifiers()
{
    QVERIFY(PatientLinks(*m_store).link(QStringLiteral("pa"), QStringLiteral("pb")));
    const auto patient = PatientRepository(*m_store).readVisible(kClinic, QStringLiteral("pa"));
    QVERIFY(patient && patient->has_value());
    QCOMPARE((*patient)->links, QStringList{QStringLiteral("pb")});
    QStringList local;
    for (const PatientIdentifier &i : (*patient)->identifiers)
        local << i.facility + QLatin1Char(':') + i.value;
    QCOMPARE(local, (QStringList{QStringLiteral("hosp-s:S001"), QStringLiteral("hosp-m:M777")}));
    // FHIR Patient.link, type "seealso" (R4 link-type: another Patient holding data of the same person).
    const QJsonObject json = fhirPatient(**patient);
    const QJsonObject link = json.value(QStringLiteral("link")).toArray().first().toObject();
    QCOMPARE(link.value(QStringLiteral("type")).toString(), QStringLiteral("seealso"));
    QCOMPARE(link.value(QStringLiteral("other")).toObject().value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/pb"));
}

void tst_PatientLinks::suggestionsMatchNameOrKanaBirthAndSex()
{
    PatientLinks links(*m_store);
    auto suggestions = links.suggestions();
    QVERIFY2(suggestions, qPrintable(suggestions.error()));
    // pa–pb: same kanji, kana (hiragana vs katakana folded) and birth date; pb's sex unknown.
    // pb–pe: the same, pe male. pa–pe: sexes conflict. pc: other name. pd: other birth date.
    QCOMPARE(suggestions->size(), 2);
    QCOMPARE(suggestions->at(0).a.id, QStringLiteral("pa"));
    QCOMPARE(suggestions->at(0).b.id, QStringLiteral("pb"));
    QCOMPARE(suggestions->at(0).reason, QStringLiteral("same name, kana, birth date; sex unknown for one"));
    QCOMPARE(suggestions->at(1).a.id, QStringLiteral("pb"));
    QCOMPARE(suggestions->at(1).b.id, QStringLiteral("pe"));
    // Nothing was linked by suggesting.
    QVERIFY(links.list()->isEmpty());
    // A linked pair is not suggested again.
    QVERIFY(links.link(QStringLiteral("pa"), QStringLiteral("pb")));
    suggestions = links.suggestions();
    QCOMPARE(suggestions->size(), 1);
    QCOMPARE(suggestions->at(0).b.id, QStringLiteral("pe"));
}

void tst_PatientLinks::commandLine()
{
    const QString dir = m_dir->path();
    m_store.reset(); // the command opens the database itself
    QCOMPARE(runCommandLine({QStringLiteral("patient"), QStringLiteral("link"), QStringLiteral("--dir"), dir,
                             QStringLiteral("pa"), QStringLiteral("pb")}), 0);
    QCOMPARE(runCommandLine({QStringLiteral("patient"), QStringLiteral("link"), QStringLiteral("--dir"), dir,
                             QStringLiteral("pa"), QStringLiteral("nobody")}), 1);
    QCOMPARE(runCommandLine({QStringLiteral("patient"), QStringLiteral("link"), QStringLiteral("--dir"), dir,
                             QStringLiteral("pa")}), 2); // usage: B missing
    QCOMPARE(runCommandLine({QStringLiteral("patient"), QStringLiteral("suggest-links"), QStringLiteral("--dir"), dir}), 0);
    QCOMPARE(runCommandLine({QStringLiteral("patient"), QStringLiteral("unlink"), QStringLiteral("--dir"), dir,
                             QStringLiteral("pb"), QStringLiteral("pa")}), 0);
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::MustExist);
    QVERIFY(store);
    QVERIFY(PatientLinks(**store).list()->isEmpty());
}

QTEST_GUILESS_MAIN(tst_PatientLinks)
#include "tst_patientlinks.moc"

#include "consents.h"
#include "facilities.h"
#include "patientrepository.h"
#include "store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(PatientQuery)

namespace {
const QString kClinic = QStringLiteral("clinic-a");
const QString kOtherClinic = QStringLiteral("clinic-b");
const QString kHospital = QStringLiteral("hosp-h");

PatientQuery byName(const QString &name)
{
    PatientQuery query;
    query.names << name;
    return query;
}
} // namespace

/// The consent rule against a real SQLite store: a facility sees a patient only while an
/// active consent (patient, that facility) exists, and every query re-checks it.
class tst_Consent : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void grantWithdrawRegrant_data();
    void grantWithdrawRegrant();
    void otherFacilityNeverSees();
    void noConsentNotFound();
    void withdrawalBySecondConnectionIsSeenAtOnce();
    void consentList();
    void unknownPatientOrFacilityRefused();

private:
    QStringList visibleIds(const QString &facility, const PatientQuery &query);
    bool readable(const QString &facility, const QString &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void tst_Consent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);

    FacilityRepository facilities(*m_store);
    QVERIFY(facilities.add({kClinic, QStringLiteral("Aクリニック"), QStringLiteral("clinic")}));
    QVERIFY(facilities.add({kOtherClinic, QStringLiteral("Bクリニック"), QStringLiteral("clinic")}));
    QVERIFY(facilities.add({kHospital, QStringLiteral("H病院"), QStringLiteral("hospital")}));

    PatientRepository patients(*m_store);
    Patient yamada{QStringLiteral("p1"), QStringLiteral("山田"), QStringLiteral("太郎"),
                   QStringLiteral("ヤマダ"), QStringLiteral("タロウ"), QStringLiteral("1948-03-02"),
                   QStringLiteral("male"), {{kHospital, {}, QStringLiteral("0012345")}}, {}};
    Patient suzuki{QStringLiteral("p2"), QStringLiteral("鈴木"), QStringLiteral("花子"),
                   QStringLiteral("スズキ"), QStringLiteral("ハナコ"), QStringLiteral("1960-07-15"),
                   QStringLiteral("female"), {{kHospital, {}, QStringLiteral("0054321")}}, {}};
    QVERIFY(patients.add(yamada));
    QVERIFY(patients.add(suzuki));
}

void tst_Consent::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QStringList tst_Consent::visibleIds(const QString &facility, const PatientQuery &query)
{
    const auto result = PatientRepository(*m_store).search(facility, query);
    if (!result) {
        qWarning() << result.error();
        return {QStringLiteral("<error>")};
    }
    QStringList ids;
    for (const Patient &patient : result->patients)
        ids << patient.id;
    if (result->total != ids.size())
        ids << QStringLiteral("<total mismatch>");
    return ids;
}

bool tst_Consent::readable(const QString &facility, const QString &id)
{
    const auto patient = PatientRepository(*m_store).readVisible(facility, id);
    return patient && patient->has_value() && (*patient)->id == id;
}

void tst_Consent::grantWithdrawRegrant_data()
{
    QTest::addColumn<PatientQuery>("query");

    QTest::newRow("kanji name") << byName(QStringLiteral("山田"));
    QTest::newRow("katakana") << byName(QStringLiteral("ヤマダ タロウ"));
    QTest::newRow("hiragana") << byName(QStringLiteral("たろう"));
    QTest::newRow("half-width kana") << byName(QStringLiteral("ﾔﾏﾀﾞ"));
    PatientQuery networkId;
    networkId.identifiers << PatientQuery::Identifier{PatientQuery::Identifier::Kind::NetworkId, {}, QStringLiteral("p1")};
    QTest::newRow("network ID") << networkId;
    PatientQuery localId;
    localId.identifiers << PatientQuery::Identifier{PatientQuery::Identifier::Kind::FacilityLocalId, kHospital, QStringLiteral("0012345")};
    QTest::newRow("hospital's local ID") << localId;
    PatientQuery born;
    born.birthDates << PatientQuery::DateCondition{QStringLiteral(">="), QStringLiteral("1948-03-02")}
                    << PatientQuery::DateCondition{QStringLiteral("<="), QStringLiteral("1948-03-02")};
    QTest::newRow("birth date") << born;
}

void tst_Consent::grantWithdrawRegrant()
{
    QFETCH(PatientQuery, query);
    ConsentRepository consents(*m_store);

    QCOMPARE(visibleIds(kClinic, query), QStringList());
    QVERIFY(!readable(kClinic, QStringLiteral("p1")));

    QVERIFY(consents.grant(QStringLiteral("p1"), kClinic));
    QCOMPARE(visibleIds(kClinic, query), QStringList{QStringLiteral("p1")});
    QVERIFY(readable(kClinic, QStringLiteral("p1")));

    QVERIFY(consents.withdraw(QStringLiteral("p1"), kClinic));
    QCOMPARE(visibleIds(kClinic, query), QStringList());
    QVERIFY(!readable(kClinic, QStringLiteral("p1")));

    QVERIFY(consents.grant(QStringLiteral("p1"), kClinic));
    QCOMPARE(visibleIds(kClinic, query), QStringList{QStringLiteral("p1")});
    QVERIFY(readable(kClinic, QStringLiteral("p1")));
}

void tst_Consent::otherFacilityNeverSees()
{
    QVERIFY(ConsentRepository(*m_store).grant(QStringLiteral("p1"), kClinic));
    QCOMPARE(visibleIds(kOtherClinic, byName(QStringLiteral("山田"))), QStringList());
    QVERIFY(!readable(kOtherClinic, QStringLiteral("p1")));
    // Holding the patient's records does not let the hospital browse them either.
    QCOMPARE(visibleIds(kHospital, byName(QStringLiteral("山田"))), QStringList());
    QVERIFY(!readable(kHospital, QStringLiteral("p1")));
}

void tst_Consent::noConsentNotFound()
{
    QVERIFY(ConsentRepository(*m_store).grant(QStringLiteral("p1"), kClinic));
    QCOMPARE(visibleIds(kClinic, byName(QStringLiteral("鈴木"))), QStringList());
    QVERIFY(!readable(kClinic, QStringLiteral("p2")));
    QVERIFY(!readable(kClinic, QStringLiteral("does-not-exist")));
    PatientQuery female;
    female.genders << QStringLiteral("female");
    QCOMPARE(visibleIds(kClinic, female), QStringList());
}

void tst_Consent::withdrawalBySecondConnectionIsSeenAtOnce()
{
    QVERIFY(ConsentRepository(*m_store).grant(QStringLiteral("p1"), kClinic));
    QVERIFY(readable(kClinic, QStringLiteral("p1")));

    // What `renkei-hub consent withdraw` does while `serve` runs: another connection writes.
    auto admin = Store::open(m_store->path(), Store::OpenMode::MustExist);
    QVERIFY2(admin, qPrintable(admin.error()));
    QVERIFY(ConsentRepository(**admin).withdraw(QStringLiteral("p1"), kClinic));

    QVERIFY(!readable(kClinic, QStringLiteral("p1")));
    QCOMPARE(visibleIds(kClinic, byName(QStringLiteral("山田"))), QStringList());
}

void tst_Consent::consentList()
{
    ConsentRepository consents(*m_store);
    QVERIFY(consents.grant(QStringLiteral("p1"), kClinic));
    QVERIFY(consents.withdraw(QStringLiteral("p2"), kClinic));
    QVERIFY(consents.grant(QStringLiteral("p1"), kOtherClinic));
    const auto list = consents.list();
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    QStringList rows;
    for (const Consent &c : *list)
        rows << c.patient + QLatin1Char('/') + c.facility + QLatin1Char('/') + c.status;
    QCOMPARE(rows, (QStringList{QStringLiteral("p1/clinic-a/active"), QStringLiteral("p1/clinic-b/active"),
                                QStringLiteral("p2/clinic-a/inactive")}));
}

void tst_Consent::unknownPatientOrFacilityRefused()
{
    ConsentRepository consents(*m_store);
    QVERIFY(!consents.grant(QStringLiteral("p9"), kClinic));
    QVERIFY(!consents.grant(QStringLiteral("p1"), QStringLiteral("nowhere")));
}

QTEST_GUILESS_MAIN(tst_Consent)
#include "tst_consent.moc"

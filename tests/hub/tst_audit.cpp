#include "audit.h"
#include "store.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_Audit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void chainLinksRows();
    void hashIsSha256OfTheFields();
    void updateAndDeleteRefused_data();
    void updateAndDeleteRefused();
    void tamperingDetected_data();
    void tamperingDetected();

private:
    void appendSome();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void tst_Audit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
}

void tst_Audit::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_Audit::appendSome()
{
    AuditLog audit(*m_store);
    QVERIFY(audit.append({QStringLiteral("demo-doctor"), QStringLiteral("clinic-azumino"),
                          QStringLiteral("login"), {}, {}, QStringLiteral("success")}));
    QVERIFY(audit.append({QStringLiteral("demo-doctor"), QStringLiteral("clinic-azumino"),
                          QStringLiteral("search"), {}, QStringLiteral("name=山田"), QStringLiteral("success")}));
    QVERIFY(audit.append({QStringLiteral("demo-doctor"), QStringLiteral("clinic-azumino"),
                          QStringLiteral("read"), QStringLiteral("p00001"), {}, QStringLiteral("success")}));
}

void tst_Audit::chainLinksRows()
{
    appendSome();
    const auto entries = AuditLog(*m_store).list();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(0).seq, 1);
    QCOMPARE(entries->at(0).prevHash, QString(64, QLatin1Char('0')));
    QCOMPARE(entries->at(1).prevHash, entries->at(0).hash);
    QCOMPARE(entries->at(2).prevHash, entries->at(1).hash);
    QVERIFY(entries->at(0).time.endsWith(QLatin1Char('Z')));
    QCOMPARE(*AuditLog(*m_store).verify(), QString());
}

void tst_Audit::hashIsSha256OfTheFields()
{
    appendSome();
    const AuditEntry e = AuditLog(*m_store).list()->at(2);
    // Recomputed here from the documented layout: fields joined by U+001F.
    const QByteArray data = QStringList{e.prevHash, QString::number(e.seq), e.time, e.user,
                                        e.facility, e.action, e.patient, e.detail, e.outcome}
                                .join(QChar(0x1f)).toUtf8();
    QCOMPARE(e.hash, QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
}

void tst_Audit::updateAndDeleteRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update") << QStringLiteral("UPDATE audit SET outcome = 'failure' WHERE seq = 2");
    QTest::newRow("delete one") << QStringLiteral("DELETE FROM audit WHERE seq = 3");
    QTest::newRow("delete all") << QStringLiteral("DELETE FROM audit");
}

void tst_Audit::updateAndDeleteRefused()
{
    QFETCH(QString, sql);
    appendSome();
    const auto result = m_store->exec(sql);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(QLatin1String("append-only")), qPrintable(result.error()));
    QCOMPARE(AuditLog(*m_store).list()->size(), 3);
}

void tst_Audit::tamperingDetected_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("expectedProblem");
    QTest::newRow("edited outcome")
        << QStringLiteral("UPDATE audit SET outcome = 'failure' WHERE seq = 2") << QStringLiteral("row 2");
    QTest::newRow("removed row") << QStringLiteral("DELETE FROM audit WHERE seq = 2") << QStringLiteral("row 3");
    QTest::newRow("rehashed row without relinking")
        << QStringLiteral("UPDATE audit SET hash = '%1' WHERE seq = 1").arg(QString(64, QLatin1Char('f')))
        << QStringLiteral("row 1");
}

void tst_Audit::tamperingDetected()
{
    QFETCH(QString, tamper);
    QFETCH(QString, expectedProblem);
    appendSome();
    // Someone with raw access to the file could drop the triggers; the chain still tells.
    QVERIFY(m_store->exec(QStringLiteral("DROP TRIGGER audit_no_update")));
    QVERIFY(m_store->exec(QStringLiteral("DROP TRIGGER audit_no_delete")));
    QVERIFY(m_store->exec(tamper));
    const auto problem = AuditLog(*m_store).verify();
    QVERIFY(problem);
    QVERIFY2(problem->startsWith(expectedProblem), qPrintable(*problem));
}

QTEST_GUILESS_MAIN(tst_Audit)
#include "tst_audit.moc"

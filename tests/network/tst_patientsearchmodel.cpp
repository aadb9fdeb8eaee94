// PatientSearchModel (checked by QAbstractItemModelTester) and the ageOn() helper.

#include "age.h"
#include "patientsearchmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {

PatientSummary yamada()
{
    return {QStringLiteral("p00012"), QStringLiteral("山田 太郎"), QStringLiteral("ヤマダ タロウ"),
            QDate(1948, 3, 2), QStringLiteral("male"),
            {QStringLiteral("信州中央病院"), QStringLiteral("松本赤十字病院"), QStringLiteral("信州中央病院")},
            {QStringLiteral("0012345"), QStringLiteral("M-778"), QStringLiteral("0012346")}};
}

PatientSummary sato()
{
    return {QStringLiteral("p00031"), QStringLiteral("佐藤 花子"), QStringLiteral("サトウ ハナコ"),
            QDate(1960, 2, 29), QStringLiteral("female"), {QStringLiteral("信州中央病院")},
            {QStringLiteral("0099001")}};
}

PatientSummary unknownPerson()
{
    return {QStringLiteral("p00044"), QStringLiteral("スズキ イチロウ"), QString(), QDate(),
            QString(), {}, {}};
}

} // namespace

class tst_PatientSearchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ageOn_data();
    void ageOn();
    void modelTesterThroughChanges();
    void displayValues_data();
    void displayValues();
    void roles();
    void headers();
    void patientForIndex();
    void sortsThroughProxy();
    void todayIsInjectable();
};

void tst_PatientSearchModel::ageOn_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("age");

    // 2026 - 1948 = 78, reached on 2 March.
    QTest::newRow("birthday eve") << QDate(1948, 3, 2) << QDate(2026, 3, 1) << 77;
    QTest::newRow("birthday") << QDate(1948, 3, 2) << QDate(2026, 3, 2) << 78;
    QTest::newRow("day after birthday") << QDate(1948, 3, 2) << QDate(2026, 3, 3) << 78;
    QTest::newRow("end of year before birthday") << QDate(1948, 3, 2) << QDate(2025, 12, 31) << 77;
    // 29 February child: 2025 is a common year, so 28 Feb is still before the birthday and
    // the year is completed on 1 March (2025 - 1960 = 65).
    QTest::newRow("leap-day child, 28 Feb of a common year") << QDate(1960, 2, 29) << QDate(2025, 2, 28) << 64;
    QTest::newRow("leap-day child, 1 Mar of a common year") << QDate(1960, 2, 29) << QDate(2025, 3, 1) << 65;
    // 2024 is a leap year: eve on 28 Feb, birthday on 29 Feb (2024 - 1960 = 64).
    QTest::newRow("leap-day child, eve in a leap year") << QDate(1960, 2, 29) << QDate(2024, 2, 28) << 63;
    QTest::newRow("leap-day child, birthday in a leap year") << QDate(1960, 2, 29) << QDate(2024, 2, 29) << 64;
    // 2100 is divisible by 100 but not by 400: not a leap year.
    QTest::newRow("leap-day child, 2100 is not leap") << QDate(2000, 2, 29) << QDate(2100, 2, 28) << 99;
    QTest::newRow("leap-day child, 1 Mar 2100") << QDate(2000, 2, 29) << QDate(2100, 3, 1) << 100;
    QTest::newRow("New Year's Eve birth, eve") << QDate(2000, 12, 31) << QDate(2001, 12, 30) << 0;
    QTest::newRow("New Year's Eve birth, birthday") << QDate(2000, 12, 31) << QDate(2001, 12, 31) << 1;
    QTest::newRow("born today") << QDate(2026, 1, 1) << QDate(2026, 1, 1) << 0;
    QTest::newRow("birth in the future") << QDate(2026, 1, 2) << QDate(2026, 1, 1) << -1;
    QTest::newRow("invalid birth") << QDate() << QDate(2026, 1, 1) << -1;
    QTest::newRow("invalid today") << QDate(1948, 3, 2) << QDate() << -1;
}

void tst_PatientSearchModel::ageOn()
{
    QFETCH(QDate, birth);
    QFETCH(QDate, today);
    QFETCH(int, age);
    QCOMPARE(::ageOn(birth, today), age);
}

void tst_PatientSearchModel::modelTesterThroughChanges()
{
    PatientSearchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(PatientSearchModel::ColumnCount));
    model.setPatients({yamada(), sato(), unknownPerson()});
    QCOMPARE(model.rowCount(), 3);
    model.setPatients({sato()});
    QCOMPARE(model.rowCount(), 1);
    model.setToday(QDate(2030, 1, 1));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setPatients({});
    QCOMPARE(reset.size(), 4);
    // Tables have no children.
    model.setPatients({yamada()});
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void tst_PatientSearchModel::displayValues_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    using M = PatientSearchModel;
    QTest::newRow("name") << 0 << int(M::NameColumn) << QStringLiteral("山田 太郎");
    QTest::newRow("kana") << 0 << int(M::KanaColumn) << QStringLiteral("ヤマダ タロウ");
    QTest::newRow("patient id") << 0 << int(M::PatientIdColumn) << "p00012";
    // Today is fixed to 2026-06-15: 78 after the March birthday.
    QTest::newRow("birth date with age") << 0 << int(M::BirthDateColumn) << "1948-03-02 (age 78)";
    QTest::newRow("leap-day birth date") << 1 << int(M::BirthDateColumn) << "1960-02-29 (age 66)";
    QTest::newRow("no birth date") << 2 << int(M::BirthDateColumn) << QString();
    QTest::newRow("male") << 0 << int(M::SexColumn) << "Male";
    QTest::newRow("female") << 1 << int(M::SexColumn) << "Female";
    QTest::newRow("no gender") << 2 << int(M::SexColumn) << QString();
    QTest::newRow("facilities once each, 、-joined")
        << 0 << int(M::FacilitiesColumn) << QStringLiteral("信州中央病院、松本赤十字病院");
    QTest::newRow("no facilities") << 2 << int(M::FacilitiesColumn) << QString();
}

void tst_PatientSearchModel::displayValues()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    PatientSearchModel model;
    model.setToday(QDate(2026, 6, 15));
    model.setPatients({yamada(), sato(), unknownPerson()});
    QCOMPARE(model.data(model.index(row, column)).toString(), text);
}

void tst_PatientSearchModel::roles()
{
    PatientSearchModel model;
    model.setToday(QDate(2026, 3, 1));
    model.setPatients({yamada()});
    const QModelIndex index = model.index(0, PatientSearchModel::SexColumn);
    QCOMPARE(index.data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00012"));
    QCOMPARE(int(PatientSearchModel::PatientIdRole), int(Qt::UserRole) + 1);
    QCOMPARE(index.data(PatientSearchModel::NameRole).toString(), QStringLiteral("山田 太郎"));
    QCOMPARE(index.data(PatientSearchModel::KanaRole).toString(), QStringLiteral("ヤマダ タロウ"));
    QCOMPARE(index.data(PatientSearchModel::BirthDateRole).toDate(), QDate(1948, 3, 2));
    QCOMPARE(index.data(PatientSearchModel::GenderRole).toString(), QStringLiteral("male"));
    QCOMPARE(index.data(PatientSearchModel::FacilitiesRole).toStringList().size(), 3);
    QCOMPARE(index.data(PatientSearchModel::LocalIdsRole).toStringList().first(), QStringLiteral("0012345"));
    QCOMPARE(index.data(PatientSearchModel::AgeRole).toInt(), 77); // birthday eve
    // Sortable raw values: dates as dates, names by reading.
    QCOMPARE(model.index(0, PatientSearchModel::BirthDateColumn).data(Qt::UserRole).toDate(), QDate(1948, 3, 2));
    QCOMPARE(model.index(0, PatientSearchModel::NameColumn).data(Qt::UserRole).toString(), QStringLiteral("ヤマダ タロウ"));
    QCOMPARE(model.index(0, PatientSearchModel::SexColumn).data(Qt::UserRole).toString(), QStringLiteral("male"));
    const QString tip = model.index(0, PatientSearchModel::FacilitiesColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("松本赤十字病院")) && tip.contains(QLatin1String("M-778")), qPrintable(tip));
    QVERIFY(model.roleNames().contains(PatientSearchModel::PatientIdRole));
    QVERIFY(!model.data(QModelIndex()).isValid());
}

void tst_PatientSearchModel::headers()
{
    PatientSearchModel model;
    QStringList titles;
    for (int c = 0; c < model.columnCount(); ++c)
        titles << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(titles, (QStringList{"Name", "Kana", "Patient ID", "Date of birth", "Sex",
                                  "Disclosing facilities"}));
}

void tst_PatientSearchModel::patientForIndex()
{
    PatientSearchModel model;
    model.setPatients({yamada(), sato()});
    QCOMPARE(model.patient(model.index(1, 3)), sato());
    QCOMPARE(model.patient(QModelIndex()), PatientSummary());
}

void tst_PatientSearchModel::sortsThroughProxy()
{
    PatientSearchModel model;
    model.setPatients({yamada(), sato(), unknownPerson()});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(PatientSearchModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(PatientSearchModel::BirthDateColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00031"));
    QCOMPARE(proxy.index(1, 0).data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00012"));

    proxy.sort(PatientSearchModel::NameColumn, Qt::AscendingOrder);
    // By reading サトウ < スズキ < ヤマダ; code points of the names would put スズキ first.
    QCOMPARE(proxy.index(0, 0).data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00031"));
    QCOMPARE(proxy.index(1, 0).data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00044"));
    QCOMPARE(proxy.index(2, 0).data(PatientSearchModel::PatientIdRole).toString(), QStringLiteral("p00012"));
}

void tst_PatientSearchModel::todayIsInjectable()
{
    PatientSearchModel model;
    model.setPatients({yamada()});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setToday(QDate(2000, 3, 2));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, PatientSearchModel::BirthDateColumn).data().toString(),
             QStringLiteral("1948-03-02 (age 52)"));
    model.setToday(QDate());
    QCOMPARE(model.today(), QDate::currentDate());
}

QTEST_GUILESS_MAIN(tst_PatientSearchModel)
#include "tst_patientsearchmodel.moc"

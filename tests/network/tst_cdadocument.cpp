// CDA R2 → readable sections. Expected values come from the hub's demo discharge summary
// (hub/demodocuments.h documents its section titles and fixed texts) and from a hand-written
// letter (tests/network/data/cda/narrative.xml) whose content is read off the file itself.

#include "cdadocument.h"
#include "../../hub/demodocuments.h" // the demo network's discharge summaries

#include <QFile>
#include <QTest>
#include <QTimeZone>

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/cda/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

DemoDocuments::DischargeSummary demoSummary()
{
    const QTimeZone jst = QTimeZone(9 * 3600);
    return {QStringLiteral("hosp-matsumoto"), QStringLiteral("松本市立総合病院"), QStringLiteral("0001234"),
            QStringLiteral("山田"), QStringLiteral("太郎"), QStringLiteral("male"), QStringLiteral("1948-03-02"),
            QStringLiteral("高橋"), QStringLiteral("誠"),
            QDateTime(QDate(2024, 11, 28), QTime(10, 0), jst), QDateTime(QDate(2024, 12, 4), QTime(11, 0), jst),
            QDateTime(QDate(2024, 12, 4), QTime(13, 0), jst)};
}

} // namespace

class tst_CdaDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoDischargeSummary();
    void narrativeBlocks();
    void malformed_data();
    void malformed();
    void timestamps_data();
    void timestamps();
};

void tst_CdaDocument::demoDischargeSummary()
{
    const CdaDocument doc = parseCdaDocument(DemoDocuments::dischargeSummaryCda(demoSummary()));
    QVERIFY2(doc.isValid(), qPrintable(doc.error));
    QCOMPARE(doc.title, QStringLiteral("退院時サマリー"));
    QCOMPARE(doc.typeCode, QStringLiteral("18842-5"));
    QCOMPARE(doc.patientName, QStringLiteral("山田 太郎"));
    QCOMPARE(doc.patientId, QStringLiteral("0001234"));
    QCOMPARE(doc.patientGender, QStringLiteral("M"));
    QCOMPARE(doc.patientBirthDate, QDate(1948, 3, 2));
    QCOMPARE(doc.authorName, QStringLiteral("高橋 誠"));
    QCOMPARE(doc.authorOrganization, QStringLiteral("松本市立総合病院"));
    QCOMPARE(doc.custodian, QStringLiteral("松本市立総合病院"));
    // 2024-12-04 13:00 +09:00, kept in its own offset.
    QCOMPARE(doc.effectiveTime.toUTC(), QDateTime(QDate(2024, 12, 4), QTime(4, 0), QTimeZone::utc()));
    QCOMPARE(doc.effectiveTime.offsetFromUtc(), 9 * 3600);
    QCOMPARE(doc.encounterStart.date(), QDate(2024, 11, 28));
    QCOMPARE(doc.encounterEnd.date(), QDate(2024, 12, 4));

    QCOMPARE(doc.sections.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(doc.sections.at(i).title, QString::fromUtf8(DemoDocuments::kSections[i]));
        QCOMPARE(doc.sections.at(i).level, 1);
        QCOMPARE(doc.sections.at(i).blocks.size(), 1);
        QCOMPARE(doc.sections.at(i).blocks.at(0).type, CdaBlock::Type::Paragraph);
    }
    QCOMPARE(doc.sections.at(0).code, QStringLiteral("46241-6"));
    QCOMPARE(doc.sections.at(0).blocks.at(0).text, QString::fromUtf8(DemoDocuments::kDiagnosisText));
    // 入院経過 names the admission date, the stay's length (28 Nov → 4 Dec: 6 days) and the drip.
    const QString course = doc.sections.at(1).blocks.at(0).text;
    QVERIFY2(course.contains(QStringLiteral("2024年11月28日")), qPrintable(course));
    QVERIFY2(course.contains(QStringLiteral("入院期間6日")), qPrintable(course));
    QVERIFY(course.contains(QStringLiteral("セフトリアキソン")));
    QCOMPARE(doc.sections.at(2).blocks.at(0).text, QString::fromUtf8(DemoDocuments::kMedicationText));
    QCOMPARE(doc.sections.at(3).code, QString());
    QCOMPARE(doc.sections.at(3).blocks.at(0).text, QString::fromUtf8(DemoDocuments::kConditionText));

    const QString plain = doc.plainText();
    QVERIFY(plain.startsWith(QStringLiteral("退院時サマリー\n")));
    QVERIFY(plain.contains(QStringLiteral("\n退院時処方\n")));
}

void tst_CdaDocument::narrativeBlocks()
{
    const CdaDocument doc = parseCdaDocument(readData(QStringLiteral("narrative.xml")));
    QVERIFY2(doc.isValid(), qPrintable(doc.error));
    QCOMPARE(doc.title, QStringLiteral("Referral note")); // no <title>: the code's displayName
    QCOMPARE(doc.patientName, QStringLiteral("佐藤 花子"));
    QCOMPARE(doc.patientBirthDate, QDate(1952, 8, 17));
    QCOMPARE(doc.authorName, QStringLiteral("田中 一郎"));
    QCOMPARE(doc.authorTime, QDateTime(QDate(2025, 1, 10), QTime(0, 0)));
    QCOMPARE(doc.sections.size(), 3);

    const CdaSection &reason = doc.sections.at(0);
    QCOMPARE(reason.title, QStringLiteral("Reason for referral"));
    QCOMPARE(reason.blocks.size(), 1);
    // The source's line wrap between two Japanese words vanishes; <br/> is a line break.
    QCOMPARE(reason.blocks.at(0).text, QStringLiteral("糖尿病の血糖管理についてご高診をお願いします。\nよろしくお願いいたします。"));

    const CdaSection &medication = doc.sections.at(1);
    QCOMPARE(medication.title, QStringLiteral("現在の処方"));
    QCOMPARE(medication.level, 1);
    QCOMPARE(medication.blocks.size(), 2);
    const CdaBlock &list = medication.blocks.at(0);
    QCOMPARE(list.type, CdaBlock::Type::List);
    QVERIFY(list.ordered);
    QCOMPARE(list.caption, QStringLiteral("内服"));
    QCOMPARE(list.items, (QStringList{QStringLiteral("メトホルミン塩酸塩錠 500mg 1日2回"),
                                      QStringLiteral("アムロジピン錠 5mg 1日1回")}));
    // An unknown element inside the narrative keeps its text.
    QCOMPARE(medication.blocks.at(1).text, QStringLiteral("unknown inline text"));

    const CdaSection &labs = doc.sections.at(2);
    QCOMPARE(labs.title, QStringLiteral("検査値"));
    QCOMPARE(labs.level, 2);
    QCOMPARE(labs.blocks.size(), 2);
    const CdaBlock &table = labs.blocks.at(0);
    QCOMPARE(table.type, CdaBlock::Type::Table);
    QCOMPARE(table.caption, QStringLiteral("直近の検査"));
    QCOMPARE(table.headerRows, 1);
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(0), (QStringList{QStringLiteral("項目"), QStringLiteral("値"), QStringLiteral("単位")}));
    QCOMPARE(table.rows.at(2), (QStringList{QStringLiteral("eGFR"), QStringLiteral("58"), QStringLiteral("mL/min/1.73m2")}));
    QCOMPARE(labs.blocks.at(1).text, QStringLiteral("Values are from 2024/12/20."));
}

void tst_CdaDocument::malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not xml") << QByteArray("%PDF-1.4 not a CDA");
    QTest::newRow("unclosed element")
        << QByteArray("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>退院時サマリー</title><component>");
    QTest::newRow("mismatched tags")
        << QByteArray("<ClinicalDocument><title>x</titel></ClinicalDocument>");
    QTest::newRow("another root") << QByteArray("<html><body>not CDA</body></html>");
    QTest::newRow("truncated demo") << DemoDocuments::dischargeSummaryCda(demoSummary()).left(1500);
    QTest::newRow("garbage after root") << QByteArray("<ClinicalDocument/><second/>");
    QTest::newRow("undefined entity") << QByteArray("<ClinicalDocument><title>&bogus;</title></ClinicalDocument>");
}

void tst_CdaDocument::malformed()
{
    QFETCH(QByteArray, xml);
    const CdaDocument doc = parseCdaDocument(xml);
    QVERIFY(!doc.isValid());
    QVERIFY(!doc.error.isEmpty());
    // Nothing half-read is handed on.
    QVERIFY(doc.sections.isEmpty());
    QVERIFY(doc.title.isEmpty());
}

void tst_CdaDocument::timestamps_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<bool>("hasTime");
    const QTimeZone jst = QTimeZone(9 * 3600);
    QTest::newRow("date") << "20241204" << QDateTime(QDate(2024, 12, 4), QTime(0, 0)) << false;
    QTest::newRow("month") << "202412" << QDateTime(QDate(2024, 12, 1), QTime(0, 0)) << false;
    QTest::newRow("minutes") << "202412041300" << QDateTime(QDate(2024, 12, 4), QTime(13, 0)) << true;
    QTest::newRow("zone") << "20241204130000+0900" << QDateTime(QDate(2024, 12, 4), QTime(13, 0), jst) << true;
    QTest::newRow("fraction") << "20241204130000.123+0900" << QDateTime(QDate(2024, 12, 4), QTime(13, 0), jst) << true;
    QTest::newRow("impossible day") << "20240231" << QDateTime() << false;
    QTest::newRow("text") << "yesterday" << QDateTime() << false;
}

void tst_CdaDocument::timestamps()
{
    QFETCH(QString, value);
    QFETCH(QDateTime, expected);
    QFETCH(bool, hasTime);
    bool time = !hasTime;
    const QDateTime parsed = parseHl7Timestamp(value, &time);
    QCOMPARE(parsed, expected);
    if (expected.isValid()) {
        QCOMPARE(time, hasTime);
        QCOMPARE(parsed.offsetFromUtc(), expected.offsetFromUtc());
    }
}

QTEST_GUILESS_MAIN(tst_CdaDocument)
#include "tst_cdadocument.moc"

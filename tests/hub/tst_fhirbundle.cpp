#include "fhirbundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The spliced Bundle (stored JSON text copied in) against the QJsonObject-built one: the same
// JSON for every input, and well-formed however odd the URLs are.
class tst_FhirBundle : public QObject
{
    Q_OBJECT

private slots:
    void sameAsBuiltBundle_data();
    void sameAsBuiltBundle();
    void stringsEscapedPerRfc8259();
    void damagedStoredTextStillWellFormed();
};

namespace {

QList<QJsonObject> sampleResources()
{
    return {
        QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                    {QStringLiteral("id"), QStringLiteral("obs-1")},
                    {QStringLiteral("valueString"), QStringLiteral("陰性 \"quoted\" \\ tab\t")}},
        QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("MedicationRequest")},
                    {QStringLiteral("id"), QStringLiteral("mr-2")},
                    {QStringLiteral("status"), QStringLiteral("active")},
                    {QStringLiteral("dosageInstruction"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("1日3回")}}}}},
    };
}

QList<BundleResource> spliced(const QList<QJsonObject> &resources)
{
    QList<BundleResource> out;
    for (const QJsonObject &r : resources)
        out << BundleResource{r.value(QStringLiteral("resourceType")).toString(), r.value(QStringLiteral("id")).toString(),
                              QJsonDocument(r).toJson(QJsonDocument::Compact)};
    return out;
}

} // namespace

void tst_FhirBundle::sameAsBuiltBundle_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("self");
    QTest::addColumn<QString>("next");
    QTest::newRow("page with next") << 2 << QStringLiteral("https://hub:8443/fhir")
                                    << QStringLiteral("/fhir/Observation?patient=p1&_offset=0")
                                    << QStringLiteral("/fhir/Observation?patient=p1&_offset=2");
    QTest::newRow("no base url, last page") << 2 << QString() << QStringLiteral("/fhir/x?a=%E5%B1%B1") << QString();
    QTest::newRow("empty, no links") << 0 << QString() << QString() << QString();
    QTest::newRow("one entry, next only") << 1 << QStringLiteral("https://[::1]:1/fhir") << QString()
                                          << QStringLiteral("/fhir/y?_offset=1");
}

void tst_FhirBundle::sameAsBuiltBundle()
{
    QFETCH(int, count);
    QFETCH(QString, base);
    QFETCH(QString, self);
    QFETCH(QString, next);
    const QList<QJsonObject> resources = sampleResources().mid(0, count);
    const QByteArray text = fhirSearchsetJson(spliced(resources), 7, base, self, next);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QLatin1Char(' ') + QString::fromUtf8(text)));
    QCOMPARE(parsed.object(), fhirSearchset(resources, 7, base, self, next));
    QVERIFY(text.startsWith("{\"resourceType\":\"Bundle\""));
}

void tst_FhirBundle::stringsEscapedPerRfc8259()
{
    // A quote, a backslash and a control character must be escaped; other text stays UTF-8.
    const QString odd = QStringLiteral("/fhir/x?q=\"a\\b\x01\n山");
    const QByteArray text = fhirSearchsetJson({}, 0, {}, odd, {});
    QVERIFY2(text.contains("\"url\":\"/fhir/x?q=\\\"a\\\\b\\u0001\\u000a\xe5\xb1\xb1\""), text.constData());
    const QJsonObject parsed = QJsonDocument::fromJson(text).object();
    QCOMPARE(parsed.value(QStringLiteral("link")).toArray().at(0).toObject().value(QStringLiteral("url")).toString(), odd);
}

void tst_FhirBundle::damagedStoredTextStillWellFormed()
{
    QCOMPARE(fhirObjectText(QByteArrayLiteral("{\"a\":1}")), QByteArrayLiteral("{\"a\":1}"));
    QCOMPARE(fhirObjectText(QByteArray()), QByteArrayLiteral("{}"));
    QCOMPARE(fhirObjectText(QByteArrayLiteral("not json")), QByteArrayLiteral("{}"));
    QCOMPARE(fhirObjectText(QByteArrayLiteral("[1,2]")), QByteArrayLiteral("{}"));
    const QByteArray text = fhirSearchsetJson({BundleResource{QStringLiteral("Observation"), QStringLiteral("o"),
                                                              fhirObjectText(QByteArrayLiteral("{\"a\":"))}},
                                              1, {}, {}, {});
    QVERIFY(!QJsonDocument::fromJson(text).isNull());
}

QTEST_GUILESS_MAIN(tst_FhirBundle)
#include "tst_fhirbundle.moc"

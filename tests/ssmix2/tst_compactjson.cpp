// Ssmix2::compactJson must give the bytes Qt's own writer gives (QJsonDocument::toJson,
// Compact): the hub splices the stored JSON into its answers and tests compare it byte for byte.

#include "compactjson.h"
#include "fhirmapping.h"
#include "hl7message.h"
#include "iso2022jp.h"
#include "storagewalker.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace Ssmix2;

class tst_CompactJson : public QObject
{
    Q_OBJECT

private slots:
    void sameAsQt_data();
    void sameAsQt();
    void mappedFixtureMessages();
};

void tst_CompactJson::sameAsQt_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("strings") << QJsonObject{{QStringLiteral("a"), QStringLiteral("plain")},
                                            {QStringLiteral("quote\"key"), QStringLiteral("back\\slash \"quoted\" /")},
                                            {QStringLiteral("control"), QString::fromUtf16(u"\b\f\n\r\t\u0001\u001f\u007f")},
                                            {QStringLiteral("japanese"), QStringLiteral("山田 太郎 ﾔﾏﾀﾞ 〜‖−")},
                                            {QStringLiteral("non-BMP"), QString::fromUcs4(U"𠮷野家")},
                                            {QStringLiteral("lone surrogates"), QString::fromUtf16(u"a\xd800" "b\xdc00")},
                                            {QStringLiteral("latin-1"), QStringLiteral("é ü ©")},
                                            {QStringLiteral(""), QString()}};
    QTest::newRow("numbers") << QJsonObject{{QStringLiteral("int"), 42}, {QStringLiteral("negative"), -7},
                                            {QStringLiteral("int64"), qint64(9007199254740993)},
                                            {QStringLiteral("double"), 0.1}, {QStringLiteral("integral double"), 100000000.0},
                                            {QStringLiteral("big"), 1e21}, {QStringLiteral("small"), 1.5e-7},
                                            {QStringLiteral("negative zero"), -0.0}, {QStringLiteral("pi"), 3.14159265358979},
                                            {QStringLiteral("nan"), std::numeric_limits<double>::quiet_NaN()},
                                            {QStringLiteral("inf"), std::numeric_limits<double>::infinity()}};
    QTest::newRow("nested") << QJsonObject{{QStringLiteral("array"), QJsonArray{1, QStringLiteral("two"), true, false, QJsonValue(),
                                                                                QJsonArray{}, QJsonObject{}, QJsonArray{QJsonObject{{QStringLiteral("x"), 1}}}}},
                                           {QStringLiteral("object"), QJsonObject{{QStringLiteral("z"), QJsonObject{{QStringLiteral("y"), QJsonValue::Null}}}}},
                                           {QStringLiteral("undefined"), QJsonValue(QJsonValue::Undefined)}};
}

void tst_CompactJson::sameAsQt()
{
    QFETCH(QJsonObject, object);
    QCOMPARE(compactJson(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// Every resource the mapping makes of the NHO sample's messages.
void tst_CompactJson::mappedFixtureMessages()
{
    const QString root = QStringLiteral(RENKEI_FIXTURES_DIR "/ssmix2/nho-sample");
    if (!QDir(root).exists())
        QSKIP("fixtures/ssmix2/nho-sample not present");
    int compared = 0;
    for (const StorageFile &file : walkStorage(root).files) {
        QFile input(file.path);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const auto text = decodeIso2022Jp(input.readAll());
        const auto message = text ? Hl7Message::parse(*text) : Result<Hl7Message>(Failure{});
        if (!message)
            continue;
        const auto mapped = mapFhir(*message, {QStringLiteral("x"), QStringLiteral("Patient/p1"), QStringLiteral("nho"), file.name.dataType});
        if (!mapped)
            continue;
        for (const MappedResource &r : mapped->resources) {
            QCOMPARE(compactJson(r.json), QJsonDocument(r.json).toJson(QJsonDocument::Compact));
            ++compared;
        }
    }
    QVERIFY(compared >= 50);
}

QTEST_GUILESS_MAIN(tst_CompactJson)
#include "tst_compactjson.moc"

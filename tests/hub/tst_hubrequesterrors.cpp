// The real renkei-hub over HTTPS: bad requests get a clear status and error code, nothing more.
// The hub, its demo network and the login are set up by HubServerTest (hubservertest.h).

#include "hubservertest.h"

#include <QTest>
#include <QUrlQuery>

/// Requests the hub must refuse or find nothing for: malformed bodies, size limits, unknown
/// parameters, bad values, wrong methods and paths, SQL metacharacters.
class tst_HubRequestErrors : public HubServerTest
{
    Q_OBJECT

private slots:
    void badInput_data();
    void badInput();
    void sqlMetacharactersFindNothing();
};

void tst_HubRequestErrors::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // error_code (auth) or OperationOutcome issue code

    const QByteArray big = "{\"id\":\"demo-doctor\",\"password\":\"" + QByteArray(100 * 1024, 'a') + "\"}";
    QTest::newRow("login: malformed JSON") << QByteArray("POST") << QStringLiteral("/auth/login")
                                           << QByteArray("{\"id\": \"demo-doctor\", ") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: password not a string") << QByteArray("POST") << QStringLiteral("/auth/login")
                                                  << QByteArray("{\"id\":\"demo-doctor\",\"password\":123}") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: JSON array") << QByteArray("POST") << QStringLiteral("/auth/login")
                                       << QByteArray("[\"demo-doctor\"]") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: 100 KiB body") << QByteArray("POST") << QStringLiteral("/auth/login") << big << false << 413
                                         << QStringLiteral("body_too_large");
    QTest::newRow("FHIR: 100 KiB body") << QByteArray("POST") << QStringLiteral("/fhir/Patient") << big << true << 413
                                        << QStringLiteral("too-long");
    QTest::newRow("unknown parameter") << QByteArray("GET") << QStringLiteral("/fhir/Patient?foo=bar") << QByteArray() << true
                                       << 400 << QStringLiteral("not-supported");
    QTest::newRow("modifier not supported") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name:exact=x") << QByteArray()
                                            << true << 400 << QStringLiteral("not-supported");
    QTest::newRow("no criteria") << QByteArray("GET") << QStringLiteral("/fhir/Patient") << QByteArray() << true << 400
                                 << QStringLiteral("invalid");
    QTest::newRow("birthdate: month 13") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=1950-13")
                                         << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("birthdate: Feb 30") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=1950-02-30")
                                       << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("birthdate: bad prefix") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=xx1950")
                                           << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("gender: bad value") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=m") << QByteArray()
                                       << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: 0") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=0") << QByteArray()
                               << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: 201") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=201") << QByteArray()
                                 << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: text") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=ten") << QByteArray()
                                  << true << 400 << QStringLiteral("invalid");
    QTest::newRow("empty name") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name=") << QByteArray() << true << 400
                                << QStringLiteral("invalid");
    QTest::newRow("invalid UTF-8") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name=%FF%FE") << QByteArray() << true
                                   << 400 << QStringLiteral("invalid");
    QTest::newRow("wrong method on search") << QByteArray("DELETE") << QStringLiteral("/fhir/Patient?name=x") << QByteArray()
                                            << true << 405 << QStringLiteral("not-supported");
    QTest::newRow("wrong method on read") << QByteArray("PUT") << QStringLiteral("/fhir/Patient/p00001") << QByteArray("{}")
                                          << true << 405 << QStringLiteral("not-supported");
    QTest::newRow("wrong method on login") << QByteArray("GET") << QStringLiteral("/auth/login") << QByteArray() << false
                                           << 405 << QStringLiteral("not-supported");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/nowhere") << QByteArray() << false << 404
                                  << QStringLiteral("not-found");
    QTest::newRow("unknown resource type") << QByteArray("GET") << QStringLiteral("/fhir/Medication") << QByteArray() << true
                                           << 404 << QStringLiteral("not-found");
    QTest::newRow("path below read") << QByteArray("GET") << QStringLiteral("/fhir/Patient/p00001/_history") << QByteArray()
                                     << true << 404 << QStringLiteral("not-found");
}

void tst_HubRequestErrors::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, withToken);
    QFETCH(int, status);
    QFETCH(QString, code);

    const Reply reply = send(method, path, body, withToken ? m_token : QString());
    QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
    QCOMPARE(reply.status, status);
    const QJsonObject json = reply.json();
    if (json.contains(QStringLiteral("error_code")))
        QCOMPARE(json.value(QStringLiteral("error_code")).toString(), code);
    else
        QCOMPARE(reply.issueCode(), code);
    if (status == 405)
        QVERIFY(!reply.header("Allow").isEmpty());
}

void tst_HubRequestErrors::sqlMetacharactersFindNothing()
{
    for (const QString &name : {QStringLiteral("'; DROP TABLE patients;--"), QStringLiteral("%"),
                                QStringLiteral("_"), QStringLiteral("\\"), QStringLiteral("\" OR 1=1 --")}) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
        const Reply reply = search(query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 0);
        QVERIFY(reply.json().value(QStringLiteral("entry")).toArray().isEmpty());
    }
    // Still answering, with the data intact.
    QUrlQuery yamada;
    yamada.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("山田 太郎"))));
    QVERIFY(searchIds(yamada).contains(QStringLiteral("p00001")));
    QString error;
    QCOMPARE(m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error).size(), m_patients.size());
}

QTEST_GUILESS_MAIN(tst_HubRequestErrors)
#include "tst_hubrequesterrors.moc"

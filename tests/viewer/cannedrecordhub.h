#pragma once

// A canned hub serving one patient's $everything in two pages (the files under
// tests/network/data/everything/), for the record view's GUI test and screenshot harness.

#include "cannedhttpsserver.h"
#include "hubsession.h"
#include "patientsummary.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

namespace CannedRecordHub {

inline const QString kPatientId = QStringLiteral("pdfd8a9d0c02cf48f");
inline const QByteArray kFirstPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=200";
inline const QByteArray kSecondPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=30&_page=2";
/// page1.json's next link as EverythingFetch follows it: later pages asked 1000 at a time.
inline const QByteArray kSecondRequest = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=1000&_page=2";

inline QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// Starts \a server with a certificate and the record's pages. Returns an error text.
inline QString serve(CannedHttpsServer &server)
{
    const QString error = server.createCertificate();
    if (!error.isEmpty())
        return error;
    if (!server.listen())
        return QStringLiteral("cannot listen");
    QByteArray base = server.baseUrl().toString().toUtf8();
    while (base.endsWith('/'))
        base.chop(1);
    QByteArray first = readData(QStringLiteral("page1.json"));
    first.replace("https://hub.test", base);
    server.setResponse("/auth/login", {200, R"({"access_token":"tok","token_type":"Bearer","expires_in":900,"facility":"clinic-azumino","facility_name":"あずみの内科クリニック","user":"demo-doctor"})", "application/json", {}});
    server.setResponse(kFirstPath, {200, first, "application/fhir+json", {}});
    server.setResponse(kSecondRequest, {200, readData(QStringLiteral("page2.json")), "application/fhir+json", {}});
    return {};
}

inline const QByteArray kBinaryPath = "/fhir/Binary/syn-doc-1-content";
inline const QByteArray kLastViewedPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$last-viewed";

/// Adds what the plain canned record lacks: the discharge summary syn-doc-1 gets content
/// (attachment url → a Binary holding \a documentBytes as \a contentType), and when
/// \a lastViewed is valid the hub says the user last viewed the record then, and that
/// \a newIds were stored since (the $everything?_since answer).
inline void serveExtras(CannedHttpsServer &server, const QByteArray &documentBytes, const QByteArray &contentType,
                        const QDateTime &lastViewed = {}, const QStringList &newIds = {})
{
    QJsonDocument page2 = QJsonDocument::fromJson(readData(QStringLiteral("page2.json")));
    QJsonObject bundle = page2.object();
    QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QJsonArray newEntries;
    for (int i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        QJsonObject resource = entry.value(QStringLiteral("resource")).toObject();
        if (resource.value(QStringLiteral("id")).toString() == QLatin1String("syn-doc-1")) {
            QJsonObject attachment{{QStringLiteral("contentType"), QString::fromLatin1(contentType)},
                                   {QStringLiteral("url"), QStringLiteral("Binary/syn-doc-1-content")},
                                   {QStringLiteral("title"), QStringLiteral("退院時サマリー")}};
            resource.insert(QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}});
            entry.insert(QStringLiteral("resource"), resource);
            entries.replace(i, entry);
        }
        if (newIds.contains(resource.value(QStringLiteral("id")).toString()))
            newEntries.append(entry);
    }
    bundle.insert(QStringLiteral("entry"), entries);
    server.setResponse(kSecondRequest, {200, QJsonDocument(bundle).toJson(QJsonDocument::Compact), "application/fhir+json", {}});
    const QJsonObject binary{{QStringLiteral("resourceType"), QStringLiteral("Binary")},
                             {QStringLiteral("id"), QStringLiteral("syn-doc-1-content")},
                             {QStringLiteral("contentType"), QString::fromLatin1(contentType)},
                             {QStringLiteral("data"), QString::fromLatin1(documentBytes.toBase64())}};
    server.setResponse(kBinaryPath, {200, QJsonDocument(binary).toJson(QJsonDocument::Compact), "application/fhir+json", {}});
    if (!lastViewed.isValid())
        return;
    const QString instant = lastViewed.toUTC().toString(Qt::ISODateWithMs);
    const QJsonObject parameters{
        {QStringLiteral("resourceType"), QStringLiteral("Parameters")},
        {QStringLiteral("parameter"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("lastViewed")},
                                                             {QStringLiteral("valueInstant"), instant}}}}};
    server.setResponse(kLastViewedPath, {200, QJsonDocument(parameters).toJson(QJsonDocument::Compact), "application/fhir+json", {}});
    const QJsonObject since{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                            {QStringLiteral("type"), QStringLiteral("searchset")},
                            {QStringLiteral("total"), newEntries.size()},
                            {QStringLiteral("entry"), newEntries}};
    server.setResponse("/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=200&_since=" + instant.toLatin1(),
                       {200, QJsonDocument(since).toJson(QJsonDocument::Compact), "application/fhir+json", {}});
}

/// Points \a session at \a server and logs in; false on failure.
inline bool logIn(HubSession &session, CannedHttpsServer &server)
{
    session.setNetworkUrl(server.baseUrl());
    QString error;
    if (!session.setCaCertificatesFile(server.certificateFile(), &error))
        return false;
    QSignalSpy loggedIn(&session, &HubSession::loginSucceeded);
    session.login(QStringLiteral("demo-doctor"), QStringLiteral("renkei-demo-2026"));
    return loggedIn.wait(20000);
}

inline PatientSummary patient()
{
    return {kPatientId, QStringLiteral("患者 太郎"), QStringLiteral("カンジャ タロウ"), QDate(1948, 4, 5),
            QStringLiteral("male"), {QStringLiteral("テスト病院")}, {QStringLiteral("9999013")}};
}

} // namespace CannedRecordHub

#pragma once

// A canned hub serving one patient's $everything in two pages (the files under
// tests/network/data/everything/), for the record view's GUI test and screenshot harness.

#include "cannedhttpsserver.h"
#include "hubsession.h"
#include "patientsummary.h"

#include <QFile>
#include <QSignalSpy>

namespace CannedRecordHub {

inline const QString kPatientId = QStringLiteral("pdfd8a9d0c02cf48f");
inline const QByteArray kFirstPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=200";
inline const QByteArray kSecondPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=30&_page=2";

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
    server.setResponse(kSecondPath, {200, readData(QStringLiteral("page2.json")), "application/fhir+json", {}});
    return {};
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

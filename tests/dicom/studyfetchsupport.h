#pragma once

// Shared by the StudyFetch tests against the real hub: pydicom as the independent reference,
// a slow TCP relay (tcprelay.h) to act while a study is half transferred, and a login for a
// bearer token.
#include "dicomfile.h"
#include "seriesloader.h"
#include "tcprelay.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <utility>

namespace StudyFetchTest {

/// pydicom's view of each file: the reference the fetched instances are compared with.
inline QJsonArray pydicom(const QStringList &files)
{
    QProcess python;
    QStringList args{QStringLiteral("-c"), QStringLiteral(
        "import json, sys, hashlib, pydicom\n"
        "out = []\n"
        "for f in sys.argv[1:]:\n"
        "    d = pydicom.dcmread(f)\n"
        "    out.append({'file': f, 'PatientID': d.PatientID, 'PatientName': str(d.PatientName),\n"
        "      'StudyInstanceUID': d.StudyInstanceUID, 'SeriesInstanceUID': d.SeriesInstanceUID,\n"
        "      'SOPInstanceUID': d.SOPInstanceUID, 'InstanceNumber': int(d.InstanceNumber or 0),\n"
        "      'Modality': d.Modality, 'Rows': d.Rows, 'Columns': d.Columns,\n"
        "      'pixelSha256': hashlib.sha256(d.PixelData).hexdigest()})\n"
        "print(json.dumps(out))\n")};
    args << files;
    python.start(QStringLiteral("/usr/bin/python3"), args);
    if (!python.waitForFinished(120'000) || python.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

inline QString pixelSha(const Dicom::SeriesImage &image)
{
    const auto frame = image.file->frame(0);
    return frame ? QString::fromLatin1(QCryptographicHash::hash(frame->samples, QCryptographicHash::Sha256).toHex()) : QString();
}

/// One authenticated call to the hub's /auth API (@p path: "auth/login" or "auth/logout")
/// over TLS trusting @p caFile; returns the HTTP status and the JSON body.
inline std::pair<int, QJsonObject> postAuth(const QUrl &base, const QString &caFile, const QString &path,
                                            const QJsonObject &body, const QByteArray &token = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(base.resolved(QUrl(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(caFile));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return {status, json};
}

/// A fresh bearer token for @p user (empty on failure).
inline QByteArray login(const QUrl &base, const QString &caFile, const QString &user, const QString &password)
{
    const auto [status, json] = postAuth(base, caFile, QStringLiteral("auth/login"),
                                         {{QStringLiteral("id"), user}, {QStringLiteral("password"), password}});
    return status == 200 ? json.value(QStringLiteral("access_token")).toString().toLatin1() : QByteArray();
}

} // namespace StudyFetchTest

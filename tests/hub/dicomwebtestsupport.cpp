#include "dicomwebtestsupport.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

DicomWebReply dicomWebGet(QNetworkAccessManager &network, const QNetworkRequest &request)
{
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    DicomWebReply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QList<QByteArray> multipartBodies(const DicomWebReply &reply)
{
    const qsizetype at = reply.contentType.indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray boundary = reply.contentType.mid(at + 9).split(';').first().trimmed();
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> parts;
    qsizetype pos = reply.body.indexOf(delimiter);
    while (pos >= 0) {
        const qsizetype start = pos + delimiter.size();
        if (reply.body.mid(start, 2) == "--")
            break;
        const qsizetype headersEnd = reply.body.indexOf("\r\n\r\n", start);
        const qsizetype next = reply.body.indexOf("\r\n" + delimiter, headersEnd);
        if (headersEnd < 0 || next < 0)
            break;
        parts << reply.body.mid(headersEnd + 4, next - headersEnd - 4);
        pos = next + 2;
    }
    return parts;
}

QString value(const QJsonObject &dataset, const char *tag)
{
    const QJsonValue v = dataset.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value")).toArray().first();
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

QJsonObject pydicom(const QString &file)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(
        "import json, sys, hashlib, pydicom\n"
        "d = pydicom.dcmread(sys.argv[1])\n"
        "print(json.dumps({'PatientID': d.PatientID, 'StudyInstanceUID': d.StudyInstanceUID,\n"
        "  'SeriesInstanceUID': d.SeriesInstanceUID, 'SOPInstanceUID': d.SOPInstanceUID,\n"
        "  'SOPClassUID': d.SOPClassUID, 'Modality': d.Modality, 'StudyDate': d.StudyDate,\n"
        "  'Rows': d.Rows, 'Columns': d.Columns,\n"
        "  'pixelSha256': hashlib.sha256(d.PixelData).hexdigest()}))\n"), file});
    if (!python.waitForFinished(60'000) || python.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

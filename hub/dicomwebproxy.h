#pragma once

#include <QHttpServerResponder>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <functional>

/// "Distributed" mode: forwards a DICOMweb request the hub has already authorised to the
/// study's facility's own server (e.g. Orthanc) and passes the answer on asynchronously, so
/// the single-threaded QHttpServer keeps serving meanwhile. Bulk answers (multipart DICOM,
/// frames, rendered images) are streamed chunk by chunk as they arrive, with back-pressure
/// both ways (the reply's read buffer and the client socket's send buffer are bounded). JSON
/// answers (QIDO, metadata) are small; they are collected (up to 32 MiB) so that the remote
/// base URL in RetrieveURL / BulkDataURI can be replaced by the hub's own.
class DicomWebProxy : public QObject
{
    Q_OBJECT

public:
    explicit DicomWebProxy(QObject *parent = nullptr);

    /// GET \a remoteBase + \a path (+ \a query) with the client's Accept header; the answer
    /// goes to \a responder with remote URLs rewritten to \a hubBase. \a done is called once
    /// with the HTTP status given to the client (502 when the remote could not be reached).
    void forward(const QString &remoteBase, const QString &path, const QString &query, const QByteArray &accept,
                 const QString &hubBase, QHttpServerResponder &&responder, std::function<void(int)> done);

    /// Synchronous GET for the command line (import-dicomweb): the body, or an error text.
    static QByteArray fetchJson(QNetworkAccessManager &network, const QString &url, QString *error);

private:
    QNetworkAccessManager m_network;
};

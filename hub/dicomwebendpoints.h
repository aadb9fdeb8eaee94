#pragma once

#include "dicomrepository.h"
#include "dicomwebproxy.h"
#include "tokens.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QObject>
#include <QStringList>

#include <optional>

class AuditLog;
class Store;

/// DICOMweb at `/dicomweb/` (docs/PROTOCOL.md "Images: DICOMweb"): QIDO-RS and WADO-RS behind
/// the same login, consent and disclosure (kind `images`) as FHIR. Studies stored by the hub
/// are answered from DIR/dicom/; studies of a facility with its own DICOMweb server are
/// proxied to it (DicomWebProxy) once the hub has decided the user may see them.
class DicomWebEndpoints : public QObject
{
    Q_OBJECT

public:
    DicomWebEndpoints(Store &store, TokenStore &tokens, AuditLog &audit, QObject *parent = nullptr);

    /// \a segments: the path after `/dicomweb/`, split at '/'.
    void handle(const QStringList &segments, const QHttpServerRequest &request, QHttpServerResponder &&responder);

private:
    QHttpServerResponse searchStudies(const QHttpServerRequest &request, const TokenStore::Session &session);
    void retrieve(const QString &path, const DicomStudyRow &study, const QString &seriesUid, const QString &instanceUid,
                  const QHttpServerRequest &request, QHttpServerResponder &&responder, const TokenStore::Session &session);
    void stored(const QStringList &segments, const DicomStudyRow &study, const QHttpServerRequest &request,
                QHttpServerResponder &&responder, const TokenStore::Session &session);
    void audit(const TokenStore::Session &session, const QString &action, const QString &patient,
               const QString &detail, bool ok);

    Store &m_store;
    TokenStore &m_tokens;
    AuditLog &m_audit;
    QString m_dataDir;
    DicomWebProxy m_proxy;
};

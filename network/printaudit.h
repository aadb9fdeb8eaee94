#pragma once

#include "huberror.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class HubSession;
struct HubResponse;

/// Tells the hub's audit trail that the user printed or exported part of a patient's record
/// (POST /audit/print, see the contract in the .cpp). The hub takes who and which facility
/// from the bearer token, so the viewer cannot claim to be someone else.
class PrintAudit : public QObject
{
    Q_OBJECT

public:
    enum class What { Print, PdfExport };

    explicit PrintAudit(HubSession *session, QObject *parent = nullptr);

    /// Sends one audit record; answers with recorded(), notAvailable() or failed().
    void record(const QString &patientId, What what, const QStringList &sections);

    /// The request's JSON document: {"patient", "what": "print"|"pdf-export", "sections"}.
    static QByteArray requestBody(const QString &patientId, What what, const QStringList &sections);

Q_SIGNALS:
    void recorded();
    /// The hub answered 404: it does not record prints yet (older hub).
    void notAvailable();
    void failed(const HubError &error);

private:
    void onAnswer(const HubResponse &response);

    QPointer<HubSession> m_session;
};

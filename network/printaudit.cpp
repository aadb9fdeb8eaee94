#include "printaudit.h"

#include "hubresponse.h"
#include "hubsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

// Contract (client side; the hub endpoint is added separately):
//   POST /audit/print   Authorization: Bearer <token>   Content-Type: application/json
//   {"patient": "<Patient.id>", "what": "print" | "pdf-export", "sections": ["CoverLetter", …]}
//   2xx: recorded (body ignored). 404: the hub has no such endpoint yet. 401: token no longer
//   valid. Anything else: failed. The user and facility come from the token, the time from
//   the hub's clock.

namespace {
const QString kPath = QStringLiteral("/audit/print");
} // namespace

PrintAudit::PrintAudit(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

QByteArray PrintAudit::requestBody(const QString &patientId, What what, const QStringList &sections)
{
    const QJsonObject body{
        {QStringLiteral("patient"), patientId},
        {QStringLiteral("what"), what == What::Print ? QStringLiteral("print") : QStringLiteral("pdf-export")},
        {QStringLiteral("sections"), QJsonArray::fromStringList(sections)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void PrintAudit::record(const QString &patientId, What what, const QStringList &sections)
{
    if (!m_session || !m_session->isLoggedIn()) {
        // Always after the call returned, like every other RenkeiNetwork answer.
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(HubErrors::notLoggedIn()); });
        return;
    }
    m_session->postAuthorized(kPath, requestBody(patientId, what, sections), this,
                              [this](const HubResponse &response) { onAnswer(response); });
}

void PrintAudit::onAnswer(const HubResponse &response)
{
    if (!response.hasHttpAnswer()) {
        Q_EMIT failed(response.transportError);
        return;
    }
    if (response.status >= 200 && response.status < 300) {
        Q_EMIT recorded();
        return;
    }
    if (response.status == 404) {
        Q_EMIT notAvailable();
        return;
    }
    Q_EMIT failed(HubErrors::fromFhirStatus(response.status, response.body));
}

#include "patientsearch.h"

#include "hubsession.h"
#include "networktr.h"

#include <QNetworkReply>

using RenkeiNetworkPrivate::Tr;

PatientSearch::PatientSearch(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

PatientSearch::~PatientSearch()
{
    cancel();
}

void PatientSearch::search(const PatientQuery &query)
{
    cancel();
    if (query.isEmpty()) {
        HubError error;
        error.kind = HubError::Kind::ProtocolError;
        error.message = Tr::tr("Enter at least one search condition.");
        error.detail = QStringLiteral("empty patient query");
        failLater(error);
        return;
    }
    if (!m_session || !m_session->isLoggedIn()) {
        failLater(HubErrors::notLoggedIn());
        return;
    }
    QUrlQuery urlQuery = query.toUrlQuery();
    urlQuery.addQueryItem(QStringLiteral("_count"), QString::number(kPageSize));
    m_reply = m_session->getAuthorized(QStringLiteral("/fhir/Patient"), urlQuery, this,
                                       [this](const HubResponse &response) { finish(response); });
    Q_EMIT started();
}

void PatientSearch::cancel()
{
    ++m_generation;
    if (m_reply) {
        HubSession::cancel(m_reply);
        m_reply.clear();
    }
}

void PatientSearch::failLater(const HubError &error)
{
    // Failures arrive after search() returned, like network answers; a newer search wins.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, error, generation] {
        if (generation == m_generation)
            Q_EMIT failed(error);
    }, Qt::QueuedConnection);
}

void PatientSearch::finish(const HubResponse &response)
{
    m_reply.clear();
    if (response.transportError.isError()) {
        Q_EMIT failed(response.transportError);
        return;
    }
    if (response.status != 200) {
        const HubError error = HubErrors::fromFhirStatus(response.status, response.body);
        if (error.kind == HubError::Kind::SessionExpired && m_session)
            m_session->reportSessionExpired();
        Q_EMIT failed(error);
        return;
    }
    QString parseError;
    int total = 0;
    std::optional<QList<PatientSummary>> patients = parsePatientBundle(response.body, &parseError,
                                                                       &total);
    if (!patients) {
        Q_EMIT failed(HubErrors::protocolError(parseError));
        return;
    }
    m_lastTotal = total;
    Q_EMIT finished(*patients);
}

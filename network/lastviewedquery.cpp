#include "lastviewedquery.h"

#include "clinicalrecord.h"
#include "hubresponse.h"
#include "hubsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrl>

LastViewedQuery::LastViewedQuery(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

LastViewedQuery::~LastViewedQuery()
{
    cancel();
}

void LastViewedQuery::start(const QString &patientId)
{
    cancel();
    if (!m_session || !m_session->isLoggedIn()) {
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(this, [this, generation] {
            if (generation == m_generation)
                Q_EMIT failed(HubErrors::notLoggedIn());
        }, Qt::QueuedConnection);
        return;
    }
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(patientId));
    m_reply = m_session->getAuthorized(QStringLiteral("/fhir/Patient/%1/$last-viewed").arg(id), {}, this,
                                       [this](const HubResponse &response) { onAnswer(response); });
}

void LastViewedQuery::cancel()
{
    ++m_generation;
    if (m_reply) {
        HubSession::cancel(m_reply);
        m_reply.clear();
    }
}

bool LastViewedQuery::parse(const QByteArray &json, std::optional<QDateTime> *time, QString *error)
{
    const QJsonObject parameters = QJsonDocument::fromJson(json).object();
    if (parameters.value(QLatin1String("resourceType")).toString() != QLatin1String("Parameters")) {
        *error = QStringLiteral("not a FHIR Parameters resource");
        return false;
    }
    time->reset();
    for (const QJsonValue &value : parameters.value(QLatin1String("parameter")).toArray()) {
        const QJsonObject parameter = value.toObject();
        if (parameter.value(QLatin1String("name")).toString() != QLatin1String("lastViewed"))
            continue;
        bool hasTime = false;
        const QDateTime parsed = parseFhirDateTime(parameter.value(QLatin1String("valueInstant")).toString(), &hasTime);
        if (!parsed.isValid() || !hasTime) {
            *error = QStringLiteral("lastViewed is not an instant");
            return false;
        }
        *time = parsed.toUTC();
    }
    return true;
}

void LastViewedQuery::onAnswer(const HubResponse &response)
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
    std::optional<QDateTime> time;
    QString error;
    if (!parse(response.body, &time, &error)) {
        Q_EMIT failed(HubErrors::protocolError(error));
        return;
    }
    Q_EMIT answered(time.value_or(QDateTime()));
}

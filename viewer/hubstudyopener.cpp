#include "hubstudyopener.h"

#include "clinicalrecord.h"
#include "hubsession.h"
#include "imageviewerwindow.h"
#include "studyfetch.h"

#include <QJsonArray>
#include <QSslConfiguration>

HubStudyOpener::HubStudyOpener(HubSession *session, ImageViewerWindow *window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
{
    // No patient pixels keep arriving once the clinician has left the viewer.
    connect(window, &ImageViewerWindow::closeRequested, this, [this] {
        m_waitingForLogin = false;
        if (m_fetch)
            m_fetch->cancel();
    });
    if (m_session) {
        connect(m_session, &HubSession::loginSucceeded, this, &HubStudyOpener::onLoginSucceeded);
        connect(m_session, &HubSession::loggedOut, this, &HubStudyOpener::stop);
    }
}

HubStudyOpener::~HubStudyOpener()
{
    delete m_fetch; // before the client it uses
}

Dicom::DicomWebSettings HubStudyOpener::settingsFor(const HubSession &session)
{
    Dicom::DicomWebSettings settings;
    QUrl base = session.networkUrl();
    QString path = base.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    base.setPath(path + QStringLiteral("dicomweb/"));
    base.setQuery(QString());
    base.setFragment(QString());
    settings.baseUrl = base;
    settings.bearerToken = session.accessToken();
    // The trust the session's own requests use (HubSession::makeRequest): system CAs plus the
    // network's CA file, peer verified, TLS 1.2 or later.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!session.extraCaCertificates().isEmpty())
        ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + session.extraCaCertificates());
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    settings.ssl = ssl;
    settings.transferTimeoutMs = qMax(session.transferTimeout(), 15000);
    return settings;
}

QString HubStudyOpener::studyInstanceUid(const ClinicalRecord &record)
{
    if (record.resourceType != QLatin1String("ImagingStudy"))
        return {};
    const QJsonArray identifiers = record.raw.value(QLatin1String("identifier")).toArray();
    for (const QJsonValue &identifier : identifiers) {
        const QJsonObject o = identifier.toObject();
        if (o.value(QLatin1String("system")).toString() != QLatin1String("urn:dicom:uid"))
            continue;
        QString value = o.value(QLatin1String("value")).toString();
        if (value.startsWith(QLatin1String("urn:oid:")))
            value = value.mid(8);
        return value;
    }
    return {};
}

void HubStudyOpener::open(const QString &studyInstanceUid)
{
    if (!m_session || !m_window)
        return;
    delete m_fetch;
    m_fetch = nullptr;
    // A new client each time: the token changes with every login (and after the lock).
    m_client = std::make_unique<Dicom::DicomWebClient>(settingsFor(*m_session));
    m_fetch = new Dicom::StudyFetch(m_client.get());
    m_waitingForLogin = false;
    m_roundToken = m_client->settings().bearerToken;
    m_window->openStudyFetch(m_fetch);
    // After the window's own handler, which shows what was kept.
    connect(m_fetch, &Dicom::StudyFetch::failed, this, &HubStudyOpener::onFetchFailed);
    m_fetch->start(studyInstanceUid);
}

void HubStudyOpener::stop()
{
    m_waitingForLogin = false;
    if (!m_fetch)
        return;
    m_fetch->cancel();
    if (m_window)
        m_window->setSeries({});
}

void HubStudyOpener::onFetchFailed()
{
    if (!m_fetch || !m_session || m_fetch->failure() != Dicom::StudyFetch::Failure::Unauthorized)
        return;
    m_waitingForLogin = true;
    const QByteArray current = m_session->accessToken();
    if (current.isEmpty())
        return; // locked (the token was revoked by the lock) or already expired: the lock screen is up
    if (current != m_roundToken) {
        resume(); // the user logged in again while the old requests were still running
        return;
    }
    // The same re-login the record view uses: the lock screen asks for the password.
    m_session->reportSessionExpired();
}

void HubStudyOpener::onLoginSucceeded()
{
    if (!m_client || !m_session)
        return;
    // Requests from now on carry the new token, whether or not the fetch has failed yet.
    m_client->setBearerToken(m_session->accessToken());
    if (m_waitingForLogin)
        resume();
    else if (m_fetch && !m_fetch->isRunning())
        m_roundToken = m_client->settings().bearerToken; // a later Retry sends the new one
}

void HubStudyOpener::resume()
{
    m_waitingForLogin = false;
    if (!m_fetch || !m_client || !m_window || !m_session)
        return;
    m_client->setBearerToken(m_session->accessToken());
    m_roundToken = m_client->settings().bearerToken;
    m_window->retryStudyFetch(); // only what is missing; what arrived stays
}

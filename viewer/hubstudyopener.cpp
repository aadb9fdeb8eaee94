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
        if (m_fetch)
            m_fetch->cancel();
    });
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
    m_window->openStudyFetch(m_fetch);
    m_fetch->start(studyInstanceUid);
}

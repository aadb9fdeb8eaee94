#include "dicomwebclient.h"

#include <QNetworkAccessManager>

namespace Dicom {

DicomWebClient::DicomWebClient(DicomWebSettings settings, QObject *parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this)),
      m_settings(std::make_shared<const DicomWebSettings>(std::move(settings)))
{
    // Retries are ours (they know what already arrived); QtNetwork must not repeat requests.
    m_manager->setAutoDeleteReplies(false);
}

DicomWebClient::~DicomWebClient() = default;

void DicomWebClient::setBearerToken(const QByteArray &token)
{
    auto copy = std::make_shared<DicomWebSettings>(*m_settings);
    copy->bearerToken = token;
    m_settings = std::move(copy);
}

QUrl dicomWebUrl(const QUrl &base, const QStringList &segments, const QUrlQuery &query)
{
    QUrl result = base;
    QString path = result.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    for (const QString &segment : segments)
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    result.setPath(path, QUrl::StrictMode);
    result.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded),
                    QUrl::StrictMode);
    return result;
}

QUrl DicomWebClient::url(const QStringList &segments, const QUrlQuery &query) const
{
    return dicomWebUrl(m_settings->baseUrl, segments, query);
}

DicomWebReply *DicomWebClient::make(DicomWebReply::Kind kind, const QUrl &url)
{
    auto *reply = new DicomWebReply(m_manager, m_settings, kind, url, nullptr);
    return reply;
}

DicomWebReply *DicomWebClient::searchStudies(const QUrlQuery &query)
{
    auto *reply = make(DicomWebReply::Kind::Json, url({QStringLiteral("studies")}, query));
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::searchSeries(const QString &studyUid, const QUrlQuery &query)
{
    auto *reply = make(DicomWebReply::Kind::Json,
                       url({QStringLiteral("studies"), studyUid, QStringLiteral("series")}, query));
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::searchInstances(const QString &studyUid, const QString &seriesUid,
                                               const QUrlQuery &query)
{
    QStringList segments{QStringLiteral("studies"), studyUid};
    if (!seriesUid.isEmpty())
        segments << QStringLiteral("series") << seriesUid;
    segments << QStringLiteral("instances");
    auto *reply = make(DicomWebReply::Kind::Json, url(segments, query));
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::retrieveMetadata(const QString &studyUid, const QString &seriesUid)
{
    QStringList segments{QStringLiteral("studies"), studyUid};
    if (!seriesUid.isEmpty())
        segments << QStringLiteral("series") << seriesUid;
    segments << QStringLiteral("metadata");
    auto *reply = make(DicomWebReply::Kind::Json, url(segments));
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::retrieveInstances(const QString &studyUid, const QString &seriesUid)
{
    QStringList segments{QStringLiteral("studies"), studyUid};
    if (!seriesUid.isEmpty())
        segments << QStringLiteral("series") << seriesUid;
    auto *reply = make(DicomWebReply::Kind::Instances, url(segments));
    // After a drop, the reply lists the instances with QIDO and fetches only the missing ones.
    QUrlQuery fields;
    fields.addQueryItem(QStringLiteral("includefield"), QStringLiteral("0020000E"));
    reply->setInstanceList(url(segments + QStringList{QStringLiteral("instances")}, fields),
                           studyUid);
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::retrieveInstance(const QString &studyUid, const QString &seriesUid,
                                                const QString &sopInstanceUid)
{
    auto *reply = make(DicomWebReply::Kind::Instances,
                       url({QStringLiteral("studies"), studyUid, QStringLiteral("series"),
                            seriesUid, QStringLiteral("instances"), sopInstanceUid}));
    reply->start();
    return reply;
}

DicomWebReply *DicomWebClient::retrieveFrames(const QString &studyUid, const QString &seriesUid,
                                              const QString &sopInstanceUid,
                                              const QList<int> &frames)
{
    const QUrl instance = url({QStringLiteral("studies"), studyUid, QStringLiteral("series"),
                               seriesUid, QStringLiteral("instances"), sopInstanceUid});
    auto *reply = make(DicomWebReply::Kind::Frames, instance);
    reply->setFrames(instance, frames);
    reply->start();
    return reply;
}

} // namespace Dicom

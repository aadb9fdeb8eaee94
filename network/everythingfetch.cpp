#include "everythingfetch.h"

#include "hubsession.h"
#include "networktr.h"

#include <QNetworkReply>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrl>
#include <QUrlQuery>

using RenkeiNetworkPrivate::Tr;

namespace {

/// A runaway "next" chain (a hub bug) must not fetch forever: 1000 pages (of up to 1000
/// records after the first) is far beyond any real patient.
constexpr int kMaxPages = 1000;

} // namespace

EverythingFetch::EverythingFetch(HubSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_parsing, &QFutureWatcher<Parsed>::finished, this, &EverythingFetch::onParsed);
}

EverythingFetch::~EverythingFetch()
{
    cancel();
    m_parsing.waitForFinished();
}

void EverythingFetch::start(const QString &patientId, const QDateTime &since)
{
    cancel();
    m_patientId = patientId;
    m_total = -1;
    m_received = 0;
    m_pages = 0;
    if (!m_session || !m_session->isLoggedIn()) {
        failLater(HubErrors::notLoggedIn());
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("_count"), QString::number(kFirstPageSize));
    if (since.isValid()) {
        // UTC with "Z": no '+' that a query string would turn into a space.
        query.addQueryItem(QStringLiteral("_since"), since.toUTC().toString(Qt::ISODateWithMs));
    }
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(patientId));
    requestPage(QStringLiteral("/fhir/Patient/%1/$everything").arg(id), query);
    Q_EMIT started();
}

void EverythingFetch::cancel()
{
    ++m_generation;
    if (m_reply) {
        HubSession::cancel(m_reply);
        m_reply.clear();
    }
}

void EverythingFetch::requestPage(const QString &path, const QUrlQuery &query)
{
    ++m_pages;
    m_reply = m_session->getAuthorized(path, query, this,
                                       [this](const HubResponse &response) { onPage(response); });
}

void EverythingFetch::fail(const HubError &error)
{
    m_reply.clear();
    Q_EMIT failed(error);
}

void EverythingFetch::failLater(const HubError &error)
{
    // Like network answers, failures arrive after start() returned; a newer fetch wins.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, error, generation] {
        if (generation == m_generation)
            Q_EMIT failed(error);
    }, Qt::QueuedConnection);
}

void EverythingFetch::onPage(const HubResponse &response)
{
    m_reply.clear();
    if (response.transportError.isError()) {
        fail(response.transportError);
        return;
    }
    if (response.status != 200) {
        HubError error = HubErrors::fromFhirStatus(response.status, response.body);
        if (error.kind == HubError::Kind::SessionExpired && m_session)
            m_session->reportSessionExpired();
        if (error.kind == HubError::Kind::NotFound) {
            error.message = Tr::tr("This patient's record is no longer visible to your facility. "
                                   "The patient may have withdrawn consent.");
        }
        fail(error);
        return;
    }
    // 200 resources of JSON take tens of milliseconds to parse: on the thread pool, so the
    // timeline stays responsive while a large record arrives.
    m_parsingGeneration = m_generation;
    const QByteArray body = response.body;
    m_parsing.setFuture(QtConcurrent::run([body] {
        Parsed parsed;
        parsed.ok = parseEverythingPage(body, &parsed.page, &parsed.error);
        return parsed;
    }));
}

void EverythingFetch::onParsed()
{
    if (m_parsingGeneration != m_generation)
        return; // cancelled or restarted while parsing
    Parsed parsed = m_parsing.result();
    if (!parsed.ok) {
        fail(HubErrors::protocolError(parsed.error));
        return;
    }
    const EverythingPage &page = parsed.page;
    const quint64 generation = m_generation;
    if (page.total >= 0)
        m_total = page.total;
    m_received += page.records.size();
    if (!page.patient.isEmpty())
        Q_EMIT patientArrived(page.patient);
    if (generation != m_generation)
        return; // a receiver cancelled or restarted
    Q_EMIT pageArrived(page.records);
    if (generation != m_generation)
        return;
    if (page.nextUrl.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    // The next link is fetched as is, but only from the hub this session trusts: the bearer
    // token must never go to another server.
    const QUrl next(page.nextUrl);
    const QUrl hub = m_session ? m_session->networkUrl() : QUrl();
    QString base = hub.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!next.isValid() || next.scheme() != hub.scheme() || next.host() != hub.host()
        || next.port(443) != hub.port(443) || !next.path().startsWith(base + QLatin1Char('/'))) {
        fail(HubErrors::protocolError(QStringLiteral("next link outside the hub: %1").arg(page.nextUrl)));
        return;
    }
    if (m_pages >= kMaxPages) {
        fail(HubErrors::protocolError(QStringLiteral("more than %1 pages").arg(kMaxPages)));
        return;
    }
    if (!m_session->isLoggedIn()) {
        fail(HubErrors::notLoggedIn());
        return;
    }
    // The rest in large pages: the link's own _count replaced in place, nothing else touched.
    QUrlQuery query(next);
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    for (auto &[key, value] : items) {
        if (key == QLatin1String("_count"))
            value = QString::number(kPageSize);
    }
    query.setQueryItems(items);
    requestPage(next.path().mid(base.size()), query);
}

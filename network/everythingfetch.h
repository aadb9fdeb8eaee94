#pragma once

#include "clinicalrecord.h"
#include "huberror.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class HubSession;
class QNetworkReply;
struct HubResponse;

/// Fetches one patient's whole shared record (GET /fhir/Patient/{id}/$everything), page by
/// page, reporting each page as it arrives so the timeline draws progressively. One fetch at
/// a time: start() or cancel() drops the previous one, whose signals never arrive.
class EverythingFetch : public QObject
{
    Q_OBJECT

public:
    explicit EverythingFetch(HubSession *session, QObject *parent = nullptr);
    ~EverythingFetch() override;

    /// Page sizes asked of the hub (_count, 1–1000): a small first page so the timeline draws
    /// early, then large ones (each page is one request and one audit commit at the hub; the
    /// pages are parsed on the thread pool). The hub's next links keep the first page's
    /// _count, which may be changed (docs/PROTOCOL.md); bench_hub_fhir times this pattern.
    static constexpr int kFirstPageSize = 200;
    static constexpr int kPageSize = 1000;

    /// Fetches the whole record, or with a valid \a since only what the hub stored after it
    /// (_since: the records that are new since then).
    void start(const QString &patientId, const QDateTime &since = {});
    void cancel();
    bool isBusy() const { return !m_reply.isNull() || m_parsing.isRunning(); }
    QString patientId() const { return m_patientId; }
    /// Bundle.total as the hub announced it, or -1.
    int total() const { return m_total; }
    int received() const { return m_received; }

Q_SIGNALS:
    void started();
    /// The Patient resource (the first page carries it).
    void patientArrived(const QJsonObject &patient);
    void pageArrived(const QList<ClinicalRecord> &records);
    void finished();
    void failed(const HubError &error);

private:
    void requestPage(const QString &path, const QUrlQuery &query);
    void onPage(const HubResponse &response);
    /// A page parsed on the thread pool arrives back here (GUI thread).
    void onParsed();
    void fail(const HubError &error);
    void failLater(const HubError &error);

    QPointer<HubSession> m_session;
    QPointer<QNetworkReply> m_reply;
    QString m_patientId;
    int m_total = -1;
    int m_received = 0;
    int m_pages = 0;
    quint64 m_generation = 0;
    struct Parsed
    {
        EverythingPage page;
        QString error;
        bool ok = false;
    };
    QFutureWatcher<Parsed> m_parsing;
    quint64 m_parsingGeneration = 0;
};

#pragma once

#include "huberror.h"
#include "patientquery.h"
#include "patientsummary.h"

#include <QList>
#include <QObject>
#include <QPointer>

class HubSession;
class QNetworkReply;
struct HubResponse;

/// Runs patient searches (GET /fhir/Patient) for a logged-in HubSession. One search at a
/// time: a new search() drops the previous one, whose result is never reported.
class PatientSearch : public QObject
{
    Q_OBJECT

public:
    explicit PatientSearch(HubSession *session, QObject *parent = nullptr);
    ~PatientSearch() override;

    /// Page size asked of the hub (_count, 1–200).
    static constexpr int kPageSize = 100;

    void search(const PatientQuery &query);
    void cancel();
    bool isBusy() const { return !m_reply.isNull(); }
    /// Bundle.total of the last successful search: may exceed the patients listed.
    int lastTotal() const { return m_lastTotal; }

Q_SIGNALS:
    void started();
    void finished(const QList<PatientSummary> &patients);
    void failed(const HubError &error);

private:
    void finish(const HubResponse &response);
    void failLater(const HubError &error);

    QPointer<HubSession> m_session;
    QPointer<QNetworkReply> m_reply;
    int m_lastTotal = 0;
    quint64 m_generation = 0;
};

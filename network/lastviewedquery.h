#pragma once

#include "huberror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <optional>

class HubSession;
class QNetworkReply;
struct HubResponse;

/// Asks the hub when this user last opened a patient's record
/// (GET /fhir/Patient/{id}/$last-viewed, docs/PROTOCOL.md "New since my last view"). The
/// time lives on the hub, in its audit trail, so nothing about the patient is written on the
/// clinic PC and the "new" marks survive logout. One question at a time; answers arrive
/// after start() returned.
class LastViewedQuery : public QObject
{
    Q_OBJECT

public:
    explicit LastViewedQuery(HubSession *session, QObject *parent = nullptr);
    ~LastViewedQuery() override;

    void start(const QString &patientId);
    void cancel();

    /// The Parameters answer → the lastViewed instant (UTC); nullopt when there is none.
    /// Returns false (with *error) when the document is not a Parameters resource.
    static bool parse(const QByteArray &json, std::optional<QDateTime> *time, QString *error);

Q_SIGNALS:
    /// \a time is invalid when the user never opened this record before.
    void answered(const QDateTime &time);
    void failed(const HubError &error);

private:
    void onAnswer(const HubResponse &response);

    QPointer<HubSession> m_session;
    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0;
};

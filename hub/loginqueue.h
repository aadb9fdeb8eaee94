#pragma once

#include "authenticator.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

/// Runs logins with their PBKDF2 check on a thread pool, so a login (≈0.15 s of CPU at
/// 600,000 iterations) no longer stops the server's thread from answering everyone else.
///
/// Attempts for one login ID run one after another, exactly as they did on the single
/// thread: otherwise a burst of parallel guesses would all pass the throttle before the
/// first failure was counted. Only the throttle, account and audit work runs on the
/// server's thread; the pool only hashes.
class LoginQueue : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<Authenticator::Attempt> &)>;

    /// Logins waiting or running at once, across all IDs; more are refused (503) rather
    /// than left to grow a queue that answers too late to matter.
    static constexpr int kMaxPending = 64;

    explicit LoginQueue(Authenticator &authenticator, QObject *parent = nullptr);
    /// Waits for running hashes; their results are dropped.
    ~LoginQueue() override;

    /// Starts or queues a login; \a done is called on this object's thread, possibly before
    /// submit() returns (a throttled ID needs no hashing). Returns false, without calling
    /// \a done, when kMaxPending logins are already pending.
    bool submit(const QString &loginId, const QString &password, Done done);

private:
    struct Waiting
    {
        QString password;
        Done done;
    };

    /// Runs the first waiting login for \a loginId; returns once it is hashing or done.
    void startNext(const QString &loginId);
    void finish(const QString &loginId, const Result<Authenticator::Attempt> &attempt);

    Authenticator &m_authenticator;
    QThreadPool m_pool;
    /// Per login ID; the first entry is the one being checked.
    QHash<QString, QList<Waiting>> m_queues;
    int m_pending = 0;
};

#include "loginqueue.h"

#include <QMetaObject>

LoginQueue::LoginQueue(Authenticator &authenticator, QObject *parent)
    : QObject(parent)
    , m_authenticator(authenticator)
{
}

LoginQueue::~LoginQueue()
{
    // A hash still running posts its result to this object; Qt drops the posted call with
    // the object, so only the threads need to end first.
    m_pool.waitForDone();
}

bool LoginQueue::submit(const QString &loginId, const QString &password, Done done)
{
    if (m_pending >= kMaxPending)
        return false;
    ++m_pending;
    QList<Waiting> &queue = m_queues[loginId];
    queue.append(Waiting{password, std::move(done)});
    if (queue.size() == 1)
        startNext(loginId);
    return true;
}

void LoginQueue::startNext(const QString &loginId)
{
    const auto queue = m_queues.constFind(loginId);
    if (queue == m_queues.cend() || queue->isEmpty())
        return;
    const auto check = m_authenticator.prepare(loginId);
    if (!check) {
        finish(loginId, Failure{check.error()});
        return;
    }
    if (check->decided) {
        finish(loginId, *check->decided);
        return;
    }
    const QString password = queue->first().password;
    m_pool.start([this, loginId, check = *check, password] {
        const bool passwordOk = Authenticator::verifyPassword(password, check.passwordHash);
        QMetaObject::invokeMethod(
            this,
            [this, loginId, check, passwordOk] {
                finish(loginId, m_authenticator.conclude(check, passwordOk));
            },
            Qt::QueuedConnection);
    });
}

void LoginQueue::finish(const QString &loginId, const Result<Authenticator::Attempt> &attempt)
{
    auto queue = m_queues.find(loginId);
    Q_ASSERT(queue != m_queues.end() && !queue->isEmpty());
    const Waiting done = queue->takeFirst();
    --m_pending;
    const bool more = !queue->isEmpty();
    if (!more)
        m_queues.erase(queue);
    done.done(attempt);
    // The next attempt for this ID sees the throttle as this one left it.
    if (more)
        startNext(loginId);
}

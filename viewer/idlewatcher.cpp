#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    restart();
}

void IdleWatcher::restart()
{
    if (m_timeout.count() <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_timeout);
}

void IdleWatcher::stop()
{
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        // Only a running watch is extended: a stopped one (screen locked) stays stopped.
        if (m_timer.isActive())
            m_timer.start(m_timeout);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

/// Tells when the user has not touched the application (keyboard, mouse, wheel, touch) for a
/// while: the viewer locks itself then, as the MHLW guideline asks of clinic PCs.
/// Watches the whole application through an event filter on qApp.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    /// Zero or less turns the watch off.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

    /// Starts counting from now (again).
    void restart();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{0};
};

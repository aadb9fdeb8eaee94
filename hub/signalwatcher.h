#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

/// Turns SIGTERM/SIGINT into a Qt signal (self-pipe), so `serve` can leave its event loop
/// and close the database cleanly instead of dying mid-write.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

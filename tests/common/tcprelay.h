#pragma once

// A TCP relay for tests that must act while a transfer is under way.
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

/// A TCP relay between the client and the hub, sending the hub's bytes on at a limited rate
/// so that a test can act while a study is half transferred. TLS passes through untouched.
class TcpRelay : public QObject
{
public:
    explicit TcpRelay(quint16 upstreamPort) : m_upstream(upstreamPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
        m_tick.setInterval(10);
        connect(&m_tick, &QTimer::timeout, this, &TcpRelay::forward);
        m_tick.start();
    }
    ~TcpRelay() override { cut(); }

    quint16 port() const { return m_server.serverPort(); }
    void setUpstreamPort(quint16 port) { m_upstream = port; }
    void setBytesPerTick(qint64 bytes) { m_bytesPerTick = bytes; }
    /// Every connection dropped at once, whatever was still to be forwarded lost: what a
    /// client sees when the network goes.
    void cut()
    {
        for (Pipe *pipe : std::exchange(m_pipes, {})) {
            pipe->client->disconnect(this);
            pipe->upstream->disconnect(this);
            pipe->client->abort();
            pipe->upstream->abort();
            pipe->client->deleteLater();
            pipe->upstream->deleteLater();
            delete pipe;
        }
    }

private:
    struct Pipe
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        QByteArray toClient;
        QByteArray toUpstream;
        bool upstreamClosed = false;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *pipe = new Pipe{client, new QTcpSocket(this), {}, {}, false};
            m_pipes.append(pipe);
            connect(client, &QTcpSocket::readyRead, this, [pipe] {
                pipe->toUpstream += pipe->client->readAll();
                if (pipe->upstream->state() == QAbstractSocket::ConnectedState)
                    pipe->upstream->write(std::exchange(pipe->toUpstream, {}));
            });
            connect(client, &QTcpSocket::disconnected, this, [this, pipe] { close(pipe); });
            connect(pipe->upstream, &QTcpSocket::connected, this, [pipe] {
                pipe->upstream->write(std::exchange(pipe->toUpstream, {}));
            });
            connect(pipe->upstream, &QTcpSocket::readyRead, this,
                    [pipe] { pipe->toClient += pipe->upstream->readAll(); });
            connect(pipe->upstream, &QTcpSocket::disconnected, this, [pipe] { pipe->upstreamClosed = true; });
            connect(pipe->upstream, &QTcpSocket::errorOccurred, this, [this, pipe](QAbstractSocket::SocketError e) {
                if (e == QAbstractSocket::RemoteHostClosedError)
                    pipe->upstreamClosed = true;
                else
                    close(pipe); // refused: the hub is down
            });
            pipe->upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
        }
    }
    void forward()
    {
        for (Pipe *pipe : QList<Pipe *>(m_pipes)) {
            if (!pipe->toClient.isEmpty()) {
                const QByteArray chunk = pipe->toClient.left(m_bytesPerTick);
                pipe->toClient.remove(0, chunk.size());
                pipe->client->write(chunk);
            }
            if (pipe->upstreamClosed && pipe->toClient.isEmpty()) {
                pipe->client->disconnectFromHost();
                close(pipe);
            }
        }
    }
    void close(Pipe *pipe)
    {
        if (!m_pipes.removeOne(pipe))
            return;
        pipe->client->disconnect(this);
        pipe->upstream->disconnect(this);
        if (pipe->client->state() != QAbstractSocket::UnconnectedState && !pipe->upstreamClosed)
            pipe->client->abort();
        pipe->upstream->abort();
        pipe->client->deleteLater();
        pipe->upstream->deleteLater();
        delete pipe;
    }

    QTcpServer m_server;
    QTimer m_tick;
    quint16 m_upstream;
    qint64 m_bytesPerTick = 1 << 30;
    QList<Pipe *> m_pipes;
};

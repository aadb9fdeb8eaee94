#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

/// A response body written while it is produced, with HTTP/1.1 chunked transfer coding, so
/// neither a stored study nor a proxied one is ever held in memory whole. Qt 6.4's
/// QHttpServerResponder has no chunked API (writeBeginChunked is 6.8), so the chunks are
/// framed here and written with writeBody(). Producers check congested() and resume on
/// drained(): the socket's send buffer stays bounded while the event loop keeps serving.
class DicomWebStream : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit DicomWebStream(QHttpServerResponder &&responder, QObject *parent = nullptr);

    /// Status line and headers (Transfer-Encoding: chunked, no-store, nosniff added).
    void begin(QHttpServerResponder::StatusCode status, const Headers &headers);
    void write(const QByteArray &data);
    /// Reads up to \a maxBytes from \a device straight into one chunk and writes it: the
    /// bytes are copied once, by the read. Returns what read() returned (0 at the end).
    qint64 writeFrom(QIODevice &device, qint64 maxBytes);
    /// Hands what was written to the kernel now (TLS: encrypts it first), not at the next
    /// turn of the event loop.
    void flush();
    /// The last chunk; the stream deletes itself afterwards.
    void finish();
    /// Ends without the last chunk (the client sees a cut-off body) and deletes itself.
    void abort();

    /// Bytes written but not yet handed to the kernel, ciphertext included.
    qint64 pending() const;
    bool congested() const;
    bool isConnected() const;

signals:
    /// The socket took most of what was written: write more.
    void drained();
    /// The client went away.
    void disconnected();

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_finished = false;
};

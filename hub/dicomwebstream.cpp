#include "dicomwebstream.h"

#include <QSslSocket>

namespace {

// Enough to keep a loopback or LAN link busy, small enough that many concurrent retrievals
// stay cheap.
constexpr qint64 kHighWater = 2 * 1024 * 1024;

} // namespace

DicomWebStream::DicomWebStream(QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
    , m_socket(m_responder.socket())
{
    if (m_socket) {
        const auto maybeDrained = [this] {
            if (!m_finished && !congested())
                emit drained();
        };
        connect(m_socket, &QIODevice::bytesWritten, this, maybeDrained);
        // Over TLS, bytesWritten() means "encrypted", not "sent": the ciphertext then waits in
        // the plain socket's buffer. Resume only when that has gone to the kernel too.
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()))
            connect(ssl, &QSslSocket::encryptedBytesWritten, this, maybeDrained);
        connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
            emit disconnected();
            abort();
        });
    }
}

void DicomWebStream::begin(QHttpServerResponder::StatusCode status, const Headers &headers)
{
    if (!isConnected())
        return;
    m_responder.writeStatusLine(status);
    for (const auto &[name, value] : headers)
        m_responder.writeHeader(name, value);
    m_responder.writeHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
    m_responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    m_responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
}

void DicomWebStream::write(const QByteArray &data)
{
    if (data.isEmpty() || !isConnected() || m_finished)
        return;
    // One write per chunk: each write to a QSslSocket is encrypted on its own, so the 2-byte
    // CRLF and the size line would otherwise become TLS records of their own.
    QByteArray chunk;
    chunk.reserve(data.size() + 16);
    chunk += QByteArray::number(data.size(), 16);
    chunk += "\r\n";
    chunk += data;
    chunk += "\r\n";
    m_responder.writeBody(chunk);
}

qint64 DicomWebStream::writeFrom(QIODevice &device, qint64 maxBytes)
{
    if (!isConnected() || m_finished)
        return -1;
    // The chunk size is written as 8 hex digits (leading zeros are allowed, RFC 9112 7.1), so
    // its line can be laid out before the data is read behind it.
    constexpr qsizetype kSizeLine = 10;
    QByteArray chunk(kSizeLine + maxBytes + 2, Qt::Uninitialized);
    const qint64 n = device.read(chunk.data() + kSizeLine, maxBytes);
    if (n <= 0)
        return n;
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 8; ++i)
        chunk[i] = digits[(n >> (28 - 4 * i)) & 0xf];
    chunk[8] = '\r';
    chunk[9] = '\n';
    chunk.resize(kSizeLine + n + 2);
    chunk[kSizeLine + n] = '\r';
    chunk[kSizeLine + n + 1] = '\n';
    // QIODevice::write(const QByteArray &) keeps a reference to a large array instead of
    // copying it into the socket's buffer.
    m_socket->write(chunk);
    return n;
}

void DicomWebStream::flush()
{
    if (isConnected())
        m_socket->flush();
}

void DicomWebStream::finish()
{
    if (m_finished)
        return;
    if (isConnected())
        m_responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
    m_finished = true;
    deleteLater();
}

void DicomWebStream::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    // A body cut short must not look complete: close the connection.
    if (isConnected())
        m_socket->disconnectFromHost();
    deleteLater();
}

qint64 DicomWebStream::pending() const
{
    if (!isConnected())
        return 0;
    // QSslSocket::bytesToWrite() is only the plaintext not yet encrypted; without the
    // ciphertext a whole study was encrypted into memory before its first byte left (the
    // pump never saw congestion), 0.4 s for 157 MB.
    qint64 bytes = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket.data()))
        bytes += ssl->encryptedBytesToWrite();
    return bytes;
}

bool DicomWebStream::congested() const
{
    return pending() > kHighWater;
}

bool DicomWebStream::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

#include "dicomwebstream.h"

namespace {

// Enough to keep a loopback or LAN link busy, small enough that many concurrent retrievals
// stay cheap.
constexpr qint64 kHighWater = 1024 * 1024;

} // namespace

DicomWebStream::DicomWebStream(QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
    , m_socket(m_responder.socket())
{
    if (m_socket) {
        connect(m_socket, &QIODevice::bytesWritten, this, [this] {
            if (!m_finished && !congested())
                emit drained();
        });
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
    m_responder.writeBody(QByteArray::number(data.size(), 16) + QByteArrayLiteral("\r\n"));
    m_responder.writeBody(data);
    m_responder.writeBody(QByteArrayLiteral("\r\n"));
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

bool DicomWebStream::congested() const
{
    return isConnected() && m_socket->bytesToWrite() > kHighWater;
}

bool DicomWebStream::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

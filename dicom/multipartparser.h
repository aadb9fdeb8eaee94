#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace Dicom {

/// One body part of a multipart/related message (RFC 2387), as DICOMweb WADO-RS sends
/// instances and frames.
struct MultipartPart
{
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lower-cased, values trimmed
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const;
};

/// A parameter of a Content-Type header ("boundary", "type"), unquoted; nullopt if absent.
/// Quoted values may hold ';' (type="application/octet-stream; transfer-syntax=...").
std::optional<QByteArray> contentTypeParameter(const QByteArray &contentType,
                                               const QByteArray &name);
/// The media type of a Content-Type header, lower-cased, without parameters.
QByteArray mediaType(const QByteArray &contentType);

/// Incremental multipart parser: feed bytes as they arrive; each part is handed to the
/// callback as soon as its closing delimiter has been seen, so a study streams part by part
/// and at most one part (plus one network chunk) is buffered.
class MultipartParser
{
public:
    using PartHandler = std::function<void(MultipartPart &&)>;

    MultipartParser(QByteArray boundary, PartHandler onPart);

    /// Consumes @p bytes. Returns false once the stream is malformed (see error()).
    bool feed(const QByteArray &bytes);
    /// True after the close delimiter ("--boundary--").
    bool isComplete() const { return m_state == State::Done; }
    /// Why feed() failed; empty while all is well.
    const QString &error() const { return m_error; }
    /// Bytes of the part being received (for progress); 0 between parts.
    qsizetype pendingBytes() const { return m_buffer.size() - m_consumed; }

private:
    enum class State { Preamble, Headers, Body, Done, Failed };
    bool step();
    bool fail(const QString &message);

    QByteArray m_dashBoundary; // "--" boundary
    QByteArray m_delimiter;    // CRLF "--" boundary
    PartHandler m_onPart;
    QByteArray m_buffer;
    qsizetype m_consumed = 0;  // bytes of m_buffer already parsed
    qsizetype m_scanFrom = 0;  // where the delimiter search resumes, relative to m_consumed
    State m_state = State::Preamble;
    MultipartPart m_part;
    QString m_error;
};

} // namespace Dicom

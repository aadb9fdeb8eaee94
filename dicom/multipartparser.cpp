#include "multipartparser.h"

namespace Dicom {
namespace {

// Headers of one part larger than this are not DICOMweb but garbage or an attack.
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

} // namespace

QByteArray MultipartPart::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

std::optional<QByteArray> contentTypeParameter(const QByteArray &contentType,
                                               const QByteArray &name)
{
    // Split at ';' outside quotes; parameters are name=value or name="quoted value".
    const qsizetype n = contentType.size();
    qsizetype i = contentType.indexOf(';');
    while (i >= 0 && i < n) {
        ++i; // past ';'
        while (i < n && (contentType[i] == ' ' || contentType[i] == '\t'))
            ++i;
        const qsizetype eq = contentType.indexOf('=', i);
        if (eq < 0)
            return std::nullopt;
        const QByteArray key = contentType.mid(i, eq - i).trimmed().toLower();
        QByteArray value;
        qsizetype j = eq + 1;
        if (j < n && contentType[j] == '"') {
            ++j;
            while (j < n && contentType[j] != '"') {
                if (contentType[j] == '\\' && j + 1 < n)
                    ++j;
                value.append(contentType[j]);
                ++j;
            }
            j = contentType.indexOf(';', j);
        } else {
            const qsizetype end = contentType.indexOf(';', j);
            value = contentType.mid(j, end < 0 ? -1 : end - j).trimmed();
            j = end;
        }
        if (key == name)
            return value;
        i = j;
    }
    return std::nullopt;
}

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return contentType.left(semicolon).trimmed().toLower();
}

MultipartParser::MultipartParser(QByteArray boundary, PartHandler onPart)
    : m_dashBoundary("--" + boundary), m_delimiter("\r\n--" + boundary),
      m_onPart(std::move(onPart))
{
    if (boundary.isEmpty())
        fail(QStringLiteral("multipart response without a boundary"));
}

bool MultipartParser::fail(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    m_buffer.clear();
    m_consumed = 0;
    return false;
}

bool MultipartParser::feed(const QByteArray &bytes)
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Done)
        return true; // the epilogue is ignored
    if (m_buffer.isEmpty())
        m_buffer = bytes; // shared, not copied, until more is appended
    else
        m_buffer.append(bytes);
    while (step()) {
    }
    // Drop what has been parsed so the buffer holds only the part in progress.
    if (m_consumed > 0) {
        m_buffer.remove(0, m_consumed);
        m_consumed = 0;
    }
    return m_state != State::Failed;
}

// Advances by one parsing step; false when more input is needed (or on failure/the end).
bool MultipartParser::step()
{
    const QByteArrayView rest(m_buffer.constData() + m_consumed, m_buffer.size() - m_consumed);
    switch (m_state) {
    case State::Preamble: {
        // The first delimiter may start the body without a leading CRLF.
        qsizetype at = rest.startsWith(m_dashBoundary) ? 0 : rest.indexOf(m_delimiter);
        if (at < 0) {
            if (rest.size() > kMaxHeaderBytes)
                return fail(QStringLiteral("multipart response without its boundary"));
            return false;
        }
        const qsizetype after = at + (at == 0 && rest.startsWith(m_dashBoundary)
                                          ? m_dashBoundary.size() : m_delimiter.size());
        if (rest.size() < after + 2)
            return false;
        if (rest.sliced(after, 2) == "--") {
            m_state = State::Done;
            return false;
        }
        m_consumed += after;
        m_state = State::Headers;
        return true;
    }
    case State::Headers: {
        // After the boundary line: optional whitespace, CRLF, header lines, empty line.
        const qsizetype lineEnd = rest.indexOf("\r\n");
        if (lineEnd < 0)
            return rest.size() > kMaxHeaderBytes
                ? fail(QStringLiteral("multipart part headers too long")) : false;
        const qsizetype end = rest.indexOf("\r\n\r\n", lineEnd);
        if (end < 0) {
            if (rest.size() > kMaxHeaderBytes)
                return fail(QStringLiteral("multipart part headers too long"));
            return false;
        }
        m_part = MultipartPart{};
        // end == lineEnd: a part without headers.
        const QByteArrayView block = end > lineEnd ? rest.sliced(lineEnd + 2, end - lineEnd - 2)
                                                   : QByteArrayView();
        for (const QByteArrayView line : QByteArray(block.toByteArray()).split('\n')) {
            const QByteArray text = line.toByteArray().trimmed();
            if (text.isEmpty())
                continue;
            const qsizetype colon = text.indexOf(':');
            if (colon <= 0)
                return fail(QStringLiteral("malformed multipart part header"));
            m_part.headers.append({text.left(colon).trimmed().toLower(),
                                   text.mid(colon + 1).trimmed()});
        }
        m_consumed += end + 4;
        m_scanFrom = 0;
        m_state = State::Body;
        return true;
    }
    case State::Body: {
        const qsizetype at = rest.indexOf(m_delimiter, m_scanFrom);
        if (at < 0) {
            // Resume the search where a delimiter could still begin.
            m_scanFrom = qMax<qsizetype>(0, rest.size() - m_delimiter.size() + 1);
            return false;
        }
        const qsizetype after = at + m_delimiter.size();
        if (rest.size() < after + 2)
            return false; // need to see whether "--" (end) follows
        const bool last = rest.sliced(after, 2) == "--";
        if (m_consumed == 0 && rest.size() - after <= at) {
            // The body began in an earlier feed(), so it starts the buffer: hand the buffer
            // itself out, cut at the delimiter, and keep only what follows (less than the
            // body). A DICOM file is not copied once more on its way to the decoder.
            QByteArray tail = m_buffer.sliced(after);
            m_part.body = std::move(m_buffer);
            m_part.body.truncate(at);
            m_buffer = std::move(tail);
            m_consumed = 0;
        } else {
            m_part.body = rest.first(at).toByteArray();
            m_consumed += after;
        }
        m_state = last ? State::Done : State::Headers;
        MultipartPart part = std::move(m_part);
        m_part = MultipartPart{};
        if (m_onPart)
            m_onPart(std::move(part));
        return !last;
    }
    case State::Done:
    case State::Failed:
        return false;
    }
    return false;
}

} // namespace Dicom

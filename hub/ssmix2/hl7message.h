#pragma once

#include "../result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>

namespace Ssmix2 {

/// The encoding characters of one message, from MSH-1 and MSH-2.
struct Hl7Delimiters
{
    QChar field = QLatin1Char('|');
    QChar component = QLatin1Char('^');
    QChar repetition = QLatin1Char('~');
    QChar escape = QLatin1Char('\\');
    QChar subcomponent = QLatin1Char('&');
};

/// Resolves HL7 v2.5 escape sequences in one already-split value: \F\ \S\ \T\ \R\ \E\,
/// \Xhh..\ (hex bytes, read as UTF-8 when valid, else Latin-1), \.br\ (line break); \H\ and
/// \N\ (highlighting) are dropped. Anything else, or an unterminated escape, is kept as written:
/// a display text should lose nothing.
QString hl7Unescape(QStringView raw, const Hl7Delimiters &delimiters);

/// One segment, split into fields, repetitions, components and subcomponents, each unescaped.
/// Numbering follows the standard: field 1 is the first after the name (for MSH, MSH-1 is the
/// field separator and MSH-2 the encoding characters); components and subcomponents count
/// from 1, repetitions from 0. Anything absent reads as an empty string.
///
/// Only the fields are located when the message is parsed; a value is cut out of its field and
/// unescaped when asked for. Splitting every field of every segment into nested lists up front
/// was most of the parse time and a tenth of an import's allocations (bench/README.md).
class Hl7Segment
{
public:
    Hl7Segment() = default;

    QString name() const { return m_name; }
    int fieldCount() const { return int(m_fields.size()); }
    int repetitionCount(int field) const;
    QString value(int field, int component = 1, int subcomponent = 1, int repetition = 0) const;
    /// All components of one repetition, unescaped (empty list when absent).
    QStringList components(int field, int repetition = 0) const;

private:
    friend class Hl7Message;
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        bool raw = false; ///< MSH-1 and MSH-2: the delimiters themselves, never split or unescaped
    };
    /// The text of field \a field (1-based) and whether it is raw; nullopt when absent.
    std::optional<std::pair<QStringView, bool>> field(int field) const;

    QString m_name;
    QString m_text; ///< the whole message (shared by its segments), which m_fields point into
    QList<Span> m_fields;
    Hl7Delimiters m_delimiters;
};

class Hl7Message
{
public:
    /// Splits decoded message text. Segments end with CR (the standard), CRLF or LF; empty
    /// lines are ignored. Fails only when there is no MSH segment with encoding characters
    /// first: anything after it is kept as written, even unknown or garbage segments.
    static Result<Hl7Message> parse(const QString &text);

    const QList<Hl7Segment> &segments() const { return m_segments; }
    const Hl7Delimiters &delimiters() const { return m_delimiters; }
    /// The first segment with this name, or nullptr.
    const Hl7Segment *first(const QString &name) const;
    const Hl7Segment &msh() const { return m_segments.first(); }

private:
    QList<Hl7Segment> m_segments;
    Hl7Delimiters m_delimiters;
};

} // namespace Ssmix2

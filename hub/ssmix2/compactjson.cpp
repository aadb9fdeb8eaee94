#include "compactjson.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QLocale>

#include <cmath>

namespace Ssmix2 {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

void appendEscaped(QByteArray &out, QStringView text)
{
    // Written through a pointer into room for the worst case (6 bytes per UTF-16 unit, a
    // \u escape), then cut to what was written: no call per byte.
    const qsizetype start = out.size();
    out.resize(start + text.size() * 6);
    char *cursor = out.data() + start;
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    auto escape4 = [&](char16_t u) {
        *cursor++ = '\\';
        *cursor++ = 'u';
        *cursor++ = hexDigit((u >> 12) & 0xF);
        *cursor++ = hexDigit((u >> 8) & 0xF);
        *cursor++ = hexDigit((u >> 4) & 0xF);
        *cursor++ = hexDigit(u & 0xF);
    };
    while (p != end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *cursor++ = char(u);
                continue;
            }
            switch (u) {
            case u'"': *cursor++ = '\\'; *cursor++ = '"'; break;
            case u'\\': *cursor++ = '\\'; *cursor++ = '\\'; break;
            case 0x08: *cursor++ = '\\'; *cursor++ = 'b'; break;
            case 0x0C: *cursor++ = '\\'; *cursor++ = 'f'; break;
            case 0x0A: *cursor++ = '\\'; *cursor++ = 'n'; break;
            case 0x0D: *cursor++ = '\\'; *cursor++ = 'r'; break;
            case 0x09: *cursor++ = '\\'; *cursor++ = 't'; break;
            default: escape4(u);
            }
        } else if (u < 0x800) {
            *cursor++ = char(0xC0 | (u >> 6));
            *cursor++ = char(0x80 | (u & 0x3F));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            *cursor++ = char(0xF0 | (c >> 18));
            *cursor++ = char(0x80 | ((c >> 12) & 0x3F));
            *cursor++ = char(0x80 | ((c >> 6) & 0x3F));
            *cursor++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isSurrogate(u)) {
            escape4(u); // a lone surrogate is not UTF-8: Qt writes it as a JSON escape
        } else {
            *cursor++ = char(0xE0 | (u >> 12));
            *cursor++ = char(0x80 | ((u >> 6) & 0x3F));
            *cursor++ = char(0x80 | (u & 0x3F));
        }
    }
    out.resize(cursor - out.constData());
}

void appendString(QByteArray &out, QStringView text)
{
    out.append('"');
    appendEscaped(out, text);
    out.append('"');
}

void appendValue(QByteArray &out, const QCborValue &value);

void appendMap(QByteArray &out, const QCborMap &map)
{
    out.append('{');
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out.append(',');
        first = false;
        appendString(out, it.key().toString());
        out.append(':');
        appendValue(out, it.value());
    }
    out.append('}');
}

void appendValue(QByteArray &out, const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::True:
        out.append("true");
        break;
    case QCborValue::False:
        out.append("false");
        break;
    case QCborValue::Integer:
        out.append(QByteArray::number(value.toInteger()));
        break;
    case QCborValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d))
            out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        else
            out.append("null");
        break;
    }
    case QCborValue::String:
        appendString(out, value.toString());
        break;
    case QCborValue::Array: {
        out.append('[');
        const QCborArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out.append(',');
            appendValue(out, array.at(i));
        }
        out.append(']');
        break;
    }
    case QCborValue::Map:
        appendMap(out, value.toMap());
        break;
    default:
        out.append("null");
    }
}

} // namespace

QByteArray compactJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(2048);
    // A QCborMap made from a QJsonObject shares its storage: no copy.
    appendMap(out, QCborMap::fromJsonObject(object));
    return out;
}

} // namespace Ssmix2

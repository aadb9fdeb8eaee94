#include "cdadocument.h"

#include "networktr.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

using RenkeiNetworkPrivate::Tr;

namespace {

/// Marks a <br/> (and block ends inside inline text) while whitespace is still being folded;
/// becomes '\n' at the end. U+2028 does not occur in CDA narrative in practice, and if it
/// does, it means a line break anyway.
constexpr QChar kBreak(0x2028);

/// XML's whitespace only: the ideographic space (U+3000) is content in Japanese text.
bool isXmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

bool isWide(QChar c)
{
    // CJK punctuation, kana, ideographs, full-width forms (and surrogates, i.e. rarer
    // ideographs): scripts written without spaces between words.
    return c.unicode() >= 0x2E80;
}

/// Folds XML indentation and line wrapping the way a browser would, except that a line break
/// between two Japanese characters disappears instead of becoming a space.
QString tidy(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    int i = 0;
    while (i < raw.size()) {
        const QChar c = raw.at(i);
        if (isXmlSpace(c)) {
            bool hadNewline = false;
            int j = i;
            while (j < raw.size() && isXmlSpace(raw.at(j))) {
                hadNewline = hadNewline || raw.at(j) == QLatin1Char('\n') || raw.at(j) == QLatin1Char('\r');
                ++j;
            }
            const bool atEdge = out.isEmpty() || out.back() == kBreak || j >= raw.size() || raw.at(j) == kBreak;
            const bool betweenWide = !out.isEmpty() && j < raw.size() && isWide(out.back()) && isWide(raw.at(j));
            if (!atEdge && !(hadNewline && betweenWide))
                out += QLatin1Char(' ');
            i = j;
            continue;
        }
        if (c == kBreak) {
            while (!out.isEmpty() && out.back() == QLatin1Char(' '))
                out.chop(1);
        }
        out += c;
        ++i;
    }
    out.replace(kBreak, QLatin1Char('\n'));
    // Several breaks in a row (a <br/> before a block end) are one line break, not blank lines.
    static const QRegularExpression manyBreaks(QStringLiteral("\n{2,}"));
    out.replace(manyBreaks, QStringLiteral("\n"));
    while (out.startsWith(QLatin1Char('\n')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

bool isBlockName(QStringView name)
{
    return name == u"paragraph" || name == u"list" || name == u"item" || name == u"table"
        || name == u"tr" || name == u"caption" || name == u"thead" || name == u"tbody" || name == u"tfoot";
}

class CdaReader
{
public:
    explicit CdaReader(const QByteArray &bytes) : m_xml(bytes) {}

    CdaDocument read()
    {
        if (!m_xml.readNextStartElement()) {
            m_doc.error = m_xml.hasError() ? errorText() : QStringLiteral("empty document");
            return m_doc;
        }
        if (m_xml.name() != u"ClinicalDocument") {
            m_doc.error = QStringLiteral("not a CDA document: the root element is <%1>").arg(m_xml.name());
            return m_doc;
        }
        readHeaderAndBody();
        // Anything after the root element must still be well-formed (comments, whitespace).
        while (!m_xml.atEnd() && !m_xml.hasError())
            m_xml.readNext();
        if (m_xml.hasError())
            m_doc.error = errorText();
        if (m_doc.title.isEmpty())
            m_doc.title = m_doc.typeDisplay;
        return m_doc;
    }

private:
    QString errorText() const
    {
        return QStringLiteral("line %1, column %2: %3")
            .arg(m_xml.lineNumber()).arg(m_xml.columnNumber()).arg(m_xml.errorString());
    }

    QString attribute(const char *name) const
    {
        return m_xml.attributes().value(QLatin1String(name)).toString();
    }

    /// A TS element: @value, or its <low> when it is an interval.
    QDateTime readTime()
    {
        QString value = attribute("value");
        while (m_xml.readNextStartElement()) {
            if (value.isEmpty() && m_xml.name() == u"low")
                value = attribute("value");
            m_xml.skipCurrentElement();
        }
        return parseHl7Timestamp(value);
    }

    /// A person or organization name: the parts (family, given, prefix…) joined by a space,
    /// or the element's own text when it is not split into parts.
    QString readName()
    {
        QStringList parts;
        QString own;
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::Characters)
                own += m_xml.text();
            else if (token == QXmlStreamReader::StartElement)
                parts << tidy(m_xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else if (token == QXmlStreamReader::EndElement)
                break;
        }
        parts.removeAll(QString());
        return parts.isEmpty() ? tidy(own) : parts.join(QLatin1Char(' '));
    }

    QString readPlain()
    {
        return tidy(m_xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }

    void readHeaderAndBody()
    {
        // Header elements are recognised by their path below ClinicalDocument; everything
        // else is walked through (so deeper known elements are still found) or skipped.
        QStringList path;
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::EndElement) {
                if (path.isEmpty())
                    return; // </ClinicalDocument>
                path.removeLast();
                continue;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QString name = m_xml.name().toString();
            const QString parent = path.isEmpty() ? QString() : path.last();
            const QString where = path.join(QLatin1Char('/'));
            if (path.isEmpty() && name == u"title") {
                m_doc.title = readPlain();
            } else if (path.isEmpty() && name == u"code") {
                m_doc.typeCode = attribute("code");
                m_doc.typeDisplay = attribute("displayName");
                m_xml.skipCurrentElement();
            } else if (path.isEmpty() && name == u"effectiveTime") {
                m_doc.effectiveTime = readTime();
            } else if (where == u"recordTarget/patientRole" && name == u"id") {
                if (m_doc.patientId.isEmpty())
                    m_doc.patientId = attribute("extension");
                m_xml.skipCurrentElement();
            } else if (where == u"recordTarget/patientRole/patient" && name == u"name") {
                if (m_doc.patientName.isEmpty())
                    m_doc.patientName = readName();
                else
                    m_xml.skipCurrentElement();
            } else if (where == u"recordTarget/patientRole/patient" && name == u"administrativeGenderCode") {
                m_doc.patientGender = attribute("code");
                m_xml.skipCurrentElement();
            } else if (where == u"recordTarget/patientRole/patient" && name == u"birthTime") {
                m_doc.patientBirthDate = readTime().date();
            } else if (where == u"author" && name == u"time") {
                if (!m_doc.authorTime.isValid())
                    m_doc.authorTime = readTime();
                else
                    m_xml.skipCurrentElement();
            } else if (where == u"author/assignedAuthor/assignedPerson" && name == u"name") {
                if (m_doc.authorName.isEmpty())
                    m_doc.authorName = readName();
                else
                    m_xml.skipCurrentElement();
            } else if (where == u"author/assignedAuthor/representedOrganization" && name == u"name") {
                if (m_doc.authorOrganization.isEmpty())
                    m_doc.authorOrganization = readName();
                else
                    m_xml.skipCurrentElement();
            } else if (parent == u"representedCustodianOrganization" && name == u"name") {
                m_doc.custodian = readName();
            } else if (where == u"componentOf/encompassingEncounter" && name == u"effectiveTime") {
                readEncounterTime();
            } else if (parent == u"structuredBody" && name == u"component") {
                readBodyComponent(1);
            } else if (parent == u"nonXMLBody" && name == u"text") {
                // Only inline text is readable here; a reference or base64 body is not.
                const bool base64 = attribute("representation") == u"B64";
                const QString text = m_xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!base64)
                    m_doc.nonXmlText = text.trimmed();
            } else if (path.isEmpty() && name != u"recordTarget" && name != u"author" && name != u"custodian"
                       && name != u"componentOf" && name != u"component") {
                m_xml.skipCurrentElement(); // realmCode, typeId, id, participants …
            } else {
                path << name;
            }
        }
    }

    void readEncounterTime()
    {
        const QDateTime single = parseHl7Timestamp(attribute("value"));
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"low")
                m_doc.encounterStart = parseHl7Timestamp(attribute("value"));
            else if (m_xml.name() == u"high")
                m_doc.encounterEnd = parseHl7Timestamp(attribute("value"));
            m_xml.skipCurrentElement();
        }
        if (!m_doc.encounterStart.isValid())
            m_doc.encounterStart = single;
    }

    /// A structuredBody or section component: the section inside, if any.
    void readBodyComponent(int level)
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"section")
                readSection(level);
            else
                m_xml.skipCurrentElement();
        }
    }

    void readSection(int level)
    {
        CdaSection section;
        section.level = level;
        // The parent goes first, its subsections after it: keep its place now.
        const qsizetype index = m_doc.sections.size();
        m_doc.sections.append(section);
        QString codeDisplay;
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"code") {
                section.code = attribute("code");
                codeDisplay = attribute("displayName");
                m_xml.skipCurrentElement();
            } else if (name == u"title") {
                section.title = readPlain();
            } else if (name == u"text") {
                section.blocks = readNarrative();
            } else if (name == u"component") {
                readBodyComponent(level + 1);
            } else {
                m_xml.skipCurrentElement(); // entry, id, author …: coded data, not narrative
            }
        }
        if (section.title.isEmpty())
            section.title = codeDisplay;
        m_doc.sections[index] = section;
    }

    /// section/text: paragraphs, lists and tables; loose text between them is a paragraph.
    QList<CdaBlock> readNarrative()
    {
        QList<CdaBlock> blocks;
        QString loose;
        const auto flush = [&] {
            const QString text = tidy(loose);
            loose.clear();
            if (!text.isEmpty()) {
                CdaBlock block;
                block.text = text;
                blocks << block;
            }
        };
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::Characters) {
                loose += m_xml.text();
            } else if (token == QXmlStreamReader::EndElement) {
                break;
            } else if (token == QXmlStreamReader::StartElement) {
                const QStringView name = m_xml.name();
                if (name == u"paragraph" || name == u"caption") {
                    flush();
                    loose = readInline();
                    flush();
                } else if (name == u"list") {
                    flush();
                    blocks << readList();
                } else if (name == u"table") {
                    flush();
                    blocks << readTable();
                } else if (name == u"br") {
                    loose += kBreak;
                    m_xml.skipCurrentElement();
                } else if (name == u"renderMultiMedia") {
                    m_xml.skipCurrentElement(); // an image reference: nothing to read
                } else {
                    loose += readInline(); // content, linkHtml, sub, sup, footnote, unknown
                }
            }
        }
        flush();
        return blocks;
    }

    /// The text of the current element and all its descendants, with <br/> and block ends as
    /// line breaks; call tidy() on the result.
    QString readInline()
    {
        QString out;
        int depth = 1;
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::Characters) {
                out += m_xml.text();
            } else if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if (m_xml.name() == u"br" || isBlockName(m_xml.name()))
                    out += kBreak;
                else if (m_xml.name() == u"td" || m_xml.name() == u"th")
                    out += QLatin1Char(' ');
            } else if (token == QXmlStreamReader::EndElement) {
                if (--depth == 0)
                    break;
                if (isBlockName(m_xml.name()))
                    out += kBreak;
            } else if (token == QXmlStreamReader::Invalid) {
                break;
            }
        }
        return out;
    }

    CdaBlock readList()
    {
        CdaBlock block;
        block.type = CdaBlock::Type::List;
        block.ordered = attribute("listType") == u"ordered";
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"caption")
                block.caption = tidy(readInline());
            else if (m_xml.name() == u"item")
                block.items << tidy(readInline());
            else
                m_xml.skipCurrentElement();
        }
        return block;
    }

    CdaBlock readTable()
    {
        CdaBlock block;
        block.type = CdaBlock::Type::Table;
        bool headerDone = false;
        const auto readRow = [&](bool inHead) {
            QStringList cells;
            bool allHeader = true;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == u"td" || m_xml.name() == u"th") {
                    allHeader = allHeader && m_xml.name() == u"th";
                    cells << tidy(readInline());
                } else {
                    m_xml.skipCurrentElement();
                }
            }
            block.rows << cells;
            if (!headerDone && (inHead || (allHeader && !cells.isEmpty())))
                block.headerRows = int(block.rows.size());
            else
                headerDone = true;
        };
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"caption") {
                block.caption = tidy(readInline());
            } else if (name == u"tr") {
                readRow(false);
            } else if (name == u"thead" || name == u"tbody" || name == u"tfoot") {
                const bool head = name == u"thead";
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == u"tr")
                        readRow(head);
                    else
                        m_xml.skipCurrentElement();
                }
            } else {
                m_xml.skipCurrentElement(); // col, colgroup
            }
        }
        return block;
    }

    QXmlStreamReader m_xml;
    CdaDocument m_doc;
};

QString dateTimeText(const QDateTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy/MM/dd HH:mm")) : QString();
}

} // namespace

CdaDocument parseCdaDocument(const QByteArray &xml)
{
    if (xml.trimmed().isEmpty()) {
        CdaDocument doc;
        doc.error = QStringLiteral("empty document");
        return doc;
    }
    CdaReader reader(xml);
    CdaDocument doc = reader.read();
    if (!doc.isValid()) {
        // A half-read document must not be shown as if it were whole.
        CdaDocument failed;
        failed.error = doc.error;
        return failed;
    }
    return doc;
}

QDateTime parseHl7Timestamp(const QString &value, bool *hasTime)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?(?:([+-])(\d{2})(\d{2}))?$)"));
    if (hasTime)
        *hasTime = false;
    const QRegularExpressionMatch m = pattern.match(value.trimmed());
    if (!m.hasMatch())
        return {};
    const auto part = [&m](int n, int fallback) {
        return m.captured(n).isEmpty() ? fallback : m.captured(n).toInt();
    };
    const QDate date(part(1, 0), part(2, 1), part(3, 1));
    const QTime time(part(4, 0), part(5, 0), part(6, 0));
    if (!date.isValid() || !time.isValid())
        return {};
    if (hasTime)
        *hasTime = !m.captured(4).isEmpty();
    if (m.captured(7).isEmpty())
        return QDateTime(date, time);
    const int offset = (m.captured(8).toInt() * 60 + m.captured(9).toInt()) * 60;
    if (offset > 14 * 3600)
        return {};
    return QDateTime(date, time, QTimeZone(m.captured(7) == u"-" ? -offset : offset));
}

QString CdaDocument::plainText() const
{
    QStringList lines;
    lines << title;
    const auto fact = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << QStringLiteral("%1: %2").arg(label, value);
    };
    fact(Tr::tr("Patient"), patientName);
    fact(Tr::tr("Author"), authorName);
    fact(Tr::tr("Organization"), authorOrganization);
    fact(Tr::tr("Written"), dateTimeText(effectiveTime));
    for (const CdaSection &section : sections) {
        lines << QString() << section.title;
        for (const CdaBlock &block : section.blocks) {
            switch (block.type) {
            case CdaBlock::Type::Paragraph:
                lines << block.text;
                break;
            case CdaBlock::Type::List:
                if (!block.caption.isEmpty())
                    lines << block.caption;
                for (int i = 0; i < block.items.size(); ++i)
                    lines << (block.ordered ? QStringLiteral("%1. ").arg(i + 1) : QStringLiteral("・")) + block.items.at(i);
                break;
            case CdaBlock::Type::Table:
                if (!block.caption.isEmpty())
                    lines << block.caption;
                for (const QStringList &row : block.rows)
                    lines << row.join(QLatin1Char('\t'));
                break;
            }
        }
    }
    if (!nonXmlText.isEmpty())
        lines << QString() << nonXmlText;
    return lines.join(QLatin1Char('\n'));
}

#include "documentview.h"

#include "clinicalrecord.h"
#include "messagelabel.h"
#include "pdfview.h"
#include "timelinemodel.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QVBoxLayout>

namespace {

const QColor kInk(0x1f, 0x2d, 0x3a);
const QColor kMuted(0x6b, 0x76, 0x82);
const QColor kRule(0xd5, 0xdc, 0xe3);
const QColor kHeaderCell(0xf2, 0xf5, 0xf7);
const QColor kHeading(0x2b, 0x4a, 0x6b);

/// Japanese reads best with wide line spacing (行間): 170 % of the font's height.
constexpr int kLineHeightPercent = 170;

QTextBlockFormat bodyFormat()
{
    QTextBlockFormat format;
    format.setLineHeight(kLineHeightPercent, QTextBlockFormat::ProportionalHeight);
    format.setBottomMargin(6);
    return format;
}

QTextCharFormat textFormat(double pointSize, bool bold = false, const QColor &color = kInk)
{
    QTextCharFormat format;
    format.setFontPointSize(pointSize);
    format.setFontWeight(bold ? QFont::DemiBold : QFont::Normal);
    format.setForeground(color);
    return format;
}

QString dateText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.time() == QTime(0, 0) ? time.toString(QStringLiteral("yyyy/MM/dd"))
                                      : time.toString(QStringLiteral("yyyy/MM/dd HH:mm"));
}

} // namespace

DocumentView::DocumentView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("documentView"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("documentHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_heading->setFont(font);
    m_heading->setStyleSheet(QStringLiteral("color: #1f2d3a;"));
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("documentFacts"));
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_facts->setStyleSheet(QStringLiteral("color: #6b7682;"));

    m_stack = new QStackedWidget(this);
    m_loading = new QLabel(tr("Loading the document…"), m_stack);
    m_loading->setObjectName(QStringLiteral("loading"));
    static_cast<QLabel *>(m_loading)->setAlignment(Qt::AlignCenter);
    m_loading->setStyleSheet(QStringLiteral("color: #6b7682;"));

    m_browser = new QTextBrowser(m_stack);
    m_browser->setObjectName(QStringLiteral("documentText"));
    m_browser->setOpenLinks(false); // a document's links lead nowhere from here
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(18);
    m_browser->setStyleSheet(QStringLiteral("QTextBrowser { background: #ffffff; }"));

    m_pdf = new PdfView(m_stack);
    m_pdf->setObjectName(QStringLiteral("documentPdf"));

    m_messagePage = new QWidget(m_stack);
    m_messagePage->setObjectName(QStringLiteral("message"));
    m_message = new MessageLabel(m_messagePage);
    m_message->setObjectName(QStringLiteral("documentMessage"));
    auto *messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch();

    m_stack->addWidget(m_loading);
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_pdf);
    m_stack->addWidget(m_messagePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(4);
    layout->addWidget(m_heading);
    layout->addWidget(m_facts);
    layout->addSpacing(6);
    layout->addWidget(m_stack, 1);
}

void DocumentView::clear()
{
    m_heading->clear();
    m_facts->clear();
    m_browser->clear();
    m_pdf->setPdf({});
    m_message->clearMessage();
    m_stack->setCurrentWidget(m_loading);
}

void DocumentView::showLoading(const ClinicalRecord &record, const QString &facilityName)
{
    clear();
    m_heading->setText(record.title);
    QStringList facts{recordDateText(record)};
    if (!facilityName.isEmpty())
        facts << facilityName;
    m_facts->setText(facts.join(QStringLiteral("　・　")));
}

void DocumentView::showError(const QString &message, const QString &detail)
{
    m_message->showMessage(message, MessageLabel::Tone::Error, detail);
    m_stack->setCurrentWidget(m_messagePage);
}

void DocumentView::showContent(const DocumentContent &content)
{
    switch (content.format) {
    case DocumentContent::Format::Cda:
        if (!content.cda.isValid()) {
            showError(tr("This document could not be displayed: it is not a readable CDA document."),
                      content.cda.error);
            return;
        }
        renderCda(content.cda);
        m_stack->setCurrentWidget(m_browser);
        return;
    case DocumentContent::Format::Text: {
        QTextDocument *doc = m_browser->document();
        doc->clear();
        QTextCursor cursor(doc);
        cursor.setBlockFormat(bodyFormat());
        cursor.setCharFormat(textFormat(m_browser->font().pointSizeF() * 1.05));
        cursor.insertText(content.text);
        m_stack->setCurrentWidget(m_browser);
        return;
    }
    case DocumentContent::Format::Pdf:
        m_pdf->setPdf(content.bytes);
        if (!m_pdf->errorMessage().isEmpty()) {
            showError(tr("This PDF document could not be displayed."), m_pdf->errorMessage());
            return;
        }
        m_stack->setCurrentWidget(m_pdf);
        return;
    case DocumentContent::Format::Unsupported:
        break;
    }
    showError(tr("Documents of this type (%1) cannot be displayed here.").arg(content.contentType));
}

void DocumentView::renderCda(const CdaDocument &cda)
{
    m_heading->setText(cda.title);
    QStringList facts;
    if (cda.effectiveTime.isValid())
        facts << tr("Written %1").arg(dateText(cda.effectiveTime));
    if (!cda.authorName.isEmpty() || !cda.authorOrganization.isEmpty()) {
        const QString who = cda.authorName.isEmpty() ? cda.authorOrganization
            : cda.authorOrganization.isEmpty()       ? cda.authorName
                                                     : tr("%1 (%2)").arg(cda.authorName, cda.authorOrganization);
        facts << tr("Author %1").arg(who);
    }
    if (cda.encounterStart.isValid()) {
        facts << tr("Stay %1 – %2").arg(cda.encounterStart.toString(QStringLiteral("yyyy/MM/dd")),
                                        cda.encounterEnd.isValid() ? cda.encounterEnd.toString(QStringLiteral("yyyy/MM/dd"))
                                                                   : QString());
    }
    m_facts->setText(facts.join(QStringLiteral("　・　")));

    QTextDocument *doc = m_browser->document();
    doc->clear();
    const double base = m_browser->font().pointSizeF() > 0 ? m_browser->font().pointSizeF() : 10;
    QTextCursor cursor(doc);
    bool first = true;
    const auto newBlock = [&](const QTextBlockFormat &format, const QTextCharFormat &chars) {
        if (first) {
            cursor.setBlockFormat(format);
            cursor.setBlockCharFormat(chars);
            first = false;
        } else {
            cursor.insertBlock(format, chars);
        }
        cursor.setCharFormat(chars);
    };

    // Whose document this is, in case it was filed under the wrong patient: the reader checks.
    if (!cda.patientName.isEmpty()) {
        QTextBlockFormat format = bodyFormat();
        format.setBottomMargin(10);
        newBlock(format, textFormat(base * 0.95, false, kMuted));
        QString who = tr("Patient: %1").arg(cda.patientName);
        if (cda.patientBirthDate.isValid())
            who += QStringLiteral("　") + tr("born %1").arg(cda.patientBirthDate.toString(QStringLiteral("yyyy/MM/dd")));
        if (!cda.patientId.isEmpty())
            who += QStringLiteral("　") + tr("ID %1").arg(cda.patientId);
        cursor.insertText(who);
    }

    const QTextBlockFormat body = bodyFormat();
    const QTextCharFormat bodyChars = textFormat(base * 1.05);
    for (const CdaSection &section : cda.sections) {
        // Sections are told apart by space and a calm blue heading, not by rules or boxes.
        QTextBlockFormat heading;
        heading.setTopMargin(section.level == 1 ? 18 : 10);
        heading.setBottomMargin(4);
        heading.setIndent(section.level - 1);
        newBlock(heading, textFormat(section.level == 1 ? base * 1.18 : base * 1.06, true, kHeading));
        cursor.insertText(section.title.isEmpty() ? tr("(untitled section)") : section.title);
        QTextBlockFormat indented = body;
        indented.setIndent(section.level - 1);
        for (const CdaBlock &block : section.blocks) {
            switch (block.type) {
            case CdaBlock::Type::Paragraph:
                newBlock(indented, bodyChars);
                cursor.insertText(block.text);
                break;
            case CdaBlock::Type::List: {
                if (!block.caption.isEmpty()) {
                    newBlock(indented, textFormat(base, true, kMuted));
                    cursor.insertText(block.caption);
                }
                QTextListFormat listFormat;
                listFormat.setStyle(block.ordered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
                listFormat.setIndent(section.level);
                QTextList *list = nullptr;
                for (const QString &item : block.items) {
                    newBlock(indented, bodyChars);
                    if (!list)
                        list = cursor.createList(listFormat);
                    else
                        list->add(cursor.block());
                    cursor.insertText(item);
                }
                break;
            }
            case CdaBlock::Type::Table: {
                if (!block.caption.isEmpty()) {
                    newBlock(indented, textFormat(base, true, kMuted));
                    cursor.insertText(block.caption);
                }
                int columns = 0;
                for (const QStringList &row : block.rows)
                    columns = std::max(columns, int(row.size()));
                if (columns == 0)
                    break;
                newBlock(indented, bodyChars);
                QTextTableFormat tableFormat;
                tableFormat.setBorder(0.5);
                tableFormat.setBorderBrush(kRule);
                tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
                tableFormat.setCellPadding(5);
                tableFormat.setCellSpacing(0);
                tableFormat.setHeaderRowCount(block.headerRows);
                tableFormat.setLeftMargin(12 * (section.level - 1));
                QTextTable *table = cursor.insertTable(int(block.rows.size()), columns, tableFormat);
                for (int r = 0; r < block.rows.size(); ++r) {
                    const bool header = r < block.headerRows;
                    for (int c = 0; c < block.rows.at(r).size(); ++c) {
                        QTextTableCell cell = table->cellAt(r, c);
                        if (header) {
                            QTextCharFormat cellFormat = cell.format();
                            cellFormat.setBackground(kHeaderCell);
                            cell.setFormat(cellFormat);
                        }
                        QTextCursor cellCursor = cell.firstCursorPosition();
                        cellCursor.insertText(block.rows.at(r).at(c), textFormat(base, header, header ? kMuted : kInk));
                    }
                }
                cursor.movePosition(QTextCursor::End);
                break;
            }
            }
        }
    }
    if (!cda.nonXmlText.isEmpty()) {
        newBlock(body, bodyChars);
        cursor.insertText(cda.nonXmlText);
    }
    m_browser->moveCursor(QTextCursor::Start);
}

QString DocumentView::text() const
{
    return m_stack->currentWidget() == m_browser ? m_browser->toPlainText() : QString();
}

QString DocumentView::currentPage() const
{
    if (m_stack->currentWidget() == m_browser)
        return QStringLiteral("text");
    if (m_stack->currentWidget() == m_pdf)
        return QStringLiteral("pdf");
    if (m_stack->currentWidget() == m_messagePage)
        return QStringLiteral("message");
    return QStringLiteral("loading");
}

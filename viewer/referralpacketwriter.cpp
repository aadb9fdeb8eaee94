#include "referralpacketwriter.h"

#include "referralpacket.h"
#include "referralpackethtml.h"
#include "referraltr.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace {

/// The document is laid out at 96 units per inch whatever the device's resolution, so that
/// HTML pixel sizes, images and point sizes keep their proportions on 300 dpi PDFs and
/// 600 dpi printers alike; the painter scales to the device.
constexpr double kDocumentDpi = 96.0;
constexpr double kFooterHeight = 40.0;
const QMarginsF kMarginsMm(20, 16, 20, 12);

/// IPAGothic first: Qt 6.4's PDF engine writes each glyph's text mapping from the font's own
/// table, and Noto CJK shares glyphs between kanji and Kangxi radicals (山 and ⼭), so names
/// copied or searched in the PDF came out as radicals. IPAGothic keeps them apart and has
/// half-width fixed Latin, which is also what Japanese forms printed in MS Gothic look like.
/// Noto Sans Mono CJK JP next: the proportional Noto face gets no mapping for Latin digits.
const QStringList kBodyFamilies = {QStringLiteral("IPAGothic"), QStringLiteral("Noto Sans Mono CJK JP"), QStringLiteral("Noto Sans CJK JP")};

QFont bodyFont()
{
    QFont font;
    font.setFamilies(kBodyFamilies);
    return font;
}

void drawFooter(QPainter &painter, const ReferralPacket &packet, int page, int pageCount, const QRectF &area)
{
    painter.save();
    painter.setPen(QPen(QColor(0x8a, 0x93, 0x9c), 0.6));
    const double top = area.top() + 10;
    painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top));
    // In the document's units (7.5 pt at 96 dpi): the painter is scaled to the device already.
    QFont font = bodyFont();
    font.setPixelSize(10);
    painter.setFont(font);
    painter.setPen(QColor(0x33, 0x3d, 0x47));
    const double lineHeight = 13;
    const QRectF first(area.left(), top + 3, area.width(), lineHeight);
    const QRectF second = first.translated(0, lineHeight);
    const QString patient = ReferralTr::tr("Patient: %1 (ID %2)").arg(packet.patient.name, packet.patient.id);
    const QString pageText = ReferralTr::tr("Page %1 / %2").arg(page).arg(pageCount);
    const QString printed = ReferralTr::tr("Printed %1 by %2")
                                .arg(QLocale::c().toString(packet.printedAt, QStringLiteral("yyyy/MM/dd HH:mm")),
                                     packet.printedBy);
    const QString sources = ReferralTr::tr("Records from: %1").arg(packet.sourceFacilities().join(ReferralTr::tr(", ")));
    const QFontMetricsF metrics(font, painter.device());
    painter.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, patient);
    painter.drawText(first, Qt::AlignRight | Qt::AlignVCenter, pageText);
    // The source list can be long; the printing note on the right must stay whole.
    const double printedWidth = metrics.horizontalAdvance(printed) + 16;
    painter.drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(sources, Qt::ElideRight, second.width() - printedWidth));
    painter.drawText(second, Qt::AlignRight | Qt::AlignVCenter, printed);
    painter.restore();
}

/// QTextDocument has no "keep with next": a section heading that lands at the foot of a page
/// is moved to the next one, so it never stands apart from its table.
void keepHeadingsWithTheirContent(QTextDocument *document, double pageHeight)
{
    constexpr double kMinimumSpaceBelow = 90; // the heading, its rule and two table rows
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() != 2)
            continue;
        const QRectF rect = document->documentLayout()->blockBoundingRect(block);
        const double below = pageHeight - std::fmod(rect.top(), pageHeight);
        if (below < kMinimumSpaceBelow && block.blockFormat().pageBreakPolicy() == QTextFormat::PageBreak_Auto) {
            QTextBlockFormat format;
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).mergeBlockFormat(format); // relayouts what follows
        }
    }
}

/// Key images are painted on pages of their own after the document, two a page: QTextDocument
/// cannot keep a heading with a picture that does not fit below it, and loses one or the other.
constexpr int kKeyImagesPerPage = 2;

int keyImagePageCount(const ReferralPacket &packet)
{
    if (!packet.has(ReferralSection::KeyImages))
        return 0;
    return std::max(1, int((packet.keyImages.size() + kKeyImagesPerPage - 1) / kKeyImagesPerPage));
}

void drawKeyImagesPage(QPainter &painter, const ReferralPacket &packet, int index, const QRectF &body)
{
    painter.save();
    QFont heading = bodyFont();
    heading.setPixelSize(17); // 13 pt at 96 dpi, as the document's section headings
    heading.setBold(true);
    painter.setFont(heading);
    painter.setPen(Qt::black);
    const QRectF title(body.left(), body.top() + 14, body.width(), 24);
    painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                     index == 0 ? ReferralTr::tr("Key images") : ReferralTr::tr("Key images (continued)"));
    painter.setPen(QPen(QColor(0x8a, 0x93, 0x9c), 0.8));
    painter.drawLine(QPointF(body.left(), title.bottom() + 4), QPointF(body.right(), title.bottom() + 4));

    QFont caption = bodyFont();
    caption.setPixelSize(11);
    painter.setFont(caption);
    const double top = title.bottom() + 16;
    if (packet.keyImages.isEmpty()) {
        painter.setPen(Qt::black);
        painter.drawText(QRectF(body.left(), top, body.width(), 20), Qt::AlignLeft,
                         ReferralTr::tr("No key images were marked."));
        painter.restore();
        return;
    }
    const double slotHeight = (body.bottom() - top) / kKeyImagesPerPage;
    constexpr double kCaptionHeight = 36;
    for (int slot = 0; slot < kKeyImagesPerPage; ++slot) {
        const int i = index * kKeyImagesPerPage + slot;
        if (i >= packet.keyImages.size())
            break;
        const ReferralKeyImage &k = packet.keyImages.at(i);
        const QRectF area(body.left(), top + slot * slotHeight, body.width(), slotHeight - kCaptionHeight - 8);
        const QSizeF size = QSizeF(k.image.size()).scaled(area.size(), Qt::KeepAspectRatio);
        const QRectF target(area.center().x() - size.width() / 2, area.top(), size.width(), size.height());
        painter.drawImage(target, k.image);
        const QRectF text(body.left(), target.bottom() + 4, body.width(), kCaptionHeight);
        const QString source = k.source.isEmpty() ? ReferralTr::tr("not named in the images") : k.source;
        painter.setPen(Qt::black);
        painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop, k.caption);
        painter.setPen(QColor(0x5a, 0x65, 0x70));
        painter.drawText(text.adjusted(0, 16, 0, 0), Qt::AlignHCenter | Qt::AlignTop, ReferralTr::tr("Source: %1").arg(source));
    }
    painter.restore();
}

} // namespace

ReferralWriteResult ReferralPacketWriter::paint(const ReferralPacket &packet, QPagedPaintDevice *device,
                                                const PageHook &hook)
{
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, kMarginsMm, QPageLayout::Millimeter);
    device->setPageLayout(layout);

    QTextDocument document;
    QImage dpiReference(1, 1, QImage::Format_RGB32);
    dpiReference.setDotsPerMeterX(qRound(kDocumentDpi / 0.0254));
    dpiReference.setDotsPerMeterY(qRound(kDocumentDpi / 0.0254));
    document.documentLayout()->setPaintDevice(&dpiReference);
    QFont font = bodyFont();
    font.setPointSizeF(9.5);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    const QRectF paintRect = layout.paintRect(QPageLayout::Point);
    const double bodyWidth = paintRect.width() * kDocumentDpi / 72.0;
    const double bodyHeight = paintRect.height() * kDocumentDpi / 72.0 - kFooterHeight;
    document.setPageSize(QSizeF(bodyWidth, bodyHeight));
    fillReferralDocument(&document, packet);
    keepHeadingsWithTheirContent(&document, bodyHeight);
    const int documentPages = document.pageCount();
    const int pageCount = documentPages + keyImagePageCount(packet);

    QPainter painter;
    if (!painter.begin(device))
        return {ReferralTr::tr("Could not start printing."), 0};
    const double scale = device->logicalDpiX() / kDocumentDpi;
    painter.scale(scale, scale);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0 && !device->newPage())
            return {ReferralTr::tr("Could not start a new page."), page};
        if (page < documentPages) {
            painter.save();
            const QRectF clip(0, page * bodyHeight, bodyWidth, bodyHeight);
            painter.translate(0, -clip.top());
            painter.setClipRect(clip);
            context.clip = clip;
            document.documentLayout()->draw(&painter, context);
            painter.restore();
        } else {
            drawKeyImagesPage(painter, packet, page - documentPages, QRectF(0, 0, bodyWidth, bodyHeight));
        }
        drawFooter(painter, packet, page + 1, pageCount, QRectF(0, bodyHeight, bodyWidth, kFooterHeight));
        if (hook && !hook(page + 1, pageCount))
            return {ReferralTr::tr("Printing was stopped."), page + 1};
    }
    if (!painter.end())
        return {ReferralTr::tr("Could not finish printing."), pageCount};
    return {{}, pageCount};
}

ReferralWriteResult ReferralPacketWriter::writePdf(const ReferralPacket &packet, const QString &path,
                                                   const PageHook &hook)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (QFileInfo(path).isDir())
        return {ReferralTr::tr("Cannot write the PDF to %1: it is a folder.").arg(shown), 0};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {ReferralTr::tr("Cannot write the PDF to %1: %2").arg(shown, file.errorString()), 0};
    ReferralWriteResult result;
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Renkei"));
        writer.setTitle(ReferralTr::tr("Referral packet: %1").arg(packet.patient.name));
        result = paint(packet, &writer, hook);
    } // the writer finishes the PDF when it goes
    if (!result.ok()) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit())
        return {ReferralTr::tr("Cannot write the PDF to %1: %2").arg(shown, file.errorString()), 0};
    return result;
}

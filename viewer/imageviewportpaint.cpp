// Painting of ImageViewport: the image, then quiet annotations over it.
#include "imageviewport.h"

#include "imageoverlay.h"
#include "keyimages.h"
#include "render.h"

#include <QFileInfo>
#include <cmath>
#include <QPainter>
#include <QScrollBar>

namespace {

// Annotations in a soft grey with a dark halo: legible on bone and on air, never brighter
// than the image itself where it matters.
const QColor kOverlayText(0xd8, 0xdc, 0xe0);
const QColor kHalo(0, 0, 0, 190);
const QColor kMeasure(0xf2, 0xc1, 0x4e);
const QColor kSelected(0x7f, 0xd8, 0xff);
const QColor kLossy(0xe0, 0x9a, 0x3c);
const QColor kKeyImage(0xff, 0xd2, 0x4a);

void drawHaloText(QPainter &p, const QRectF &rect, int flags, const QString &text,
                  const QColor &color = kOverlayText)
{
    p.setPen(kHalo);
    for (const QPointF off : {QPointF(1, 1), QPointF(-1, -1), QPointF(1, -1), QPointF(-1, 1)})
        p.drawText(rect.translated(off), flags, text);
    p.setPen(color);
    p.drawText(rect, flags, text);
}

} // namespace

QTransform ImageViewport::imageTransform() const
{
    const QSizeF size = imageSize();
    const double z = zoom();
    QTransform t;
    t.translate(width() / 2.0 + m_state.pan.x(), height() / 2.0 + m_state.pan.y());
    // Flips act on the screen (after rotation) so H is always left-right for the reader.
    t.scale(m_state.flipHorizontal ? -1 : 1, m_state.flipVertical ? -1 : 1);
    t.rotate(m_state.rotation);
    t.scale(z, z * aspect());
    t.translate(-size.width() / 2, -size.height() / 2);
    return t;
}

QPointF ImageViewport::imageToWidget(const QPointF &imagePoint) const
{
    return imageTransform().map(imagePoint);
}

QPointF ImageViewport::widgetToImage(const QPointF &widgetPoint) const
{
    return imageTransform().inverted().map(widgetPoint);
}

QImage ImageViewport::renderedImage()
{
    const Decoded *d = decodedOf(m_current);
    if (!d || !d->frame)
        return {};
    const Dicom::Window w = window();
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(m_current).arg(w.center).arg(w.width).arg(m_state.inverted);
    if (key != m_renderedKey) {
        // Colour images ignore the window (render() only applies it to monochrome).
        m_rendered = Dicom::render(*d->frame, d->info, d->info.isMonochrome()
                                   ? std::optional<Dicom::Window>(w) : std::nullopt);
        if (m_state.inverted)
            m_rendered.invertPixels();
        // Converted once here: the raster engine's scaled, filtered drawImage() has a fast
        // path for 32-bit images and would otherwise convert 8-bit grey on every paint.
        m_rendered.convertTo(QImage::Format_RGB32);
        m_renderedKey = key;
    }
    return m_rendered;
}

QStringList ImageViewport::overlayLines() const
{
    QStringList lines;
    for (const QStringList &corner : cornerTexts())
        lines << corner;
    return lines;
}

std::array<QStringList, 4> ImageViewport::cornerTexts() const
{
    std::array<QStringList, 4> corners;
    const auto *image = imageOf(m_current);
    if (!image)
        return corners;
    if (!image->file) {
        // Nothing of an unreadable file is trustworthy but its name.
        corners[0] << QFileInfo(image->path).fileName();
        return corners;
    }
    const Dicom::ImageAttributes &a = image->attributes;
    const auto &ref = m_slices[m_current];
    // top left: who and when
    corners[0] << a.displayName() << tr("ID: %1").arg(a.patientId)
          << ImageOverlay::formatDate(a.studyDate);
    // top right: what
    corners[1] << QStringList{a.modality, a.studyDescription}.join(u' ').trimmed()
          << a.seriesDescription
          << tr("Se: %1  Im: %2").arg(a.seriesNumber,
                                       a.instanceNumber ? QString::number(*a.instanceNumber)
                                                        : QStringLiteral("-"));
    // bottom left: where in the stack
    QStringList &lines = corners[2];
    lines << (image->frameCount > 1
                  ? tr("Frame %1 / %2").arg(ref.frame + 1).arg(image->frameCount)
                  : tr("Image %1 / %2").arg(m_current + 1).arg(sliceCount()));
    // A multi-frame object's Image Position is its first frame's: showing it on every
    // frame would mislead, so only single-frame images show a position.
    if (const auto pos = a.slicePosition(); pos && image->frameCount == 1)
        lines << tr("Pos: %1 mm").arg(*pos, 0, 'f', 1);
    if (a.sliceThickness)
        lines << tr("Thk: %1 mm").arg(*a.sliceThickness, 0, 'f', 1);
    // bottom right: how it is shown
    if (!imageSize().isEmpty()) {
        const Dicom::Window w = window();
        corners[3] << tr("C: %1  W: %2").arg(qRound(w.center)).arg(qRound(w.width))
              << tr("Zoom: %1%").arg(qRound(zoom() * 100));
        if (m_state.inverted)
            corners[3] << tr("Inverted");
    }
    return corners;
}

void ImageViewport::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_current < 0) {
        paintMessage(p, tr("No image loaded"));
        return;
    }
    const QString error = errorMessage();
    if (!error.isEmpty())
        paintMessage(p, error);
    else if (!isCurrentSliceReady())
        paintMessage(p, tr("Loading…"));
    else
        paintImage(p);
    if (error.isEmpty() && isCurrentSliceReady()) {
        paintMeasurements(p);
        paintOrientation(p);
        paintScaleBar(p);
    }
    paintCorners(p);
    paintBadges(p);
    if (m_highlighted) {
        p.setPen(QPen(QColor(0x3b, 0x6e, 0xa5), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void ImageViewport::paintImage(QPainter &p)
{
    const QImage image = renderedImage();
    if (image.isNull())
        return;
    p.save();
    p.setTransform(imageTransform());
    // Bilinear both ways, as diagnostic viewers default to: small matrices (MR, NM, dose
    // grids) magnified with nearest neighbour look like mosaics and hide edges.
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QPointF(0, 0), image);
    p.restore();
}

void ImageViewport::paintMessage(QPainter &p, const QString &text)
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    p.setFont(f);
    const QRectF box = rect().adjusted(40, 0, -40, 0);
    const QRectF needed = p.boundingRect(box, Qt::AlignCenter | Qt::TextWordWrap, text)
                              .adjusted(-14, -10, 14, 10);
    p.setPen(QColor(0x80, 0x50, 0x4c));
    p.setBrush(QColor(0x2a, 0x1c, 0x1b));
    p.drawRoundedRect(needed, 4, 4);
    p.setPen(QColor(0xf0, 0xd8, 0xd4));
    p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
}

void ImageViewport::paintCorners(QPainter &p)
{
    const auto *image = imageOf(m_current);
    if (!image)
        return;
    const auto corners = cornerTexts();
    QFont f = font();
    f.setPointSizeF(qMax(8.0, f.pointSizeF() * 0.92));
    p.setFont(f);
    const int margin = 8;
    const QRectF area = rect().adjusted(margin, margin - 2,
                                        -margin - m_scrollBar->width() * m_scrollBar->isVisible(),
                                        -margin + 2);
    auto join = [](const QStringList &l) {
        QStringList kept;
        for (const QString &s : l)
            if (!s.trimmed().isEmpty())
                kept << s;
        return kept.join(u'\n');
    };
    drawHaloText(p, area, Qt::AlignLeft | Qt::AlignTop, join(corners[0]));
    drawHaloText(p, area, Qt::AlignRight | Qt::AlignTop, join(corners[1]));
    drawHaloText(p, area, Qt::AlignLeft | Qt::AlignBottom, join(corners[2]));
    drawHaloText(p, area, Qt::AlignRight | Qt::AlignBottom, join(corners[3]));
}

void ImageViewport::paintOrientation(QPainter &p)
{
    const auto *image = imageOf(m_current);
    if (!image || !image->attributes.rowDirection || !image->attributes.columnDirection)
        return;
    const QTransform inv = imageTransform().inverted();
    // The patient direction of a screen direction: map it back to image axes (including
    // rotation, flips and non-square pixels), then along row/column direction cosines.
    auto patientDirection = [&](QPointF screen) {
        const QPointF v = inv.map(screen) - inv.map(QPointF(0, 0));
        const auto &a = image->attributes;
        const double sx = a.columnSpacing.value_or(1);
        const double sy = a.rowSpacing.value_or(1);
        return *a.rowDirection * float(v.x() * sx) + *a.columnDirection * float(v.y() * sy);
    };
    const QString right = ImageOverlay::orientationLabel(patientDirection({1, 0}).normalized());
    const QString down = ImageOverlay::orientationLabel(patientDirection({0, 1}).normalized());
    const QString left = ImageOverlay::orientationLabel(-patientDirection({1, 0}).normalized());
    const QString up = ImageOverlay::orientationLabel(-patientDirection({0, 1}).normalized());
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.05);
    f.setBold(true);
    p.setFont(f);
    const qreal sb = m_scrollBar->isVisible() ? m_scrollBar->width() : 0;
    const QRectF r = rect().adjusted(8, 8, -8 - sb, -8);
    drawHaloText(p, r, Qt::AlignLeft | Qt::AlignVCenter, left);
    drawHaloText(p, r, Qt::AlignRight | Qt::AlignVCenter, right);
    // Below the lossy badge, which takes the top centre.
    drawHaloText(p, r.adjusted(0, 24, 0, 0), Qt::AlignHCenter | Qt::AlignTop, up);
    drawHaloText(p, r.adjusted(0, 0, 0, -26), Qt::AlignHCenter | Qt::AlignBottom, down);
}

void ImageViewport::paintScaleBar(QPainter &p)
{
    const auto *image = imageOf(m_current);
    if (!image || !image->attributes.rowSpacing || !image->attributes.columnSpacing)
        return; // without Pixel Spacing a scale bar would be a lie
    const QTransform inv = imageTransform().inverted();
    const QPointF v = inv.map(QPointF(1, 0)) - inv.map(QPointF(0, 0));
    const double mmPerScreenPixel = std::hypot(v.x() * *image->attributes.columnSpacing,
                                               v.y() * *image->attributes.rowSpacing);
    if (mmPerScreenPixel <= 0)
        return;
    const double mm = ImageOverlay::niceScaleLength(width() * 0.2 * mmPerScreenPixel);
    const double pixels = mm / mmPerScreenPixel;
    const double y = height() - 14;
    const double x0 = (width() - pixels) / 2;
    p.setPen(QPen(kHalo, 3));
    p.drawLine(QPointF(x0, y), QPointF(x0 + pixels, y));
    p.setPen(QPen(kOverlayText, 1));
    p.drawLine(QPointF(x0, y), QPointF(x0 + pixels, y));
    for (int i = 0; i <= 10; ++i) {
        const double x = x0 + pixels * i / 10;
        p.drawLine(QPointF(x, y), QPointF(x, y - (i % 5 == 0 ? 6 : 3)));
    }
    QFont f = font();
    f.setPointSizeF(qMax(7.5, f.pointSizeF() * 0.85));
    p.setFont(f);
    drawHaloText(p, QRectF(x0 + pixels + 6, y - 12, 80, 16), Qt::AlignLeft | Qt::AlignVCenter,
                 tr("%1 mm").arg(mm));
}

QString ImageViewport::lengthText(int slice, const QLineF &line) const
{
    const auto mm = lengthInMillimetres(slice, line);
    return ImageOverlay::formatLength(mm ? *mm : line.length(), mm.has_value());
}

QStringList ImageViewport::measurementText(int slice, const Measurement &m) const
{
    switch (m.kind) {
    case Measurement::Kind::Length:
        return {lengthText(slice, m.line())};
    case Measurement::Kind::Angle:
        if (m.points.size() < 3)
            return {};
        return {tr("%1°").arg(MeasurementMath::angleDegrees(m.points[0], m.points[1], m.points[2],
                                                            pixelSpacing(slice)),
                              0, 'f', 1)};
    case Measurement::Kind::Rectangle:
    case Measurement::Kind::Ellipse:
        break;
    }
    QStringList lines;
    const auto *image = imageOf(slice);
    const QString unit = image ? MeasurementMath::modalityUnit(image->attributes.modality) : QString();
    // Mean and SD to a tenth; extremes as the pixel values are (whole HU on most CT).
    auto value = [&](double v, bool exact) {
        const QString number = exact && v == std::round(v) ? QString::number(qint64(v))
                                                           : QString::number(v, 'f', 1);
        return unit.isEmpty() ? number : tr("%1 %2").arg(number, unit);
    };
    if (m.statistics) {
        const RoiStatistics &s = *m.statistics;
        lines << tr("Mean: %1  SD: %2").arg(value(s.mean, false)).arg(s.standardDeviation, 0, 'f', 1)
              << tr("Min: %1  Max: %2").arg(value(s.minimum, true), value(s.maximum, true));
    } else if (const Decoded *d = decodedOf(slice); d && d->frame && !d->info.isMonochrome()) {
        lines << tr("No values (colour image)");
    }
    const PixelSpacing spacing = pixelSpacing(slice);
    const double area = MeasurementMath::roiArea(m.kind, m.rect(), spacing);
    if (!spacing.known)
        lines << tr("Area: %1 px²").arg(area, 0, 'f', 0);
    else if (area >= 100)
        lines << tr("Area: %1 cm²").arg(area / 100, 0, 'f', 2);
    else
        lines << tr("Area: %1 mm²").arg(area, 0, 'f', 1);
    return lines;
}

void ImageViewport::paintMeasurements(QPainter &p)
{
    const QList<Measurement> list = m_measurements.value(m_current);
    if (list.isEmpty() && !m_pendingMeasure)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    for (qsizetype i = 0; i < list.size(); ++i)
        paintMeasurement(p, list[i], i == m_selected);
    if (m_pendingMeasure)
        paintMeasurement(p, *m_pendingMeasure, false);
    p.restore();
}

void ImageViewport::paintMeasurement(QPainter &p, const Measurement &m, bool selected)
{
    if (m.points.size() < 2)
        return;
    const QColor colour = selected ? kSelected : kMeasure;
    const QPainterPath path = measurementPath(m);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kHalo, selected ? 4 : 3));
    p.drawPath(path);
    p.setPen(QPen(colour, selected ? 2 : 1.4));
    p.drawPath(path);
    QList<QPointF> ends;
    for (const QPointF &pt : m.points)
        ends << imageToWidget(pt);
    if (!m.isRoi()) {
        for (const QPointF &end : std::as_const(ends))
            p.drawEllipse(end, 2.5, 2.5);
    } else if (selected) {
        for (const QPointF &end : std::as_const(ends))
            p.drawRect(QRectF(end - QPointF(3, 3), QSizeF(6, 6)));
    }
    const QStringList text = measurementText(m_current, m);
    if (text.isEmpty() || (m.kind == Measurement::Kind::Angle && m.points.size() < 3))
        return;
    // The label sits beside the shape, on the side with room, never over what it measures.
    const QRectF bounds = path.boundingRect();
    const QFontMetricsF fm(p.font());
    double textWidth = 0;
    for (const QString &line : text)
        textWidth = qMax(textWidth, fm.horizontalAdvance(line));
    const double textHeight = fm.height() * text.size();
    QPointF anchor;
    if (m.kind == Measurement::Kind::Angle) {
        // Outside the angle, opposite its bisector, so the label never sits on an arm.
        QLineF arm1(ends[1], ends[0]);
        QLineF arm2(ends[1], ends[2]);
        QPointF away = -(arm1.unitVector().p2() - ends[1]) - (arm2.unitVector().p2() - ends[1]);
        const double length = std::hypot(away.x(), away.y());
        away = length > 1e-6 ? away / length : QPointF(0, -1);
        const QPointF centre = ends[1] + away * (16 + textHeight / 2 + textWidth / 2 * std::abs(away.x()));
        anchor = centre - QPointF(textWidth / 2, textHeight / 2);
    }
    else if (m.isRoi())
        anchor = QPointF(bounds.right() + 8, bounds.center().y() - textHeight / 2);
    else
        anchor = (ends[0].x() > ends[1].x() ? ends[0] : ends[1]) + QPointF(8, -textHeight / 2);
    const double rightLimit = width() - (m_scrollBar->isVisible() ? m_scrollBar->width() : 0) - 4;
    if (anchor.x() + textWidth > rightLimit)
        anchor.setX((m.isRoi() ? bounds.left() : qMin(ends[0].x(), ends[1].x())) - 8 - textWidth);
    anchor.setY(qBound(4.0, anchor.y(), height() - textHeight - 4));
    drawHaloText(p, QRectF(anchor, QSizeF(textWidth + 2, textHeight)),
                 Qt::AlignLeft | Qt::AlignVCenter, text.join(u'\n'), colour);
}

void ImageViewport::paintBadges(QPainter &p)
{
    const auto *image = imageOf(m_current);
    if (!image)
        return;
    // Shown, not shouted: a reader must know the pixels are not the original ones, and
    // which images are already marked for the referral.
    QList<std::pair<QString, QColor>> badges;
    if (image->attributes.lossy)
        badges.append({tr("Lossy compressed"), kLossy});
    if (isKeyImage())
        badges.append({tr("★ Key image"), kKeyImage});
    if (badges.isEmpty())
        return;
    QFont f = font();
    f.setPointSizeF(qMax(8.0, f.pointSizeF() * 0.9));
    p.setFont(f);
    QList<QRectF> boxes;
    double total = 0;
    for (const auto &badge : std::as_const(badges)) {
        boxes << p.boundingRect(QRectF(), Qt::AlignCenter, badge.first).adjusted(-8, -3, 8, 3);
        total += boxes.last().width() + 6;
    }
    double x = (width() - total + 6) / 2;
    for (qsizetype i = 0; i < badges.size(); ++i) {
        QRectF box = boxes[i];
        box.moveTopLeft(QPointF(x, 8));
        x += box.width() + 6;
        p.setPen(badges[i].second);
        p.setBrush(QColor(0, 0, 0, 150));
        p.drawRoundedRect(box, 3, 3);
        p.drawText(box, Qt::AlignCenter, badges[i].first);
    }
}

// TimelineWidget's painting: legend, lanes, date axis and marks.

#include "timelinewidget.h"

#include "timelineaxis.h"
#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QVarLengthArray>
#include <QtMath>

#include <array>
#include <limits>

using namespace TimelineStyle;

QColor TimelineWidget::facilityColor(const QString &facilityId) const
{
    return TimelineStyle::facilityColor(m_model ? int(m_model->facilities().indexOf(facilityId)) : -1);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    paintLanes(p);
    paintAxis(p);
    paintMarks(p);
    paintLegend(p);
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void TimelineWidget::paintLegend(QPainter &p) const
{
    const QFontMetrics fm = fontMetrics();
    const int y = kLegendHeight / 2;
    int x = kLabelWidth;
    p.setPen(kMutedText);
    const QString caption = tr("Facility:");
    p.drawText(QPoint(8, y + fm.ascent() / 2 - 1), caption);
    if (!m_model)
        return;
    for (const QString &id : m_model->facilities()) {
        p.setPen(Qt::NoPen);
        p.setBrush(facilityColor(id));
        p.drawEllipse(QPointF(x + kMarkRadius, y), kMarkRadius, kMarkRadius);
        const QString name = m_model->facilityName(id);
        p.setPen(kText);
        p.drawText(QPoint(x + 2 * int(kMarkRadius) + 6, y + fm.ascent() / 2 - 1), name);
        x += 2 * int(kMarkRadius) + 6 + fm.horizontalAdvance(name) + 22;
    }
    // What the red ring means, on the right; left of it, the 新着 halo when there are new marks.
    const QString abnormal = tr("Outside reference range");
    const int textX = width() - kRightMargin - fm.horizontalAdvance(abnormal);
    if (m_model && m_model->lastViewed().isValid()) {
        const QString newText = tr("New since your last view (%1)")
                                    .arg(m_model->lastViewed().toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm")));
        const int newX = textX - 36 - fm.horizontalAdvance(newText);
        const QPointF dot(newX - 12, y);
        p.setPen(Qt::NoPen);
        p.setBrush(kNewHalo);
        p.drawEllipse(dot, kMarkRadius + 4, kMarkRadius + 4);
        p.setBrush(kMutedText);
        p.drawEllipse(dot, kMarkRadius - 1, kMarkRadius - 1);
        p.setPen(kNewText);
        p.drawText(QPoint(newX, y + fm.ascent() / 2 - 1), newText);
    }
    const QPointF ring(textX - 12, y);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kAbnormal, 1.6));
    p.drawEllipse(ring, kMarkRadius + 2.5, kMarkRadius + 2.5);
    p.setPen(Qt::NoPen);
    p.setBrush(kMutedText);
    p.drawEllipse(ring, kMarkRadius - 1, kMarkRadius - 1);
    p.setPen(kMutedText);
    p.drawText(QPoint(textX, y + fm.ascent() / 2 - 1), abnormal);
}

void TimelineWidget::paintLanes(QPainter &p) const
{
    const QList<Kind> shown = lanes();
    const QRect plot = plotRect();
    const QFontMetrics fm = fontMetrics();
    const int selectedKind = m_selectedRow >= 0 && m_model ? int(m_model->record(m_selectedRow).kind) : -1;
    for (int i = 0; i < shown.size(); ++i) {
        const QRect lane = laneRect(shown.at(i));
        p.fillRect(lane, i % 2 ? kLaneB : kLaneA);
        if (int(shown.at(i)) == selectedKind)
            p.fillRect(QRect(0, lane.top(), 3, lane.height()), kSelection);
        QFont font = p.font();
        font.setBold(int(shown.at(i)) == selectedKind);
        p.setFont(font);
        p.setPen(kText);
        const QRect labelRect(12, lane.top(), kLabelWidth - 20, lane.height());
        const QString count = QString::number(m_kindCount.at(int(shown.at(i))));
        const int countWidth = fm.horizontalAdvance(count) + 4;
        p.drawText(labelRect.adjusted(0, 0, -countWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(clinicalKindLabel(shown.at(i)), Qt::ElideRight, labelRect.width() - countWidth));
        font.setBold(false);
        p.setFont(font);
        p.setPen(kMutedText);
        p.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, count);
    }
    p.setPen(kMajorGrid);
    p.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom());
}

void TimelineWidget::paintAxis(QPainter &p) const
{
    const QRect plot = plotRect();
    const TimelineAxis::Unit unit = TimelineAxis::unitFor(m_pixelsPerDay);
    const double endDay = m_startDay + visibleDays();
    const QFontMetrics fm = fontMetrics();
    const int axisTop = plot.bottom() + 1;
    p.setPen(kMajorGrid);
    p.drawLine(plot.left(), axisTop, plot.right(), axisTop);
    p.save();
    p.setClipRect(QRect(plot.left(), plot.top(), plot.width() + kRightMargin, height() - plot.top()));
    for (const TimelineAxis::Tick &tick : TimelineAxis::ticks(m_startDay, endDay, unit)) {
        const double x = xOf(tick.day);
        p.setPen(tick.major ? kMajorGrid : kGrid);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, axisTop + 4));
        p.setPen(tick.major ? kText : kMutedText);
        p.drawText(QPointF(x + 3, axisTop + 6 + fm.ascent()), tick.label);
    }
    // Today: a quiet green line, labelled at the top of the plot on a light plate — on the
    // axis the label would collide with the tick labels.
    const double todayX = xOf(TimelineAxis::dayOf(today()) + 0.5);
    if (todayX >= plot.left() && todayX <= plot.right()) {
        p.setPen(QPen(kToday, 1.2, Qt::DashLine));
        p.drawLine(QPointF(todayX, plot.top()), QPointF(todayX, axisTop));
        const QString label = tr("Today");
        const int width = fm.horizontalAdvance(label) + 6;
        const bool fitsLeft = todayX - width - 2 >= plot.left();
        const QRectF plate(fitsLeft ? todayX - width - 2 : todayX + 2, plot.top() + 2, width, fm.height());
        p.fillRect(plate, QColor(255, 255, 255, 220));
        p.setPen(kToday);
        p.drawText(plate, Qt::AlignCenter, label);
    }
    p.restore();
    p.setPen(kMutedText);
    const QString caption = TimelineAxis::spanCaption(m_startDay, unit);
    if (!caption.isEmpty())
        p.drawText(QPoint(12, axisTop + 6 + fm.ascent()), caption);
}

const QPixmap &TimelineWidget::markSprite(int facilityIndex, bool abnormal, bool displayable, bool isNew, qreal dpr) const
{
    if (dpr != m_spriteDpr) {
        m_sprites.clear();
        m_spriteDpr = dpr;
    }
    const quint32 key = quint32(facilityIndex + 1) << 3 | quint32(abnormal) << 2 | quint32(displayable) << 1 | quint32(isNew);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const int side = kSpriteSize;
    QPixmap pixmap(qCeil(side * dpr), qCeil(side * dpr));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2.0, side / 2.0);
    if (isNew) {
        // 新着: a warm halo behind the mark, outside the red ring's place.
        p.setPen(Qt::NoPen);
        p.setBrush(kNewHalo);
        p.drawEllipse(c, kMarkRadius + 5, kMarkRadius + 5);
    }
    if (!displayable) {
        // "Could not display": a hollow grey square, still clickable.
        p.setPen(QPen(kMutedText, 1.2));
        p.setBrush(isNew ? QBrush(Qt::white) : QBrush(Qt::NoBrush));
        p.drawRect(QRectF(c.x() - kMarkRadius + 1, c.y() - kMarkRadius + 1, 2 * kMarkRadius - 2, 2 * kMarkRadius - 2));
    } else {
        p.setPen(QPen(Qt::white, 1));
        p.setBrush(TimelineStyle::facilityColor(facilityIndex));
        p.drawEllipse(c, kMarkRadius, kMarkRadius);
        if (abnormal) {
            p.setPen(QPen(kAbnormal, 1.6));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, kMarkRadius + 2.5, kMarkRadius + 2.5);
        }
    }
    p.end();
    return *m_sprites.insert(key, pixmap);
}

void TimelineWidget::paintMarks(QPainter &p) const
{
    const QRect plot = plotRect();
    p.save();
    p.setClipRect(plot.adjusted(-int(kMarkRadius) - 6, 0, int(kMarkRadius) + 6, 0));
    const double left = m_startDay - 1;
    const double right = m_startDay + visibleDays() + 1;
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : devicePixelRatioF();
    const QPointF spriteOffset(kSpriteSize / 2.0, kSpriteSize / 2.0);
    std::optional<QPointF> selected;
    // Lane geometry once per paint, not per mark.
    std::array<int, ClinicalRecord::kKindCount> laneY{};
    for (int i = 0; i < ClinicalRecord::kKindCount; ++i) {
        const QRect lane = laneRect(Kind(i));
        laneY[i] = lane.isEmpty() ? -1 : lane.center().y();
    }
    // Records of one lane drawn on (almost) the same spot, e.g. the 12 values of one ECG:
    // counted so that one dot does not hide eleven records. Marks come in date order, so a
    // running count per lane finds them without a hash.
    struct Stack { int bucket = std::numeric_limits<int>::min(); int count = 0; QPointF at; };
    std::array<Stack, ClinicalRecord::kKindCount> stacks{};
    QVarLengthArray<QPair<QPointF, int>, 64> labels;
    const auto flush = [&labels](Stack &stack) {
        if (stack.count > 1)
            labels.append(qMakePair(stack.at, stack.count));
        stack.count = 0;
    };
    const double x0 = plot.left() - m_startDay * m_pixelsPerDay;
    // New marks last, so their halo is not covered by a neighbour.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Mark &m : m_marks) {
            if (m.isNew != (pass == 1) || m.day < left || m.day > right || !passesFilters(m))
                continue;
            const int y = laneY[int(m.kind)];
            if (y < 0)
                continue;
            const QPointF c(x0 + m.day * m_pixelsPerDay, y + 0.5);
            Stack &stack = stacks[int(m.kind)];
            const int bucket = qRound(c.x() / 3);
            if (bucket != stack.bucket) {
                flush(stack);
                stack.bucket = bucket;
                stack.at = c;
            }
            ++stack.count;
            const int facility = m_facilityIndex.value(m.facilityId, -1);
            p.drawPixmap(c - spriteOffset, markSprite(facility, m.abnormal, m.displayable, m.isNew, dpr));
            if (m.row == m_selectedRow)
                selected = c;
        }
        for (Stack &stack : stacks) {
            flush(stack);
            stack.bucket = std::numeric_limits<int>::min();
        }
    }
    QFont small = p.font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    p.setPen(kMutedText);
    for (const auto &label : std::as_const(labels))
        p.drawText(label.first + QPointF(kMarkRadius + 6, -kMarkRadius + 2), QString::number(label.second));
    p.setFont(font());
    if (selected) {
        p.setPen(QPen(kSelection, 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(*selected, kMarkRadius + 4.5, kMarkRadius + 4.5);
    }
    p.restore();
}

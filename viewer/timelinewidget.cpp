#include "timelinewidget.h"

#include "timelineaxis.h"
#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QResizeEvent>

#include <algorithm>
#include <cmath>

using namespace TimelineStyle;

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineWidget"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_kindVisible.fill(true);
    m_kindCount.fill(0);
    setAccessibleName(tr("Timeline"));
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::setModel(TimelineModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { appendMarks(first, last); });
        connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineWidget::rebuildMarks);
        connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { update(); });
        connect(m_model, &TimelineModel::facilitiesChanged, this, [this] {
            m_facilityIndex.clear();
            const QStringList ids = m_model->facilities();
            for (int i = 0; i < ids.size(); ++i)
                m_facilityIndex.insert(ids.at(i), i);
            update();
        });
        connect(m_model, &TimelineModel::newRecordsChanged, this, &TimelineWidget::refreshNewFlags);
    }
    rebuildMarks();
}

void TimelineWidget::rebuildMarks()
{
    m_marks.clear();
    m_kindCount.fill(0);
    m_selectedRow = -1;
    m_rangeSetByUser = false;
    // Another patient (or none): facility and date filters of the last one do not apply.
    m_hiddenFacilities.clear();
    m_dateFrom = m_dateTo = QDate();
    m_fromDay = -std::numeric_limits<double>::infinity();
    m_toDay = std::numeric_limits<double>::infinity();
    if (m_model && m_model->rowCount() > 0)
        appendMarks(0, m_model->rowCount() - 1);
    else
        update();
}

void TimelineWidget::refreshNewFlags()
{
    for (Mark &m : m_marks)
        m.isNew = m_model && m_model->isNew(m.row);
    update();
}

void TimelineWidget::appendMarks(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const ClinicalRecord &r = m_model->record(row);
        if (!r.date.isValid())
            continue; // undated records (some allergies) are listed elsewhere, not placed
        m_marks.append({row, r.kind, r.dayValue(), r.facilityId, r.abnormal, r.displayable, m_model->isNew(row)});
        ++m_kindCount[int(r.kind)];
    }
    // While the user has not moved the view, each page widens it to the whole record.
    if (!m_rangeSetByUser)
        fitCare();
    updateGeometry();
    update();
}

QList<ClinicalRecord::Kind> TimelineWidget::lanes() const
{
    QList<Kind> result;
    for (int i = 0; i < ClinicalRecord::kKindCount; ++i) {
        const Kind kind = Kind(i);
        // "Other" gets a lane only when something dated is in it.
        if (m_kindVisible.at(i) && (kind != Kind::Other || m_kindCount.at(i) > 0))
            result << kind;
    }
    return result;
}

void TimelineWidget::setKindVisible(Kind kind, bool visible)
{
    if (m_kindVisible.at(int(kind)) == visible)
        return;
    m_kindVisible[int(kind)] = visible;
    dropHiddenSelection();
    updateGeometry();
    update();
    Q_EMIT filtersChanged();
}

int TimelineWidget::laneIndex(Kind kind) const
{
    return int(lanes().indexOf(kind));
}

int TimelineWidget::laneHeight() const
{
    const int count = std::max<int>(1, int(lanes().size()));
    return std::clamp((height() - kLegendHeight - kAxisHeight) / count, kMinLaneHeight, kMaxLaneHeight);
}

QRect TimelineWidget::laneRect(Kind kind) const
{
    const int index = laneIndex(kind);
    if (index < 0)
        return {};
    return QRect(0, kLegendHeight + index * laneHeight(), width(), laneHeight());
}

QRect TimelineWidget::plotRect() const
{
    const int lanesHeight = int(lanes().size()) * laneHeight();
    return QRect(kLabelWidth, kLegendHeight, std::max(1, width() - kLabelWidth - kRightMargin),
                 lanesHeight);
}

double TimelineWidget::xOf(double day) const
{
    return plotRect().left() + (day - m_startDay) * m_pixelsPerDay;
}

double TimelineWidget::dayAt(double x) const
{
    return m_startDay + (x - plotRect().left()) / m_pixelsPerDay;
}

double TimelineWidget::visibleDays() const
{
    return plotRect().width() / m_pixelsPerDay;
}

void TimelineWidget::setVisibleRange(double startDay, double endDay)
{
    const double span = std::clamp(endDay - startDay, kMinVisibleDays, kMaxVisibleDays);
    const double centre = (startDay + endDay) / 2;
    m_pixelsPerDay = plotRect().width() / span;
    m_startDay = centre - span / 2;
    update();
    Q_EMIT visibleRangeChanged();
}

void TimelineWidget::zoomAround(double factor, double anchorDay)
{
    m_rangeSetByUser = true;
    const double anchorX = xOf(anchorDay);
    const double span = std::clamp(visibleDays() / factor, kMinVisibleDays, kMaxVisibleDays);
    m_pixelsPerDay = plotRect().width() / span;
    m_startDay = anchorDay - (anchorX - plotRect().left()) / m_pixelsPerDay;
    update();
    Q_EMIT visibleRangeChanged();
}

void TimelineWidget::zoomIn()
{
    const double anchor = m_selectedRow >= 0 && markOfRow(m_selectedRow)
        ? markOfRow(m_selectedRow)->day : m_startDay + visibleDays() / 2;
    zoomAround(kZoomStep, anchor);
}

void TimelineWidget::zoomOut()
{
    zoomAround(1 / kZoomStep, m_startDay + visibleDays() / 2);
}

void TimelineWidget::scrollByPixels(int dx)
{
    m_rangeSetByUser = true;
    m_startDay += dx / m_pixelsPerDay;
    update();
    Q_EMIT visibleRangeChanged();
}

void TimelineWidget::jumpToToday()
{
    m_rangeSetByUser = true;
    // Today near the right edge: the recent past is what a clinician looks at first.
    const double span = visibleDays();
    const double todayDay = TimelineAxis::dayOf(today()) + 1;
    setVisibleRange(todayDay - span * 0.9, todayDay + span * 0.1);
}

void TimelineWidget::fitAll()
{
    fitMarks(false);
}

void TimelineWidget::fitCare()
{
    fitMarks(true);
}

void TimelineWidget::fitMarks(bool careOnly)
{
    // Allergy onsets ("since childhood", 1996) are history, not care: the first view frames
    // the care episodes so they are not squeezed into the right edge.
    double lo = 0;
    double hi = 0;
    bool any = false;
    for (const Mark &m : std::as_const(m_marks)) {
        if (careOnly && m.kind == Kind::Allergies)
            continue;
        lo = any ? std::min(lo, m.day) : m.day;
        hi = any ? std::max(hi, m.day) : m.day;
        any = true;
    }
    if (!any && careOnly) {
        fitMarks(false);
        return;
    }
    if (!any) {
        const double end = TimelineAxis::dayOf(today()) + 1;
        setVisibleRange(end - 365, end);
        return;
    }
    const double span = std::max(hi - lo, kMinVisibleDays);
    setVisibleRange(lo - span * 0.04 - 0.5, hi + span * 0.04 + 0.5);
}

void TimelineWidget::ensureVisible(double day)
{
    const double margin = visibleDays() * 0.05;
    if (day >= m_startDay + margin && day <= m_startDay + visibleDays() - margin)
        return;
    // Off screen: bring it to the middle, so its neighbours on both sides are visible too.
    m_startDay = day - visibleDays() / 2;
    m_rangeSetByUser = true;
    Q_EMIT visibleRangeChanged();
}

const TimelineWidget::Mark *TimelineWidget::markOfRow(int row) const
{
    for (const Mark &m : m_marks) {
        if (m.row == row)
            return &m;
    }
    return nullptr;
}

std::optional<QPointF> TimelineWidget::markCenter(int row) const
{
    const Mark *m = markOfRow(row);
    if (!m || !passesFilters(*m))
        return std::nullopt;
    const QRect lane = laneRect(m->kind);
    if (lane.isEmpty())
        return std::nullopt;
    return QPointF(xOf(m->day), lane.center().y() + 0.5);
}

int TimelineWidget::rowAt(const QPoint &pos) const
{
    int best = -1;
    double bestDistance = kHitRadius + 0.5;
    for (const Mark &m : m_marks) {
        const std::optional<QPointF> c = markCenter(m.row);
        if (!c || std::abs(c->y() - pos.y()) > laneHeight() / 2)
            continue;
        const double distance = std::abs(c->x() - pos.x());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = m.row;
        }
    }
    return best;
}

void TimelineWidget::selectRow(int row)
{
    const Mark *m = markOfRow(row);
    if (row >= 0 && (!m || !passesFilters(*m)))
        return;
    m_selectedRow = row;
    if (m)
        ensureVisible(m->day);
    update();
    if (row >= 0)
        Q_EMIT recordSelected(row);
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    // Keep the visible span when the width changes.
    const double span = m_pixelsPerDay > 0 ? (event->oldSize().width() - kLabelWidth - kRightMargin) / m_pixelsPerDay : 0;
    QWidget::resizeEvent(event);
    if (span > 0 && event->oldSize().width() > kLabelWidth + kRightMargin)
        m_pixelsPerDay = plotRect().width() / span;
    else if (!m_rangeSetByUser)
        fitCare();
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(900, kLegendHeight + kAxisHeight + int(lanes().size()) * kMaxLaneHeight + 4);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(kLabelWidth + 200, kLegendHeight + kAxisHeight + int(lanes().size()) * kMinLaneHeight);
}

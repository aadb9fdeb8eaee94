// TimelineWidget's keyboard, mouse and wheel handling: scrolling, zooming and selection.

#include "timelinewidget.h"

#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace TimelineStyle;

void TimelineWidget::selectNeighbour(int direction)
{
    // Within the selected record's lane, by date; without a selection, across all lanes
    // starting from the visible span's edge.
    const Mark *current = markOfRow(m_selectedRow);
    QList<const Mark *> candidates;
    for (const Mark &m : m_marks) {
        if (passesFilters(m) && (!current || m.kind == current->kind))
            candidates << &m;
    }
    if (candidates.isEmpty())
        return;
    std::stable_sort(candidates.begin(), candidates.end(), [](const Mark *a, const Mark *b) {
        return a->day < b->day || (a->day == b->day && a->row < b->row);
    });
    if (!current) {
        const double edge = direction > 0 ? m_startDay : m_startDay + visibleDays();
        const Mark *pick = direction > 0 ? candidates.last() : candidates.first();
        for (const Mark *m : candidates) {
            if (direction > 0 && m->day >= edge) { pick = m; break; }
            if (direction < 0 && m->day <= edge) pick = m;
        }
        selectRow(pick->row);
        return;
    }
    const int at = int(candidates.indexOf(current));
    const int next = at + direction;
    if (next >= 0 && next < candidates.size())
        selectRow(candidates.at(next)->row);
}

void TimelineWidget::selectInNeighbourLane(int direction)
{
    const Mark *current = markOfRow(m_selectedRow);
    const QList<Kind> shown = lanes();
    int lane = current ? int(shown.indexOf(current->kind)) : (direction > 0 ? -1 : int(shown.size()));
    const double day = current ? current->day : m_startDay + visibleDays() / 2;
    for (lane += direction; lane >= 0 && lane < shown.size(); lane += direction) {
        const Mark *best = nullptr;
        for (const Mark &m : m_marks) {
            if (m.kind == shown.at(lane) && passesFilters(m) && (!best || std::abs(m.day - day) < std::abs(best->day - day)))
                best = &m;
        }
        if (best) {
            selectRow(best->row);
            return;
        }
    }
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const int steps = (std::abs(delta.y()) >= std::abs(delta.x()) ? delta.y() : delta.x());
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAround(std::pow(kZoomStep, steps / 120.0), dayAt(event->position().x()));
    } else {
        scrollByPixels(-steps / 2);
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastDragPos = event->position().toPoint();
    m_dragging = false;
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < 4)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    scrollByPixels(m_lastDragPos.x() - pos.x());
    m_lastDragPos = pos;
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    unsetCursor();
    if (!m_dragging && event->button() == Qt::LeftButton) {
        const int row = rowAt(event->position().toPoint());
        if (row >= 0)
            selectRow(row);
    }
    m_dragging = false;
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        shift ? scrollByPixels(-plotRect().width() / 8) : selectNeighbour(-1);
        break;
    case Qt::Key_Right:
        shift ? scrollByPixels(plotRect().width() / 8) : selectNeighbour(1);
        break;
    case Qt::Key_Up: selectInNeighbourLane(-1); break;
    case Qt::Key_Down: selectInNeighbourLane(1); break;
    case Qt::Key_PageUp: scrollByPixels(-plotRect().width() * 3 / 4); break;
    case Qt::Key_PageDown: scrollByPixels(plotRect().width() * 3 / 4); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_Home: jumpToToday(); break;
    case Qt::Key_End: m_rangeSetByUser = true; fitAll(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selectedRow >= 0)
            Q_EMIT recordSelected(m_selectedRow);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const ClinicalRecord &r = m_model->record(row);
        QToolTip::showText(help->globalPos(),
                           tr("%1  %2\n%3\n%4").arg(recordDateText(r), clinicalKindLabel(r.kind),
                                                   r.title, m_model->facilityName(r.facilityId)),
                           this);
        return true;
    }
    return QWidget::event(event);
}


// TimelineWidget's facility and date filters (the kind filter hides whole lanes).

#include "timelinewidget.h"

#include "timelineaxis.h"
#include "timelinemodel.h"

#include <algorithm>

bool TimelineWidget::passesFilters(const Mark &m) const
{
    return m_kindVisible.at(int(m.kind)) && m.day >= m_fromDay && m.day < m_toDay
        && (m_hiddenFacilities.isEmpty() || !m_hiddenFacilities.contains(m.facilityId));
}

int TimelineWidget::filteredMarkCount() const
{
    return int(std::count_if(m_marks.cbegin(), m_marks.cend(), [this](const Mark &m) { return passesFilters(m); }));
}

void TimelineWidget::dropHiddenSelection()
{
    // A hidden mark cannot stay selected: the keyboard would move from something unseen.
    const Mark *m = markOfRow(m_selectedRow);
    if (m_selectedRow >= 0 && (!m || !passesFilters(*m)))
        m_selectedRow = -1;
}

void TimelineWidget::setFacilityVisible(const QString &facilityId, bool visible)
{
    if (isFacilityVisible(facilityId) == visible)
        return;
    if (visible)
        m_hiddenFacilities.remove(facilityId);
    else
        m_hiddenFacilities.insert(facilityId);
    dropHiddenSelection();
    update();
}

void TimelineWidget::setDateRange(QDate from, QDate to)
{
    if (from.isValid() && to.isValid() && to < from)
        std::swap(from, to);
    m_dateFrom = from;
    m_dateTo = to;
    m_fromDay = from.isValid() ? TimelineAxis::dayOf(from) : -std::numeric_limits<double>::infinity();
    m_toDay = to.isValid() ? TimelineAxis::dayOf(to) + 1 : std::numeric_limits<double>::infinity();
    dropHiddenSelection();
    if (!from.isValid() && !to.isValid()) {
        // The whole record again, widened by later pages as at first.
        m_rangeSetByUser = false;
        fitCare();
        return;
    }
    // Frame the chosen span; an open side ends at the record's (or today's) edge.
    double lo = m_fromDay;
    double hi = m_toDay;
    if (!from.isValid() || !to.isValid()) {
        const double end = TimelineAxis::dayOf(today()) + 1;
        double first = end;
        for (const Mark &m : std::as_const(m_marks))
            first = std::min(first, m.day);
        lo = from.isValid() ? lo : first;
        hi = to.isValid() ? hi : end;
    }
    m_rangeSetByUser = true;
    setVisibleRange(lo, hi);
}

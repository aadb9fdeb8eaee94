// TimelineWidget's facility and date filters (the kind filter hides whole lanes).

#include "timelinewidget.h"

#include "timelineaxis.h"
#include "timelinemodel.h"

#include <algorithm>
#include <cmath>

bool TimelineWidget::passesFilters(const Mark &m) const
{
    return m_kindVisible.at(int(m.kind)) && m.day >= m_fromDay && m.day < m_toDay
        && (m_hiddenFacilities.isEmpty() || !m_hiddenFacilities.contains(m.facilityId));
}

bool TimelineWidget::isRowShown(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    const ClinicalRecord &r = m_model->record(row);
    if (!m_kindVisible.at(int(r.kind)))
        return false;
    if (!m_hiddenFacilities.isEmpty() && m_hiddenFacilities.contains(r.facilityId))
        return false;
    if (!r.date.isValid())
        return std::isinf(m_fromDay) && std::isinf(m_toDay); // undated: only without a period
    const double day = r.dayValue();
    return day >= m_fromDay && day < m_toDay;
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
    Q_EMIT filtersChanged();
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
    Q_EMIT filtersChanged();
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

#include "recorddayproxy.h"

#include "timelinemodel.h"

RecordDayProxy::RecordDayProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void RecordDayProxy::setDate(QDate date)
{
    if (date == m_date)
        return;
    m_date = date;
    refilter();
}

void RecordDayProxy::setRowFilter(std::function<bool(int)> accepts)
{
    m_accepts = std::move(accepts);
    refilter();
}

void RecordDayProxy::refilter()
{
    invalidateFilter();
}

bool RecordDayProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_date.isValid())
        return false;
    const QDateTime date = sourceModel()->index(sourceRow, 0).data(TimelineModel::DateRole).toDateTime();
    if (!date.isValid() || date.date() != m_date)
        return false;
    return !m_accepts || m_accepts(sourceRow);
}

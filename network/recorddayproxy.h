#pragma once

#include <QDate>
#include <QSortFilterProxyModel>

#include <functional>

/// The records of one day of a TimelineModel, for the calendar's day list: a filter over the
/// same model (no copy of the records), in the model's (date) order. An optional row filter
/// applies the timeline's kind, facility and period filters as well.
class RecordDayProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecordDayProxy(QObject *parent = nullptr);

    /// Shows the records dated \a date (in their own UTC offset); an invalid date shows none.
    void setDate(QDate date);
    QDate date() const { return m_date; }
    /// Rows for which \a accepts(sourceRow) is false are left out; call refilter() when the
    /// predicate's answer changes.
    void setRowFilter(std::function<bool(int)> accepts);
    void refilter();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QDate m_date;
    std::function<bool(int)> m_accepts;
};

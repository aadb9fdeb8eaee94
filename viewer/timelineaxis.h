#pragma once

#include <QDate>
#include <QList>
#include <QString>

/// The timeline's date axis: which ticks to draw for a visible span. Days are Julian day
/// numbers with the time of day as a fraction (ClinicalRecord::dayValue()).
namespace TimelineAxis {

enum class Unit { Day, Week, Month, Quarter, Year, FiveYears, TenYears };

struct Tick
{
    double day = 0;
    QString label;
    bool major = false; ///< a year (or month, when zoomed to days) boundary: a stronger line
};

/// The finest unit whose ticks are at least \a minSpacing pixels apart.
Unit unitFor(double pixelsPerDay, double minSpacing = 64);
/// Ticks from \a startDay to \a endDay, labelled for \a unit.
QList<Tick> ticks(double startDay, double endDay, Unit unit);
/// A caption for the whole span, shown where the axis starts ("2011年12月", "2011年").
QString spanCaption(double startDay, Unit unit);

inline QDate dateOf(double day) { return QDate::fromJulianDay(qint64(day >= 0 ? day : day - 1)); }
inline double dayOf(QDate date) { return double(date.toJulianDay()); }

} // namespace TimelineAxis

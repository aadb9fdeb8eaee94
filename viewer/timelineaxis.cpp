#include "timelineaxis.h"

#include <QCoreApplication>

namespace TimelineAxis {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TimelineAxis)
};

double approximateDays(Unit unit)
{
    switch (unit) {
    case Unit::Day: return 1;
    case Unit::Week: return 7;
    case Unit::Month: return 30.44;
    case Unit::Quarter: return 91.3;
    case Unit::Year: return 365.25;
    case Unit::FiveYears: return 5 * 365.25;
    case Unit::TenYears: return 10 * 365.25;
    }
    return 1;
}

QDate firstTick(QDate from, Unit unit)
{
    switch (unit) {
    case Unit::Day: return from;
    case Unit::Week: return from.addDays((8 - from.dayOfWeek()) % 7); // Mondays
    case Unit::Month: return QDate(from.year(), from.month(), 1).addMonths(from.day() > 1 ? 1 : 0);
    case Unit::Quarter: {
        QDate d(from.year(), ((from.month() - 1) / 3) * 3 + 1, 1);
        return d < from ? d.addMonths(3) : d;
    }
    case Unit::Year:
    case Unit::FiveYears:
    case Unit::TenYears: {
        const int step = unit == Unit::Year ? 1 : unit == Unit::FiveYears ? 5 : 10;
        int year = from.year();
        if (QDate(year, 1, 1) < from)
            ++year;
        while (year % step != 0)
            ++year;
        return QDate(year, 1, 1);
    }
    }
    return from;
}

QDate nextTick(QDate d, Unit unit)
{
    switch (unit) {
    case Unit::Day: return d.addDays(1);
    case Unit::Week: return d.addDays(7);
    case Unit::Month: return d.addMonths(1);
    case Unit::Quarter: return d.addMonths(3);
    case Unit::Year: return d.addYears(1);
    case Unit::FiveYears: return d.addYears(5);
    case Unit::TenYears: return d.addYears(10);
    }
    return d.addDays(1);
}

QString label(QDate d, Unit unit)
{
    switch (unit) {
    case Unit::Day:
    case Unit::Week:
        return Tr::tr("%1/%2", "month/day on the timeline axis").arg(d.month()).arg(d.day());
    case Unit::Month:
    case Unit::Quarter:
        return d.month() == 1 ? Tr::tr("%1", "year on the timeline axis").arg(d.year())
                              : Tr::tr("%1/%2", "year/month on the timeline axis")
                                    .arg(d.year()).arg(d.month(), 2, 10, QLatin1Char('0'));
    default:
        return Tr::tr("%1", "year on the timeline axis").arg(d.year());
    }
}

} // namespace

Unit unitFor(double pixelsPerDay, double minSpacing)
{
    for (Unit unit : {Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year,
                      Unit::FiveYears}) {
        if (approximateDays(unit) * pixelsPerDay >= minSpacing)
            return unit;
    }
    return Unit::TenYears;
}

QList<Tick> ticks(double startDay, double endDay, Unit unit)
{
    QList<Tick> result;
    const QDate last = dateOf(endDay);
    for (QDate d = firstTick(dateOf(startDay), unit); d.isValid() && d <= last; d = nextTick(d, unit)) {
        const bool major = unit <= Unit::Week ? d.day() == 1 : d.month() == 1;
        result.append({dayOf(d), label(d, unit), major});
        if (result.size() > 2000)
            break; // never for sane spans; guards against a runaway loop
    }
    return result;
}

QString spanCaption(double startDay, Unit unit)
{
    const QDate d = dateOf(startDay);
    if (unit <= Unit::Week)
        return Tr::tr("%1/%2", "year/month caption of the timeline axis")
            .arg(d.year()).arg(d.month(), 2, 10, QLatin1Char('0'));
    return {};
}

} // namespace TimelineAxis

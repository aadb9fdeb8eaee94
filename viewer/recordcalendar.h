#pragma once

#include "clinicalrecord.h"

#include <QDate>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QToolButton;
class RecordCalendarGrid;
class TimelineModel;

/// The record as a month calendar, as Japanese network viewers offer it: 日〜土 columns, per day
/// the kinds of record with a dot in the disclosing facility's colour and a count, a 新着 tag on
/// days with records new since the last view, today highlighted. Reads the same TimelineModel
/// as the timeline (no copy). Month navigation by the buttons or PageUp/PageDown; arrows move
/// the selected day, Home goes to today; clicking a day (or Enter) selects it.
class RecordCalendar : public QWidget
{
    Q_OBJECT

public:
    explicit RecordCalendar(QWidget *parent = nullptr);
    ~RecordCalendar() override;

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }
    /// Which rows count (the timeline's kind, facility and period filters); all when unset.
    void setRowFilter(std::function<bool(int)> accepts);
    /// Re-reads the model (call when the row filter's answers change).
    void refresh();

    /// The first day of the month on show.
    QDate month() const { return m_month; }
    void setMonth(QDate anyDayOfMonth);
    QDate selectedDate() const { return m_selected; }
    /// Selects \a date (showing its month) and emits daySelected().
    void selectDate(QDate date);

    void setToday(QDate today);
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    /// What a day shows: per kind, its count and the facilities (legend indexes) it came from.
    struct KindCount
    {
        ClinicalRecord::Kind kind = ClinicalRecord::Kind::Other;
        int count = 0;
        QList<int> facilities;
    };
    struct DaySummary
    {
        QList<KindCount> kinds; ///< in lane order
        int total = 0;
        int newCount = 0;
    };
    DaySummary summary(QDate date) const;
    /// The cell of \a date in this widget's coordinates (empty when not on the grid).
    QRect dayRect(QDate date) const;
    /// The first day on the grid (a Sunday on or before the 1st).
    QDate firstShownDay() const;

public Q_SLOTS:
    void showPreviousMonth();
    void showNextMonth();
    void showToday();

Q_SIGNALS:
    void daySelected(QDate date);
    void monthChanged(QDate month);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    friend class RecordCalendarGrid;
    void rebuild();

    QPointer<TimelineModel> m_model;
    std::function<bool(int)> m_accepts;
    QDate m_month;
    QDate m_selected;
    QDate m_today;
    QHash<qint64, DaySummary> m_days; ///< Julian day → summary, for the days on the grid
    QLabel *m_title = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_thisMonth = nullptr;
    RecordCalendarGrid *m_grid = nullptr;
};

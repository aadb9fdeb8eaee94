#include "recordcalendar.h"

#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace TimelineStyle;

namespace {

constexpr int kWeekHeaderHeight = 24;
constexpr int kRows = 6;
const QColor kSunday(0xb0, 0x3a, 0x2e);
const QColor kSaturday(0x2f, 0x5f, 0x9a);
const QColor kOtherMonth(0xb5, 0xbd, 0xc5);
const QColor kTodayFill(0xe6, 0xf2, 0xee);
const QColor kCellLine(0xe1, 0xe6, 0xea);

} // namespace

/// The painted month grid inside RecordCalendar.
class RecordCalendarGrid : public QWidget
{
public:
    explicit RecordCalendarGrid(RecordCalendar *calendar)
        : QWidget(calendar)
        , m_calendar(calendar)
    {
        setObjectName(QStringLiteral("calendarGrid"));
        setMinimumSize(7 * 80, kWeekHeaderHeight + kRows * 40);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setFocusPolicy(Qt::NoFocus);
    }

    QRect cellRect(int index) const
    {
        const int column = index % 7;
        const int row = index / 7;
        const double w = width() / 7.0;
        const double h = (height() - kWeekHeaderHeight) / double(kRows);
        return QRect(int(column * w), kWeekHeaderHeight + int(row * h), int((column + 1) * w) - int(column * w),
                     kWeekHeaderHeight + int((row + 1) * h) - (kWeekHeaderHeight + int(row * h)));
    }

    int indexAt(const QPoint &pos) const
    {
        for (int i = 0; i < 7 * kRows; ++i) {
            if (cellRect(i).contains(pos))
                return i;
        }
        return -1;
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        const int index = indexAt(event->position().toPoint());
        if (index >= 0) {
            m_calendar->setFocus();
            m_calendar->selectDate(m_calendar->firstShownDay().addDays(index));
        }
    }

    void paintEvent(QPaintEvent *) override;
    QSize sizeHint() const override { return QSize(7 * 120, kWeekHeaderHeight + kRows * 78); }

private:
    RecordCalendar *m_calendar;
};

void RecordCalendarGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    // 日 月 火 水 木 金 土: the week starts on Sunday, as on Japanese calendars.
    static const char *const names[] = {QT_TRANSLATE_NOOP("RecordCalendar", "Sun"), QT_TRANSLATE_NOOP("RecordCalendar", "Mon"),
                                        QT_TRANSLATE_NOOP("RecordCalendar", "Tue"), QT_TRANSLATE_NOOP("RecordCalendar", "Wed"),
                                        QT_TRANSLATE_NOOP("RecordCalendar", "Thu"), QT_TRANSLATE_NOOP("RecordCalendar", "Fri"),
                                        QT_TRANSLATE_NOOP("RecordCalendar", "Sat")};
    for (int c = 0; c < 7; ++c) {
        const QRect cell = cellRect(c);
        const QRect header(cell.left(), 0, cell.width(), kWeekHeaderHeight);
        p.setPen(c == 0 ? kSunday : c == 6 ? kSaturday : kMutedText);
        p.drawText(header, Qt::AlignCenter, RecordCalendar::tr(names[c]));
    }
    const QDate first = m_calendar->firstShownDay();
    const QDate today = m_calendar->today();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);
    for (int i = 0; i < 7 * kRows; ++i) {
        const QDate day = first.addDays(i);
        const QRect cell = cellRect(i);
        const bool inMonth = day.month() == m_calendar->month().month();
        if (day == today)
            p.fillRect(cell, kTodayFill);
        else if (!inMonth)
            p.fillRect(cell, QColor(0xfa, 0xfb, 0xfc));
        p.setPen(kCellLine);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(cell).adjusted(0.5, 0.5, -0.5, -0.5));

        // The day number; today's in a filled circle.
        const int column = i % 7;
        QColor numberColor = column == 0 ? kSunday : column == 6 ? kSaturday : kText;
        if (!inMonth)
            numberColor = kOtherMonth;
        const QRect numberRect(cell.left() + 6, cell.top() + 4, fm.height() + 6, fm.height() + 2);
        if (day == today) {
            p.setPen(Qt::NoPen);
            p.setBrush(kToday);
            p.drawEllipse(QRectF(numberRect).adjusted(1, 0, -1, 0));
            numberColor = Qt::white;
        }
        p.setPen(numberColor);
        p.drawText(numberRect, Qt::AlignCenter, QString::number(day.day()));

        const RecordCalendar::DaySummary summary = m_calendar->m_days.value(day.toJulianDay());
        if (summary.newCount > 0) {
            const QString tag = RecordCalendar::tr("New %1").arg(summary.newCount);
            const int w = smallFm.horizontalAdvance(tag) + 10;
            const QRectF pill(cell.right() - w - 5, cell.top() + 5, w, smallFm.height() + 2);
            p.setPen(Qt::NoPen);
            p.setBrush(kNewHalo);
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
            p.setFont(small);
            p.setPen(kNewText.darker(130));
            p.drawText(pill, Qt::AlignCenter, tag);
            p.setFont(font());
        }

        // One line per kind: facility dots, the kind, the count.
        p.setFont(small);
        const int lineHeight = smallFm.height() + 1;
        int y = numberRect.bottom() + 4;
        const int bottom = cell.bottom() - 3;
        const int fitting = std::max(0, (bottom - y) / lineHeight);
        const auto drawLine = [&](const QList<int> &facilities, const QString &label, const QString &count) {
            int x = cell.left() + 8;
            const double cy = y + lineHeight / 2.0;
            for (int f = 0; f < std::min<int>(3, facilities.size()); ++f) {
                p.setPen(Qt::NoPen);
                p.setBrush(TimelineStyle::facilityColor(facilities.at(f)));
                p.drawEllipse(QPointF(x + 4, cy), 3.6, 3.6);
                x += 6;
            }
            x += 7;
            const int countWidth = smallFm.horizontalAdvance(count);
            const int labelWidth = cell.right() - 6 - countWidth - 6 - x;
            p.setPen(inMonth ? kText : kOtherMonth);
            p.drawText(QRect(x, y, labelWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       smallFm.elidedText(label, Qt::ElideRight, labelWidth));
            p.setPen(kMutedText);
            p.drawText(QRect(cell.right() - 6 - countWidth, y, countWidth, lineHeight), Qt::AlignRight | Qt::AlignVCenter, count);
            y += lineHeight;
        };
        if (summary.total > 0 && fitting > 0 && summary.kinds.size() > fitting) {
            // Not every kind fits: as many as do, the last line counting the rest.
            const int shown = fitting - 1;
            int rest = 0;
            QList<int> restFacilities;
            for (int k = 0; k < summary.kinds.size(); ++k) {
                const RecordCalendar::KindCount &kc = summary.kinds.at(k);
                if (k < shown) {
                    drawLine(kc.facilities, clinicalKindLabel(kc.kind), QString::number(kc.count));
                    continue;
                }
                rest += kc.count;
                for (int f : kc.facilities) {
                    if (!restFacilities.contains(f))
                        restFacilities << f;
                }
            }
            drawLine(restFacilities, shown == 0 ? RecordCalendar::tr("%n record(s)", nullptr, rest)
                                                : RecordCalendar::tr("+%n more", nullptr, rest),
                     QString());
        } else {
            for (const RecordCalendar::KindCount &kc : summary.kinds)
                drawLine(kc.facilities, clinicalKindLabel(kc.kind), QString::number(kc.count));
        }
        p.setFont(font());

        if (day == m_calendar->selectedDate()) {
            p.setPen(QPen(kSelection, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    if (m_calendar->hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

RecordCalendar::RecordCalendar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("recordCalendar"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Calendar"));
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("previousMonthButton"));
    m_previous->setText(QStringLiteral("◀"));
    m_previous->setToolTip(tr("Previous month (Page Up)"));
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("nextMonthButton"));
    m_next->setText(QStringLiteral("▶"));
    m_next->setToolTip(tr("Next month (Page Down)"));
    m_thisMonth = new QToolButton(this);
    m_thisMonth->setObjectName(QStringLiteral("thisMonthButton"));
    m_thisMonth->setText(tr("This month"));
    m_thisMonth->setToolTip(tr("Go to today (Home)"));
    for (QToolButton *button : {m_previous, m_next, m_thisMonth})
        button->setFocusPolicy(Qt::NoFocus); // the keyboard stays on the calendar
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("calendarTitle"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setMinimumWidth(140);
    m_title->setAlignment(Qt::AlignCenter);
    connect(m_previous, &QToolButton::clicked, this, &RecordCalendar::showPreviousMonth);
    connect(m_next, &QToolButton::clicked, this, &RecordCalendar::showNextMonth);
    connect(m_thisMonth, &QToolButton::clicked, this, &RecordCalendar::showToday);

    m_grid = new RecordCalendarGrid(this);
    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(m_previous);
    header->addWidget(m_title);
    header->addWidget(m_next);
    header->addSpacing(12);
    header->addWidget(m_thisMonth);
    header->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_grid, 1);
    setMonth(today());
}

RecordCalendar::~RecordCalendar() = default;

void RecordCalendar::setModel(TimelineModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &RecordCalendar::rebuild);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, &RecordCalendar::rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordCalendar::rebuild);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &RecordCalendar::rebuild);
        connect(m_model, &TimelineModel::facilitiesChanged, this, &RecordCalendar::rebuild);
        connect(m_model, &TimelineModel::newRecordsChanged, this, &RecordCalendar::rebuild);
    }
    rebuild();
}

void RecordCalendar::setRowFilter(std::function<bool(int)> accepts)
{
    m_accepts = std::move(accepts);
    rebuild();
}

void RecordCalendar::refresh()
{
    rebuild();
}

QDate RecordCalendar::firstShownDay() const
{
    // dayOfWeek(): Monday 1 … Sunday 7; the grid starts on the Sunday on or before the 1st.
    return m_month.addDays(-(m_month.dayOfWeek() % 7));
}

void RecordCalendar::rebuild()
{
    m_days.clear();
    if (m_model) {
        const qint64 first = firstShownDay().toJulianDay();
        const qint64 last = first + 7 * kRows - 1;
        const QStringList facilities = m_model->facilities();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const ClinicalRecord &r = m_model->record(row);
            if (!r.date.isValid())
                continue;
            const qint64 day = r.date.date().toJulianDay();
            if (day < first || day > last || (m_accepts && !m_accepts(row)))
                continue;
            DaySummary &summary = m_days[day];
            ++summary.total;
            summary.newCount += m_model->isNew(row) ? 1 : 0;
            auto it = std::find_if(summary.kinds.begin(), summary.kinds.end(),
                                   [&r](const KindCount &kc) { return kc.kind == r.kind; });
            if (it == summary.kinds.end()) {
                summary.kinds.append({r.kind, 0, {}});
                it = summary.kinds.end() - 1;
            }
            ++it->count;
            const int facility = int(facilities.indexOf(r.facilityId));
            if (!it->facilities.contains(facility))
                it->facilities << facility;
        }
        for (DaySummary &summary : m_days) {
            std::sort(summary.kinds.begin(), summary.kinds.end(),
                      [](const KindCount &a, const KindCount &b) { return a.kind < b.kind; });
        }
    }
    m_grid->update();
}

void RecordCalendar::setMonth(QDate anyDayOfMonth)
{
    if (!anyDayOfMonth.isValid())
        return;
    const QDate month(anyDayOfMonth.year(), anyDayOfMonth.month(), 1);
    const bool changed = month != m_month;
    m_month = month;
    //: year, month: 2024年12月 in Japanese
    m_title->setText(tr("%2/%1").arg(month.year()).arg(month.month()));
    rebuild();
    if (changed)
        Q_EMIT monthChanged(m_month);
}

void RecordCalendar::selectDate(QDate date)
{
    if (!date.isValid())
        return;
    m_selected = date;
    if (date.year() != m_month.year() || date.month() != m_month.month())
        setMonth(date);
    m_grid->update();
    Q_EMIT daySelected(date);
}

void RecordCalendar::setToday(QDate today)
{
    m_today = today;
    m_grid->update();
}

RecordCalendar::DaySummary RecordCalendar::summary(QDate date) const
{
    return m_days.value(date.toJulianDay());
}

QRect RecordCalendar::dayRect(QDate date) const
{
    const qint64 index = firstShownDay().daysTo(date);
    if (index < 0 || index >= 7 * kRows)
        return {};
    return m_grid->cellRect(int(index)).translated(m_grid->pos());
}

void RecordCalendar::showPreviousMonth()
{
    setMonth(m_month.addMonths(-1));
}

void RecordCalendar::showNextMonth()
{
    setMonth(m_month.addMonths(1));
}

void RecordCalendar::showToday()
{
    selectDate(today());
}

void RecordCalendar::keyPressEvent(QKeyEvent *event)
{
    const QDate from = m_selected.isValid() && m_selected.month() == m_month.month() && m_selected.year() == m_month.year()
        ? m_selected : m_month;
    switch (event->key()) {
    case Qt::Key_Left: selectDate(from.addDays(-1)); return;
    case Qt::Key_Right: selectDate(from.addDays(1)); return;
    case Qt::Key_Up: selectDate(from.addDays(-7)); return;
    case Qt::Key_Down: selectDate(from.addDays(7)); return;
    case Qt::Key_PageUp: showPreviousMonth(); return;
    case Qt::Key_PageDown: showNextMonth(); return;
    case Qt::Key_Home: showToday(); return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected.isValid())
            selectDate(m_selected);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

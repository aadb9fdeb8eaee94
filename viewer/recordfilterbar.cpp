#include "recordfilterbar.h"

#include "timelinemodel.h"
#include "timelinestyle.h"
#include "timelinewidget.h"

#include <QButtonGroup>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

namespace {

/// The date edits' minimum, shown as "—": an open end of the range.
const QDate kOpenEnd(1900, 1, 1);

/// The facility's dot as in the timeline's legend, so box and marks are matched at a glance.
QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

RecordFilterBar::RecordFilterBar(TimelineModel *model, TimelineWidget *timeline, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_timeline(timeline)
{
    setObjectName(QStringLiteral("recordFilterBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    auto *caption = new QLabel(tr("Facilities:"), this);
    caption->setStyleSheet(QStringLiteral("color: #6b7682;"));
    layout->addWidget(caption);
    m_facilityRow = new QHBoxLayout;
    m_facilityRow->setSpacing(12);
    layout->addLayout(m_facilityRow);
    layout->addStretch();

    auto *period = new QLabel(tr("Period:"), this);
    period->setStyleSheet(QStringLiteral("color: #6b7682;"));
    layout->addWidget(period);
    m_presets = new QButtonGroup(this);
    m_presets->setExclusive(true);
    const struct { const char *name; QString text; int years; } presets[] = {
        {"range1Year", tr("1 year"), 1},
        {"range3Years", tr("3 years"), 3},
        {"rangeAll", tr("All"), 0},
    };
    for (const auto &preset : presets) {
        auto *button = new QPushButton(preset.text, this);
        button->setObjectName(QLatin1String(preset.name));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // keep the keyboard on the timeline
        button->setChecked(preset.years == 0);
        m_presets->addButton(button, preset.years);
        layout->addWidget(button);
    }
    connect(m_presets, &QButtonGroup::idClicked, this, &RecordFilterBar::applyPreset);

    // A free range besides the presets. The earliest date stands for "open" and shows "—".
    const auto makeEdit = [this, layout](const char *name, const QString &tip) {
        auto *edit = new QDateEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
        edit->setMinimumDate(kOpenEnd);
        edit->setSpecialValueText(QStringLiteral("—"));
        edit->setDate(kOpenEnd);
        edit->setToolTip(tip);
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000/00/00")) + 44);
        connect(edit, &QDateEdit::editingFinished, this, &RecordFilterBar::applyEdits);
        // The calendar pop-up sets the date without "editing finished".
        connect(edit, &QDateEdit::dateChanged, this, [this, edit] {
            if (!edit->hasFocus() || (edit->calendarWidget() && edit->calendarWidget()->isVisible()))
                applyEdits();
        });
        layout->addWidget(edit);
        return edit;
    };
    layout->addSpacing(6);
    m_fromEdit = makeEdit("dateFromEdit", tr("From (empty: from the first record)"));
    auto *dash = new QLabel(tr("to"), this);
    dash->setStyleSheet(QStringLiteral("color: #6b7682;"));
    layout->addWidget(dash);
    m_toEdit = makeEdit("dateToEdit", tr("To (empty: up to today)"));

    connect(model, &TimelineModel::facilitiesChanged, this, &RecordFilterBar::syncFacilities);
    // The timeline forgets its filters for a new patient; so does the bar.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_presets->button(0)->setChecked(true);
        showRange({}, {});
    });
    syncFacilities();
}

void RecordFilterBar::syncFacilities()
{
    const QStringList ids = m_model ? m_model->facilities() : QStringList();
    for (auto it = m_boxes.begin(); it != m_boxes.end();) {
        if (ids.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_boxes.erase(it);
    }
    for (int i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        QCheckBox *&box = m_boxes[id];
        if (!box) {
            box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("facilityFilter") + id);
            box->setChecked(m_timeline->isFacilityVisible(id));
            box->setFocusPolicy(Qt::NoFocus);
            connect(box, &QCheckBox::toggled, this, [this, id](bool on) { m_timeline->setFacilityVisible(id, on); });
            m_facilityRow->addWidget(box);
        }
        // Names arrive with the Patient, possibly after the first records: refresh each time.
        box->setText(m_model->facilityName(id));
        box->setIcon(dotIcon(TimelineStyle::facilityColor(i)));
    }
}

void RecordFilterBar::applyPreset(int years)
{
    if (years == 0) {
        m_timeline->setDateRange({}, {});
    } else {
        const QDate today = m_timeline->today();
        m_timeline->setDateRange(today.addYears(-years).addDays(1), today);
    }
    showRange(m_timeline->dateFrom(), m_timeline->dateTo());
}

void RecordFilterBar::showRange(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_fromEdit);
    const QSignalBlocker blockTo(m_toEdit);
    m_fromEdit->setDate(from.isValid() ? from : kOpenEnd);
    m_toEdit->setDate(to.isValid() ? to : kOpenEnd);
}

void RecordFilterBar::applyEdits()
{
    const QDate from = m_fromEdit->date() == kOpenEnd ? QDate() : m_fromEdit->date();
    const QDate to = m_toEdit->date() == kOpenEnd ? QDate() : m_toEdit->date();
    if (from == m_timeline->dateFrom() && to == m_timeline->dateTo())
        return;
    m_timeline->setDateRange(from, to);
    // A range of one's own is none of the presets (unless it is the whole period).
    m_presets->setExclusive(false);
    for (QAbstractButton *button : m_presets->buttons())
        button->setChecked(!from.isValid() && !to.isValid() && m_presets->id(button) == 0);
    m_presets->setExclusive(true);
    showRange(m_timeline->dateFrom(), m_timeline->dateTo()); // swapped when given backwards
}

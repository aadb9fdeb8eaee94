#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QDateEdit;
class QHBoxLayout;
class TimelineModel;
class TimelineWidget;

/// The record view's second filter row: a check box per disclosing facility (objectName
/// "facilityFilter<id>", added as records of a new facility arrive, with the legend's colour)
/// and date presets 1 year / 3 years / whole period ("range1Year", "range3Years",
/// "rangeAll"), applied to the timeline's own filters.
class RecordFilterBar : public QWidget
{
    Q_OBJECT

public:
    RecordFilterBar(TimelineModel *model, TimelineWidget *timeline, QWidget *parent = nullptr);

private:
    void syncFacilities();
    void applyPreset(int years);
    void applyEdits();
    /// Shows the timeline's range in the edits without applying it again.
    void showRange(QDate from, QDate to);

    QPointer<TimelineModel> m_model;
    TimelineWidget *m_timeline = nullptr;
    QHBoxLayout *m_facilityRow = nullptr;
    QHash<QString, QCheckBox *> m_boxes;
    QButtonGroup *m_presets = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
};

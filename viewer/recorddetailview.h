#pragma once

#include "clinicalrecord.h"

#include <QWidget>

class QLabel;
class QFormLayout;
class QPushButton;

/// A calm key/value view of any one record: the fallback detail for kinds without their own
/// view, and the "could not display" explanation for unreadable records.
class RecordDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit RecordDetailView(QWidget *parent = nullptr);

    void showRecord(const ClinicalRecord &record, const QString &facilityName);
    void clear();
    /// The value shown for \a label, for tests ("" when absent).
    QString valueOf(const QString &label) const;

Q_SIGNALS:
    /// "Show images" was pressed on an ImagingStudy record (its Study Instance UID).
    void imagesRequested(const QString &studyInstanceUid);

private:
    QLabel *m_heading = nullptr;
    QWidget *m_fields = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_showImages = nullptr; ///< for ImagingStudy records
    QString m_studyUid;
};

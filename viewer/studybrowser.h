#pragma once

#include "seriesloader.h"

#include <QImage>
#include <QTreeWidget>

/// The studies and series the viewer has loaded: a study per top-level row (date,
/// description, modalities), its series below with a thumbnail each. Choosing a series
/// shows it in the active viewport; a study's context menu offers the comparison.
class StudyBrowser : public QTreeWidget
{
    Q_OBJECT

public:
    /// A study as the browser groups it, in load order.
    struct Study
    {
        QString studyInstanceUid;
        QString date;        ///< DA as stored
        QString description;
        QStringList modalities;
        QList<int> series;   ///< indexes into the list given to setSeries()
    };

    explicit StudyBrowser(QWidget *parent = nullptr);

    void setSeries(const QList<Dicom::Series> &series);
    void setThumbnail(int seriesIndex, const QImage &thumbnail);
    const QList<Study> &studies() const { return m_studies; }
    /// Index of the study holding series @p seriesIndex (-1: none).
    int studyOfSeries(int seriesIndex) const;

    int currentSeries() const; ///< -1 when a study row or nothing is current
    void setCurrentSeries(int seriesIndex);
    QTreeWidgetItem *seriesItem(int seriesIndex) const;

    static constexpr int kThumbnailSize = 72;

Q_SIGNALS:
    void seriesChosen(int seriesIndex);
    /// Study @p studyA (current) against @p studyB, as indexes into studies().
    void compareRequested(int studyA, int studyB);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    /// "description\n3 images", or waveforms / documents when the series holds only those.
    static QString seriesText(const Dicom::Series &series, const QString &name);

    QList<Study> m_studies;
    QList<QTreeWidgetItem *> m_seriesItems;
};

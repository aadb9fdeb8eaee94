#include "studybrowser.h"

#include "imageoverlay.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>

namespace {
constexpr int kSeriesRole = Qt::UserRole + 1; ///< series index, -1 on study rows
constexpr int kStudyRole = Qt::UserRole + 2;
} // namespace

StudyBrowser::StudyBrowser(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("studyBrowser"));
    setHeaderHidden(true);
    setColumnCount(1);
    setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    setIndentation(10);
    setWordWrap(true);
    setUniformRowHeights(false);
    setExpandsOnDoubleClick(false);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, kSeriesRole).toInt() >= 0)
            Q_EMIT seriesChosen(item->data(0, kSeriesRole).toInt());
    });
}

void StudyBrowser::setSeries(const QList<Dicom::Series> &series)
{
    const QSignalBlocker block(this);
    clear();
    m_studies.clear();
    m_seriesItems.clear();
    for (int i = 0; i < series.size(); ++i) {
        const Dicom::Series &s = series[i];
        const bool failed = !s.images.isEmpty() && !s.images.first().file;
        // Unreadable files get a group of their own: they have no trustworthy study.
        const QString key = failed ? QStringLiteral("\x01failed") : s.studyInstanceUid;
        auto it = std::find_if(m_studies.begin(), m_studies.end(),
                               [&](const Study &st) { return st.studyInstanceUid == key; });
        if (it == m_studies.end()) {
            Study study;
            study.studyInstanceUid = key;
            if (!failed && !s.images.isEmpty()) {
                study.date = s.images.first().attributes.studyDate;
                study.description = s.images.first().attributes.studyDescription;
            }
            m_studies.append(study);
            it = m_studies.end() - 1;
        }
        it->series.append(i);
        const QString modality = s.images.isEmpty() ? QString() : s.images.first().attributes.modality;
        if (!modality.isEmpty() && !it->modalities.contains(modality))
            it->modalities.append(modality);
    }
    m_seriesItems.resize(series.size());
    for (int st = 0; st < m_studies.size(); ++st) {
        const Study &study = m_studies[st];
        auto *top = new QTreeWidgetItem(this);
        const bool failed = study.studyInstanceUid.startsWith(u'\x01');
        QStringList title;
        if (failed) {
            title << tr("Unreadable files");
        } else {
            title << QStringList{ImageOverlay::formatDate(study.date), study.modalities.join(u'/')}
                         .join(QStringLiteral("  ")).trimmed();
            title << (study.description.isEmpty() ? tr("(no study description)") : study.description);
        }
        top->setText(0, title.join(u'\n'));
        top->setToolTip(0, failed ? QString() : study.studyInstanceUid);
        top->setData(0, kSeriesRole, -1);
        top->setData(0, kStudyRole, st);
        QFont bold = font();
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFlags(Qt::ItemIsEnabled);
        for (int index : study.series) {
            const Dicom::Series &s = series[index];
            const QString name = failed ? tr("Unreadable files")
                : s.description.isEmpty() ? tr("(no description)") : s.description;
            auto *item = new QTreeWidgetItem(top);
            item->setText(0, seriesText(s, name));
            item->setToolTip(0, s.seriesInstanceUid);
            item->setData(0, kSeriesRole, index);
            item->setData(0, kStudyRole, st);
            m_seriesItems[index] = item;
        }
        top->setExpanded(true);
    }
}

QString StudyBrowser::seriesText(const Dicom::Series &series, const QString &name)
{
    // An ECG or a report is not "1 image": say what the series holds when it is all one kind.
    int images = 0;
    int waveforms = 0;
    int documents = 0;
    for (const Dicom::SeriesImage &image : series.images) {
        if (!image.file || image.file->hasPixelData())
            ++images;
        else if (image.file->hasWaveform())
            ++waveforms;
        else
            ++documents;
    }
    if (waveforms > 0 && images == 0 && documents == 0)
        return tr("%1\n%n waveform(s)", nullptr, waveforms).arg(name);
    if (documents > 0 && images == 0 && waveforms == 0)
        return tr("%1\n%n document(s)", nullptr, documents).arg(name);
    return tr("%1\n%n image(s)", nullptr, int(series.images.size())).arg(name);
}

void StudyBrowser::setThumbnail(int seriesIndex, const QImage &thumbnail)
{
    if (QTreeWidgetItem *item = seriesItem(seriesIndex); item && !thumbnail.isNull())
        item->setIcon(0, QPixmap::fromImage(thumbnail));
}

int StudyBrowser::studyOfSeries(int seriesIndex) const
{
    for (int i = 0; i < m_studies.size(); ++i) {
        if (m_studies[i].series.contains(seriesIndex))
            return i;
    }
    return -1;
}

int StudyBrowser::currentSeries() const
{
    return currentItem() ? currentItem()->data(0, kSeriesRole).toInt() : -1;
}

void StudyBrowser::setCurrentSeries(int seriesIndex)
{
    const QSignalBlocker block(this);
    if (QTreeWidgetItem *item = seriesItem(seriesIndex))
        setCurrentItem(item);
}

QTreeWidgetItem *StudyBrowser::seriesItem(int seriesIndex) const
{
    return m_seriesItems.value(seriesIndex);
}

void StudyBrowser::contextMenuEvent(QContextMenuEvent *event)
{
    QTreeWidgetItem *item = itemAt(event->pos());
    const int current = studyOfSeries(currentSeries());
    if (!item || current < 0 || m_studies.size() < 2)
        return;
    const int other = item->data(0, kStudyRole).toInt();
    if (other == current || m_studies[other].studyInstanceUid.startsWith(u'\x01'))
        return;
    QMenu menu(this);
    menu.addAction(tr("Compare with the current study"), this,
                   [this, current, other] { Q_EMIT compareRequested(current, other); });
    menu.exec(event->globalPos());
}

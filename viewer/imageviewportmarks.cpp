// What the reader adds to a slice of ImageViewport: measurements (kept per slice, ROI values
// from the slice's pixels) and the key image mark.
#include "imageviewport.h"

#include "imageoverlay.h"
#include "keyimages.h"

#include <cmath>

void ImageViewport::addMeasurement(int slice, const QLineF &line)
{
    addMeasurement(slice, Measurement::length(line));
}

void ImageViewport::addMeasurement(int slice, const Measurement &measurement)
{
    if (slice < 0 || slice >= sliceCount()
        || measurement.points.size() < Measurement::pointsNeeded(measurement.kind))
        return;
    m_measurements[slice].append(measurement);
    completeStatistics(slice);
    if (slice == m_current)
        m_selected = int(m_measurements[slice].size()) - 1;
    update();
    Q_EMIT measurementAdded(slice, m_measurements[slice].last());
}

void ImageViewport::completeStatistics(int slice)
{
    const Decoded *d = decodedOf(slice);
    auto it = m_measurements.find(slice);
    if (!d || !d->frame || it == m_measurements.end())
        return;
    for (Measurement &m : *it) {
        if (m.isRoi() && !m.statistics)
            m.statistics = MeasurementMath::roiStatistics(*d->frame, d->info, m.kind, m.rect());
    }
}

void ImageViewport::selectMeasurement(int index)
{
    const int count = int(m_measurements.value(m_current).size());
    m_selected = index >= 0 && index < count ? index : -1;
    update();
}

void ImageViewport::deleteSelectedMeasurement()
{
    auto it = m_measurements.find(m_current);
    if (it == m_measurements.end() || it->isEmpty())
        return;
    // Without a selection Delete takes the newest one: undoing a slip needs no aiming.
    it->removeAt(m_selected >= 0 && m_selected < it->size() ? m_selected : it->size() - 1);
    m_selected = -1;
    update();
}

void ImageViewport::deleteAllMeasurements(bool wholeStack)
{
    if (wholeStack)
        m_measurements.clear();
    else
        m_measurements.remove(m_current);
    m_selected = -1;
    m_pendingMeasure.reset();
    update();
}

PixelSpacing ImageViewport::pixelSpacing(int slice) const
{
    const auto *image = imageOf(slice);
    if (!image || !image->attributes.rowSpacing || !image->attributes.columnSpacing)
        return {};
    return {*image->attributes.columnSpacing, *image->attributes.rowSpacing, true};
}

std::optional<double> ImageViewport::lengthInMillimetres(int slice, const QLineF &line) const
{
    const PixelSpacing spacing = pixelSpacing(slice);
    if (!spacing.known)
        return std::nullopt;
    // Pixel Spacing is row spacing (between rows: y) then column spacing (x).
    return std::hypot(line.dx() * spacing.column, line.dy() * spacing.row);
}

QString ImageViewport::sopInstanceUid(int slice) const
{
    const auto *image = imageOf(slice);
    return image && image->file ? image->file->text(0x0008, 0x0018) : QString();
}

void ImageViewport::setKeyImages(KeyImages *keyImages)
{
    if (m_keyImages)
        disconnect(m_keyImages, nullptr, this, nullptr);
    m_keyImages = keyImages;
    if (keyImages) {
        auto repaint = [this] { update(); };
        connect(keyImages, &QAbstractItemModel::rowsInserted, this, repaint);
        connect(keyImages, &QAbstractItemModel::rowsRemoved, this, repaint);
        connect(keyImages, &QAbstractItemModel::modelReset, this, repaint);
    }
    update();
}

bool ImageViewport::isKeyImage() const
{
    if (!m_keyImages || m_current < 0)
        return false;
    return m_keyImages->contains(sopInstanceUid(m_current), m_slices[m_current].frame);
}

bool ImageViewport::toggleKeyImage()
{
    const auto *image = imageOf(m_current);
    if (!m_keyImages || !image || !image->file)
        return false;
    const QString sop = sopInstanceUid(m_current);
    const int frame = m_slices[m_current].frame;
    bool marked = false;
    if (!m_keyImages->remove(sop, frame)) {
        const Dicom::ImageAttributes &a = image->attributes;
        const Dicom::Window w = window();
        KeyImage k;
        k.studyInstanceUid = a.studyInstanceUid;
        k.seriesInstanceUid = a.seriesInstanceUid;
        k.sopInstanceUid = sop;
        k.frame = frame;
        k.image = displayedImage();
        k.patientId = a.patientId;
        k.patientName = a.displayName();
        k.studyDate = a.studyDate;
        k.modality = a.modality;
        k.institution = a.institutionName;
        QStringList caption{a.modality, tr("Se %1").arg(a.seriesNumber)};
        caption << (image->frameCount > 1
                        ? tr("Frame %1").arg(frame + 1)
                        : tr("Im %1").arg(a.instanceNumber.value_or(m_current + 1)));
        if (!imageSize().isEmpty() && decodedOf(m_current)->info.isMonochrome())
            caption << tr("C %1 / W %2").arg(qRound(w.center)).arg(qRound(w.width));
        caption << ImageOverlay::formatDate(a.studyDate);
        caption.removeAll(QString());
        k.caption = caption.join(QStringLiteral("  "));
        marked = m_keyImages->add(k);
    }
    update();
    Q_EMIT keyImageToggled(marked);
    return marked;
}

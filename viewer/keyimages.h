#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

#include <functional>

struct PatientSummary;

/// One image the reader marked as a key image: where it comes from and how it looked.
struct KeyImage
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    int frame = 0; ///< 0-based frame of a multi-frame object; 0 for a single image
    /// As shown when marked: window/level, invert, rotation and flips applied, no overlays
    /// (a printed packet must not carry screen annotations that no longer apply).
    QImage image;
    /// Editable; starts as e.g. "CT  Se 2  Im 14  C 40 / W 400  2004-01-19".
    QString caption;
    QString patientId;   ///< so a packet never prints another patient's image
    QString patientName; ///< as shown in the viewer (ideographic group first)
    QString studyDate; ///< DA as stored (YYYYMMDD)
    QString modality;
    QString institution; ///< (0008,0080), the images' source as the packet names it
    QDateTime markedAt;
};

/// The session's key images, in the order they were marked: what the image viewer marks
/// (K) and the referral packet prints. Captions are editable (Qt::EditRole).
class KeyImages : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        StudyUidRole = Qt::UserRole + 1,
        SeriesUidRole,
        SopUidRole,
        FrameRole,
        ImageRole, ///< the full-size QImage; Qt::DecorationRole gives a thumbnail
    };

    explicit KeyImages(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<KeyImage> &keyImages() const { return m_images; }
    KeyImage keyImage(int row) const { return m_images.value(row); }
    int indexOf(const QString &sopInstanceUid, int frame) const;
    bool contains(const QString &sopInstanceUid, int frame) const { return indexOf(sopInstanceUid, frame) >= 0; }

    /// Adds @p image unless the same SOP instance and frame is already marked.
    bool add(const KeyImage &image);
    bool remove(const QString &sopInstanceUid, int frame);
    void removeAt(int row);
    void clear();
    /// Moves the key images for which @p which is true to @p target, in the order marked
    /// (those @p target already holds are dropped here, not doubled); returns how many moved.
    int moveTo(KeyImages *target, const std::function<bool(const KeyImage &)> &which);

private:
    QList<KeyImage> m_images;
};

/// Whether @p image shows @p patient: its DICOM Patient ID is the network patient's ID or one
/// of the patient's local IDs (the referral packet's rule). An image without a Patient ID
/// belongs to nobody.
bool keyImageBelongsTo(const KeyImage &image, const PatientSummary &patient);

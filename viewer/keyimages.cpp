#include "keyimages.h"

#include "patientsummary.h"

#include <QPixmap>

namespace {
constexpr int kThumbnail = 96;
}

KeyImages::KeyImages(QObject *parent)
    : QAbstractListModel(parent)
{
}

int KeyImages::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

QVariant KeyImages::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyImage &k = m_images[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return k.caption;
    case Qt::ToolTipRole:
        return k.sopInstanceUid;
    case Qt::DecorationRole:
        return k.image.isNull() ? QVariant()
                                : QVariant(QPixmap::fromImage(k.image.scaled(
                                      kThumbnail, kThumbnail, Qt::KeepAspectRatio,
                                      Qt::SmoothTransformation)));
    case StudyUidRole:
        return k.studyInstanceUid;
    case SeriesUidRole:
        return k.seriesInstanceUid;
    case SopUidRole:
        return k.sopInstanceUid;
    case FrameRole:
        return k.frame;
    case ImageRole:
        return k.image;
    default:
        return {};
    }
}

bool KeyImages::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    m_images[index.row()].caption = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags KeyImages::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractListModel::flags(index) | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> KeyImages::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StudyUidRole, "studyInstanceUid");
    names.insert(SeriesUidRole, "seriesInstanceUid");
    names.insert(SopUidRole, "sopInstanceUid");
    names.insert(FrameRole, "frame");
    names.insert(ImageRole, "image");
    return names;
}

int KeyImages::indexOf(const QString &sopInstanceUid, int frame) const
{
    for (int i = 0; i < m_images.size(); ++i) {
        if (m_images[i].sopInstanceUid == sopInstanceUid && m_images[i].frame == frame)
            return i;
    }
    return -1;
}

bool KeyImages::add(const KeyImage &image)
{
    if (image.sopInstanceUid.isEmpty() || contains(image.sopInstanceUid, image.frame))
        return false;
    const int row = int(m_images.size());
    beginInsertRows({}, row, row);
    m_images.append(image);
    if (!m_images.last().markedAt.isValid())
        m_images.last().markedAt = QDateTime::currentDateTime();
    endInsertRows();
    return true;
}

bool KeyImages::remove(const QString &sopInstanceUid, int frame)
{
    const int row = indexOf(sopInstanceUid, frame);
    if (row < 0)
        return false;
    removeAt(row);
    return true;
}

void KeyImages::removeAt(int row)
{
    if (row < 0 || row >= m_images.size())
        return;
    beginRemoveRows({}, row, row);
    m_images.removeAt(row);
    endRemoveRows();
}

void KeyImages::clear()
{
    if (m_images.isEmpty())
        return;
    beginResetModel();
    m_images.clear();
    endResetModel();
}

int KeyImages::moveTo(KeyImages *target, const std::function<bool(const KeyImage &)> &which)
{
    if (!target || target == this)
        return 0;
    int moved = 0;
    for (int row = 0; row < m_images.size();) {
        if (!which(m_images[row])) {
            ++row;
            continue;
        }
        moved += target->add(m_images[row]) ? 1 : 0;
        removeAt(row);
    }
    return moved;
}

bool keyImageBelongsTo(const KeyImage &image, const PatientSummary &patient)
{
    const QString id = image.patientId.trimmed();
    return !id.isEmpty() && (id == patient.id || patient.localIds.contains(id));
}

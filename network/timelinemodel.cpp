#include "timelinemodel.h"

#include "networktr.h"

using RenkeiNetworkPrivate::Tr;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TimelineModel::appendRecords(const QList<ClinicalRecord> &records)
{
    if (records.isEmpty())
        return;
    beginInsertRows({}, m_records.size(), m_records.size() + records.size() - 1);
    m_records.append(records);
    endInsertRows();
    bool newFacility = false;
    for (const ClinicalRecord &r : records) {
        if (!r.facilityId.isEmpty() && !m_facilities.contains(r.facilityId)) {
            m_facilities << r.facilityId;
            newFacility = true;
        }
    }
    if (newFacility)
        Q_EMIT facilitiesChanged();
}

void TimelineModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_facilities.clear();
    m_lastViewed = QDateTime();
    m_newIds.clear();
    endResetModel();
    Q_EMIT facilitiesChanged();
}

int TimelineModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == id)
            return row;
    }
    return -1;
}

void TimelineModel::setLastViewed(const QDateTime &time)
{
    m_lastViewed = time;
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_records.size() - 1, ColumnCount - 1), {IsNewRole});
    Q_EMIT newRecordsChanged();
}

void TimelineModel::setNewRecordIds(const QSet<QString> &ids)
{
    m_newIds = ids;
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_records.size() - 1, ColumnCount - 1), {IsNewRole});
    Q_EMIT newRecordsChanged();
}

int TimelineModel::newCount() const
{
    int count = 0;
    for (int row = 0; row < m_records.size(); ++row)
        count += isNew(row) ? 1 : 0;
    return count;
}

bool TimelineModel::isNew(int row) const
{
    if (!m_newIds.isEmpty() && m_newIds.contains(m_records.at(row).id))
        return true;
    if (!m_lastViewed.isValid())
        return false;
    const QString updated = m_records.at(row).raw.value(QLatin1String("meta")).toObject()
                                .value(QLatin1String("lastUpdated")).toString();
    const QDateTime time = parseFhirDateTime(updated);
    return time.isValid() && time > m_lastViewed;
}

void TimelineModel::setFacilityNames(const QHash<QString, QString> &names)
{
    m_facilityNames = names;
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, FacilityColumn), index(m_records.size() - 1, FacilityColumn));
    Q_EMIT facilitiesChanged();
}

QString TimelineModel::facilityName(const QString &id) const
{
    const QString name = m_facilityNames.value(id);
    return name.isEmpty() ? id : name;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClinicalRecord &r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return recordDateText(r);
        case KindColumn: return clinicalKindLabel(r.kind);
        case FacilityColumn: return facilityName(r.facilityId);
        case TitleColumn: return r.title;
        }
        return {};
    case Qt::ToolTipRole:
        return r.displayable ? r.title : r.problem;
    case KindRole: return int(r.kind);
    case DateRole: return r.date;
    case DayValueRole: return r.dayValue();
    case FacilityRole: return r.facilityId;
    case TitleRole: return r.title;
    case IsAbnormalRole: return r.abnormal;
    case IsNewRole: return isNew(index.row());
    case IsDisplayableRole: return r.displayable;
    case RecordIdRole: return r.id;
    case ResourceTypeRole: return r.resourceType;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn: return Tr::tr("Date");
    case KindColumn: return Tr::tr("Kind");
    case FacilityColumn: return Tr::tr("Facility");
    case TitleColumn: return Tr::tr("Record");
    }
    return {};
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(DateRole, "date");
    names.insert(DayValueRole, "dayValue");
    names.insert(FacilityRole, "facility");
    names.insert(TitleRole, "title");
    names.insert(IsAbnormalRole, "isAbnormal");
    names.insert(IsNewRole, "isNew");
    names.insert(IsDisplayableRole, "isDisplayable");
    names.insert(RecordIdRole, "recordId");
    names.insert(ResourceTypeRole, "resourceType");
    return names;
}

QString recordDateText(const ClinicalRecord &record)
{
    if (!record.date.isValid())
        return Tr::tr("no date");
    const QString day = record.date.date().toString(QStringLiteral("yyyy/MM/dd"));
    return record.hasTime ? day + record.date.time().toString(QStringLiteral(" HH:mm")) : day;
}

#include "labresultsmodel.h"

#include "fhirjson.h"
#include "networktr.h"

#include <algorithm>

using RenkeiNetworkPrivate::Tr;

LabResultsModel::LabResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LabResultsModel::appendRecords(const QList<ClinicalRecord> &records)
{
    bool changed = false;
    for (const ClinicalRecord &r : records) {
        if (r.kind != ClinicalRecord::Kind::Labs || r.resourceType != QLatin1String("Observation")
            || !r.displayable || !r.date.isValid())
            continue;
        if (!changed) {
            // Pages may add rows and columns anywhere; a reset keeps views simple and correct.
            beginResetModel();
            changed = true;
        }
        const QJsonObject &o = r.raw;
        const QJsonValue code = o.value(QLatin1String("code"));
        const QString jlac10 = FhirJson::conceptCode(code, FhirJson::kJlac10System);
        const QString name = FhirJson::conceptText(code);
        // The same test from two hospitals shares a row when both coded it in JLAC10.
        const QString key = jlac10.isEmpty() ? QStringLiteral("name:") + name : jlac10;
        auto test = std::find_if(m_tests.begin(), m_tests.end(),
                                 [&key](const Test &t) { return t.key == key; });
        if (test == m_tests.end()) {
            m_tests.append(Test{key, name, jlac10, {}, {}, {}});
            test = m_tests.end() - 1;
        }
        Cell cell;
        cell.recordId = r.id;
        const QJsonObject quantity = o.value(QLatin1String("valueQuantity")).toObject();
        if (!quantity.isEmpty()) {
            cell.value = FhirJson::numberText(quantity.value(QLatin1String("value")));
            cell.unit = quantity.value(QLatin1String("unit")).toString();
        } else {
            cell.value = FhirJson::observationValueText(o);
        }
        cell.flag = FhirJson::interpretationCode(o);
        if (cell.flag == QLatin1String("N"))
            cell.flag.clear();
        cell.facilityId = r.facilityId;
        const QString range = FhirJson::referenceRangeText(o);
        if (!range.isEmpty())
            test->range = range;
        if (!cell.unit.isEmpty())
            test->unit = cell.unit;
        const qint64 key64 = r.date.toMSecsSinceEpoch();
        test->cells.insert(key64, cell);
        const bool known = std::any_of(m_times.cbegin(), m_times.cend(), [key64](const QDateTime &t) {
            return t.toMSecsSinceEpoch() == key64;
        });
        if (!known) {
            const auto at = std::find_if(m_times.begin(), m_times.end(), [&r](const QDateTime &t) {
                return t < r.date;
            });
            m_timeHasClock.insert(at - m_times.begin(), r.hasTime);
            m_times.insert(at, r.date);
        }
    }
    if (changed)
        endResetModel();
}

void LabResultsModel::clear()
{
    beginResetModel();
    m_tests.clear();
    m_times.clear();
    m_timeHasClock.clear();
    endResetModel();
}

int LabResultsModel::columnOf(const QDateTime &time) const
{
    for (int i = 0; i < m_times.size(); ++i) {
        if (m_times.at(i).toMSecsSinceEpoch() == time.toMSecsSinceEpoch())
            return FirstDateColumn + i;
    }
    return -1;
}

QModelIndex LabResultsModel::indexOfRecord(const QString &recordId) const
{
    for (int row = 0; row < m_tests.size(); ++row) {
        for (auto it = m_tests.at(row).cells.cbegin(); it != m_tests.at(row).cells.cend(); ++it) {
            if (it.value().recordId != recordId)
                continue;
            for (int i = 0; i < m_times.size(); ++i) {
                if (m_times.at(i).toMSecsSinceEpoch() == it.key())
                    return index(row, FirstDateColumn + i);
            }
        }
    }
    return {};
}

int LabResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tests.size());
}

int LabResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstDateColumn + int(m_times.size());
}

QVariant LabResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Test &test = m_tests.at(index.row());
    if (role == Jlac10Role)
        return test.jlac10;
    if (index.column() == TestColumn) {
        if (role == Qt::DisplayRole)
            return test.name;
        if (role == Qt::ToolTipRole)
            return test.jlac10.isEmpty() ? test.name
                                         : Tr::tr("%1 (JLAC10 %2)").arg(test.name, test.jlac10);
        return {};
    }
    if (index.column() == RangeColumn) {
        if (role == Qt::DisplayRole)
            return test.unit.isEmpty() || test.range.isEmpty()
                ? test.range : test.range + QLatin1Char(' ') + test.unit;
        if (role == UnitRole)
            return test.unit;
        return {};
    }
    const QDateTime time = m_times.at(index.column() - FirstDateColumn);
    if (role == DateTimeRole)
        return time;
    const auto cell = test.cells.constFind(time.toMSecsSinceEpoch());
    if (cell == test.cells.cend())
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        // The letter stays next to the value so H/L reads without colour, too.
        QString text = cell->value;
        if (!cell->unit.isEmpty())
            text += QLatin1Char(' ') + cell->unit;
        return cell->flag.isEmpty() ? text : text + QLatin1Char(' ') + cell->flag;
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return test.range.isEmpty() ? QVariant()
                                    : Tr::tr("Reference range: %1").arg(test.range);
    case FlagRole: return cell->flag;
    case RecordIdRole: return cell->recordId;
    case ValueRole: return cell->value;
    case UnitRole: return cell->unit;
    case FacilityRole: return cell->facilityId;
    }
    return {};
}

QVariant LabResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == TestColumn)
        return role == Qt::DisplayRole ? QVariant(Tr::tr("Test")) : QVariant();
    if (section == RangeColumn)
        return role == Qt::DisplayRole ? QVariant(Tr::tr("Reference range")) : QVariant();
    const int i = section - FirstDateColumn;
    if (role == DateTimeRole)
        return m_times.at(i);
    if (role != Qt::DisplayRole)
        return {};
    const QDateTime time = m_times.at(i);
    const QString day = time.date().toString(QStringLiteral("yyyy/MM/dd"));
    return m_timeHasClock.at(i) ? day + QLatin1Char('\n') + time.time().toString(QStringLiteral("HH:mm"))
                                : day;
}

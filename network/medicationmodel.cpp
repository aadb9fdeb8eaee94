#include "medicationmodel.h"

#include "fhirjson.h"
#include "networktr.h"

#include <QJsonArray>

using RenkeiNetworkPrivate::Tr;
using Kind = ClinicalRecord::Kind;

namespace {

QString daysText(const QJsonValue &value)
{
    return value.isDouble() ? Tr::tr("%n day(s)", nullptr, value.toInt()) : QString();
}

QString timeRange(const QJsonObject &period)
{
    const QDateTime start = parseFhirDateTime(period.value(QLatin1String("start")).toString());
    const QDateTime end = parseFhirDateTime(period.value(QLatin1String("end")).toString());
    if (!start.isValid())
        return {};
    const QString from = start.toString(QStringLiteral("HH:mm"));
    return end.isValid() ? from + QStringLiteral("–") + end.toString(QStringLiteral("HH:mm")) : from;
}

QString orderNumber(const QJsonObject &o)
{
    const QJsonArray identifiers = o.value(QLatin1String("identifier")).toArray();
    for (const QJsonValue &identifier : identifiers) {
        const QString system = identifier.toObject().value(QLatin1String("system")).toString();
        if (system.endsWith(QLatin1String(":order-no")))
            return identifier.toObject().value(QLatin1String("value")).toString();
    }
    return {};
}

/// The order's kind as the hospital named it ("外来処方", "定時処方"), from its local codes.
QString orderCategoryText(const QJsonObject &o)
{
    QStringList texts;
    const QJsonArray categories = o.value(QLatin1String("category")).toArray();
    for (const QJsonValue &category : categories) {
        const QString system = category.toObject().value(QLatin1String("coding")).toArray()
                                   .first().toObject().value(QLatin1String("system")).toString();
        if (system.startsWith(QLatin1String("urn:renkei:hl7v2-coding-system:")))
            texts << FhirJson::conceptText(category);
    }
    texts.removeAll(QString());
    return texts.join(QStringLiteral("・"));
}

} // namespace

MedicationModel::MedicationModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void MedicationModel::appendRecords(const QList<ClinicalRecord> &records)
{
    bool changed = false;
    for (const ClinicalRecord &r : records) {
        if (r.resourceType != QLatin1String("MedicationRequest") || !r.displayable)
            continue;
        if (!changed) {
            beginResetModel();
            changed = true;
        }
        addRequest(r);
    }
    if (changed)
        endResetModel();
}

void MedicationModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    m_groups.clear();
    endResetModel();
}

int MedicationModel::addNode(Node node)
{
    m_nodes.append(std::move(node));
    const int id = int(m_nodes.size()) - 1;
    if (m_nodes.at(id).parent >= 0)
        m_nodes[m_nodes.at(id).parent].children.append(id);
    return id;
}

int MedicationModel::groupFor(const ClinicalRecord &r)
{
    const QDate date = r.date.date();
    const QString key = orderNumber(r.raw);
    for (int group : std::as_const(m_groups)) {
        const Node &n = m_nodes.at(group);
        if (n.date == date && n.kind == r.kind && n.orderKey == key)
            return group;
    }
    Node group;
    group.kind = r.kind;
    group.date = date;
    group.orderKey = key;
    group.facilityId = r.facilityId;
    const QString dateText = date.isValid() ? date.toString(QStringLiteral("yyyy/MM/dd"))
                                            : Tr::tr("no date");
    const QString category = orderCategoryText(r.raw);
    const QString what = clinicalKindLabel(r.kind);
    group.texts[DrugColumn] = category.isEmpty()
        ? Tr::tr("%1  %2", "order date, kind").arg(dateText, what)
        : Tr::tr("%1  %2 (%3)", "order date, kind, hospital's order type").arg(dateText, what, category);
    const int id = addNode(group);
    // Newest first; orders of one day keep their arrival order.
    auto at = m_groups.begin();
    while (at != m_groups.end() && m_nodes.at(*at).date >= date)
        ++at;
    m_groups.insert(at, id);
    return id;
}

void MedicationModel::addRequest(const ClinicalRecord &r)
{
    const QJsonObject &o = r.raw;
    const QJsonObject dosage = o.value(QLatin1String("dosageInstruction")).toArray().first().toObject();
    const QJsonObject doseAndRate = dosage.value(QLatin1String("doseAndRate")).toArray().first().toObject();
    Node drug;
    drug.parent = groupFor(r);
    drug.recordId = r.id;
    drug.kind = r.kind;
    drug.date = r.date.date();
    drug.facilityId = r.facilityId;
    drug.texts[DrugColumn] = r.title;
    drug.texts[DoseColumn] = FhirJson::quantityText(doseAndRate.value(QLatin1String("doseQuantity")));
    drug.texts[RouteColumn] = FhirJson::conceptText(dosage.value(QLatin1String("route")));
    QStringList usage;
    if (r.kind == Kind::Injections) {
        usage << FhirJson::conceptText(dosage.value(QLatin1String("method")))
              << FhirJson::quantityText(doseAndRate.value(QLatin1String("rateQuantity")))
              << dosage.value(QLatin1String("patientInstruction")).toString();
        drug.texts[DaysColumn] = timeRange(FhirJson::at(dosage, QStringLiteral("timing.repeat.boundsPeriod")).toObject());
    } else {
        // JAMI usage: the dosage text, else the usage code's text.
        QString text = dosage.value(QLatin1String("text")).toString();
        if (text.isEmpty())
            text = FhirJson::conceptText(FhirJson::at(dosage, QStringLiteral("timing.code")));
        usage << text;
        QJsonValue days = FhirJson::at(o, QStringLiteral("dispenseRequest.expectedSupplyDuration.value"));
        if (!days.isDouble())
            days = FhirJson::at(dosage, QStringLiteral("timing.repeat.boundsDuration.value"));
        drug.texts[DaysColumn] = daysText(days);
    }
    usage.removeAll(QString());
    drug.texts[UsageColumn] = usage.join(QStringLiteral("  "));
    const int drugId = addNode(drug);

    const QJsonArray contained = o.value(QLatin1String("contained")).toArray();
    for (const QJsonValue &medication : contained) {
        const QJsonArray ingredients = medication.toObject().value(QLatin1String("ingredient")).toArray();
        for (const QJsonValue &value : ingredients) {
            const QJsonObject ingredient = value.toObject();
            Node item;
            item.parent = drugId;
            item.recordId = r.id;
            item.kind = r.kind;
            item.date = drug.date;
            item.facilityId = r.facilityId;
            item.component = ingredient.value(QLatin1String("extension")).toArray().first()
                                 .toObject().value(QLatin1String("valueCode")).toString();
            item.texts[DrugColumn] = FhirJson::conceptText(ingredient.value(QLatin1String("itemCodeableConcept")));
            item.texts[DoseColumn] = FhirJson::quantityText(FhirJson::at(ingredient, QStringLiteral("strength.numerator")));
            item.texts[UsageColumn] = item.component == QLatin1String("base")
                ? Tr::tr("Base solution")
                : item.component == QLatin1String("additive") ? Tr::tr("Additive") : QString();
            addNode(item);
        }
    }
}

QModelIndex MedicationModel::indexOfRecord(const QString &recordId) const
{
    for (int id = 0; id < m_nodes.size(); ++id) {
        const Node &n = m_nodes.at(id);
        if (n.recordId == recordId && n.parent >= 0 && m_nodes.at(n.parent).parent < 0)
            return indexOfNode(id);
    }
    return {};
}

QModelIndex MedicationModel::groupIndex(const QDate &date, ClinicalRecord::Kind kind) const
{
    QModelIndex best;
    for (int row = m_groups.size() - 1; row >= 0; --row) {
        const Node &n = m_nodes.at(m_groups.at(row));
        if (n.kind == kind && n.date <= date)
            best = index(row, 0);
    }
    return best;
}

int MedicationModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex MedicationModel::indexOfNode(int node, int column) const
{
    const Node &n = m_nodes.at(node);
    const int row = n.parent < 0 ? int(m_groups.indexOf(node))
                                 : int(m_nodes.at(n.parent).children.indexOf(node));
    return createIndex(row, column, quintptr(node));
}

QModelIndex MedicationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int node = parent.isValid() ? m_nodes.at(nodeOf(parent)).children.at(row)
                                      : m_groups.at(row);
    return createIndex(row, column, quintptr(node));
}

QModelIndex MedicationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes.at(nodeOf(child)).parent;
    return parentNode < 0 ? QModelIndex() : indexOfNode(parentNode);
}

int MedicationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(nodeOf(parent)).children.size());
}

int MedicationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MedicationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_nodes.at(nodeOf(index));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return n.texts[index.column()];
    case RecordIdRole: return n.recordId;
    case KindRole: return int(n.kind);
    case OrderDateRole: return n.date;
    case ComponentRole: return n.component;
    case FacilityRole: return n.facilityId;
    }
    return {};
}

QVariant MedicationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case DrugColumn: return Tr::tr("Drug");
    case DoseColumn: return Tr::tr("Dose");
    case UsageColumn: return Tr::tr("Usage");
    case DaysColumn: return Tr::tr("Days / time");
    case RouteColumn: return Tr::tr("Route");
    }
    return {};
}

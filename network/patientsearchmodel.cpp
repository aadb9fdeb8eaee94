#include "patientsearchmodel.h"

#include "age.h"

PatientSearchModel::PatientSearchModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PatientSearchModel::setPatients(QList<PatientSummary> patients)
{
    beginResetModel();
    m_patients = std::move(patients);
    endResetModel();
}

void PatientSearchModel::clear()
{
    setPatients({});
}

PatientSummary PatientSearchModel::patient(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_patients.at(index.row());
}

void PatientSearchModel::setToday(QDate today)
{
    if (today == m_today)
        return;
    m_today = today;
    if (!m_patients.isEmpty())
        Q_EMIT dataChanged(index(0, BirthDateColumn), index(rowCount() - 1, BirthDateColumn));
}

QDate PatientSearchModel::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

int PatientSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

int PatientSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PatientSummary &p = m_patients.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(p, index.column());
    case Qt::ToolTipRole:
        if (index.column() == FacilitiesColumn && !p.facilities.isEmpty()) {
            QStringList lines;
            for (qsizetype i = 0; i < p.facilities.size(); ++i)
                lines << tr("%1: patient ID %2").arg(p.facilities.at(i), p.localIds.value(i));
            return lines.join(QLatin1Char('\n'));
        }
        return displayData(p, index.column());
    case SortRole:
        return sortData(p, index.column());
    case PatientIdRole:
        return p.id;
    case NameRole:
        return p.name;
    case KanaRole:
        return p.kana;
    case BirthDateRole:
        return p.birthDate;
    case GenderRole:
        return p.gender;
    case FacilitiesRole:
        return p.facilities;
    case LocalIdsRole:
        return p.localIds;
    case AgeRole:
        return ageOn(p.birthDate, today());
    default:
        return {};
    }
}

QVariant PatientSearchModel::displayData(const PatientSummary &p, int column) const
{
    switch (column) {
    case NameColumn: return p.name;
    case KanaColumn: return p.kana;
    case PatientIdColumn: return p.id;
    case BirthDateColumn: return birthDateText(p.birthDate, today());
    case SexColumn: return sexText(p.gender);
    case FacilitiesColumn: return facilitiesText(p.facilities);
    default: return {};
    }
}

QVariant PatientSearchModel::sortData(const PatientSummary &p, int column) const
{
    switch (column) {
    // Kanji code-point order means nothing to a reader; Japanese lists sort by reading.
    case NameColumn: return p.kana.isEmpty() ? p.name : p.kana;
    case KanaColumn: return p.kana;
    case PatientIdColumn: return p.id;
    case BirthDateColumn: return p.birthDate;
    case SexColumn: return p.gender;
    case FacilitiesColumn: return facilitiesText(p.facilities);
    default: return {};
    }
}

QVariant PatientSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case KanaColumn: return tr("Kana");
    case PatientIdColumn: return tr("Patient ID");
    case BirthDateColumn: return tr("Date of birth");
    case SexColumn: return tr("Sex");
    case FacilitiesColumn: return tr("Disclosing facilities");
    default: return {};
    }
}

QHash<int, QByteArray> PatientSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PatientIdRole, "patientId");
    names.insert(NameRole, "name");
    names.insert(KanaRole, "kana");
    names.insert(BirthDateRole, "birthDate");
    names.insert(GenderRole, "gender");
    names.insert(FacilitiesRole, "facilities");
    names.insert(LocalIdsRole, "localIds");
    names.insert(AgeRole, "age");
    return names;
}

QString PatientSearchModel::birthDateText(QDate birth, QDate today)
{
    if (!birth.isValid())
        return {};
    //: Date format for birth dates (QDate::toString); Japanese uses yyyy/MM/dd.
    const QString date = birth.toString(tr("yyyy-MM-dd"));
    const int age = ageOn(birth, today);
    if (age < 0)
        return date;
    //: %1 is the birth date, %2 the age in years.
    return tr("%1 (age %2)").arg(date).arg(age);
}

QString PatientSearchModel::sexText(const QString &gender)
{
    if (gender == QLatin1String("male"))
        return tr("Male");
    if (gender == QLatin1String("female"))
        return tr("Female");
    if (gender == QLatin1String("other"))
        return tr("Other");
    if (gender == QLatin1String("unknown"))
        return tr("Unknown");
    return {};
}

QString PatientSearchModel::facilitiesText(const QStringList &facilities)
{
    QStringList unique = facilities;
    unique.removeDuplicates();
    // The facility names are Japanese in every UI language, so the Japanese comma reads right.
    return unique.join(QChar(0x3001));
}

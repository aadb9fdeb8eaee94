#include "patientheader.h"

#include "age.h"
#include "patientsearchmodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace {

QLabel *plainLabel(QWidget *parent, const char *objectName, const QString &style)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    return label;
}

} // namespace

PatientHeader::PatientHeader(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("patientHeader"));
    m_name = plainLabel(this, "patientName", QStringLiteral("color: #1f2d3a;"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.45);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_kana = plainLabel(this, "patientKana", QStringLiteral("color: #4a5560;"));
    m_facts = plainLabel(this, "patientFacts", QStringLiteral("color: #33404c;"));
    m_facilities = plainLabel(this, "patientFacilities", QStringLiteral("color: #4a5560;"));
    m_facilities->setWordWrap(true);
    // Allergies stay visible whatever is selected below: a calm but unmistakable tint.
    m_allergies = plainLabel(this, "patientAllergies",
                             QStringLiteral("QLabel { color: #7a2a20; background: #fbf1ee;"
                                            " border: 1px solid #efd3cc; border-radius: 4px;"
                                            " padding: 3px 8px; }"));
    m_allergies->setWordWrap(true);

    auto *nameRow = new QHBoxLayout;
    nameRow->setSpacing(14);
    nameRow->addWidget(m_name, 0, Qt::AlignBaseline);
    nameRow->addWidget(m_kana, 0, Qt::AlignBaseline);
    nameRow->addSpacing(10);
    nameRow->addWidget(m_facts, 0, Qt::AlignBaseline);
    nameRow->addSpacing(10);
    m_new = plainLabel(this, "patientNewRecords",
                       QStringLiteral("QLabel { color: #6b4700; background: #fdf0d2; border: 1px solid #f2d596;"
                                      " border-radius: 4px; padding: 2px 8px; }"));
    m_new->hide();
    nameRow->addWidget(m_new, 0, Qt::AlignVCenter);
    nameRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(nameRow);
    layout->addWidget(m_facilities);
    layout->addWidget(m_allergies);
    updateAllergies();
}

void PatientHeader::setPatient(const PatientSummary &patient)
{
    m_name->setText(patient.name.isEmpty() ? patient.kana : patient.name);
    m_kana->setText(patient.name.isEmpty() ? QString() : patient.kana);
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    QStringList facts;
    facts << tr("ID %1").arg(patient.id);
    if (patient.birthDate.isValid())
        facts << PatientSearchModel::birthDateText(patient.birthDate, today);
    facts << PatientSearchModel::sexText(patient.gender);
    facts.removeAll(QString());
    m_facts->setText(facts.join(QStringLiteral("　")));
    const QString facilities = PatientSearchModel::facilitiesText(patient.facilities);
    m_facilities->setText(facilities.isEmpty() ? QString() : tr("Disclosed by: %1").arg(facilities));
    m_facilities->setVisible(!facilities.isEmpty());
}

void PatientHeader::addRecords(const QList<ClinicalRecord> &records)
{
    bool changed = false;
    for (const ClinicalRecord &r : records) {
        if (r.kind == ClinicalRecord::Kind::Allergies && r.displayable && !m_allergyNames.contains(r.title)) {
            m_allergyNames << r.title;
            changed = true;
        }
    }
    if (changed)
        updateAllergies();
}

void PatientHeader::setNewRecords(int count, const QDateTime &lastViewed)
{
    if (!lastViewed.isValid()) {
        m_new->clear();
        m_new->hide();
        return;
    }
    const QString since = lastViewed.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm"));
    m_new->setText(count > 0 ? tr("New: %n record(s) since your last view (%1)", nullptr, count).arg(since)
                             : tr("Nothing new since your last view (%1)").arg(since));
    m_new->show();
}

void PatientHeader::clearAllergies()
{
    m_allergyNames.clear();
    updateAllergies();
}

void PatientHeader::updateAllergies()
{
    // "None recorded", never "none": the hub only knows what hospitals shared.
    m_allergies->setText(m_allergyNames.isEmpty()
                             ? tr("Allergies: none recorded in the shared record")
                             : tr("Allergies: %1").arg(m_allergyNames.join(QStringLiteral("、"))));
}

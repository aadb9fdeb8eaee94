#include "recorddetailview.h"

#include "recorddetails.h"
#include "hubstudyopener.h"

#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

RecordDetailView::RecordDetailView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("recordDetail"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("recordDetailHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    m_heading->setFont(font);
    m_heading->setStyleSheet(QStringLiteral("color: #1f2d3a;"));

    m_fields = new QWidget;
    m_form = new QFormLayout(m_fields);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setHorizontalSpacing(24);
    m_form->setVerticalSpacing(8);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    m_showImages = new QPushButton(tr("Show images"), this);
    m_showImages->setObjectName(QStringLiteral("showImagesButton"));
    m_showImages->setToolTip(tr("Open this study's images from the hub in the image viewer"));
    m_showImages->hide();
    connect(m_showImages, &QPushButton::clicked, this, [this] { Q_EMIT imagesRequested(m_studyUid); });
    layout->addWidget(m_showImages, 0, Qt::AlignLeft);
    layout->addWidget(scroll, 1);
}

void RecordDetailView::clear()
{
    m_heading->clear();
    m_showImages->hide();
    m_studyUid.clear();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

void RecordDetailView::showRecord(const ClinicalRecord &record, const QString &facilityName)
{
    clear();
    m_heading->setText(record.title);
    m_studyUid = record.displayable ? HubStudyOpener::studyInstanceUid(record) : QString();
    m_showImages->setVisible(!m_studyUid.isEmpty());
    const QList<RecordField> fields = recordDetailFields(record, facilityName);
    for (const RecordField &field : fields) {
        if (field.value == record.title)
            continue; // already the heading
        auto *label = new QLabel(field.label);
        label->setStyleSheet(QStringLiteral("color: #6b7682;"));
        auto *value = new QLabel(field.value);
        value->setTextFormat(Qt::PlainText); // hub texts are data, never markup
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setObjectName(QStringLiteral("field:") + field.label);
        m_form->addRow(label, value);
    }
}

QString RecordDetailView::valueOf(const QString &label) const
{
    const auto *value = m_fields->findChild<QLabel *>(QStringLiteral("field:") + label);
    return value ? value->text() : QString();
}

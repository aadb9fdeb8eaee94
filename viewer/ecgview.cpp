#include "ecgview.h"

#include "zoomgestures.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace {

constexpr double kZoomStep = 1.25;

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoRaise(true);
    return button;
}

} // namespace

EcgDetails EcgDetails::fromImage(const Dicom::SeriesImage &image)
{
    EcgDetails details;
    details.patientName = image.attributes.displayName();
    details.patientId = image.attributes.patientId;
    if (!image.file)
        return details;
    // Acquisition DateTime (DT) when the device wrote it, else the study date.
    const QString dateTime = image.file->text(0x0008, 0x002A).trimmed();
    const QString date = dateTime.size() >= 8 ? dateTime.left(8) : image.attributes.studyDate;
    if (date.size() == 8)
        details.acquired = QStringLiteral("%1/%2/%3").arg(date.left(4), date.mid(4, 2), date.mid(6, 2));
    if (dateTime.size() >= 12) {
        details.acquired += QStringLiteral(" %1:%2").arg(dateTime.mid(8, 2), dateTime.mid(10, 2));
        if (dateTime.size() >= 14)
            details.acquired += u':' + dateTime.mid(12, 2);
    }
    details.institution = image.file->text(0x0008, 0x0080).trimmed();
    return details;
}

EcgView::EcgView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);

    auto *bar = new QWidget(this);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(4, 2, 4, 2);

    m_layoutBox = new QComboBox(bar);
    m_layoutBox->setObjectName(QStringLiteral("ecgLayout"));
    m_layoutBox->setFocusPolicy(Qt::NoFocus);
    m_layoutBox->addItem(tr("3×4 + rhythm II"), int(EcgPaper::Layout::ThreeByFour));
    m_layoutBox->addItem(tr("One row per lead"), int(EcgPaper::Layout::Rows));
    m_speedBox = new QComboBox(bar);
    m_speedBox->setObjectName(QStringLiteral("ecgSpeed"));
    m_speedBox->setFocusPolicy(Qt::NoFocus);
    for (const int speed : {25, 50})
        m_speedBox->addItem(tr("%1 mm/s").arg(speed), speed);
    m_gainBox = new QComboBox(bar);
    m_gainBox->setObjectName(QStringLiteral("ecgGain"));
    m_gainBox->setFocusPolicy(Qt::NoFocus);
    for (const double gain : {5.0, 10.0, 20.0})
        m_gainBox->addItem(tr("%1 mm/mV").arg(gain), gain);
    m_gainBox->setCurrentIndex(1);
    auto *zoomOut = toolButton(QStringLiteral("−"), tr("Zoom out (Ctrl+−)"), bar);
    auto *zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), bar);
    auto *actual = toolButton(tr("Actual size"),
                              tr("Millimetres on the paper are millimetres on the screen (Ctrl+0)"),
                              bar);
    auto *fit = toolButton(tr("Fit width"), tr("Show the whole width of the paper"), bar);
    fit->setObjectName(QStringLiteral("ecgFitWidth"));
    m_zoomLabel = new QLabel(bar);
    m_zoomLabel->setObjectName(QStringLiteral("ecgZoom"));
    barLayout->addWidget(m_layoutBox);
    barLayout->addWidget(m_speedBox);
    barLayout->addWidget(m_gainBox);
    barLayout->addStretch();
    barLayout->addWidget(zoomOut);
    barLayout->addWidget(m_zoomLabel);
    barLayout->addWidget(zoomIn);
    barLayout->addWidget(actual);
    barLayout->addWidget(fit);

    m_paper = new EcgPaper;
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("ecgScroll"));
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(m_paper);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_scroll->viewport()->installEventFilter(this);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("ecgMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_stack, 1);

    connect(m_layoutBox, &QComboBox::currentIndexChanged, this, [this] {
        m_paper->setEcgLayout(EcgPaper::Layout(m_layoutBox->currentData().toInt()));
    });
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
            [this] { m_paper->setSpeed(m_speedBox->currentData().toDouble()); });
    connect(m_gainBox, &QComboBox::currentIndexChanged, this,
            [this] { m_paper->setGain(m_gainBox->currentData().toDouble()); });
    connect(zoomOut, &QToolButton::clicked, this, &EcgView::zoomOut);
    connect(zoomIn, &QToolButton::clicked, this, &EcgView::zoomIn);
    connect(actual, &QToolButton::clicked, this, &EcgView::actualSize);
    connect(fit, &QToolButton::clicked, this, &EcgView::fitWidth);
    syncControls();
}

void EcgView::setWaveform(const Dicom::Waveform &waveform, const EcgDetails &details)
{
    const int index = waveform.rhythmGroupIndex();
    if (index < 0) {
        showError(tr("This ECG contains no waveform."));
        return;
    }
    m_error.clear();
    m_paper->setWaveform(waveform.groups[index]);
    m_paper->setDetails(details);
    m_stack->setCurrentWidget(m_scroll);
    syncControls();
}

void EcgView::showError(const QString &message)
{
    m_error = message;
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void EcgView::zoomIn()
{
    m_paper->setZoom(m_paper->zoom() * kZoomStep);
    syncControls();
}

void EcgView::zoomOut()
{
    m_paper->setZoom(m_paper->zoom() / kZoomStep);
    syncControls();
}

void EcgView::actualSize()
{
    m_paper->setZoom(1.0);
    syncControls();
}

void EcgView::fitWidth()
{
    const double width = m_paper->sizeHint().width() / m_paper->zoom();
    if (width <= 0)
        return;
    const int available = m_scroll->viewport()->width() - 2;
    m_paper->setZoom(available / width);
    syncControls();
}

void EcgView::syncControls()
{
    m_zoomLabel->setText(QStringLiteral("%1 %").arg(std::lround(m_paper->zoom() * 100)));
}

void EcgView::keyPressEvent(QKeyEvent *event)
{
    if (handleZoomKey(event, this, &EcgView::actualSize))
        return;
    switch (event->key()) {
    case Qt::Key_L:
        m_layoutBox->setCurrentIndex((m_layoutBox->currentIndex() + 1) % m_layoutBox->count());
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

bool EcgView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel) {
        if (handleZoomWheel(static_cast<QWheelEvent *>(event), this))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

#include "brand.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Renkei)
};
} // namespace

namespace Brand {

QIcon appIcon()
{
    return QIcon(QStringLiteral(":/renkei/renkei.svg"));
}

QString productName()
{
    return QStringLiteral("Renkei ") + Tr::tr("Regional Healthcare Network Viewer");
}

QWidget *createHeader(QWidget *parent)
{
    auto *header = new QWidget(parent);
    header->setObjectName(QStringLiteral("brandHeader"));

    auto *icon = new QLabel(header);
    icon->setPixmap(appIcon().pixmap(QSize(44, 44)));
    icon->setFixedSize(48, 48);
    icon->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(QStringLiteral("Renkei"), header);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setStyleSheet(QStringLiteral("color: #1f5f8b;"));

    auto *subtitle = new QLabel(Tr::tr("Regional Healthcare Network Viewer"), header);
    subtitle->setStyleSheet(QStringLiteral("color: #4a5560;"));

    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(title);
    names->addWidget(subtitle);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(icon);
    layout->addLayout(names);
    layout->addStretch();
    return header;
}

} // namespace Brand

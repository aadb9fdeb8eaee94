#pragma once

#include <QIcon>

class QWidget;

/// The product's name, icon and header, shared by the login dialog and the main window.
namespace Brand {
QIcon appIcon();
/// "Renkei 地域医療連携ビューア" (translated subtitle) for window titles.
QString productName();
/// Icon, name and subtitle in a row, for the top of a window.
QWidget *createHeader(QWidget *parent);
} // namespace Brand

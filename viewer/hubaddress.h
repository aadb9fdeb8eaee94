#pragma once

#include <QString>
#include <QUrl>

#include <optional>

/// Reads the hub address a user typed. "hub.example.jp:8443" means https; http:// is refused
/// because the password and the records must never travel unencrypted. On failure *error
/// gets a translated explanation.
std::optional<QUrl> parseHubAddress(const QString &text, QString *error);

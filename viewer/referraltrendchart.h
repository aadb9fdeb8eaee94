#pragma once

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QSize>

#include <optional>

struct ReferralLabTest;

/// The chart's size in the document's units (1/96 inch); the image has three times as many
/// pixels so that it stays sharp on paper.
inline constexpr QSize kTrendChartSize(600, 150);

/// One test's values over time as a line chart (oldest left), with the reference range as a
/// band when it can be read. nullopt when fewer than two values are numeric.
std::optional<QImage> renderTrendChart(const ReferralLabTest &test, const QList<QDateTime> &times);

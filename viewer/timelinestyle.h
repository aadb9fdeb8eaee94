#pragma once

#include <QColor>

/// Geometry and colours of the timeline, shared by its layout, input and painting code.
namespace TimelineStyle {

constexpr int kLegendHeight = 30;
constexpr int kAxisHeight = 34;
constexpr int kLabelWidth = 150;
constexpr int kRightMargin = 18;
constexpr int kMinLaneHeight = 24;
constexpr int kMaxLaneHeight = 30;
constexpr int kHitRadius = 8;
constexpr double kMarkRadius = 5;
constexpr double kZoomStep = 1.4;

/// Calm, distinguishable facility colours. No red: red means "abnormal" on this screen.
inline QColor facilityColor(int index)
{
    static const QColor palette[] = {QColor(0x3b, 0x6e, 0xa5), QColor(0xd0, 0x8c, 0x2e),
                                     QColor(0x4f, 0x9a, 0x6b), QColor(0x8e, 0x5e, 0xa2),
                                     QColor(0x3f, 0x9c, 0xb0), QColor(0xa0, 0x78, 0x5a),
                                     QColor(0x6b, 0x76, 0x82)};
    constexpr int count = sizeof(palette) / sizeof(palette[0]);
    return index < 0 ? QColor(0x9a, 0xa4, 0xae) : palette[index % count];
}

inline const QColor kAbnormal{0xb0, 0x3a, 0x2e};
inline const QColor kText{0x33, 0x3d, 0x47};
inline const QColor kMutedText{0x6b, 0x76, 0x82};
inline const QColor kGrid{0xe4, 0xe8, 0xec};
inline const QColor kMajorGrid{0xc5, 0xcd, 0xd5};
inline const QColor kLaneA{0xfb, 0xfc, 0xfd};
inline const QColor kLaneB{0xf2, 0xf5, 0xf7};
inline const QColor kToday{0x2e, 0x7d, 0x6b};
inline const QColor kSelection{0x1f, 0x2d, 0x3a};
/// 新着 (new since the last view): a warm amber, distinct from the facilities and from red.
inline const QColor kNewHalo{0xf5, 0xb8, 0x2e, 170};
inline const QColor kNewText{0x8a, 0x5a, 0x00};
/// The side of a pre-rendered mark sprite: the mark, its abnormal ring and the new halo.
constexpr int kSpriteSize = 2 * (int(kMarkRadius) + 6) + 2;

} // namespace TimelineStyle

#pragma once

class QTextDocument;
struct ReferralPacket;

/// Fills \a document with the packet's body: the cover letter (診療情報提供書) on the
/// first page, then the chosen sections, each record with its source facility. Trend charts
/// are added to \a document as image resources. The footer and the key image pages are the
/// writer's business.
void fillReferralDocument(QTextDocument *document, const ReferralPacket &packet);

/// The body's width in the document's units (1/96 inch): A4 minus the writer's margins.
inline constexpr double kReferralBodyWidth = 642;

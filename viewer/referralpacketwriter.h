#pragma once

#include <QString>

#include <functional>

class QPagedPaintDevice;
struct ReferralPacket;

/// How laying out a packet ended: failures are values with a message for the user.
struct ReferralWriteResult
{
    QString error; ///< translated; empty on success
    int pages = 0;

    bool ok() const { return error.isEmpty(); }
};

/// Lays a ReferralPacket out on A4 portrait paper: the body from fillReferralDocument(),
/// and on every page a footer with the patient's name and ID, "n / N", the facilities the
/// records came from, when and by whom it was printed. Works on any paged device, so print
/// preview, printers and PDF files show the same pages.
class ReferralPacketWriter
{
public:
    /// Called after each page is drawn; returning false abandons the packet (tests use it to
    /// look at the target path while the PDF is being written).
    using PageHook = std::function<bool(int page, int pageCount)>;

    /// Paints the packet onto \a device (a QPrinter or QPdfWriter), setting A4 portrait.
    static ReferralWriteResult paint(const ReferralPacket &packet, QPagedPaintDevice *device,
                                     const PageHook &hook = {});
    /// Writes a PDF to \a path through a temporary file in the same folder, renamed into
    /// place only when complete: \a path never holds a partial packet.
    static ReferralWriteResult writePdf(const ReferralPacket &packet, const QString &path,
                                        const PageHook &hook = {});
};

#pragma once

#include "patient.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class Store;

/// Patient identity across facilities: network patients that an operator has said are one
/// person (`renkei-hub patient link`). A link joins what searches and `$everything` return for
/// either ID; it never moves records (each keeps its patient and source facility) and never
/// widens consent: a linked patient's records are shown to a facility only under that
/// patient's own active consent for the facility. Links are transitive (A–B and B–C make one
/// person of A, B and C) and undone one pair at a time.
class PatientLinks
{
public:
    explicit PatientLinks(Store &store) : m_store(store) {}

    struct Link
    {
        QString patient;
        QString other;
        QString linked; ///< when (UTC)
    };

    /// A likely match: same birth date, compatible sex, and the same folded kanji name or kana.
    struct Suggestion
    {
        Patient a;
        Patient b;
        QString reason; ///< what matched, e.g. "same kana, birth date and sex"
    };

    Status link(const QString &a, const QString &b);
    /// Removes the direct link of a and b; fails when there is none.
    Status unlink(const QString &a, const QString &b);
    Result<QList<Link>> list() const;
    /// \a patient and every patient linked to it, directly or through others; sorted.
    Result<QStringList> personOf(const QString &patient) const;
    /// The union of personOf() over \a patients, without repeats.
    Result<QStringList> expand(const QStringList &patients) const;
    /// Pairs not linked yet (not even through others) that look like one person. Never links.
    Result<QList<Suggestion>> suggestions() const;

private:
    Store &m_store;
};

#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

class Store;

/// The name search index: every 2-character piece (bigram) of each patient's folded keys
/// (`patients.name_key`, `patients.kana_key`) in `patient_name_grams`. A "contains" search
/// cannot use an ordinary index, so it would read every patient; a query's bigrams all occur in
/// every patient whose key contains it, so the patients holding all of them are the candidates
/// and the exact folded "contains" check runs on those only (bench/README.md). A 1-character
/// query has no bigram and stays a scan.
///
/// Characters are Unicode code points, as SQLite's length() and substr() count them, so the
/// pieces the SQL below stores and those nameQueryGrams() looks up are the same even for
/// characters outside the BMP (𠮷).
namespace NameIndex {

/// Schema version 6: the table and the back-fill of every existing patient.
extern const char kCreateTable[];
extern const char kIndexAllPatients[];

/// The distinct bigrams of a folded query, at most \a limit of them (any subset still yields
/// a superset of the matches; the exact check decides). Empty for fewer than 2 characters.
QStringList queryGrams(const QString &folded, int limit = 8);

/// Which of \a grams (a query's, from queryGrams()) a search should take its candidates
/// from: the rarest one alone when it is held by fewer than \a cap patients (every match holds
/// it, so its patients are a superset of the matches, and no other bigram's long list is read),
/// otherwise all of them to intersect. Counts are probed with LIMITs, each capped at the
/// rarest so far, so a common bigram (`ヤマ`: ~10,000 patients in 100k) costs at most what the
/// rarest one does.
Result<QStringList> drivingGrams(Store &store, const QStringList &grams, int cap = 5000);

/// Indexes \a patient's current keys; call after inserting or updating its row.
Status indexPatient(Store &store, const QString &patient);
/// Removes \a patient's pieces as its current keys give them; call before updating its row.
Status unindexPatient(Store &store, const QString &patient);

} // namespace NameIndex

// fhirPatient() for patients whose source gave only part of the name (no kana, no given name,
// no sex): FHIR R4 forbids empty strings (every primitive matches "[ \r\n\t\S]+"), so missing
// parts must be left out, and the result must still validate against the official schema.

#include "fhirpatient.h"
#include "fhirschemacheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(Patient)

namespace {

Patient basePatient()
{
    Patient patient;
    patient.id = QStringLiteral("p-test");
    patient.familyName = QStringLiteral("山田");
    patient.givenName = QStringLiteral("太郎");
    patient.familyKana = QStringLiteral("ヤマダ");
    patient.givenKana = QStringLiteral("タロウ");
    patient.gender = QStringLiteral("male");
    patient.identifiers.append({QStringLiteral("hosp-a"), QStringLiteral("A病院"), QStringLiteral("0001")});
    return patient;
}

// Any empty string anywhere in the document, as a JSON path, or an empty string if none.
QString firstEmptyString(const QJsonValue &value, const QString &path)
{
    if (value.isString() && value.toString().isEmpty())
        return path;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (const QString found = firstEmptyString(it.value(), path + QLatin1Char('.') + it.key()); !found.isEmpty())
                return found;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (const QString found = firstEmptyString(array.at(i), path + QStringLiteral("[%1]").arg(i)); !found.isEmpty())
                return found;
    }
    return {};
}

} // namespace

class tst_FhirPatient : public QObject
{
    Q_OBJECT

private slots:
    void partialNamesLeaveNoEmptyStrings_data();
    void partialNamesLeaveNoEmptyStrings();
    void partialNamesValidateAgainstFhirSchema();
};

void tst_FhirPatient::partialNamesLeaveNoEmptyStrings_data()
{
    QTest::addColumn<Patient>("patient");
    QTest::addColumn<int>("names");

    QTest::newRow("complete") << basePatient() << 2;
    Patient noKana = basePatient();
    noKana.familyKana.clear();
    noKana.givenKana.clear();
    QTest::newRow("no kana") << noKana << 1;
    Patient familyOnly = basePatient();
    familyOnly.givenName.clear();
    familyOnly.givenKana.clear();
    QTest::newRow("family name only") << familyOnly << 2;
    Patient nothing = basePatient();
    nothing.familyName.clear();
    nothing.givenName.clear();
    nothing.familyKana.clear();
    nothing.givenKana.clear();
    nothing.gender.clear();
    QTest::newRow("no name, no sex") << nothing << 0;
}

void tst_FhirPatient::partialNamesLeaveNoEmptyStrings()
{
    QFETCH(Patient, patient);
    QFETCH(int, names);

    const QJsonObject resource = fhirPatient(patient);
    QCOMPARE(firstEmptyString(resource, QStringLiteral("Patient")), QString());
    QCOMPARE(resource.value(QLatin1String("name")).toArray().size(), names);
    QCOMPARE(resource.contains(QLatin1String("gender")), !patient.gender.isEmpty());
    for (const QJsonValue &name : resource.value(QLatin1String("name")).toArray()) {
        const QString text = name.toObject().value(QLatin1String("text")).toString();
        QCOMPARE(text, text.trimmed());
    }
}

void tst_FhirPatient::partialNamesValidateAgainstFhirSchema()
{
    QList<QByteArray> documents;
    Patient noKana = basePatient();
    noKana.familyKana.clear();
    noKana.givenKana.clear();
    Patient familyOnly = basePatient();
    familyOnly.givenName.clear();
    familyOnly.givenKana.clear();
    Patient nothing = basePatient();
    nothing.familyName.clear();
    nothing.givenName.clear();
    nothing.familyKana.clear();
    nothing.givenKana.clear();
    nothing.gender.clear();
    for (const Patient &patient : {basePatient(), noKana, familyOnly, nothing})
        documents.append(QJsonDocument(fhirPatient(patient)).toJson(QJsonDocument::Compact));

    // The control is what the hub used to write for a patient without kana.
    const QByteArray control = R"({"resourceType":"Patient","id":"x","name":[{"family":"","given":[""]}]})";
    const FhirSchemaCheck check = checkFhirSchema(documents, control);
    if (check.skipped)
        QSKIP(qPrintable(check.output));
    QVERIFY2(check.passed, qPrintable(check.output));
}

QTEST_GUILESS_MAIN(tst_FhirPatient)
#include "tst_fhirpatient.moc"

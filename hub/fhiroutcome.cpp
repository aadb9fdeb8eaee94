#include "fhiroutcome.h"

#include <QJsonArray>

QJsonObject operationOutcome(const QString &code, const QString &diagnostics)
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
        {QStringLiteral("issue"),
         QJsonArray{QJsonObject{{QStringLiteral("severity"), QStringLiteral("error")},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("diagnostics"), diagnostics}}}},
    };
}

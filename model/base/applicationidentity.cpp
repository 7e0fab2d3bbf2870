#include "base/applicationidentity.h"

#include <QCoreApplication>

namespace debrief {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Debrief"));
    QCoreApplication::setOrganizationName(QStringLiteral("Debrief"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("debrief.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEBRIEF_VERSION));
}

} // namespace debrief

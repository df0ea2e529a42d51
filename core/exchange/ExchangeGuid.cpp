#include "exchange/ExchangeGuid.h"

#include <QUuid>

namespace warrant {

QString ExchangeGuid::make(const QString& kind, const QString& identity) {
    // A fixed namespace of our own: changing it would change every exported GUID.
    static const QUuid ns(QStringLiteral("{6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f}"));
    return QUuid::createUuidV5(ns, kind + u'\n' + identity).toString(QUuid::WithoutBraces);
}

} // namespace warrant

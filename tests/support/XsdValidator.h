#pragma once

#include <QByteArray>
#include <QString>

namespace warrant::test {

struct XsdResult {
    bool ok = false;
    QString errors; // every message libxml2 gave, one per line
};

// Validates a document against an XML Schema with libxml2: an independent check of what Warrant
// writes, so a writer and a reader that agree on a mistake still fail.
XsdResult validateAgainstXsd(const QByteArray& document, const QString& xsdPath);

} // namespace warrant::test

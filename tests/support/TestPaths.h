#pragma once

#include <QString>

namespace warrant::test {

// Absolute path of a file in tests/fixtures.
QString fixturePath(const QString& name);
// Absolute path inside the source tree (e.g. "sample_corpus").
QString sourcePath(const QString& relative);
// The shared seed folder next to the checkout, or an empty string when it is absent.
QString sharedSeedDir();

} // namespace warrant::test

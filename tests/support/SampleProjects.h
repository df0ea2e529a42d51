#pragma once

#include "model/Source.h"

#include <QString>

#include <memory>

namespace warrant {
class Project;
}

namespace warrant::test {

// The demo project built from sample_corpus/ once per test process; tests open their own
// connections to it (and must not change what other tests read).
QString sharedSampleProject();

// Builds a private copy of the demo project at `path` (tests that change it) and opens it.
std::unique_ptr<warrant::Project> freshSampleProject(const QString& path);

// Adds one source with the given text as one change; fails the test when it cannot.
qint64 addSource(warrant::Project& project, const QString& title, const QString& text, warrant::SourceKind kind);

} // namespace warrant::test

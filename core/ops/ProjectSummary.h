#pragma once

#include "Result.h"

#include <QString>

namespace warrant {

class Project;

// Counts shown by `warrant-cli info` and the workbench status bar.
struct ProjectSummary {
    QString fileName;
    int schemaVersion = 0;
    int sources = 0;
    int transcripts = 0;
    int documents = 0;
    int manuscripts = 0;
    int turns = 0;
    int participants = 0;
    int codes = 0;
    int segments = 0;
    int codings = 0;
    int coders = 0;
    int memos = 0;
    int sets = 0;
    int externalSources = 0; // listed by name only: pictures, audio, video, PDFs without text
    int changes = 0;
    qint64 words = 0;

    static Result<ProjectSummary> of(Project& project);
};

} // namespace warrant

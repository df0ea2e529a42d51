#pragma once

#include <QDateTime>
#include <QString>

namespace warrant {

enum class MemoTarget { Project, Source, Participant, Code, Segment };

QString memoTargetName(MemoTarget target);
bool parseMemoTarget(const QString& name, MemoTarget* target);

struct Memo {
    qint64 id = 0;
    MemoTarget target = MemoTarget::Project;
    qint64 targetId = 0; // unused for project memos
    QString title;
    QString body;
    QString coder;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace warrant

#pragma once

#include "model/Code.h"

#include <QString>
#include <vector>

namespace warrant {

// The codes bound to the number keys 1–9 for one project. The pins are a personal
// preference, not project data, so they live in QSettings (keyed by the project's file path)
// rather than in the project file.
//
// Defaults: while nothing is pinned (or every pinned code has been deleted), the quick codes
// are the first nine LEAF codes in codebook order (depth-first, as the tree shows them):
// leaves are what coders apply, parents mostly group them. Once one code is pinned the pins
// replace the defaults entirely, numbered in the order they were pinned.
class QuickCodes {
  public:
    static constexpr int kMaxCodes = 9;

    explicit QuickCodes(const QString& projectPath);

    // The quick codes in number order (index 0 is key 1), pins that no longer exist skipped.
    std::vector<qint64> codes(const std::vector<Code>& codebook) const;
    // 1–9, or 0 when the code has no number.
    int numberOf(qint64 id, const std::vector<Code>& codebook) const;

    // Pins append; false when the code is already pinned or nine are pinned.
    bool pin(qint64 id);
    void unpin(qint64 id);
    bool isPinned(qint64 id) const;
    std::vector<qint64> pinned() const { return m_pinned; }

    // The QSettings key the pins are stored under (a hash of the absolute project path, so
    // the path's slashes do not turn into settings groups).
    static QString settingsKey(const QString& projectPath);

  private:
    void save() const;

    QString m_key;
    std::vector<qint64> m_pinned;
};

} // namespace warrant

#pragma once

#include "Result.h"
#include "store/CodingRepository.h"

#include <QString>
#include <vector>

namespace warrant {

// Writes coded segments as RFC 4180 CSV (one header row, then one row per segment), so retrieved
// evidence can leave Warrant for a spreadsheet or another tool. Offsets are code points.
class SegmentCsvWriter {
  public:
    static QStringList header();
    static QString toCsv(const std::vector<CodedSegment>& segments);
    // Replaces `path` atomically: a failed write leaves any previous file intact.
    static Status write(const QString& path, const std::vector<CodedSegment>& segments);
};

} // namespace warrant

#include "exchange/QdcReader.h"

#include "exchange/QdeReader.h"

#include <iterator>

namespace warrant {

Result<std::vector<qda::Code>> QdcReader::read(const QByteArray& xml, const QString& fileName) {
    qdaxml::Cursor cursor(xml, fileName);
    std::vector<qda::Code> codes;
    if (cursor.enterRoot(QStringLiteral("CodeBook"), QStringLiteral("urn:QDA-XML:codebook:"),
                         QStringLiteral("codebook"))) {
        while (cursor.nextChild()) {
            if (cursor.name() == u"Codes") {
                auto more = cursor.readCodes();
                std::move(more.begin(), more.end(), std::back_inserter(codes));
            } else {
                cursor.skipCountingCodings(); // Sets: groupings of codes, not carried
            }
        }
    }
    if (Status status = cursor.finish(); !status) return status.error();
    return codes;
}

} // namespace warrant

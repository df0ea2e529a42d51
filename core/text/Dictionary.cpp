#include "text/Dictionary.h"

namespace warrant {

extern "C" {
// Defined in DictionaryData.cpp: the word lists as the build found them, each ending in a NUL.
extern const char warrant_dictionary_american[];
extern const char warrant_dictionary_british[];
}

const Dictionary& Dictionary::english() {
    static const Dictionary dictionary = fromLists(
        QByteArray::fromRawData(warrant_dictionary_american, qsizetype(qstrlen(warrant_dictionary_american))),
        QByteArray::fromRawData(warrant_dictionary_british, qsizetype(qstrlen(warrant_dictionary_british))));
    return dictionary;
}

Dictionary Dictionary::fromLists(const QByteArray& american, const QByteArray& british) {
    Dictionary d;
    d.m_words.reserve(140000);
    d.add(american, kAmerican);
    d.add(british, kBritish);
    return d;
}

void Dictionary::add(const QByteArray& list, quint8 system) {
    qsizetype at = 0;
    while (at < list.size()) {
        qsizetype end = list.indexOf('\n', at);
        if (end < 0) end = list.size();
        QString word = QString::fromUtf8(list.constData() + at, end - at).trimmed();
        at = end + 1;
        if (word.endsWith(QStringLiteral("'s"))) word.chop(2); // possessives add nothing
        if (word.isEmpty()) continue;
        const QString folded = word.toCaseFolded();
        const bool capitalised = word != folded;
        quint8& f = m_words[folded];
        f |= capitalised ? kCapitalised : system;
    }
}

} // namespace warrant

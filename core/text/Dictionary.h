#pragma once

#include <QHash>
#include <QString>

namespace warrant {

// The English word lists Warrant is built with (Debian's American and British spelling lists,
// compiled into the program). Answers questions about case-folded words: is this a word at all,
// in which spelling system, and is it only ever written with a capital (a name)?
class Dictionary {
  public:
    static const Dictionary& english();

    // Listed in either list, in any case.
    bool knows(const QString& folded) const { return m_words.contains(folded); }
    // Listed in lower case in that spelling system.
    bool american(const QString& folded) const { return flags(folded) & kAmerican; }
    bool british(const QString& folded) const { return flags(folded) & kBritish; }
    // Listed, but only with a capital letter: a name such as "Marconi" or "Coventry".
    bool properNoun(const QString& folded) const {
        const quint8 f = flags(folded);
        return (f & kCapitalised) && !(f & (kAmerican | kBritish));
    }
    qsizetype size() const { return m_words.size(); }

    // Builds a dictionary from word lists in the Debian format (one word per line, possessives
    // with "'s"); `american` and `british` are UTF-8.
    static Dictionary fromLists(const QByteArray& american, const QByteArray& british);

  private:
    static constexpr quint8 kAmerican = 1, kBritish = 2, kCapitalised = 4;
    quint8 flags(const QString& folded) const { return m_words.value(folded, 0); }
    void add(const QByteArray& list, quint8 system);
    QHash<QString, quint8> m_words;
};

} // namespace warrant

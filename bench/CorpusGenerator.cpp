#include "CorpusGenerator.h"

#include "Prng.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_set>

namespace warrant::bench {

namespace {

// The most frequent words of spoken English, in roughly that order; they take the top ranks.
const char* const kFunctionWords[] = {
    "the", "and", "I", "to", "a", "of", "that", "you", "it", "in", "we", "was", "is", "they", "so", "but",
    "know", "there", "for", "have", "on", "with", "be", "think", "this", "what", "were", "at", "as", "had",
    "mean", "all", "about", "if", "one", "do", "them", "would", "from", "just", "well", "very", "because",
    "people", "really", "their", "yes", "said", "our", "when", "can", "more", "some", "an", "been", "which",
    "then", "out", "who", "going", "get", "into", "us", "time", "actually", "quite", "lot", "things", "how",
    "other", "those", "these", "also", "where", "much", "could", "did", "he", "she", "his", "my", "me", "by",
    "up", "now", "way", "even", "only", "than", "any", "sort", "kind", "different", "want", "see", "come",
    "make", "go", "something", "always", "never", "again", "still", "here", "over", "both", "each", "why",
    "what's", "it's", "don't", "didn't", "there's", "we're", "they're", "that's",
};

// Real words of the study's domain (He 2009, cluster policy in the West Midlands), spread through
// the ranks so that searches for them behave like searches for content words.
const char* const kDomainWords[] = {
    "cluster", "clusters", "clustering", "clustered", "policy", "policies", "agency", "agencies",
    "procurement", "procure", "procured", "NHS", "Rover", "funding", "fund", "funds", "funded", "regional",
    "region", "regions", "regionally", "partnership", "partnerships", "partner", "partners", "strategy",
    "strategies", "strategic", "strategically", "economic", "economy", "economies", "economist", "development",
    "developments", "develop", "developed", "developing", "government", "governments", "minister", "ministers",
    "board", "boards", "officer", "officers", "council", "councils", "university", "universities",
    "innovation", "innovative", "manufacturing", "manufacturer", "manufacturers", "automotive", "medical",
    "technology", "technologies", "technological", "digital", "ICT", "network", "networks", "networking",
    "business", "businesses", "industry", "industries", "industrial", "company", "companies", "supply",
    "supplier", "suppliers", "chain", "chains", "sector", "sectors", "skills", "skilled", "training",
    "evaluation", "evaluate", "evaluated", "indicator", "indicators", "target", "targets", "budget", "budgets",
    "European", "Europe", "Brussels", "Whitehall", "London", "Birmingham", "Coventry", "Wolverhampton",
    "Longbridge", "Marconi", "Accelerate", "Medilink", "AWM", "WMRA", "DTI", "RDA", "RDAs", "COG", "COGs",
    "consultation", "consultations", "consult", "consulted", "stakeholder", "stakeholders", "member", "members",
    "membership", "chair", "chairman", "meeting", "meetings", "committee", "committees", "governance",
    "accountability", "accountable", "investment", "investments", "invest", "investor", "investors", "grant",
    "grants", "project", "projects", "programme", "programmes", "scheme", "schemes", "initiative",
    "initiatives", "consultant", "consultants", "report", "reports", "reported", "evidence", "data",
    "analysis", "analyses", "research", "researcher", "researchers", "academic", "academics", "collaboration",
    "collaborate", "collaborative", "competition", "competitive", "competitiveness", "productivity",
    "employment", "jobs", "unemployment", "workforce", "engineering", "engineer", "engineers", "hospital",
    "hospitals", "patients", "clinicians", "clinical", "trust", "trusts", "devices", "healthcare", "software",
    "telecoms", "broadband", "infrastructure", "transport", "housing", "planning", "local", "locally",
    "national", "nationally", "central", "authority", "authorities", "delivery", "deliver", "delivered",
    "delivering", "priorities", "priority", "prioritise", "framework", "frameworks", "agenda", "agendas",
    "lobbying", "lobby", "lobbied", "politics", "political", "politically", "politician", "politicians",
    "election", "elections", "Labour", "Treasury", "Sainsbury", "Midlands", "Solihull", "Dudley", "Warwick",
    "Jaguar", "Objective", "subsidy", "subsidies", "incentive", "incentives", "export", "exports", "exporting",
    "market", "markets", "marketing", "global", "globalisation", "international", "leadership", "leader",
    "leaders", "executive", "executives", "director", "directors", "secretariat", "sub-region", "footprint",
    "mapping", "benchmarking", "specialisation", "diversification", "restructuring", "closure", "closures",
    "redundancies", "taskforce", "recovery", "crisis", "decline", "growth", "opportunity", "opportunities",
    "capacity", "capability", "capabilities", "expertise", "knowledge", "learning", "linkages", "linkage",
    "boundary", "boundaries", "selection", "selected", "definition", "defined", "framework's",
};

const char* const kOnsets[] = {"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m",
                               "n", "p", "pl", "pr", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z", "",
                               "", "sp", "bl", "cr"};
const char* const kNuclei[] = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "oo", "ie"};
const char* const kCodas[] = {"", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rk", "nt", "ld", "ck", "sh"};

// Inflection families: stemming should fold each family onto one stem.
const std::vector<std::vector<const char*>> kFamilies = {
    {"", "s"},                        // noun
    {"", "s", "ed", "ing"},           // verb
    {"", "ly", "ness"},               // adjective
    {"", "ation", "ations", "ate"},   // abstract noun
    {"", "er", "ers", "ing"},         // agent
    {"", "ment", "ments"},            //
    {""},
};

// Exact code paths of the sample corpus's codebook.
const char* const kCodebook[] = {
    "Political influence", "Political influence/National agenda and fashion",
    "Political influence/Lobbying and special interests", "Political influence/Institutional conflict",
    "Pragmatic approach", "Pragmatic approach/Pressure to act", "Pragmatic approach/Thin evidence base",
    "Pragmatic approach/Projects leading strategy", "Ambiguous governance",
    "Ambiguous governance/Central-regional relations", "Ambiguous governance/Partnership and consultation",
    "Ambiguous governance/Business-led COGs", "Linkages", "Linkages/Internal linkages",
    "Linkages/External linkages", "Cluster definition", "Cluster definition/Cluster selection",
    "Cluster definition/Boundary disputes", "Funding", "Funding/Budget constraints", "Funding/European funds",
    "Evaluation", "Evaluation/Performance indicators", "Evaluation/Policy learning", "Economic restructuring",
    "Economic restructuring/Automotive decline", "Economic restructuring/Diversification", "Agency capacity",
    "Agency capacity/Skills and expertise", "Agency capacity/Board turnover",
};

const char* const kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

const char* const kStartFillers[] = {"Um, ", "Well, ", "I mean, ", "You know, ", "So ", "Yes, ", "Right, ", "And "};
const char* const kShortQuestions[] = {
    "Could you say more about that?", "Why was that?", "How did that work in practice?",
    "And what happened then?", "Who was involved in that?", "Was that written down anywhere?",
};
const char* const kPlaces[] = {"Birmingham, participant's office", "Coventry, agency offices", "Telephone",
                               "Wolverhampton, meeting room", "London, a cafe near Whitehall",
                               "Solihull, company premises", "University campus, seminar room"};
const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"};

struct ParticipantInfo {
    std::string code;
    std::string group;
    std::string role;
};

std::vector<ParticipantInfo> makeParticipants() {
    const struct {
        const char* prefix;
        int count;
        const char* group;
        std::vector<const char*> roles;
    } groups[] = {
        {"R", 400, "regional policy", {"AWM senior manager", "AWM cluster strategist", "WMRA member", "local authority officer",
                                       "university vice principal", "former AWM board member", "sub-regional partnership manager"}},
        {"M", 200, "medical", {"medical COG member", "NHS procurement manager", "medical device company director",
                               "Medilink manager", "clinical researcher", "AWM cluster manager"}},
        {"A", 200, "automotive", {"Accelerate manager", "former Accelerate senior manager", "automotive supplier director",
                                  "industry expert", "Rover taskforce member", "AWM automotive lead"}},
        {"I", 200, "ICT", {"ICT cluster manager", "software company director", "telecoms engineer",
                           "ICT COG member", "university computing lecturer", "broadband project officer"}},
    };
    std::vector<ParticipantInfo> out;
    for (const auto& g : groups)
        for (int i = 1; i <= g.count; ++i)
            out.push_back({std::string(g.prefix) + std::to_string(i), g.group, g.roles[size_t(i * 7 % int(g.roles.size()))]});
    return out;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

bool writeFile(const QString& path, const std::string& data) {
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    return std::fclose(f) == 0 && ok;
}

// Words a query must not use: the query languages read these as operators.
bool reservedForQueries(const std::string& w) {
    static const std::set<std::string> reserved = {"and", "or", "not", "near", "xor", "AND", "OR", "NOT", "NEAR"};
    return reserved.count(w) > 0 || w.find('\'') != std::string::npos || w.find('-') != std::string::npos;
}

} // namespace

struct CorpusGenerator::Impl {
    CorpusOptions options;
    std::vector<std::string> forms;   // by rank, 0 = most frequent
    std::vector<double> cdf;
    std::vector<ParticipantInfo> participants;
    std::vector<int> participantOrder; // transcript i is with participants[participantOrder[i % size]]

    // Sampled from the first kQueryTranscripts transcripts, for the query sets.
    static constexpr int kQueryTranscripts = 1000;
    std::vector<qint64> counts; // occurrences of each form in those transcripts
    std::vector<std::pair<int, int>> anyBigrams, contentBigrams, andPairs;
    std::vector<std::pair<int, int>> participantWords; // form rank, participant index
    std::vector<std::pair<int, int>> codeWords;        // form rank, codebook index

    void buildVocabulary();
    void buildParticipants();
};

void CorpusGenerator::Impl::buildVocabulary() {
    Xoshiro256 rng(deriveSeed(options.seed, 0, 1));
    std::unordered_set<std::string> taken;
    std::vector<std::string> function, domain;
    for (const char* w : kFunctionWords)
        if (taken.insert(QString::fromLatin1(w).toLower().toStdString()).second) function.push_back(w);
    for (const char* w : kDomainWords)
        if (taken.insert(QString::fromLatin1(w).toLower().toStdString()).second) domain.push_back(w);

    const int total = std::max(options.vocabulary, int(function.size() + domain.size()) + 1000);
    const int syntheticCount = total - int(function.size() + domain.size());
    std::vector<std::string> synthetic;
    synthetic.reserve(size_t(syntheticCount) + 8);
    while (int(synthetic.size()) < syntheticCount) {
        std::string lemma;
        const int syllables = rng.chance(0.6) ? 1 : rng.chance(0.85) ? 2 : 3;
        for (int s = 0; s < syllables; ++s) {
            lemma += kOnsets[rng.below(std::size(kOnsets))];
            lemma += kNuclei[rng.below(std::size(kNuclei))];
            if (s == syllables - 1 || rng.chance(0.4)) lemma += kCodas[rng.below(std::size(kCodas))];
        }
        if (lemma.size() < 3) continue;
        const auto& family = kFamilies[rng.below(std::uint32_t(kFamilies.size()))];
        std::vector<std::string> members;
        for (const char* suffix : family) {
            std::string form = lemma;
            const std::string sfx = suffix;
            if (!sfx.empty() && form.back() == 'e' && std::string("aeiou").find(sfx[0]) != std::string::npos) form.pop_back();
            form += sfx;
            members.push_back(form);
        }
        if (std::any_of(members.begin(), members.end(), [&](const std::string& m) { return taken.count(m) > 0; })) continue;
        for (const std::string& m : members) {
            taken.insert(m);
            synthetic.push_back(m);
        }
    }
    synthetic.resize(size_t(syntheticCount));
    // Short words are frequent (Zipf's law of abbreviation): order by length with noise.
    std::vector<std::pair<double, size_t>> keyed;
    for (size_t i = 0; i < synthetic.size(); ++i) keyed.emplace_back(double(synthetic[i].size()) + 2.0 * rng.uniform(), i);
    std::sort(keyed.begin(), keyed.end());

    forms.assign(size_t(total), std::string());
    for (size_t i = 0; i < function.size(); ++i) forms[i] = function[i];
    // Domain words at geometrically spread ranks between 150 and 25,000, in a shuffled order.
    for (size_t i = domain.size(); i > 1; --i) std::swap(domain[i - 1], domain[rng.below(std::uint32_t(i))]);
    const double lo = 150, hi = std::min(25000.0, double(total - 1));
    for (size_t j = 0; j < domain.size(); ++j) {
        size_t at = size_t(lo * detPow(hi / lo, double(j) / double(domain.size() - 1)));
        while (!forms[at].empty()) ++at;
        forms[at] = domain[j];
    }
    size_t next = 0;
    for (std::string& f : forms)
        if (f.empty()) f = synthetic[keyed[next++].second];

    cdf.resize(forms.size());
    double sum = 0;
    for (size_t k = 0; k < forms.size(); ++k) {
        sum += detPow(double(k + 1), -options.zipfExponent);
        cdf[k] = sum;
    }
    for (double& c : cdf) c /= sum;
    cdf.back() = 1.0;
    counts.assign(forms.size(), 0);
}

void CorpusGenerator::Impl::buildParticipants() {
    participants = makeParticipants();
    participantOrder.resize(participants.size());
    for (size_t i = 0; i < participantOrder.size(); ++i) participantOrder[i] = int(i);
    Xoshiro256 rng(deriveSeed(options.seed, 0, 2));
    for (size_t i = participantOrder.size(); i > 1; --i)
        std::swap(participantOrder[i - 1], participantOrder[rng.below(std::uint32_t(i))]);
}

CorpusGenerator::CorpusGenerator(CorpusOptions options) : d(std::make_unique<Impl>()) {
    d->options = options;
    d->buildVocabulary();
    d->buildParticipants();
}

CorpusGenerator::~CorpusGenerator() = default;

const std::vector<std::string>& CorpusGenerator::vocabulary() const { return d->forms; }

QStringList CorpusGenerator::codebookPaths() {
    QStringList out;
    for (const char* p : kCodebook) out << QString::fromUtf8(p);
    return out;
}

bool CorpusGenerator::isFunctionWord(const QString& word) {
    static const QSet<QString> words = [] {
        QSet<QString> out;
        for (const char* w : kFunctionWords) out.insert(QString::fromLatin1(w).toLower());
        return out;
    }();
    return words.contains(word.toLower());
}

QString CorpusGenerator::kindName(QueryKind kind) {
    switch (kind) {
    case QueryKind::Single: return QStringLiteral("single");
    case QueryKind::Phrase: return QStringLiteral("phrase");
    case QueryKind::And: return QStringLiteral("and");
    case QueryKind::Participant: return QStringLiteral("participant");
    case QueryKind::Code: return QStringLiteral("code");
    }
    return {};
}

namespace {

int sampleRank(const std::vector<double>& cdf, Xoshiro256& rng) {
    const double u = rng.uniform();
    return int(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin()) % int(cdf.size());
}

// One transcript being written.
struct Writer {
    Writer(const std::vector<std::string>& f, const std::vector<double>& c, Xoshiro256& r) : forms(f), cdf(c), rng(r) {}
    const std::vector<std::string>& forms;
    const std::vector<double>& cdf;
    Xoshiro256& rng;
    std::string text;
    qint64 words = 0;
    qint64 paragraphs = 0;
    qint64 turns = 0;

    struct Sentence {
        size_t begin = 0; // byte offsets into text
        size_t end = 0;
        std::vector<int> ranks;
    };
    struct Paragraph {
        std::vector<Sentence> sentences;
    };
    std::vector<Paragraph> answers; // participant paragraphs

    void word(int rank, bool capital) {
        const std::string& w = forms[size_t(rank)];
        const size_t at = text.size();
        text += w;
        if (capital && text[at] >= 'a' && text[at] <= 'z') text[at] = char(text[at] - 'a' + 'A');
        ++words;
    }

    Sentence sentence(char end, bool allowFiller) {
        Sentence s;
        s.begin = text.size();
        bool capital = true;
        if (allowFiller && rng.chance(0.14)) {
            const char* filler = kStartFillers[rng.below(std::size(kStartFillers))];
            text += filler;
            words += std::count(filler, filler + std::strlen(filler), ' ');
            capital = false;
        }
        const int n = std::min(48, 3 + int(rng.exponential(11.5)));
        for (int i = 0; i < n; ++i) {
            const int rank = sampleRank(cdf, rng);
            s.ranks.push_back(rank);
            word(rank, capital && i == 0);
            if (i + 1 < n) {
                if (i > 1 && i + 2 < n && rng.chance(0.055)) text += ',';
                if (i > 2 && i + 3 < n && rng.chance(0.006)) {
                    text += " you know,";
                    words += 2;
                }
                text += ' ';
            }
        }
        text += end;
        s.end = text.size();
        return s;
    }

    void question() {
        text += "INT: ";
        ++turns;
        ++paragraphs;
        if (rng.chance(0.2)) {
            const char* q = kShortQuestions[rng.below(std::size(kShortQuestions))];
            text += q;
            words += std::count(q, q + std::strlen(q), ' ') + 1;
        } else {
            if (rng.chance(0.35)) {
                sentence('.', true);
                text += ' ';
            }
            sentence('?', true);
        }
        text += "\n\n";
    }

    void answer(const std::string& label) {
        text += label;
        text += ": ";
        ++turns;
        static const int paragraphWeights[] = {34, 30, 17, 9, 4, 2, 2, 1, 1}; // 1..9 paragraphs
        int pick = int(rng.below(100)), count = 1;
        for (int w : paragraphWeights) {
            if (pick < w) break;
            pick -= w;
            ++count;
        }
        for (int p = 0; p < count; ++p) {
            if (p) text += "\n\n";
            ++paragraphs;
            Paragraph para;
            const int sentences = rng.between(2, 7);
            for (int s = 0; s < sentences; ++s) {
                if (s) text += ' ';
                const char end = rng.chance(0.05) ? '?' : rng.chance(0.01) ? '!' : '.';
                para.sentences.push_back(sentence(end, true));
            }
            answers.push_back(std::move(para));
        }
        text += "\n\n";
    }
};

} // namespace

Result<CorpusStats> CorpusGenerator::write(const QString& directory, const Progress& progress) {
    QElapsedTimer timer;
    timer.start();
    const QString transcriptsDir = directory + QStringLiteral("/transcripts");
    if (!QDir().mkpath(transcriptsDir)) return makeError(QStringLiteral("%1: cannot create the folder").arg(transcriptsDir));
    d->counts.assign(d->forms.size(), 0);
    d->anyBigrams.clear();
    d->contentBigrams.clear();
    d->andPairs.clear();
    d->participantWords.clear();
    d->codeWords.clear();

    CorpusStats stats;
    std::string codings = "participant,code,coder,text\n";
    std::vector<bool> used(d->participants.size(), false);
    const int nCodes = int(std::size(kCodebook));
    std::vector<int> leaves;
    for (int c = 0; c < nCodes; ++c)
        if (std::strchr(kCodebook[c], '/')) leaves.push_back(c);
    const auto parentOf = [&](int c) {
        const std::string path = kCodebook[c];
        const std::string parent = path.substr(0, path.find('/'));
        for (int i = 0; i < nCodes; ++i)
            if (parent == kCodebook[i]) return i;
        return c;
    };

    for (int t = 0; t < d->options.transcripts; ++t) {
        Xoshiro256 rng(deriveSeed(d->options.seed, std::uint64_t(t) + 1, 3));
        Xoshiro256 pick(deriveSeed(d->options.seed, std::uint64_t(t) + 1, 4)); // sampling only; never shapes the text
        const int pIndex = d->participantOrder[size_t(t) % d->participantOrder.size()];
        const int interview = t / int(d->participantOrder.size()) + 1;
        const ParticipantInfo& who = d->participants[size_t(pIndex)];
        used[size_t(pIndex)] = true;

        Writer w(d->forms, d->cdf, rng);
        w.text.reserve(size_t(d->options.meanWords) * 6);
        const QDate date = QDate(2005, 1, 10).addDays((t * 37) % 640);
        w.text += "Participant: " + who.code + "\n";
        w.text += "Date: " + std::to_string(date.day()) + " " + kMonths[date.month() - 1] + " " + std::to_string(date.year()) + "\n";
        w.text += "Interviewer: Study researcher\n";
        w.text += std::string("Place: ") + kPlaces[rng.below(std::size(kPlaces))] + "\n";
        w.text += "Duration: " + std::to_string(rng.between(50, 100)) + " minutes\n";
        w.text += "Note: Synthetic benchmark transcript generated by warrant-bench-search (transcript " + std::to_string(t + 1) +
                  "). Not a real interview.\n\n";
        const int target = d->options.meanWords * 9 / 10 - 170 + int(rng.below(std::uint32_t(d->options.meanWords / 5 + 1)));
        while (w.words < target) {
            w.question();
            w.answer(who.code);
        }
        while (!w.text.empty() && w.text.back() == '\n') w.text.pop_back();
        w.text += '\n';

        // Codings: exact excerpts of one to a few sentences of one answer paragraph, unique in the transcript.
        std::vector<std::pair<std::string, int>> excerpts; // text, code
        for (int c = 0, tries = 0; c < d->options.codingsPerTranscript && tries < 50 * d->options.codingsPerTranscript; ++tries) {
            const auto& para = w.answers[pick.below(std::uint32_t(w.answers.size()))];
            size_t first = pick.below(std::uint32_t(para.sentences.size()));
            const int wanted = pick.between(15, 80);
            size_t last = first;
            int n = int(para.sentences[first].ranks.size());
            while (n < wanted && last + 1 < para.sentences.size()) n += int(para.sentences[++last].ranks.size());
            while (n < 15 && first > 0) n += int(para.sentences[--first].ranks.size());
            if (n < 15 || n > 120) continue;
            const std::string excerpt = w.text.substr(para.sentences[first].begin, para.sentences[last].end - para.sentences[first].begin);
            const size_t at = w.text.find(excerpt);
            if (w.text.find(excerpt, at + 1) != std::string::npos) continue;
            if (std::any_of(excerpts.begin(), excerpts.end(), [&](const auto& e) { return e.first == excerpt; })) continue;
            const int code = pick.chance(0.85) ? leaves[pick.below(std::uint32_t(leaves.size()))] : int(pick.below(std::uint32_t(nCodes)));
            excerpts.emplace_back(excerpt, code);
            codings += who.code + "," + csvField(kCodebook[code]) + ",alewis," + csvField(excerpt) + "\n";
            ++stats.codings;
            ++c;
            if (t < Impl::kQueryTranscripts && c <= 4) {
                std::vector<int> content;
                for (size_t s = first; s <= last; ++s)
                    for (int r : para.sentences[s].ranks)
                        if (r >= 20 && !reservedForQueries(d->forms[size_t(r)])) content.push_back(r);
                if (!content.empty())
                    d->codeWords.emplace_back(content[pick.below(std::uint32_t(content.size()))],
                                              pick.chance(0.3) ? parentOf(code) : code);
            }
        }
        // A second coder on every fifth transcript: half the same passages, some with a sibling code.
        if (t % 5 == 0)
            for (size_t e = 0; e < excerpts.size(); e += 2) {
                int code = excerpts[e].second;
                if (pick.chance(0.35)) code = leaves[pick.below(std::uint32_t(leaves.size()))];
                codings += who.code + "," + csvField(kCodebook[code]) + ",bosei," + csvField(excerpts[e].first) + "\n";
                ++stats.codings;
            }

        if (t < Impl::kQueryTranscripts) {
            for (const auto& para : w.answers)
                for (const auto& s : para.sentences)
                    for (int r : s.ranks) ++d->counts[size_t(r)];
            const auto randomSentence = [&]() -> const Writer::Sentence& {
                const auto& para = w.answers[pick.below(std::uint32_t(w.answers.size()))];
                return para.sentences[pick.below(std::uint32_t(para.sentences.size()))];
            };
            const auto usable = [&](int r) { return !reservedForQueries(d->forms[size_t(r)]); };
            for (int k = 0, tries = 0; k < 3 && tries < 100; ++tries) {
                const auto& s = randomSentence();
                if (s.ranks.size() < 2) continue;
                const size_t i = pick.below(std::uint32_t(s.ranks.size() - 1));
                if (!usable(s.ranks[i]) || !usable(s.ranks[i + 1])) continue;
                d->anyBigrams.emplace_back(s.ranks[i], s.ranks[i + 1]);
                ++k;
            }
            for (int k = 0, tries = 0; k < 3 && tries < 400; ++tries) {
                const auto& s = randomSentence();
                for (size_t i = 0; i + 1 < s.ranks.size(); ++i)
                    if (s.ranks[i] >= 100 && s.ranks[i + 1] >= 100 && usable(s.ranks[i]) && usable(s.ranks[i + 1])) {
                        d->contentBigrams.emplace_back(s.ranks[i], s.ranks[i + 1]);
                        ++k;
                        break;
                    }
            }
            for (int k = 0, tries = 0; k < 4 && tries < 100; ++tries) {
                const auto& para = w.answers[pick.below(std::uint32_t(w.answers.size()))];
                std::vector<int> content;
                for (const auto& s : para.sentences)
                    for (int r : s.ranks)
                        if (r >= 20 && usable(r)) content.push_back(r);
                if (content.size() < 2) continue;
                const int a = content[pick.below(std::uint32_t(content.size()))];
                const int b = content[pick.below(std::uint32_t(content.size()))];
                if (a == b) continue;
                d->andPairs.emplace_back(a, b);
                ++k;
            }
            for (int k = 0, tries = 0; k < 4 && tries < 100; ++tries) {
                const auto& s = randomSentence();
                const int r = s.ranks[pick.below(std::uint32_t(s.ranks.size()))];
                if (r < 20 || !usable(r)) continue;
                d->participantWords.emplace_back(r, pIndex);
                ++k;
            }
        }

        QString name = QString::fromStdString(who.code);
        if (interview > 1) name += QStringLiteral("-%1").arg(interview);
        if (!writeFile(QStringLiteral("%1/%2.txt").arg(transcriptsDir, name), w.text))
            return makeError(QStringLiteral("%1/%2.txt: cannot write").arg(transcriptsDir, name));
        stats.bytes += qint64(w.text.size());
        stats.words += w.words;
        stats.turns += w.turns;
        stats.paragraphs += w.paragraphs;
        ++stats.transcripts;
        if (progress && ((t + 1) % 100 == 0 || t + 1 == d->options.transcripts)) progress(t + 1, d->options.transcripts);
    }

    std::string participantsCsv = "code,group,role\n";
    for (size_t i = 0; i < d->participants.size(); ++i)
        if (used[i]) {
            const ParticipantInfo& p = d->participants[i];
            participantsCsv += p.code + "," + csvField(p.group) + "," + csvField(p.role) + "\n";
            ++stats.participants;
        }
    std::string codebook = "path,colour,description\n";
    for (int c = 0; c < nCodes; ++c)
        codebook += csvField(kCodebook[c]) + "," + kColours[c % std::size(kColours)] + "," +
                    csvField(std::string("Benchmark code: ") + kCodebook[c]) + "\n";
    if (!writeFile(directory + QStringLiteral("/participants.csv"), participantsCsv) ||
        !writeFile(directory + QStringLiteral("/codebook.csv"), codebook) ||
        !writeFile(directory + QStringLiteral("/codings.csv"), codings))
        return makeError(QStringLiteral("%1: cannot write the CSV files").arg(directory));
    stats.seconds = double(timer.nsecsElapsed()) / 1e9;
    return stats;
}

std::vector<BenchQuery> CorpusGenerator::queries(QueryKind kind, int count, std::uint64_t salt) const {
    Xoshiro256 rng(deriveSeed(d->options.seed, 1000 + std::uint64_t(kind), 5 + salt));
    std::vector<BenchQuery> out;
    const auto word = [&](int rank) { return QString::fromStdString(d->forms[size_t(rank)]).toLower(); };
    // Draws `count` items of a pool, without repeats while the pool lasts (small corpora reuse it).
    const auto draw = [&](auto pool, auto make) {
        for (int i = 0; i < count && !pool.empty(); ++i) {
            const size_t at = size_t(i) % pool.size();
            const size_t j = at + rng.below(std::uint32_t(pool.size() - at));
            std::swap(pool[at], pool[j]);
            out.push_back(make(pool[at]));
        }
    };
    switch (kind) {
    case QueryKind::Single: {
        // Log-uniform over ranks 10..V: common, middling and rare words alike.
        const double lo = 10, hi = double(d->forms.size() - 1);
        for (int tries = 0; int(out.size()) < count && tries < count * 100; ++tries) {
            const int r = int(lo * detPow(hi / lo, rng.uniform()));
            if (d->counts[size_t(r)] == 0 || reservedForQueries(d->forms[size_t(r)])) continue;
            BenchQuery q;
            q.kind = kind;
            q.word1 = word(r);
            q.rank1 = r + 1;
            out.push_back(q);
        }
        break;
    }
    case QueryKind::Phrase: {
        // Half any adjacent pair of the text (often common words), half pairs of content words.
        std::vector<std::pair<int, int>> pool;
        const size_t half = std::min(d->anyBigrams.size(), d->contentBigrams.size());
        for (size_t i = 0; i < half; ++i) {
            pool.push_back(d->anyBigrams[i]);
            pool.push_back(d->contentBigrams[i]);
        }
        draw(pool, [&](const std::pair<int, int>& p) {
            return BenchQuery{kind, word(p.first), word(p.second), {}, {}, p.first + 1};
        });
        break;
    }
    case QueryKind::And:
        draw(d->andPairs, [&](const std::pair<int, int>& p) {
            return BenchQuery{kind, word(p.first), word(p.second), {}, {}, p.first + 1};
        });
        break;
    case QueryKind::Participant:
        draw(d->participantWords, [&](const std::pair<int, int>& p) {
            return BenchQuery{kind, word(p.first), {}, QString::fromStdString(d->participants[size_t(p.second)].code), {}, p.first + 1};
        });
        break;
    case QueryKind::Code:
        draw(d->codeWords, [&](const std::pair<int, int>& p) {
            return BenchQuery{kind, word(p.first), {}, {}, QString::fromUtf8(kCodebook[p.second]), p.first + 1};
        });
        break;
    }
    return out;
}

} // namespace warrant::bench

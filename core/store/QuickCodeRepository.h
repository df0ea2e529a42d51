#pragma once

#include "Result.h"
#include "model/Code.h"

#include <array>
#include <vector>

namespace warrant {

class Project;

// The codes on the number keys 1–9, stored in the project. A key holds the code pinned to it;
// a key nothing is pinned to keeps its default, the key's place among the codebook's leaf codes
// in tree order (key 3: the third leaf), unless that code is pinned to another key. Pinning takes
// the code's own default key when it has one, else the first key nothing is pinned to.
class QuickCodeRepository {
public:
    static constexpr int kKeys = 9;

    struct Key {
        int number = 0;      // 1–9
        qint64 codeId = 0;   // 0: no code on this key
        bool pinned = false; // pinned by a user, not a default
    };
    using Keys = std::array<Key, kKeys>;

    explicit QuickCodeRepository(Project& project) : m_project(project) {}

    Result<Keys> keys();
    // Computes the keys for a codebook already read (parents before children, tree order).
    Result<Keys> keys(const std::vector<Code>& codebook);
    // The code on key `number`, 0 when none.
    Result<qint64> codeOn(int number);

    // The key the code was pinned to; an error when it is pinned already or all nine keys are.
    Result<int> pin(qint64 codeId);
    Status pinTo(int number, qint64 codeId); // replaces what was pinned to that key
    // The key it was pinned to, 0 when it was not pinned.
    Result<int> unpin(qint64 codeId);

private:
    Result<std::array<qint64, kKeys>> pins();
    Project& m_project;
};

} // namespace warrant

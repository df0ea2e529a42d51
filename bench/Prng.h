#pragma once

#include <cmath>
#include <cstdint>

namespace warrant::bench {

// SplitMix64: expands one seed into well-mixed 64-bit values (used to seed Xoshiro).
inline std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman and Vigna). Our own generator, so the corpus is byte-for-byte the same
// whatever the standard library: std::uniform_*_distribution differ between implementations.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        std::uint64_t sm = seed;
        for (auto& word : m_s) word = splitMix64(sm);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n); n > 0. Lemire's multiply-shift (the tiny bias is irrelevant here).
    std::uint32_t below(std::uint32_t n) { return std::uint32_t(((next() >> 32) * n) >> 32); }
    // Uniform integer in [lo, hi].
    int between(int lo, int hi) { return lo + int(below(std::uint32_t(hi - lo + 1))); }
    bool chance(double p) { return uniform() < p; }
    // Exponential with the given mean.
    double exponential(double mean);

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

// log and exp from + - * / only, so the vocabulary's Zipf weights do not depend on the C library's
// libm (whose last-bit rounding differs between platforms). Accurate to a few ulp.
inline double detLog(double x) {
    if (!(x > 0)) return -1e300;
    int e = 0;
    while (x >= 2.0) { x *= 0.5; ++e; }
    while (x < 1.0) { x *= 2.0; --e; }
    const double z = (x - 1.0) / (x + 1.0), z2 = z * z;
    double term = z, sum = 0;
    for (int k = 1; k < 80; k += 2) {
        sum += term / k;
        term *= z2;
    }
    return 2.0 * sum + e * 0.69314718055994530942;
}

inline double detExp(double y) {
    const double ln2 = 0.69314718055994530942;
    int k = 0;
    while (y > ln2 / 2) { y -= ln2; ++k; }
    while (y < -ln2 / 2) { y += ln2; --k; }
    double term = 1, sum = 1;
    for (int i = 1; i < 30; ++i) {
        term *= y / i;
        sum += term;
    }
    return std::ldexp(sum, k); // exact: scales by a power of two
}

inline double detPow(double x, double p) { return detExp(p * detLog(x)); }

inline double Xoshiro256::exponential(double mean) { return -detLog(1.0 - uniform()) * mean; }

// A seed for stream `stream` (e.g. transcript number) derived from the corpus seed.
inline std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t salt = 0) {
    std::uint64_t s = seed ^ (stream * 0xD1B54A32D192ED03ull) ^ (salt * 0x8CB92BA72F3D8DD7ull);
    splitMix64(s);
    return splitMix64(s);
}

} // namespace warrant::bench

// Random numbers: splitmix64 to seed, xoshiro256** to draw. Integer arithmetic only.

#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace generator {

inline uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    Rng(uint64_t seed, uint64_t stream) {
        uint64_t x = seed;
        const uint64_t mixed = splitmix64(x) ^ (stream * 0xD1B54A32D192ED03ull);
        x = mixed;
        for (auto& word : s_) word = splitmix64(x);
    }

    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // 0 .. n-1 (n >= 1), by multiply-shift on the high 32 bits.
    int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    // true with probability threshold / 2^53.
    bool chance(uint64_t threshold) { return (next() >> 11) < threshold; }

    template <size_t N>
    int weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = below(total);
        for (size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return static_cast<int>(i);
            x -= weights[i];
        }
        return static_cast<int>(N - 1);
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

inline uint64_t threshold_of(double fraction) {
    if (fraction <= 0) return 0;
    if (fraction >= 1) return uint64_t{1} << 53;
    return static_cast<uint64_t>(fraction * 9007199254740992.0);
}

}  // namespace generator

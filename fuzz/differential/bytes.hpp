#pragma once
// The byte reader through which fuzz_differential turns its input into choices.

#include <cstddef>
#include <cstdint>

namespace fuzz::differential {

// Deterministic: the same bytes give the same choices. Once the input runs dry every byte read
// is 0, so the first of any set of choices must always terminate the generation.
struct ByteReader {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t at = 0;
    unsigned byte() { return at < size ? data[at++] : 0; }
    // 0 … k-1; 0 once the input is used up (so the first choice must always terminate)
    unsigned pick(unsigned k) { return k <= 1 ? 0 : byte() % k; }
    bool chance(unsigned k) { return pick(k) == 1; }  // about 1 in k, never when dry
    template <typename Item, std::size_t N>
    const Item& one_of(const Item (&items)[N]) { return items[pick(N)]; }
};

}  // namespace fuzz::differential

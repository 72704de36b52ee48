#pragma once
// Counts the calls of the global operator new in a benchmark program (include in exactly one
// translation unit of the program): allocations per plan are part of what the benchmarks report.

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace planrules::bench {
inline std::atomic<std::uint64_t> allocations{0};
}

void* operator new(std::size_t n) {
    planrules::bench::allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    planrules::bench::allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return ::operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

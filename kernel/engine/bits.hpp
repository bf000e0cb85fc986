// SPDX-License-Identifier: GPL-2.0
// Bit helpers on 64-bit pin masks. Freestanding: compiler builtins only.
#pragma once

#include "clxgpio_abi.h"

namespace clx {

using u8 = clx_u8;
using u16 = clx_u16;
using u32 = clx_u32;
using u64 = clx_u64;
using usize = clx_size;

constexpr u64 bit(unsigned n) { return u64{1} << n; }

// Mask of the low `width` bits; width 64 gives all ones.
constexpr u64 low_mask(unsigned width) { return width >= 64 ? ~u64{0} : bit(width) - 1; }

// mask with the bits of m set (on) or cleared.
constexpr u64 with_bit(u64 mask, u64 m, bool on) { return on ? mask | m : mask & ~m; }

inline unsigned lowest_pin(u64 mask) { return static_cast<unsigned>(__builtin_ctzll(mask)); }

inline unsigned pin_count(u64 mask) { return static_cast<unsigned>(__builtin_popcountll(mask)); }

// Calls fn(pin) for every set bit, lowest first: O(set bits), not O(64).
template <typename Fn>
inline void for_each_pin(u64 mask, Fn fn) {
  while (mask != 0) {
    unsigned pin = lowest_pin(mask);
    mask &= mask - 1;
    fn(pin);
  }
}

// Tagged placement new: the engine cannot include <new>, and must not define the
// standard placement form (that one is reserved to the library).
struct Place {};

}  // namespace clx

inline void* operator new(clx_size, void* where, clx::Place) noexcept { return where; }

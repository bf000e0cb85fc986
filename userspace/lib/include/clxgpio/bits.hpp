// SPDX-License-Identifier: GPL-2.0
// clxgpio::Bits: the values of a connection's pins in table order, as READ_PINS and
// WRITE_PINS carry them: bit i is the i-th pin of the table (pins 7, 8, 23 -> bits 0, 1,
// 2), whatever the pins' numbers. At most CLXHUB_MAX_PINS (64) pins.
//
// Two spellings (parse, to_hex, to_string):
//   hex         "0x5": bit i of the number is pin i (pins 7, 23 high, 8 low)
//   bit string  "101": one 0/1 digit per pin, in table order, pin 0 first (the same
//               value); written the other way round from a binary number
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "clxgpio/error.hpp"

namespace clxgpio {

class Bits {
 public:
  static constexpr unsigned kMaxSize = 64;

  Bits() = default;
  // size pins, from value's low size bits (bits past size are dropped). size <= 64.
  Bits(unsigned size, std::uint64_t value);

  // Parses text for a table of size pins: "0x" + hex digits whose value has no bit at or
  // past size, or exactly size 0/1 digits. Errors: STATUS_INVALID_PARAMETER (EINVAL)
  // with a message saying what was expected.
  static Result<Bits> parse(std::string_view text, unsigned size);
  // From a READ_PINS buffer of bytes (bit 0 = LSB of byte 0): size pins.
  static Bits from_buffer(const std::uint8_t* buffer, std::size_t bytes, unsigned size);

  unsigned size() const { return m_size; }
  bool test(unsigned index) const { return index < m_size && ((m_value >> index) & 1u) != 0; }
  void set(unsigned index, bool on);
  std::uint64_t to_u64() const { return m_value; }
  // Writes ceil(size / 8) bytes of buffer (a WRITE_PINS buffer).
  void to_buffer(std::uint8_t* buffer, std::size_t bytes) const;

  // "0x5": ceil(size / 4) lower-case hex digits (at least one), leading zeros kept.
  std::string to_hex() const;
  // "101": pin 0 first.
  std::string to_string() const;

  bool operator==(const Bits& o) const { return m_size == o.m_size && m_value == o.m_value; }
  bool operator!=(const Bits& o) const { return !(*this == o); }

 private:
  std::uint64_t m_value = 0;
  unsigned m_size = 0;
};

}  // namespace clxgpio

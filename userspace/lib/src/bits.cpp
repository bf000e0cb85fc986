// SPDX-License-Identifier: GPL-2.0
// clxgpio::Bits: pin values in table order and their two spellings.
#include "clxgpio/bits.hpp"

#include "clx_ntstatus.h"

namespace clxgpio {
namespace {

std::uint64_t mask_of(unsigned size) { return size >= 64 ? ~0ull : (1ull << size) - 1u; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Error bad(std::string_view text, unsigned size, const char* why) {
  return Error::from_status(CLX_STATUS_INVALID_PARAMETER,
                            "'" + std::string(text) + "': " + why + " (expected 0x<hex> below 2^" +
                                std::to_string(size) + ", or " + std::to_string(size) +
                                " digits 0/1 in table order, pin 0 first)");
}

}  // namespace

Bits::Bits(unsigned size, std::uint64_t value)
    : m_value(value & mask_of(size > kMaxSize ? kMaxSize : size)),
      m_size(size > kMaxSize ? kMaxSize : size) {}

Result<Bits> Bits::parse(std::string_view text, unsigned size) {
  if (size == 0 || size > kMaxSize) return bad(text, size, "no table of that size");
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::uint64_t v = 0;
    for (char c : text.substr(2)) {
      int d = hex_digit(c);
      if (d < 0) return bad(text, size, "not a hex digit");
      if (v >> 60) return bad(text, size, "more than 64 bits");
      v = (v << 4) | static_cast<unsigned>(d);
    }
    if (v & ~mask_of(size)) return bad(text, size, "a bit past the last pin is set");
    return Bits(size, v);
  }
  if (text.empty() || text.find_first_not_of("01") != std::string_view::npos)
    return bad(text, size, "neither hex nor a bit string");
  if (text.size() != size) return bad(text, size, "wrong number of digits");
  Bits b(size, 0);
  for (unsigned i = 0; i < size; ++i) b.set(i, text[i] == '1');
  return b;
}

Bits Bits::from_buffer(const std::uint8_t* buffer, std::size_t bytes, unsigned size) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < bytes && i < 8; ++i) v |= static_cast<std::uint64_t>(buffer[i]) << (8 * i);
  return Bits(size, v);
}

void Bits::set(unsigned index, bool on) {
  if (index >= m_size) return;
  if (on)
    m_value |= 1ull << index;
  else
    m_value &= ~(1ull << index);
}

void Bits::to_buffer(std::uint8_t* buffer, std::size_t bytes) const {
  for (std::size_t i = 0; i < bytes; ++i)
    buffer[i] = i < 8 ? static_cast<std::uint8_t>(m_value >> (8 * i)) : 0;
}

std::string Bits::to_hex() const {
  static const char kDigits[] = "0123456789abcdef";
  unsigned digits = m_size == 0 ? 1 : (m_size + 3) / 4;
  std::string s = "0x";
  for (unsigned d = digits; d-- > 0;) s += kDigits[(m_value >> (4 * d)) & 0xf];
  return s;
}

std::string Bits::to_string() const {
  std::string s;
  for (unsigned i = 0; i < m_size; ++i) s += test(i) ? '1' : '0';
  return s;
}

}  // namespace clxgpio

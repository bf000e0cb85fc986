// Hand-built ACPI resource bytes for the codec's tests, written from the descriptor
// table (GPIOCLX-FACTS.md §11) and independent of the encoder: a test that compares
// the encoder with these bytes compares two implementations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "clx_acpi.h"

namespace acpitest {

using Bytes = std::vector<uint8_t>;

// Offsets in a GPIO descriptor.
enum Off : size_t {
  kLength = 1, kRevision = 3, kType = 4, kGeneral = 5, kFlags = 7, kPinConfig = 9,
  kDrive = 10, kDebounce = 12, kPinOff = 14, kSourceIndex = 16, kNameOff = 17,
  kVendorOff = 19, kVendorLen = 21, kFixed = 23,
};

inline void put16(Bytes& b, size_t off, uint16_t v) {
  b.at(off) = static_cast<uint8_t>(v);
  b.at(off + 1) = static_cast<uint8_t>(v >> 8);
}
inline uint16_t get16(const Bytes& b, size_t off) {
  return static_cast<uint16_t>(b.at(off) | (b.at(off + 1) << 8));
}

// The parts of a descriptor in the layout iasl writes.
struct Desc {
  uint8_t type = 0;         // 0 GpioInt, 1 GpioIo
  uint16_t general = 1;     // consumer
  uint16_t flags = 0x0001;  // GpioInt: edge, active high, exclusive
  uint8_t pin_config = 1;   // PullUp
  uint16_t drive = 0;
  uint16_t debounce = 0;
  uint8_t source_index = 0;
  std::vector<uint16_t> pins{3};
  std::string name = "GPO0";
  Bytes vendor;

  Bytes bytes() const {
    const size_t name_off = kFixed + 2 * pins.size();
    const size_t vendor_off = name_off + name.size() + 1;
    const size_t total = vendor_off + vendor.size();
    Bytes b(total, 0);
    b[0] = 0x8C;
    put16(b, kLength, static_cast<uint16_t>(total - 3));
    b[kRevision] = 1;
    b[kType] = type;
    put16(b, kGeneral, general);
    put16(b, kFlags, flags);
    b[kPinConfig] = pin_config;
    put16(b, kDrive, drive);
    put16(b, kDebounce, debounce);
    put16(b, kPinOff, kFixed);
    b[kSourceIndex] = source_index;
    put16(b, kNameOff, static_cast<uint16_t>(name_off));
    put16(b, kVendorOff, static_cast<uint16_t>(vendor_off));
    put16(b, kVendorLen, static_cast<uint16_t>(vendor.size()));
    for (size_t i = 0; i < pins.size(); ++i) put16(b, kFixed + 2 * i, pins[i]);
    for (size_t i = 0; i < name.size(); ++i) b[name_off + i] = static_cast<uint8_t>(name[i]);
    for (size_t i = 0; i < vendor.size(); ++i) b[vendor_off + i] = vendor[i];
    return b;
  }
};

// GPIOCLX-FACTS.md §11: GpioInt(Edge, ActiveHigh, Exclusive, PullUp, 0, "GPO0"){3}.
inline Bytes facts_example() {
  return {0x8C, 0x1B, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x17,
          0x00, 0x00, 0x19, 0x00, 0x1E, 0x00, 0x00, 0x00, 0x03, 0x00, 0x47, 0x50, 0x4F, 0x30, 0x00};
}

// Decode through the C ABI; the buffer is the vector's exact bytes (ASan sees overreads).
inline int decode(const Bytes& b, clx_acpi_gpio* g, size_t* size = nullptr) {
  return clx_acpi_gpio_decode(b.data(), b.size(), g, size);
}

// Fixes Length after a test grew or shrank the descriptor.
inline void fix_length(Bytes& b) { put16(b, kLength, static_cast<uint16_t>(b.size() - 3)); }

// Small items for templates.
inline Bytes irq_no_flags(uint16_t mask) { return {0x22, uint8_t(mask), uint8_t(mask >> 8)}; }
inline Bytes io16(uint16_t base) {
  return {0x47, 0x01, uint8_t(base), uint8_t(base >> 8), uint8_t(base), uint8_t(base >> 8), 0x01, 0x01};
}
// Memory32Fixed(ReadWrite, base, length): large item 0x86, Length 9.
inline Bytes memory32_fixed(uint32_t base, uint32_t len) {
  Bytes b{0x86, 0x09, 0x00, 0x01};
  for (int i = 0; i < 4; ++i) b.push_back(uint8_t(base >> (8 * i)));
  for (int i = 0; i < 4; ++i) b.push_back(uint8_t(len >> (8 * i)));
  return b;
}
inline Bytes end_tag(uint8_t checksum = 0) { return {0x79, checksum}; }

inline Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// The checksum byte that makes every byte of b (ending in an End Tag) sum to 0.
inline void set_checksum(Bytes& b) {
  uint8_t sum = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i) sum = static_cast<uint8_t>(sum + b[i]);
  b.back() = static_cast<uint8_t>(0x100 - sum);
}

}  // namespace acpitest

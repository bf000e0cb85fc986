// SPDX-License-Identifier: GPL-2.0
// The ACPI GPIO descriptor codec inside C++: the descriptor's layout as named offsets
// and bits, the Error enum, and the functions behind the C ABI (acpi_c_abi.cpp is the
// only place an Error becomes a negative int). Freestanding: no library headers, no
// allocation, no statics with constructors; every read is preceded by the bounds
// check that allows it.
#pragma once

#include "clx_acpi.h"

namespace clx::acpi {

using u8 = clx_u8;
using u16 = clx_u16;
using u32 = clx_u32;
using usize = clx_size;

enum class [[nodiscard]] Error : u8 {
  ok = CLX_ACPI_OK,
  truncated_header = CLX_ACPI_E_TRUNCATED_HEADER,
  not_gpio = CLX_ACPI_E_NOT_GPIO,
  item_truncated = CLX_ACPI_E_ITEM_TRUNCATED,
  descriptor_too_short = CLX_ACPI_E_DESCRIPTOR_TOO_SHORT,
  bad_revision = CLX_ACPI_E_BAD_REVISION,
  bad_connection_type = CLX_ACPI_E_BAD_CONNECTION_TYPE,
  reserved_general_flags = CLX_ACPI_E_RESERVED_GENERAL_FLAGS,
  reserved_int_flags = CLX_ACPI_E_RESERVED_INT_FLAGS,
  bad_polarity = CLX_ACPI_E_BAD_POLARITY,
  reserved_io_flags = CLX_ACPI_E_RESERVED_IO_FLAGS,
  reserved_pin_config = CLX_ACPI_E_RESERVED_PIN_CONFIG,
  pin_table_in_header = CLX_ACPI_E_PIN_TABLE_IN_HEADER,
  pin_table_outside = CLX_ACPI_E_PIN_TABLE_OUTSIDE,
  name_before_pin_table = CLX_ACPI_E_NAME_BEFORE_PIN_TABLE,
  name_outside = CLX_ACPI_E_NAME_OUTSIDE,
  pin_table_odd = CLX_ACPI_E_PIN_TABLE_ODD,
  no_pins = CLX_ACPI_E_NO_PINS,
  vendor_data_outside = CLX_ACPI_E_VENDOR_DATA_OUTSIDE,
  vendor_data_overlaps = CLX_ACPI_E_VENDOR_DATA_OVERLAPS,
  name_not_terminated = CLX_ACPI_E_NAME_NOT_TERMINATED,
  name_empty = CLX_ACPI_E_NAME_EMPTY,
  null_argument = CLX_ACPI_E_NULL_ARGUMENT,
  bad_field_value = CLX_ACPI_E_BAD_FIELD_VALUE,
  field_for_other_type = CLX_ACPI_E_FIELD_FOR_OTHER_TYPE,
  name_has_nul = CLX_ACPI_E_NAME_HAS_NUL,
  too_long = CLX_ACPI_E_TOO_LONG,
  no_space = CLX_ACPI_E_NO_SPACE,
  no_end_tag = CLX_ACPI_E_NO_END_TAG,
  bad_end_tag = CLX_ACPI_E_BAD_END_TAG,
  bad_checksum = CLX_ACPI_E_BAD_CHECKSUM,
  no_such_gpio = CLX_ACPI_E_NO_SUCH_GPIO,
};

inline bool failed(Error e) { return e != Error::ok; }

// Byte offsets of the descriptor's fields (ACPI 6.x table "GPIO Connection Descriptor").
namespace off {
constexpr usize tag = 0;
constexpr usize length = 1;            // u16: descriptor bytes - 3
constexpr usize revision = 3;
constexpr usize type = 4;
constexpr usize general_flags = 5;     // u16
constexpr usize flags = 7;             // u16: interrupt or I/O flags
constexpr usize pin_config = 9;
constexpr usize drive_strength = 10;   // u16
constexpr usize debounce = 12;         // u16
constexpr usize pin_table = 14;        // u16 offset
constexpr usize source_index = 16;
constexpr usize source_name = 17;      // u16 offset
constexpr usize vendor_offset = 19;    // u16 offset
constexpr usize vendor_length = 21;    // u16
constexpr usize fixed_end = CLX_ACPI_GPIO_FIXED_SIZE;
}  // namespace off

constexpr usize kLargeHeader = 3;     // tag + u16 Length
constexpr usize kMaxItem = CLX_ACPI_ITEM_MAX_SIZE;

// General flags: bit 0 consumer; bits 15:1 reserved.
constexpr u16 kConsumer = 0x0001;
constexpr u16 kGeneralReserved = 0xFFFE;
// Interrupt/IO flags, bits 15..0.
constexpr u16 kIntEdge = 0x0001;          // GpioInt bit 0 (_HE)
constexpr unsigned kIntPolarityShift = 1; // GpioInt bits 2:1 (_POL)
constexpr u16 kIntPolarityMask = 0x0006;
constexpr u16 kIoRestrictionMask = 0x0003; // GpioIo bits 1:0 (_IOR)
constexpr u16 kShared = 0x0008;            // bit 3 (_SHR), both types
constexpr u16 kWake = 0x0010;              // bit 4 (_WKC): iasl writes it for GpioIo too
constexpr u16 kIntReserved = 0xFFE0;       // GpioInt bits 15:5
constexpr u16 kIoReserved = 0xFFE4;        // GpioIo bits 15:5 and 2
constexpr u8 kPolarityReserved = 3;
constexpr u8 kPinConfigVendorFirst = CLX_ACPI_PIN_VENDOR_FIRST;
constexpr u8 kPinConfigStandardLast = CLX_ACPI_PULL_NONE;

// Small items: bit 7 clear, name in bits 6:3, length in bits 2:0.
constexpr u8 kLargeBit = 0x80;
constexpr u8 kSmallEndName = 0x0F;
constexpr u8 kEndTag = 0x79;   // End Tag with its one byte (the checksum)

inline u16 le16(const u8* p) { return static_cast<u16>(p[0] | (p[1] << 8)); }
inline void put16(u8* p, u16 v) {
  p[0] = static_cast<u8>(v);
  p[1] = static_cast<u8>(v >> 8);
}

// Decodes the descriptor at buf[0..len); see clx_acpi_gpio_decode.
Error decode(const u8* buf, usize len, clx_acpi_gpio& out, usize& size);

// Bytes the canonical encoding of g takes, after validate(g) passed.
usize encoded_size(const clx_acpi_gpio& g);
// Everything encoding refuses, in the order decoding would see it.
Error validate(const clx_acpi_gpio& g);
// Writes g (validated, cap >= encoded_size(g)) at out.
void write(const clx_acpi_gpio& g, u8* out);

bool equal(const clx_acpi_gpio& a, const clx_acpi_gpio& b);

// Checks the template (clx_acpi_template_open); on failure `bad` is the item's offset.
Error open_template(const u8* buf, usize len, clx_acpi_template& t, usize& bad);
// The next GPIO descriptor of an opened template; false after the last.
bool next_gpio(clx_acpi_template& t, clx_acpi_gpio_entry& e);

}  // namespace clx::acpi

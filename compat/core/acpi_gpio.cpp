// SPDX-License-Identifier: GPL-2.0
// One GpioIo/GpioInt descriptor: decode (every offset and length checked before the
// bytes it covers are read), validate + write (the canonical layout iasl emits), and
// value equality. Written from the ACPI 6.x descriptor table (GPIOCLX-FACTS.md §11).
#include "acpi_gpio.hpp"

namespace clx::acpi {

namespace {

bool reserved_pin_config(u8 v) { return v > kPinConfigStandardLast && v < kPinConfigVendorFirst; }

// Where the canonical encoding puts each region (pin table at off::fixed_end).
struct Layout {
  usize name;    // ResourceSource offset
  usize vendor;  // vendor data offset (the end when there is none)
  usize total;   // descriptor bytes
};

Layout layout_of(const clx_acpi_gpio& g) {
  const usize name = off::fixed_end + 2 * usize{g.pin_count};
  const usize vendor = name + usize{g.resource_source_len} + 1;
  return Layout{name, vendor, vendor + usize{g.vendor_data_len}};
}

bool bytes_equal(const u8* a, const u8* b, usize n) {
  for (usize i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The flags word's fields for each connection type, into g (flags already checked
// for reserved bits by the caller).
Error decode_flags(u8 type, u16 flags, clx_acpi_gpio& g) {
  g.shared = (flags & kShared) != 0;
  g.wake = (flags & kWake) != 0;
  if (type == CLX_ACPI_GPIO_INT) {
    if (flags & kIntReserved) return Error::reserved_int_flags;
    u8 polarity = static_cast<u8>((flags & kIntPolarityMask) >> kIntPolarityShift);
    if (polarity == kPolarityReserved) return Error::bad_polarity;
    g.int_mode = (flags & kIntEdge) != 0;
    g.polarity = polarity;
  } else {
    if (flags & kIoReserved) return Error::reserved_io_flags;
    g.io_restriction = static_cast<u8>(flags & kIoRestrictionMask);
  }
  return Error::ok;
}

u16 encode_flags(const clx_acpi_gpio& g) {
  u16 flags = static_cast<u16>((g.shared ? kShared : 0) | (g.wake ? kWake : 0));
  if (g.type == CLX_ACPI_GPIO_INT)
    flags = static_cast<u16>(flags | (g.int_mode ? kIntEdge : 0) | (g.polarity << kIntPolarityShift));
  else
    flags = static_cast<u16>(flags | g.io_restriction);
  return flags;
}

// The three variable regions of a descriptor of `total` bytes at d: pin table, name,
// vendor data. Offsets are checked against each other and total before any byte of
// a region is read.
Error decode_regions(const u8* d, usize total, clx_acpi_gpio& g) {
  const usize pins = le16(d + off::pin_table);
  const usize name = le16(d + off::source_name);
  const usize vendor = le16(d + off::vendor_offset);
  const usize vendor_len = le16(d + off::vendor_length);

  if (pins < off::fixed_end) return Error::pin_table_in_header;
  if (pins >= total) return Error::pin_table_outside;
  if (name < pins) return Error::name_before_pin_table;
  if (name >= total) return Error::name_outside;
  if ((name - pins) % 2 != 0) return Error::pin_table_odd;
  if (name == pins) return Error::no_pins;

  // The name runs to its NUL, which must come before the vendor data (if any) or the
  // descriptor's end. A zero vendor length leaves the vendor offset unused.
  usize name_limit = total;
  if (vendor_len != 0) {
    if (vendor + vendor_len > total) return Error::vendor_data_outside;
    if (vendor <= name) return Error::vendor_data_overlaps;
    name_limit = vendor;
  }
  usize nul = name;
  while (nul < name_limit && d[nul] != 0) ++nul;
  if (nul == name_limit) return Error::name_not_terminated;
  if (nul == name) return Error::name_empty;

  // CAST: all three values are below total <= 0x10002 and differences of u16 offsets.
  g.pin_count = static_cast<u16>((name - pins) / 2);
  g.pin_table = d + pins;
  g.resource_source = reinterpret_cast<const char*>(d + name);
  g.resource_source_len = static_cast<u16>(nul - name);
  g.vendor_data_len = static_cast<u16>(vendor_len);
  g.vendor_data = vendor_len != 0 ? d + vendor : nullptr;
  return Error::ok;
}

}  // namespace

Error decode(const u8* buf, usize len, clx_acpi_gpio& out, usize& size) {
  if (len == 0) return Error::truncated_header;
  if (buf[off::tag] != CLX_ACPI_GPIO_TAG) return Error::not_gpio;
  if (len < kLargeHeader) return Error::truncated_header;
  const usize total = kLargeHeader + le16(buf + off::length);
  if (total > len) return Error::item_truncated;
  if (total < off::fixed_end) return Error::descriptor_too_short;
  // INVARIANT: from here on every read is below total <= len.
  const u8* d = buf;
  if (d[off::revision] != CLX_ACPI_GPIO_REVISION) return Error::bad_revision;
  const u8 type = d[off::type];
  if (type != CLX_ACPI_GPIO_INT && type != CLX_ACPI_GPIO_IO) return Error::bad_connection_type;
  const u16 general = le16(d + off::general_flags);
  if (general & kGeneralReserved) return Error::reserved_general_flags;

  clx_acpi_gpio g{};
  g.revision = CLX_ACPI_GPIO_REVISION;
  g.type = type;
  g.consumer = (general & kConsumer) != 0;
  Error e = decode_flags(type, le16(d + off::flags), g);
  if (failed(e)) return e;
  g.pin_config = d[off::pin_config];
  if (reserved_pin_config(g.pin_config)) return Error::reserved_pin_config;
  g.drive_strength = le16(d + off::drive_strength);
  g.debounce_timeout = le16(d + off::debounce);
  g.resource_source_index = d[off::source_index];
  e = decode_regions(d, total, g);
  if (failed(e)) return e;

  out = g;
  size = total;
  return Error::ok;
}

Error validate(const clx_acpi_gpio& g) {
  if (g.revision != CLX_ACPI_GPIO_REVISION) return Error::bad_revision;
  if (g.type != CLX_ACPI_GPIO_INT && g.type != CLX_ACPI_GPIO_IO) return Error::bad_connection_type;
  if (g.consumer > 1 || g.shared > 1 || g.wake > 1) return Error::bad_field_value;
  if (g.type == CLX_ACPI_GPIO_INT) {
    if (g.io_restriction != 0) return Error::field_for_other_type;
    if (g.int_mode > CLX_ACPI_EDGE) return Error::bad_field_value;
    if (g.polarity == kPolarityReserved) return Error::bad_polarity;
    if (g.polarity > kPolarityReserved) return Error::bad_field_value;
  } else {
    if (g.int_mode != 0 || g.polarity != 0) return Error::field_for_other_type;
    if (g.io_restriction > CLX_ACPI_IO_NONE_AND_PRESERVE) return Error::bad_field_value;
  }
  if (reserved_pin_config(g.pin_config)) return Error::reserved_pin_config;
  if (g.pin_count == 0) return Error::no_pins;
  if (g.pin_table == nullptr) return Error::null_argument;
  if (g.resource_source_len == 0) return Error::name_empty;
  if (g.resource_source == nullptr) return Error::null_argument;
  if (g.vendor_data_len != 0 && g.vendor_data == nullptr) return Error::null_argument;
  for (usize i = 0; i < g.resource_source_len; ++i)
    if (g.resource_source[i] == '\0') return Error::name_has_nul;
  // Length and the offsets in use are 16-bit fields.
  const Layout l = layout_of(g);
  if (l.total > kMaxItem || l.name > 0xFFFF || (g.vendor_data_len != 0 && l.vendor > 0xFFFF))
    return Error::too_long;
  return Error::ok;
}

usize encoded_size(const clx_acpi_gpio& g) { return layout_of(g).total; }

void write(const clx_acpi_gpio& g, u8* out) {
  const usize pins = off::fixed_end;
  const auto [name, vendor, total] = layout_of(g);
  // CAST: validate() bounded Length and the offsets in use to 16 bits. Without vendor
  // data the offset is the end, as iasl writes it; only a descriptor of the largest
  // sizes has an end past 0xFFFF, and there the unused offset is written as 0xFFFF.
  const usize vendor_field = vendor < 0xFFFF ? vendor : 0xFFFF;
  out[off::tag] = CLX_ACPI_GPIO_TAG;
  put16(out + off::length, static_cast<u16>(total - kLargeHeader));
  out[off::revision] = g.revision;
  out[off::type] = g.type;
  put16(out + off::general_flags, g.consumer ? kConsumer : 0);
  put16(out + off::flags, encode_flags(g));
  out[off::pin_config] = g.pin_config;
  put16(out + off::drive_strength, g.drive_strength);
  put16(out + off::debounce, g.debounce_timeout);
  put16(out + off::pin_table, static_cast<u16>(pins));
  out[off::source_index] = g.resource_source_index;
  put16(out + off::source_name, static_cast<u16>(name));
  put16(out + off::vendor_offset, static_cast<u16>(vendor_field));
  put16(out + off::vendor_length, g.vendor_data_len);
  for (usize i = 0; i < 2 * usize{g.pin_count}; ++i) out[pins + i] = g.pin_table[i];
  for (usize i = 0; i < g.resource_source_len; ++i) out[name + i] = static_cast<u8>(g.resource_source[i]);
  out[vendor - 1] = 0;
  for (usize i = 0; i < g.vendor_data_len; ++i) out[vendor + i] = g.vendor_data[i];
}

bool equal(const clx_acpi_gpio& a, const clx_acpi_gpio& b) {
  if (a.revision != b.revision || a.type != b.type || a.consumer != b.consumer ||
      a.shared != b.shared || a.wake != b.wake || a.int_mode != b.int_mode ||
      a.polarity != b.polarity || a.io_restriction != b.io_restriction ||
      a.pin_config != b.pin_config || a.resource_source_index != b.resource_source_index ||
      a.drive_strength != b.drive_strength || a.debounce_timeout != b.debounce_timeout ||
      a.pin_count != b.pin_count || a.resource_source_len != b.resource_source_len ||
      a.vendor_data_len != b.vendor_data_len)
    return false;
  // CAST: the name is compared as bytes.
  return bytes_equal(a.pin_table, b.pin_table, 2 * usize{a.pin_count}) &&
         bytes_equal(reinterpret_cast<const u8*>(a.resource_source),
                     reinterpret_cast<const u8*>(b.resource_source), a.resource_source_len) &&
         bytes_equal(a.vendor_data, b.vendor_data, a.vendor_data_len);
}

}  // namespace clx::acpi

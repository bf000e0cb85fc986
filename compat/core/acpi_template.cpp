// SPDX-License-Identifier: GPL-2.0
// The walk over a resource template (ACPI 6.x §6.4: small items, large items, End
// Tag + checksum). open_template() checks the whole template, GPIO descriptors
// included, before the walk hands out the first one, so a caller never acts on the
// front of a template whose tail is malformed.
#include "acpi_gpio.hpp"

namespace clx::acpi {

namespace {

struct Item {
  usize size;  // tag, length field(s) and data
  bool gpio;   // large item 0x8C
  bool end;    // End Tag (its second byte is the checksum)
};

// The item at buf[pos..len): its bounds, checked before anything past its tag is read.
Error item_at(const u8* buf, usize len, usize pos, Item& item) {
  if (pos >= len) return Error::no_end_tag;
  const usize left = len - pos;
  const u8 tag = buf[pos];
  if (tag & kLargeBit) {
    if (left < kLargeHeader) return Error::truncated_header;
    const usize size = kLargeHeader + le16(buf + pos + 1);
    if (size > left) return Error::item_truncated;
    item = Item{size, tag == CLX_ACPI_GPIO_TAG, false};
    return Error::ok;
  }
  const usize size = 1 + (tag & 0x07u);
  const bool end = ((tag >> 3) & 0x0Fu) == kSmallEndName;
  if (end && tag != kEndTag) return Error::bad_end_tag;
  if (size > left) return Error::item_truncated;
  item = Item{size, false, end};
  return Error::ok;
}

// A nonzero checksum makes every byte through it sum to 0; zero means "not computed".
bool checksum_ok(const u8* buf, usize end_tag) {
  const usize through = end_tag + 2;
  if (buf[end_tag + 1] == 0) return true;
  u8 sum = 0;
  for (usize i = 0; i < through; ++i) sum = static_cast<u8>(sum + buf[i]);
  return sum == 0;
}

}  // namespace

Error open_template(const u8* buf, usize len, clx_acpi_template& t, usize& bad) {
  u32 gpios = 0;
  u32 ints = 0;
  for (usize pos = 0;;) {
    Item item{};
    Error e = item_at(buf, len, pos, item);
    if (failed(e)) {
      bad = e == Error::no_end_tag ? len : pos;
      return e;
    }
    if (item.gpio) {
      clx_acpi_gpio g{};
      usize size = 0;
      e = decode(buf + pos, item.size, g, size);
      if (failed(e)) {
        bad = pos;
        return e;
      }
      ++gpios;
      if (g.type == CLX_ACPI_GPIO_INT) ++ints;
    }
    if (item.end) {
      if (!checksum_ok(buf, pos)) {
        bad = pos;
        return Error::bad_checksum;
      }
      t = clx_acpi_template{buf, pos + item.size, 0, gpios, ints, 0, 0, 0};
      return Error::ok;
    }
    pos += item.size;
  }
}

bool next_gpio(clx_acpi_template& t, clx_acpi_gpio_entry& e) {
  // INVARIANT: open_template() accepted buf[0..size), so no step below fails; a
  // failure would mean the caller changed the template, and ends the walk.
  while (t.pos < t.size) {
    Item item{};
    if (failed(item_at(t.buf, t.size, t.pos, item)) || item.end) break;
    const usize pos = t.pos;
    t.pos += item.size;
    if (!item.gpio) continue;
    clx_acpi_gpio_entry found{};
    if (failed(decode(t.buf + pos, item.size, found.gpio, found.size))) break;
    found.offset = pos;
    found.index = t.next_index++;
    found.type_index = found.gpio.type == CLX_ACPI_GPIO_INT ? t.next_int++ : t.next_io++;
    e = found;
    return true;
  }
  t.pos = t.size;
  return false;
}

}  // namespace clx::acpi

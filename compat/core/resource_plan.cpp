// SPDX-License-Identifier: GPL-2.0
// The pin-table planner (clx_resource.h): a resource's table of controller-relative pins
// becomes one (bank, mask) group per bank, banks ascending, plus each entry's (bank,
// group, bit); pack and unpack move values between the banks' bit order and the
// READ_PINS/WRITE_PINS buffer's (bit i = table entry i). No allocation: the caller gives
// the storage (clx_res_plan_size() bytes) and the plan points into it.
#include "resource_rules.hpp"

namespace clx::res {
namespace {  // nothing here is exported from the module

// A table in either layout: an array of u16, or the descriptor's little-endian bytes.
struct U16Pins {
  const u16* pins;
  u16 at(u32 i) const { return pins[i]; }
};

struct Le16Pins {
  const u8* bytes;
  u16 at(u32 i) const { return static_cast<u16>(bytes[2u * i] | (bytes[2u * i + 1u] << 8)); }
};

// Storage layout: pin_count groups (the most a table can need), then pin_count pins.
constexpr usize kAlign = alignof(clx_res_group);

constexpr usize storage_size(u32 pin_count) {
  if (pin_count == 0 || pin_count > CLX_RES_MAX_PINS) return 0;
  return (kAlign - 1) + pin_count * sizeof(clx_res_group) + pin_count * sizeof(clx_res_pin);
}

static_assert(alignof(clx_res_pin) <= kAlign && sizeof(clx_res_group) % alignof(clx_res_pin) == 0,
              "the pins follow the groups without padding");

struct Layout {
  clx_res_group* groups;
  clx_res_pin* pins;
};

Layout carve(void* storage, u32 pin_count) {
  // CAST: the storage is untyped bytes from the caller; align it up for the groups.
  const auto addr = (reinterpret_cast<__UINTPTR_TYPE__>(storage) + (kAlign - 1)) & ~(kAlign - 1);
  auto* groups = reinterpret_cast<clx_res_group*>(addr);
  return {groups, reinterpret_cast<clx_res_pin*>(groups + pin_count)};
}

bool valid_geometry(u16 total_pins, u8 pins_per_bank) {
  return total_pins != 0 && pins_per_bank != 0 && pins_per_bank <= CLX_RES_MAX_PINS_PER_BANK &&
         pins_per_bank <= total_pins;
}

// Index of the first group whose bank is >= bank (groups[0..count) ascending).
u32 lower_bound(const clx_res_group* groups, u32 count, u16 bank) {
  u32 lo = 0;
  u32 hi = count;
  while (lo < hi) {
    const u32 mid = lo + (hi - lo) / 2;
    if (groups[mid].bank < bank)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

// The group of bank, inserted in bank order if it is not there yet.
u32 group_for(clx_res_group* groups, u32* count, u16 bank) {
  const u32 g = lower_bound(groups, *count, bank);
  if (g < *count && groups[g].bank == bank) return g;
  for (u32 k = *count; k > g; --k) groups[k] = groups[k - 1];
  groups[g] = clx_res_group{0, bank};
  ++*count;
  return g;
}

template <typename Pins>
Error plan(const Pins& table, u32 pin_count, u16 total_pins, u8 pins_per_bank, void* storage,
           usize size, struct clx_res_plan* out, u32* bad_index) {
  if (storage == nullptr || out == nullptr) return Error::null_argument;
  if (!valid_geometry(total_pins, pins_per_bank)) return Error::bad_geometry;
  if (pin_count == 0) return Error::no_pins;
  if (pin_count > CLX_RES_MAX_PINS) return Error::too_many_pins;
  if (size < storage_size(pin_count)) return Error::no_space;

  // Each pin joins its bank's group; a bit already in the mask is a duplicate.
  const Layout l = carve(storage, pin_count);
  u32 groups = 0;
  for (u32 i = 0; i < pin_count; ++i) {
    const u16 pin = table.at(i);
    Error e = Error::ok;
    if (pin >= total_pins) e = Error::pin_out_of_range;
    const u16 bank = static_cast<u16>(pin / pins_per_bank);
    const u8 bit = static_cast<u8>(pin % pins_per_bank);
    if (!failed(e)) {
      clx_res_group& g = l.groups[group_for(l.groups, &groups, bank)];
      if (g.mask & (u64{1} << bit)) e = Error::duplicate_pin;
      g.mask |= u64{1} << bit;
    }
    if (failed(e)) {
      if (bad_index != nullptr) *bad_index = i;
      return e;
    }
    l.pins[i] = clx_res_pin{bank, 0, bit};
  }
  // Group indices only settle once every bank is in: insertion shifts them.
  for (u32 i = 0; i < pin_count; ++i)
    l.pins[i].group = static_cast<u16>(lower_bound(l.groups, groups, l.pins[i].bank));

  *out = {l.groups, l.pins, static_cast<u16>(pin_count), static_cast<u16>(groups)};
  return Error::ok;
}

bool plan_usable(const struct clx_res_plan* p) {
  return p != nullptr && (p->pin_count == 0 || (p->pins != nullptr && p->groups != nullptr));
}

Error pack(const struct clx_res_plan* p, const u64* values, u8* buf, usize len) {
  if (!plan_usable(p) || values == nullptr || buf == nullptr) return Error::null_argument;
  const usize bytes = buffer_bytes(p->pin_count);
  if (len < bytes) return Error::buffer_too_small;
  for (usize b = 0; b < bytes; ++b) buf[b] = 0;  // bits past pin_count read as 0
  for (u32 i = 0; i < p->pin_count; ++i) {
    const clx_res_pin& pin = p->pins[i];
    if ((values[pin.group] >> pin.bit) & 1u) buf[i / 8u] = static_cast<u8>(buf[i / 8u] | (1u << (i % 8u)));
  }
  return Error::ok;
}

Error unpack(const struct clx_res_plan* p, const u8* buf, usize len, u64* set, u64* clear) {
  if (!plan_usable(p) || buf == nullptr || set == nullptr || clear == nullptr) return Error::null_argument;
  if (len < buffer_bytes(p->pin_count)) return Error::buffer_too_small;
  for (u32 g = 0; g < p->group_count; ++g) set[g] = clear[g] = 0;
  for (u32 i = 0; i < p->pin_count; ++i) {  // bits past pin_count are never looked at
    const clx_res_pin& pin = p->pins[i];
    u64* side = ((buf[i / 8u] >> (i % 8u)) & 1u) ? set : clear;
    side[pin.group] |= u64{1} << pin.bit;
  }
  return Error::ok;
}

}  // namespace
}  // namespace clx::res

using namespace clx::res;

extern "C" {

clx_size clx_res_plan_size(clx_u32 pin_count) { return storage_size(pin_count); }

int clx_res_plan(const clx_u16* pins, clx_u32 pin_count, clx_u16 total_pins, clx_u8 pins_per_bank,
                 void* storage, clx_size size, struct clx_res_plan* plan_out, clx_u32* bad_index) {
  if (pins == nullptr && pin_count != 0) return to_int(Error::null_argument);
  return to_int(
      plan(U16Pins{pins}, pin_count, total_pins, pins_per_bank, storage, size, plan_out, bad_index));
}

int clx_res_plan_le16(const void* pin_table, clx_u32 pin_count, clx_u16 total_pins, clx_u8 pins_per_bank,
                      void* storage, clx_size size, struct clx_res_plan* plan_out, clx_u32* bad_index) {
  if (pin_table == nullptr && pin_count != 0) return to_int(Error::null_argument);
  // CAST: the descriptor's pin table is bytes, read two at a time.
  const Le16Pins table{static_cast<const u8*>(pin_table)};
  return to_int(plan(table, pin_count, total_pins, pins_per_bank, storage, size, plan_out, bad_index));
}

int clx_res_pack(const struct clx_res_plan* plan_in, const clx_u64* values, void* buf, clx_size len) {
  // CAST: the C ABI takes an untyped buffer; it holds bytes.
  return to_int(pack(plan_in, values, static_cast<u8*>(buf), len));
}

int clx_res_unpack(const struct clx_res_plan* plan_in, const void* buf, clx_size len, clx_u64* set,
                   clx_u64* clear) {
  // CAST: as above.
  return to_int(unpack(plan_in, static_cast<const u8*>(buf), len, set, clear));
}

}  // extern "C"

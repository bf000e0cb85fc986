// SPDX-License-Identifier: GPL-2.0
// The C ABI: the only place where arguments are validated (pointers, pin, bank and
// mask ranges, enum values, flags), where Status becomes 0/-errno and where opaque
// handles become C++ objects. The Chip behind it trusts its arguments (chip.hpp) and
// checks only the controller's capabilities and the pins' state.
#include "chip.hpp"

using clx::Chip;
using clx::IoRelease;
using clx::Level;
using clx::PinRef;
using clx::Status;
using clx::to_errno;

namespace {

// CAST: struct clx_chip is the opaque C name of clx::Chip.
Chip& cpp(clx_chip* c) { return *reinterpret_cast<Chip*>(c); }
const Chip& cpp(const clx_chip* c) { return *reinterpret_cast<const Chip*>(c); }

constexpr int kInvalid = to_errno(Status::invalid);
constexpr int kNoPin = to_errno(Status::pin_out_of_range);
constexpr int kNoBank = to_errno(Status::bank_out_of_range);

// CAST: a C caller may store any int in an enum, but C++ must not read an out-of-range
// value as the enum (undefined; UBSan traps it): check the raw integer before the
// engine sees it.
template <typename E>
bool enum_in(const E& value, clx_u32 lo, clx_u32 hi) {
  static_assert(sizeof(E) == sizeof(clx_u32), "C enums are 32-bit on clxgpio targets");
  clx_u32 v;
  __builtin_memcpy(&v, &value, sizeof v);
  return v >= lo && v <= hi;
}

bool valid_pull(const clx_pull& pull) { return enum_in(pull, CLX_PULL_DEFAULT, CLX_PULL_NONE); }
bool valid_mode(const clx_io_mode& mode) { return enum_in(mode, CLX_IO_INPUT, CLX_IO_OUTPUT); }

bool valid(const clx_io_config& c) { return valid_mode(c.mode) && valid_pull(c.pull); }

// Level with both polarities is no trigger at all.
bool valid(const clx_irq_config& c) {
  return enum_in(c.mode, CLX_IRQ_LEVEL, CLX_IRQ_EDGE) &&
         enum_in(c.polarity, CLX_POL_HIGH, CLX_POL_BOTH) && valid_pull(c.pull) &&
         !(c.mode == CLX_IRQ_LEVEL && c.polarity == CLX_POL_BOTH);
}

// 0, or the errno of a bank out of range or of pins outside it.
int check_bank(const Chip& chip, clx_u16 bank, clx_u64 mask) {
  if (bank >= chip.geometry().bank_count) return kNoBank;
  if ((mask & ~chip.bank_pins(bank)) != 0) return kNoPin;
  return 0;
}

// check_bank, and the mask names at least one pin.
int check_pins(const Chip& chip, clx_u16 bank, clx_u64 mask) {
  int rc = check_bank(chip, bank, mask);
  return rc != 0 ? rc : mask == 0 ? kInvalid : 0;
}

// Runs fn(chip, pin) on a located pin, or returns -ERANGE for a pin the chip lacks.
template <typename C, typename Fn>
int on_pin(C* chip, clx_u16 pin, Fn fn) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  return fn(cpp(chip), p);
}

// An interrupt connect's or reconfigure's arguments: a valid configuration, a pin of
// the chip (located into *p), known flags.
int check_irq_args(const Chip& chip, clx_u16 pin, const clx_irq_config* cfg, clx_u32 flags,
                   PinRef* p) {
  if (cfg == nullptr || !valid(*cfg)) return kInvalid;
  if (!chip.locate(pin, p)) return kNoPin;
  return (flags & ~clx_u32{CLX_CONNECT_FLAGS_MASK}) != 0 ? kInvalid : 0;
}

// Dispatch results are an event count.
int count_or_errno(Status s, const clx_dispatch* out) {
  return s == Status::ok ? static_cast<int>(out->count) : to_errno(s);
}

}  // namespace

extern "C" {

long clx_chip_storage_size(const clx_controller_desc* desc) {
  if (desc == nullptr) return kInvalid;
  Status s = Chip::check_geometry(*desc);  // ops are checked at create
  if (s != Status::ok) return to_errno(s);
  return static_cast<long>(Chip::storage_size(*desc));
}

int clx_chip_create(void* storage, clx_size size, const clx_controller_desc* desc,
                    const clx_client_ops* ops, void* ctx, clx_chip** out) {
  if (desc == nullptr || out == nullptr || storage == nullptr) return kInvalid;
  if ((reinterpret_cast<clx_size>(storage) & 7) != 0) return kInvalid;
  Status s = Chip::check(*desc, ops);
  if (s != Status::ok) return to_errno(s);
  if (size < Chip::storage_size(*desc)) return to_errno(Status::no_space);
  *out = reinterpret_cast<clx_chip*>(Chip::create(storage, *desc, ops, ctx));
  return 0;
}

void clx_chip_destroy(clx_chip* chip) {
  if (chip != nullptr) cpp(chip).~Chip();
}

clx_u16 clx_chip_total_pins(const clx_chip* chip) { return cpp(chip).geometry().total_pins; }
clx_u16 clx_chip_bank_count(const clx_chip* chip) { return cpp(chip).geometry().bank_count; }
clx_u8 clx_chip_pins_per_bank(const clx_chip* chip) {
  return cpp(chip).geometry().pins_per_bank;
}
clx_u32 clx_chip_caps(const clx_chip* chip) { return cpp(chip).geometry().caps; }
int clx_chip_has_interrupts(const clx_chip* chip) { return cpp(chip).has_interrupts(); }
int clx_chip_bank_width(const clx_chip* chip, clx_u16 bank) {
  if (bank >= cpp(chip).geometry().bank_count) return kNoBank;
  return static_cast<int>(cpp(chip).geometry().bank_width(bank));
}
clx_u32 clx_chip_state_bytes(const clx_chip* chip) { return cpp(chip).state_bytes_per_pin(); }

int clx_chip_bank_irq_line(const clx_chip* chip, clx_u16 bank) {
  if (bank >= cpp(chip).geometry().bank_count) return kNoBank;
  return cpp(chip).bank_irq_line(bank);
}

int clx_chip_start(clx_chip* chip, clx_start_kind kind) {
  if (!enum_in(kind, CLX_START_FIRST, CLX_START_RESTORE)) return kInvalid;
  return to_errno(cpp(chip).start(kind));
}

int clx_chip_stop(clx_chip* chip, clx_stop_kind kind) {
  if (!enum_in(kind, CLX_STOP_FINAL, CLX_STOP_SAVE)) return kInvalid;
  return to_errno(cpp(chip).stop(kind));
}

// ---- Pin configuration ----

int clx_pin_set_direction(clx_chip* chip, clx_u16 pin, clx_io_mode mode, int value) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  if (!valid_mode(mode)) return kInvalid;
  return to_errno(cpp(chip).set_direction(p, mode, value != 0 ? Level::high : Level::low));
}

int clx_pin_get_direction(const clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](const Chip& c, PinRef p) { return c.is_input(p) ? 1 : 0; });
}

int clx_pin_set_pull(clx_chip* chip, clx_u16 pin, clx_pull pull) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  if (!valid_pull(pull)) return kInvalid;
  return to_errno(cpp(chip).set_pull(p, pull));
}

int clx_pin_set_drive_strength(clx_chip* chip, clx_u16 pin, clx_u16 centi_ma) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) {
    return to_errno(c.set_drive_strength(p, centi_ma));
  });
}

int clx_pin_set_debounce(clx_chip* chip, clx_u16 pin, clx_u16 centi_ms) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) {
    return to_errno(c.set_debounce(p, centi_ms));
  });
}

int clx_pin_debounce(const clx_chip* chip, clx_u16 pin, clx_u16* centi_ms) {
  PinRef p;
  if (centi_ms == nullptr) return kInvalid;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  *centi_ms = cpp(chip).debounce(p);
  return 0;
}

// ---- Pin I/O: checked here once, the Chip's inline read/write trust it ----

int clx_bank_read(clx_chip* chip, clx_u16 bank, clx_u64 mask, clx_u64* values) {
  if (values == nullptr) return kInvalid;
  int rc = check_bank(cpp(chip), bank, mask);
  if (rc != 0) return rc;
  return to_errno(cpp(chip).read(bank, mask, values));
}

int clx_bank_write(clx_chip* chip, clx_u16 bank, clx_u64 set_mask, clx_u64 clear_mask) {
  int rc = check_bank(cpp(chip), bank, set_mask | clear_mask);
  if (rc != 0) return rc;
  if ((set_mask & clear_mask) != 0) return kInvalid;
  return to_errno(cpp(chip).write(bank, set_mask, clear_mask));
}

int clx_pin_read(clx_chip* chip, clx_u16 pin) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  clx_u64 m = clx::bit(p.offset);
  clx_u64 v = 0;
  Status s = cpp(chip).read(p.bank, m, &v);
  return s == Status::ok ? (v & m) != 0 : to_errno(s);
}

int clx_pin_write(clx_chip* chip, clx_u16 pin, int value) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  clx_u64 m = clx::bit(p.offset);
  return to_errno(cpp(chip).write(p.bank, value ? m : 0, value ? 0 : m));
}

// ---- Ownership ----

int clx_io_connect(clx_chip* chip, clx_u16 bank, clx_u64 mask, const clx_io_config* cfg,
                   clx_u32 flags) {
  if (cfg == nullptr || !valid(*cfg)) return kInvalid;
  int rc = check_pins(cpp(chip), bank, mask);
  if (rc != 0) return rc;
  if ((flags & ~clx_u32{CLX_CONNECT_SHARED}) != 0) return kInvalid;
  return to_errno(cpp(chip).io_connect(bank, mask, *cfg, flags));
}

int clx_io_disconnect(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  int rc = check_pins(cpp(chip), bank, mask);
  return rc != 0 ? rc : to_errno(cpp(chip).io_disconnect(bank, mask, IoRelease::to_default));
}

int clx_io_disconnect_preserve(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  int rc = check_pins(cpp(chip), bank, mask);
  return rc != 0 ? rc : to_errno(cpp(chip).io_disconnect(bank, mask, IoRelease::preserve));
}

int clx_io_connected_mode(const clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](const Chip& c, PinRef p) { return c.io_mode(p); });
}

int clx_firmware_reserve(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  int rc = check_pins(cpp(chip), bank, mask);
  return rc != 0 ? rc : to_errno(cpp(chip).firmware_reserve(bank, mask));
}

int clx_firmware_release(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  int rc = check_pins(cpp(chip), bank, mask);
  return rc != 0 ? rc : to_errno(cpp(chip).firmware_release(bank, mask));
}

int clx_pin_claim(clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) { return to_errno(c.native_claim(p)); });
}

int clx_pin_unclaim(clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) { return to_errno(c.native_release(p)); });
}

int clx_pin_holder(const clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](const Chip& c, PinRef p) { return int{c.holder(p)}; });
}

// ---- Interrupts ----

int clx_irq_set_asserted_high(clx_chip* chip, clx_u16 pin, int asserted_high) {
  PinRef p;
  if (!cpp(chip).locate(pin, &p)) return kNoPin;
  cpp(chip).set_asserted_level(p, asserted_high != 0 ? Level::high : Level::low);
  return 0;
}

int clx_irq_connect(clx_chip* chip, clx_u16 pin, const clx_irq_config* cfg, clx_u32 flags) {
  PinRef p;
  int rc = check_irq_args(cpp(chip), pin, cfg, flags, &p);
  return rc != 0 ? rc : to_errno(cpp(chip).irq_connect(p, *cfg, flags));
}

int clx_irq_disconnect(clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) { return to_errno(c.irq_disconnect(p)); });
}

int clx_irq_reconfigure(clx_chip* chip, clx_u16 pin, const clx_irq_config* cfg,
                        clx_u32 flags) {
  PinRef p;
  int rc = check_irq_args(cpp(chip), pin, cfg, flags, &p);
  return rc != 0 ? rc : to_errno(cpp(chip).irq_reconfigure(p, *cfg, flags));
}

int clx_irq_mask(clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) { return to_errno(c.irq_mask(p)); });
}

int clx_irq_unmask(clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](Chip& c, PinRef p) { return to_errno(c.irq_unmask(p)); });
}

int clx_irq_is_connected(const clx_chip* chip, clx_u16 pin) {
  return on_pin(chip, pin, [&](const Chip& c, PinRef p) { return c.irq_connected(p) ? 1 : 0; });
}

int clx_irq_dispatch(clx_chip* chip, clx_u16 bank, clx_dispatch* out) {
  if (out == nullptr) return kInvalid;
  if (bank >= cpp(chip).geometry().bank_count) return kNoBank;
  return count_or_errno(cpp(chip).dispatch(bank, out), out);
}

int clx_debounce_expired(clx_chip* chip, clx_u16 bank, clx_u64 mask, clx_dispatch* out) {
  if (out == nullptr) return kInvalid;
  int rc = check_bank(cpp(chip), bank, mask);
  if (rc != 0) return rc;
  return count_or_errno(cpp(chip).debounce_expired(bank, mask, out), out);
}

int clx_storm_configure(clx_chip* chip, const clx_storm_config* cfg) {
  if (cfg == nullptr || cfg->rearm_ticks == 0) return kInvalid;
  cpp(chip).storm_configure(*cfg);
  return 0;
}

int clx_storm_tick(clx_chip* chip, clx_u16 bank, clx_u64* rearmed) {
  if (rearmed == nullptr) return kInvalid;
  if (bank >= cpp(chip).geometry().bank_count) return kNoBank;
  cpp(chip).storm_tick(bank, rearmed);
  return 0;
}

}  // extern "C"

// SPDX-License-Identifier: GPL-2.0
// The C ABI: the only place where Status becomes 0/-errno and where opaque
// handles become C++ objects.
#include "chip.hpp"

using clx::Chip;
using clx::Status;
using clx::to_errno;

namespace {

// CAST: struct clx_chip is the opaque C name of clx::Chip.
Chip* cpp(clx_chip* c) { return reinterpret_cast<Chip*>(c); }
const Chip* cpp(const clx_chip* c) { return reinterpret_cast<const Chip*>(c); }

int bad_args() { return to_errno(Status::invalid); }

// CAST: a C caller may store any int in an enum field, but C++ must not read an
// out-of-range value as the enum (undefined; UBSan traps it): check the raw integer
// before the engine sees the struct.
template <typename E>
bool enum_in(const E& field, clx_u32 lo, clx_u32 hi) {
  static_assert(sizeof(E) == sizeof(clx_u32), "C enums are 32-bit on clxgpio targets");
  clx_u32 v;
  __builtin_memcpy(&v, &field, sizeof v);
  return v >= lo && v <= hi;
}

bool valid(const clx_io_config& c) {
  return enum_in(c.mode, CLX_IO_INPUT, CLX_IO_OUTPUT) &&
         enum_in(c.pull, CLX_PULL_DEFAULT, CLX_PULL_NONE);
}

bool valid(const clx_irq_config& c) {
  return enum_in(c.mode, CLX_IRQ_LEVEL, CLX_IRQ_EDGE) &&
         enum_in(c.polarity, CLX_POL_HIGH, CLX_POL_BOTH) &&
         enum_in(c.pull, CLX_PULL_DEFAULT, CLX_PULL_NONE);
}

}  // namespace

extern "C" {

long clxgpio_chip_storage_size(const clx_controller_desc* desc) {
  if (desc == nullptr) return bad_args();
  Status s = Chip::check_geometry(*desc);  // ops are checked at create
  if (s != Status::ok) return to_errno(s);
  return static_cast<long>(Chip::storage_size(*desc));
}

int clxgpio_chip_create(void* storage, clx_size size, const clx_controller_desc* desc,
                        const clx_client_ops* ops, void* ctx, clx_chip** out) {
  if (desc == nullptr || out == nullptr) return bad_args();
  Chip* chip = nullptr;
  Status s = Chip::create(storage, size, *desc, ops, ctx, &chip);
  if (s == Status::ok) *out = reinterpret_cast<clx_chip*>(chip);
  return to_errno(s);
}

void clxgpio_chip_destroy(clx_chip* chip) {
  if (chip != nullptr) cpp(chip)->~Chip();
}

clx_u16 clxgpio_chip_total_pins(const clx_chip* chip) { return cpp(chip)->geometry().total_pins; }
clx_u16 clxgpio_chip_bank_count(const clx_chip* chip) { return cpp(chip)->geometry().bank_count; }
clx_u8 clxgpio_chip_pins_per_bank(const clx_chip* chip) {
  return cpp(chip)->geometry().pins_per_bank;
}
clx_u32 clxgpio_chip_caps(const clx_chip* chip) { return cpp(chip)->geometry().caps; }
clx_u32 clxgpio_chip_state_bytes(const clx_chip* chip) { return cpp(chip)->state_bytes_per_pin(); }

int clxgpio_chip_bank_irq_line(const clx_chip* chip, clx_u16 bank) {
  return cpp(chip)->bank_irq_line(bank);
}

int clxgpio_chip_start(clx_chip* chip, clx_start_kind kind) { return to_errno(cpp(chip)->start(kind)); }
int clxgpio_chip_stop(clx_chip* chip, clx_stop_kind kind) { return to_errno(cpp(chip)->stop(kind)); }

int clxgpio_pin_set_direction(clx_chip* chip, clx_u16 pin, clx_io_mode mode, int value) {
  return to_errno(cpp(chip)->set_direction(pin, mode, value != 0));
}

int clxgpio_pin_get_direction(const clx_chip* chip, clx_u16 pin) {
  bool is_input = true;
  Status s = cpp(chip)->get_direction(pin, &is_input);
  return s == Status::ok ? (is_input ? 1 : 0) : to_errno(s);
}

int clxgpio_pin_set_pull(clx_chip* chip, clx_u16 pin, clx_pull pull) {
  return to_errno(cpp(chip)->set_pull(pin, pull));
}

int clxgpio_pin_set_drive_strength(clx_chip* chip, clx_u16 pin, clx_u16 centi_ma) {
  return to_errno(cpp(chip)->set_drive_strength(pin, centi_ma));
}

int clxgpio_pin_set_debounce(clx_chip* chip, clx_u16 pin, clx_u16 centi_ms) {
  return to_errno(cpp(chip)->set_debounce(pin, centi_ms));
}

clx_u16 clxgpio_pin_debounce(const clx_chip* chip, clx_u16 pin) {
  clx_u16 value = 0;
  (void)cpp(chip)->debounce(pin, &value);
  return value;
}

int clxgpio_bank_read(clx_chip* chip, clx_u16 bank, clx_u64 mask, clx_u64* values) {
  if (values == nullptr) return bad_args();
  return to_errno(cpp(chip)->read(bank, mask, values));
}

int clxgpio_bank_write(clx_chip* chip, clx_u16 bank, clx_u64 set_mask, clx_u64 clear_mask) {
  return to_errno(cpp(chip)->write(bank, set_mask, clear_mask));
}

int clxgpio_pin_read(clx_chip* chip, clx_u16 pin) {
  clx_u8 ppb = cpp(chip)->geometry().pins_per_bank;
  if (pin >= cpp(chip)->geometry().total_pins) return to_errno(Status::pin_out_of_range);
  clx_u64 m = clx::bit(pin % ppb);
  clx_u64 v = 0;
  Status s = cpp(chip)->read(static_cast<clx_u16>(pin / ppb), m, &v);
  return s == Status::ok ? (v != 0) : to_errno(s);
}

int clxgpio_pin_write(clx_chip* chip, clx_u16 pin, int value) {
  clx_u8 ppb = cpp(chip)->geometry().pins_per_bank;
  if (pin >= cpp(chip)->geometry().total_pins) return to_errno(Status::pin_out_of_range);
  clx_u64 m = clx::bit(pin % ppb);
  return to_errno(cpp(chip)->write(static_cast<clx_u16>(pin / ppb), value ? m : 0, value ? 0 : m));
}

int clxgpio_io_connect(clx_chip* chip, clx_u16 bank, clx_u64 mask, const clx_io_config* cfg,
                       clx_u32 flags) {
  if (cfg == nullptr || !valid(*cfg)) return bad_args();
  return to_errno(cpp(chip)->io_connect(bank, mask, *cfg, flags));
}

int clxgpio_io_disconnect(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  return to_errno(cpp(chip)->io_disconnect(bank, mask));
}

int clxgpio_io_mode(const clx_chip* chip, clx_u16 pin) {
  clx_u8 mode = 0;
  Status s = cpp(chip)->io_mode(pin, &mode);
  return s == Status::ok ? mode : to_errno(s);
}

int clxgpio_firmware_reserve(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  return to_errno(cpp(chip)->firmware_reserve(bank, mask));
}

int clxgpio_firmware_release(clx_chip* chip, clx_u16 bank, clx_u64 mask) {
  return to_errno(cpp(chip)->firmware_release(bank, mask));
}

int clxgpio_irq_set_asserted_high(clx_chip* chip, clx_u16 pin, int asserted_high) {
  return to_errno(cpp(chip)->set_asserted_high(pin, asserted_high != 0));
}

int clxgpio_irq_connect(clx_chip* chip, clx_u16 pin, const clx_irq_config* cfg, clx_u32 flags) {
  if (cfg == nullptr || !valid(*cfg)) return bad_args();
  return to_errno(cpp(chip)->irq_connect(pin, *cfg, flags));
}

int clxgpio_irq_disconnect(clx_chip* chip, clx_u16 pin) {
  return to_errno(cpp(chip)->irq_disconnect(pin));
}

int clxgpio_irq_reconfigure(clx_chip* chip, clx_u16 pin, const clx_irq_config* cfg,
                            clx_u32 flags) {
  if (cfg == nullptr || !valid(*cfg)) return bad_args();
  return to_errno(cpp(chip)->irq_reconfigure(pin, *cfg, flags));
}

int clxgpio_irq_mask(clx_chip* chip, clx_u16 pin) { return to_errno(cpp(chip)->irq_mask(pin)); }
int clxgpio_irq_unmask(clx_chip* chip, clx_u16 pin) { return to_errno(cpp(chip)->irq_unmask(pin)); }

int clxgpio_irq_is_connected(const clx_chip* chip, clx_u16 pin) {
  bool connected = false;
  Status s = cpp(chip)->irq_connected(pin, &connected);
  return s == Status::ok ? (connected ? 1 : 0) : to_errno(s);
}

int clxgpio_irq_dispatch(clx_chip* chip, clx_u16 bank, clx_dispatch* out) {
  if (out == nullptr) return bad_args();
  Status s = cpp(chip)->dispatch(bank, out);
  return s == Status::ok ? static_cast<int>(out->count) : to_errno(s);
}

int clxgpio_debounce_expired(clx_chip* chip, clx_u16 bank, clx_u64 mask, clx_dispatch* out) {
  if (out == nullptr) return bad_args();
  Status s = cpp(chip)->debounce_expired(bank, mask, out);
  return s == Status::ok ? static_cast<int>(out->count) : to_errno(s);
}

int clxgpio_storm_configure(clx_chip* chip, const clx_storm_config* cfg) {
  if (cfg == nullptr) return bad_args();
  return to_errno(cpp(chip)->storm_configure(*cfg));
}

int clxgpio_storm_tick(clx_chip* chip, clx_u16 bank, clx_u64* rearmed) {
  if (rearmed == nullptr) return bad_args();
  return to_errno(cpp(chip)->storm_tick(bank, rearmed));
}

}  // extern "C"

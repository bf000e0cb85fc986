// SPDX-License-Identifier: GPL-2.0
// The engine's chip: fixed geometry kept apart from changing per-bank and per-pin
// state. Storage is one caller-allocated block: [Chip][Bank x banks][PinSlot x pins].
#pragma once

#include "bits.hpp"
#include "status.hpp"

namespace clx {

// Fixed description, validated once at create().
struct Geometry {
  u16 total_pins;
  u16 bank_count;
  u8 pins_per_bank;
  u32 caps;

  bool has(u32 cap) const { return (caps & cap) == cap; }
  // Atomic-I/O hardware holds the output latch itself; others get an engine copy.
  bool keeps_latch() const { return !has(CLX_CAP_ATOMIC_IO); }
  unsigned bank_width(u16 bank) const {
    u32 first = u32{bank} * pins_per_bank;
    u32 left = total_pins - first;
    return left < pins_per_bank ? left : pins_per_bank;
  }
};

// Who holds a pin (GpioClx connections); bit flags.
enum OwnerBit : u8 {
  kOwnInput = 1 << 0,
  kOwnOutput = 1 << 1,
  kOwnIrq = 1 << 2,
  kOwnFirmware = 1 << 3,
};

// Per-pin flags.
enum PinFlag : u8 {
  kAssertedHigh = 1 << 0,       // _DSM function 1: ActiveBoth asserted high
  kEdgeSemantics = 1 << 1,      // emulation arms from the current level (Linux)
  kIrqShared = 1 << 2,          // interrupt connection is shared
  kIoShared = 1 << 3,           // I/O connection is shared
  kEmulateBoth = 1 << 4,        // emulate both edges even with hardware both-edge
  kIrqAssertedHigh = 1 << 5,    // kAssertedHigh as it was when the interrupt was programmed
};

// Where level-toggling emulation starts when a pin is (re)programmed.
enum class ArmFrom : u8 {
  connect = 1,    // new connection: GpioClx asserted-first rule, or the line's level
  delivered = 2,  // reconfigure of an emulated pin: the level consumers last got
};

// An interrupt trigger in one byte: (clx_irq_mode << 2) | clx_polarity; 0 = none.
constexpr u8 trigger_of(u32 mode, u32 polarity) { return static_cast<u8>(mode << 2 | polarity); }
constexpr u8 kEdgeTriggers = trigger_of(CLX_IRQ_EDGE, 0);  // trigger >= this: an edge

// Changing per-pin state: 12 bytes.
struct PinSlot {
  u16 debounce = 0;     // 1/100 ms
  u16 drive = 0;        // 1/100 mA
  u16 storm_count = 0;  // events this tick, or ticks spent storm-masked (clx_storm_config
                        // thresholds are 16-bit)
  u8 pull = CLX_PULL_DEFAULT;
  u8 trigger = 0;       // trigger_of(mode, polarity); 0 = no interrupt configured
  u8 flags = 0;         // PinFlag
  u8 owner = 0;         // OwnerBit
  u8 io_users = 0;
  u8 irq_users = 0;

  u8 irq_mode() const { return static_cast<u8>(trigger >> 2); }
  u8 irq_polarity() const { return static_cast<u8>(trigger & 3); }
};
static_assert(sizeof(PinSlot) == 12, "PinSlot grew: per-pin state budget is 16 bytes");

// Changing per-bank state as pin masks (bit n = bank pin n).
struct Bank {
  u64 enabled = 0;      // INVARIANT: interrupt connected and enabled in hardware
  u64 masked = 0;       // consumer masked (configuration kept)
  u64 storm = 0;        // masked by the storm guard
  u64 emulated = 0;     // run by level-toggling emulation (both/edge/debounce)
  u64 armed_high = 0;   // emulated: hardware armed for the high level
  u64 stable_high = 0;  // emulated: last level delivered to consumers
  u64 pending = 0;      // emulated debounce: change waiting for its timer
  u64 output = 0;       // direction is output
  u64 latch = 0;        // output latch as last written
  u64 storm_level = 0;  // level snapshot at the last storm tick
  u64 both = 0;           // emulated ActiveBoth without emulated debounce: serviced as masks
  u64 asserted_high = 0;  // of those, asserted high (kIrqAssertedHigh)
  u64 all = 0;            // pins that exist in this bank (a short last bank has fewer); kept
                          // although derivable: it is the bounds check of every I/O call

  u64 live() const { return enabled & ~(masked | storm); }
};

class Chip {
 public:
  static Status check_geometry(const clx_controller_desc& desc);
  static Status check(const clx_controller_desc& desc, const clx_client_ops* ops);
  static usize storage_size(const clx_controller_desc& desc);
  static Status create(void* storage, usize size, const clx_controller_desc& desc,
                       const clx_client_ops* ops, void* ctx, Chip** out);

  const Geometry& geometry() const { return m_geo; }
  int bank_irq_line(u16 bank) const {
    return bank < m_geo.bank_count ? m_irq_lines[bank] : -static_cast<int>(CLX_ECHRNG);
  }
  u32 state_bytes_per_pin() const;

  // Power (chip.cpp). [may sleep]
  Status start(clx_start_kind kind);
  Status stop(clx_stop_kind kind);

  // Pin configuration, Linux model (pins.cpp). [may sleep]
  Status set_direction(u16 pin, clx_io_mode mode, bool value);
  Status get_direction(u16 pin, bool* is_input) const;
  Status set_pull(u16 pin, clx_pull pull);
  Status set_drive_strength(u16 pin, u16 centi_ma);
  Status set_debounce(u16 pin, u16 centi_ms);
  Status debounce(u16 pin, u16* centi_ms) const;

  // Pin I/O, inline so that the C ABI entry is the only call layer before the
  // client's. [atomic; LOCKING: bank lock, or none with CLX_CAP_ATOMIC_IO]
  Status read(u16 bank, u64 mask, u64* values) {
    if (bank >= m_geo.bank_count) return Status::bank_out_of_range;
    const Bank& b = m_banks[bank];
    if ((mask & ~b.all) != 0) return Status::pin_out_of_range;
    if (m_ops->read_pins == nullptr) return Status::unsupported;
    // An output pin reads its output latch (GpioClx WriteConfiguredPins); atomic-I/O
    // hardware reports the driven level itself. Taken before the call, so that few
    // values live across it.
    u64 outs = m_keep_latch ? b.output & mask : 0;
    u64 from_latch = b.latch & outs;
    u64 from_line = mask & ~outs;
    u64 level;
    int rc = m_ops->read_pins(m_ctx, bank, mask, &level);
    if (rc != 0) return from_client(rc);
    *values = (level & from_line) | from_latch;
    return Status::ok;
  }
  Status write(u16 bank, u64 set_mask, u64 clear_mask) {
    if (bank >= m_geo.bank_count) return Status::bank_out_of_range;
    Bank& b = m_banks[bank];
    if (((set_mask | clear_mask) & ~b.all) != 0) return Status::pin_out_of_range;
    if ((set_mask & clear_mask) != 0) return Status::invalid;
    if (m_ops->write_pins == nullptr) return Status::unsupported;
    Bank* latched = m_keep_latch ? &b : nullptr;  // atomic I/O: no engine state written
    int rc = m_ops->write_pins(m_ctx, bank, set_mask, clear_mask);
    if (rc != 0) return from_client(rc);
    if (latched != nullptr) latched->latch = (latched->latch | set_mask) & ~clear_mask;
    return Status::ok;
  }

  // Ownership, GpioClx model (ownership.cpp). [may sleep]
  Status io_connect(u16 bank, u64 mask, const clx_io_config& cfg, u32 flags);
  Status io_disconnect(u16 bank, u64 mask);
  Status io_mode(u16 pin, u8* mode) const;
  Status firmware_reserve(u16 bank, u64 mask);
  Status firmware_release(u16 bank, u64 mask);

  // Interrupt connections (interrupts.cpp).
  Status set_asserted_high(u16 pin, bool high);                            // [may sleep]
  Status irq_connect(u16 pin, const clx_irq_config& cfg, u32 flags);       // [may sleep]
  Status irq_disconnect(u16 pin);                                          // [may sleep]
  Status irq_reconfigure(u16 pin, const clx_irq_config& cfg, u32 flags);   // [atomic]
  Status irq_mask(u16 pin);                                                // [atomic]
  Status irq_unmask(u16 pin);                                              // [atomic]
  Status irq_connected(u16 pin, bool* connected) const;                    // [atomic]

  // Interrupt service (dispatch.cpp). [atomic; LOCKING: bank lock]
  Status dispatch(u16 bank, clx_dispatch* out);
  Status debounce_expired(u16 bank, u64 mask, clx_dispatch* out);
  Status storm_configure(const clx_storm_config& cfg);
  Status storm_tick(u16 bank, u64* rearmed);

 private:
  Chip(const Geometry& geo, const clx_client_ops* ops, void* ctx, Bank* banks, PinSlot* pins,
       u8* irq_lines);

  // Splits a controller-relative pin into (bank, bank-relative pin).
  Status locate(u16 pin, u16* bank, unsigned* offset) const {
    if (pin >= m_geo.total_pins) return Status::pin_out_of_range;
    *bank = static_cast<u16>(pin / m_geo.pins_per_bank);
    *offset = pin % m_geo.pins_per_bank;
    return Status::ok;
  }
  Status bank_mask_ok(u16 bank, u64 mask) const;
  PinSlot& slot(u16 bank, unsigned offset) {
    return m_pins[u32{bank} * m_geo.pins_per_bank + offset];
  }
  const PinSlot& slot(u16 bank, unsigned offset) const {
    return m_pins[u32{bank} * m_geo.pins_per_bank + offset];
  }

  // pins.cpp
  Status reconnect_io(u16 bank, unsigned offset, clx_io_mode mode);

  // interrupts.cpp
  Status check_irq_config(const clx_irq_config& cfg, u32 flags, bool* emulate) const;
  Status program_irq(u16 bank, unsigned offset, const clx_irq_config& cfg, u32 flags,
                     bool emulate, ArmFrom from);
  clx_irq_config hw_config(const Bank& b, const PinSlot& s, unsigned offset) const;
  // Line levels of (at least) the pins in mask.
  Status read_level(u16 bank, u64 mask, u64* level);

  // dispatch.cpp
  void service_both(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  void service_emulated(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  static void emit_change(const PinSlot& s, unsigned offset, bool high, clx_dispatch* out);
  u64 storm_filter(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  void mask_rogue(u16 bank, Bank& b, u64 rogue, clx_dispatch* out);

  Geometry m_geo;
  const clx_client_ops* m_ops;
  void* m_ctx;
  Bank* m_banks;
  PinSlot* m_pins;
  u8* m_irq_lines;  // interrupt line of each bank
  clx_storm_config m_storm{0, 1};
  bool m_batch;     // client has reconfigure_irqs + unmask_irqs
  bool m_keep_latch;  // !CLX_CAP_ATOMIC_IO: the engine keeps the output latch (I/O path)
};

}  // namespace clx

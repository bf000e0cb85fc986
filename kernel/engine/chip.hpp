// SPDX-License-Identifier: GPL-2.0
// The engine's chip: fixed geometry kept apart from changing per-bank and per-pin
// state. Storage is one caller-allocated block: [Chip][Bank x banks][PinSlot x pins].
#pragma once

#include "bits.hpp"
#include "status.hpp"

namespace clx {

// Fixed description, validated once at create().
struct Geometry {
  static constexpr u8 kNoShift = 0xFF;

  u16 total_pins;
  u16 bank_count;
  u8 pins_per_bank;
  u8 bank_shift;  // log2(pins_per_bank) if a power of two, else kNoShift
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

// Who holds a pin; bit flags. Input/output/interrupt connections belong to the model
// side (GpioClx rules) unless kIrqNative marks the interrupt as the native stack's;
// kOwnNative is a native consumer's claim (a gpiolib request). The two sides and
// firmware never share a pin (ownership.cpp: the referee).
enum OwnerBit : u8 {
  kOwnInput = 1 << 0,
  kOwnOutput = 1 << 1,
  kOwnIrq = 1 << 2,
  kOwnFirmware = 1 << 3,
  kOwnNative = 1 << 4,
};

// Per-pin flags.
enum PinFlag : u8 {
  kAssertedHigh = 1 << 0,       // _DSM function 1: ActiveBoth asserted high
  kEdgeSemantics = 1 << 1,      // emulation arms from the current level (Linux)
  kIrqShared = 1 << 2,          // interrupt connection is shared
  kIoShared = 1 << 3,           // I/O connection is shared
  kEmulateBoth = 1 << 4,        // emulate both edges even with hardware both-edge
  kIrqAssertedHigh = 1 << 5,    // kAssertedHigh as it was when the interrupt was programmed
  kIrqNative = 1 << 6,          // the interrupt connection is the native stack's
};

// A controller-relative pin as (bank, bank-relative pin); c_abi.cpp locates it.
struct PinRef {
  u16 bank;
  unsigned offset;
};

// A level, where a bool would read badly at the call site.
enum class Level : u8 {
  low = 1,
  high = 2,
};

// What a pin's last I/O disconnect does to its configuration.
enum class IoRelease : u8 {
  to_default = 1,  // the client's disconnect_io: back to the power-on default
  preserve = 2,    // left as it is (GpioIo IoRestrictionNoneAndPreserve)
};

// How an interrupt pin is run: by the hardware's own trigger, or by the level-toggling
// emulation (both edges, edges or debounce the hardware lacks).
enum class IrqPath : u8 {
  hardware = 1,
  emulated = 2,
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
  // Storm guard (storm.cpp), 16-bit as clx_storm_config's thresholds. A storm-masked pin
  // (Bank::storm) fires no events, so the two counters share the bytes:
  union {
    u16 storm_events = 0;  // INVARIANT: pin not storm-masked; its events this tick period
    u16 storm_ticks;       // INVARIANT: pin storm-masked; tick periods it has been masked
  };
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

constexpr usize align8(usize n) { return (n + 7) & ~usize{7}; }

// Storage of a chip: [Chip][Bank x banks][PinSlot x banks * pins_per_bank][u8 x banks]
// (the interrupt line of each bank), each part 8-aligned.
struct Layout {
  static constexpr usize kChipBytes = 48;  // sizeof(Chip), checked in chip.cpp
  static constexpr usize kBanks = align8(kChipBytes);
  usize pins, irq_lines, total;

  static constexpr Layout of(u16 banks, u8 pins_per_bank) {
    Layout l{};
    l.pins = kBanks + align8(sizeof(Bank) * banks);
    l.irq_lines = l.pins + align8(sizeof(PinSlot) * usize{banks} * pins_per_bank);
    l.total = l.irq_lines + align8(banks);
    return l;
  }
};

// The engine's chip. INVARIANT: every argument of the public methods was validated by
// the C ABI (c_abi.cpp, the only place that checks them): pins located, banks in range,
// masks within their bank and non-empty where the ABI asks for pins, enum values and
// flags in range. What is checked here are the controller's capabilities and the pins'
// state (ownership, connections).
class Chip {
 public:
  // The description's rules; with the client table's (GpioClx registration rules).
  static Status check_geometry(const clx_controller_desc& desc);
  static Status check(const clx_controller_desc& desc, const clx_client_ops* ops);
  static usize storage_size(const clx_controller_desc& desc);
  // storage: 8-aligned, at least storage_size(desc) bytes; desc and ops passed check().
  static Chip* create(void* storage, const clx_controller_desc& desc, const clx_client_ops* ops,
                      void* ctx);

  const Geometry& geometry() const { return m_geo; }
  int bank_irq_line(u16 bank) const { return irq_lines()[bank]; }
  u32 state_bytes_per_pin() const;
  // The pins that exist in a bank (a short last bank has fewer).
  u64 bank_pins(u16 bank) const { return banks()[bank].all; }

  // Splits a controller-relative pin; false if there is no such pin.
  bool locate(u16 pin, PinRef* out) const {
    if (pin >= m_geo.total_pins) return false;
    if (m_geo.bank_shift != Geometry::kNoShift) {  // no division on the I/O path
      out->bank = static_cast<u16>(pin >> m_geo.bank_shift);
      out->offset = pin & (m_geo.pins_per_bank - 1u);
    } else {
      out->bank = static_cast<u16>(pin / m_geo.pins_per_bank);
      out->offset = pin % m_geo.pins_per_bank;
    }
    return true;
  }

  // Power (chip.cpp). [may sleep]
  Status start(clx_start_kind kind);
  Status stop(clx_stop_kind kind);

  // Pin configuration, Linux model (pins.cpp). [may sleep]
  Status set_direction(PinRef pin, clx_io_mode mode, Level value);
  bool is_input(PinRef pin) const { return (banks()[pin.bank].output & bit(pin.offset)) == 0; }
  Status set_pull(PinRef pin, clx_pull pull);
  Status set_drive_strength(PinRef pin, u16 centi_ma);
  Status set_debounce(PinRef pin, u16 centi_ms);
  u16 debounce(PinRef pin) const { return slot(pin).debounce; }

  // Pin I/O, inline so that the C ABI entry is the only call layer before the
  // client's. [atomic; LOCKING: chip lock, or none with CLX_CAP_ATOMIC_IO]
  Status read(u16 bank, u64 mask, u64* values) {
    const Bank& b = banks()[bank];
    // An output pin reads its output latch (GpioClx WriteConfiguredPins); atomic-I/O
    // hardware reports the driven level itself. Taken before the call, so that few
    // values live across it.
    u64 outs = m_geo.keeps_latch() ? b.output & mask : 0;
    u64 from_latch = b.latch & outs;
    u64 from_line = mask & ~outs;
    u64 level;
    int rc = m_read_pins(m_ctx, bank, mask, &level);
    if (rc != 0) return from_client(rc);
    *values = (level & from_line) | from_latch;
    return Status::ok;
  }
  // INVARIANT: set_mask & clear_mask == 0 (c_abi.cpp).
  Status write(u16 bank, u64 set_mask, u64 clear_mask) {
    Bank* latched = m_geo.keeps_latch() ? &banks()[bank] : nullptr;  // atomic I/O: no state
    int rc = m_write_pins(m_ctx, bank, set_mask, clear_mask);
    if (rc != 0) return from_client(rc);
    if (latched != nullptr) latched->latch = (latched->latch | set_mask) & ~clear_mask;
    return Status::ok;
  }

  // Ownership, GpioClx model, and the referee between the sides (ownership.cpp).
  // [may sleep]
  Status io_connect(u16 bank, u64 mask, const clx_io_config& cfg, u32 flags);
  Status io_disconnect(u16 bank, u64 mask, IoRelease release);
  u8 io_mode(PinRef pin) const;
  Status firmware_reserve(u16 bank, u64 mask);
  Status firmware_release(u16 bank, u64 mask);
  Status native_claim(PinRef pin);
  Status native_release(PinRef pin);
  u8 holder(PinRef pin) const;  // clx_holder

  // Interrupt connections (interrupts.cpp).
  void set_asserted_level(PinRef pin, Level asserted);                        // [may sleep]
  Status irq_connect(PinRef pin, const clx_irq_config& cfg, u32 flags);       // [may sleep]
  Status irq_disconnect(PinRef pin);                                          // [may sleep]
  Status irq_reconfigure(PinRef pin, const clx_irq_config& cfg, u32 flags);   // [atomic]
  Status irq_mask(PinRef pin);                                                // [atomic]
  Status irq_unmask(PinRef pin);                                              // [atomic]
  bool irq_connected(PinRef pin) const { return (slot(pin).owner & kOwnIrq) != 0; }

  // Interrupt service (dispatch.cpp). [atomic; LOCKING: chip lock]
  Status dispatch(u16 bank, clx_dispatch* out);
  Status debounce_expired(u16 bank, u64 mask, clx_dispatch* out);

  // Storm guard (storm.cpp).
  void storm_configure(const clx_storm_config& cfg) { m_storm = cfg; }  // [may sleep]
  void storm_tick(u16 bank, u64* rearmed);                              // [atomic]

 private:
  Chip(const Geometry& geo, const clx_client_ops* ops, void* ctx);

  PinSlot& slot(u16 bank, unsigned offset) {
    return pins()[u32{bank} * m_geo.pins_per_bank + offset];
  }
  const PinSlot& slot(u16 bank, unsigned offset) const {
    return pins()[u32{bank} * m_geo.pins_per_bank + offset];
  }
  PinSlot& slot(PinRef pin) { return slot(pin.bank, pin.offset); }
  const PinSlot& slot(PinRef pin) const { return slot(pin.bank, pin.offset); }

  // pins.cpp
  Status reconnect_io(PinRef pin, clx_io_mode mode);
  template <typename T>
  Status set_io_field(PinRef pin, T PinSlot::*field, T value);

  // interrupts.cpp
  Status check_irq_config(const clx_irq_config& cfg, u32 flags, IrqPath* path) const;
  Status program_irq(PinRef pin, const clx_irq_config& cfg, u32 flags, IrqPath path,
                     ArmFrom from);
  clx_irq_config hw_config(const Bank& b, const PinSlot& s, unsigned offset) const;
  // Line levels of (at least) the pins in mask.
  Status read_level(u16 bank, u64 mask, u64* level);

  // dispatch.cpp
  void service_both(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  void service_emulated(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  static void emit_change(const PinSlot& s, unsigned offset, bool high, clx_dispatch* out);
  // A client callback failed where the engine cannot fail back to its caller.
  static void client_failed(int rc, const char* what, u16 bank);

  // storm.cpp
  u64 storm_filter(u16 bank, Bank& b, u64 active, clx_dispatch* out);
  void mask_rogue(u16 bank, Bank& b, u64 rogue, clx_dispatch* out);

  // The per-bank and per-pin arrays follow the chip in its storage (Layout): found from
  // this, not stored.
  Bank* banks() { return reinterpret_cast<Bank*>(reinterpret_cast<u8*>(this) + Layout::kBanks); }
  const Bank* banks() const {
    return reinterpret_cast<const Bank*>(reinterpret_cast<const u8*>(this) + Layout::kBanks);
  }
  PinSlot* pins() { return reinterpret_cast<PinSlot*>(reinterpret_cast<u8*>(this) + layout().pins); }
  const PinSlot* pins() const {
    return reinterpret_cast<const PinSlot*>(reinterpret_cast<const u8*>(this) + layout().pins);
  }
  const u8* irq_lines() const { return reinterpret_cast<const u8*>(this) + layout().irq_lines; }
  Layout layout() const { return Layout::of(m_geo.bank_count, m_geo.pins_per_bank); }

  // Client has reconfigure_irqs + unmask_irqs: emulation services a bank by masks.
  bool batch() const { return m_ops->reconfigure_irqs != nullptr; }

 public:
  // The client has the interrupt group (enable/disable/mask/unmask/query_active).
  bool has_interrupts() const { return m_ops->enable_irq != nullptr; }

 private:

  using ReadPins = int (*)(void*, u16, u64, u64*);
  using WritePins = int (*)(void*, u16, u64, u64);

  Geometry m_geo;
  clx_storm_config m_storm{0, 1};
  const clx_client_ops* m_ops;
  void* m_ctx;
  // The client's read_pins/write_pins, or a stub that refuses with -EOPNOTSUPP: the
  // I/O path calls without testing for NULL.
  ReadPins m_read_pins;
  WritePins m_write_pins;
};

}  // namespace clx

// SPDX-License-Identifier: GPL-2.0
// Client callbacks for the simulated level-only controller (simgpio_regs.hpp): the
// hardware GpioClx asks for (level interrupts, run-time polarity, no both-edge, no
// debounce), so the engine emulates edges, ActiveBoth and debounce on it. It may be
// declared memory-mapped or sleeping (a bus-attached, SPB-style controller).
//
// Atomic pin I/O (CLX_CAP_ATOMIC_IO) is declared when memory-mapped with banks of at
// most 32 pins: read_pins is then one read of LEVEL (outputs read what they drive)
// and write_pins one OUT_SET and/or one OUT_CLEAR store, each indivisible in the
// register model (simgpio_hw.cpp). Wider banks keep the lock: a read across both
// words of a bank would be two reads, not one snapshot. Sleeping banks keep it too:
// GpioClx holds the bank wait lock around a serial controller's I/O callbacks (its
// IndependentIoHw relief covers only the DIRQL lock), and there each register access
// is a bus transfer that costs far more than the uncontended mutex.
//
// Pulls: a line has one pull, which the outside world sets too (simgpio_regs.hpp), so
// CLX_PULL_UP/DOWN write PULL (the last write wins) and DEFAULT and NONE leave the line
// as it is: the hardware cannot float a line (gpio-sim refuses bias-disable with
// -ENOTSUPP, which gpiolib ignores: the same effect).
#include "../engine/client_ops.hpp"
#include "clx_controllers.h"
#include "simgpio_regs.hpp"

namespace clx::simgpio {

namespace {

constexpr u32 kCaps = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_PULL;
constexpr u32 kLoWord = 0xFFFFFFFFu;

// The registers a suspend keeps, per bank (STATUS is cleared on restore, the rest are
// read-only or write-only).
struct Saved {
  u64 polarity, enable, direction;
  u64 out_latch;  // LEVEL of the output pins: the OUT_SET/OUT_CLEAR latch
  u64 pull;
};

// Per bank, after the controller in its storage.
struct BankState {
  u64 enable = 0;  // ENABLE as last read or written (see load_enable)
  Saved saved{};
};

// The client callbacks (client_ops.hpp turns them into the clx_client_ops table) and
// the register access they share.
class Controller {
 public:
  Controller(const clx_bus_ops* bus, void* base, u16 total, u8 per_bank, BankState* banks)
      : m_bus(bus, base), m_total(total), m_per_bank(per_bank), m_wide(per_bank > 32),
        m_bank_count(bank_count(total, per_bank)), m_banks(banks) {
    for (u16 b = 0; b < m_bank_count; ++b) new (&banks[b], Place{}) BankState{};
  }

  static u16 bank_count(u16 total, u8 per_bank) {
    return static_cast<u16>((total + per_bank - 1) / per_bank);
  }
  static usize header_size() { return (sizeof(Controller) + 7) & ~usize{7}; }
  // The controller, then a BankState per bank.
  static usize storage_size(u16 total, u8 per_bank) {
    return header_size() + sizeof(BankState) * bank_count(total, per_bank);
  }

  int start(clx_start_kind kind) {
    if (kind == CLX_START_FIRST) {
      for (u16 b = 0; b < m_bank_count; ++b) {
        store_enable(b, 0);
        store<STATUS>(b, ~u64{0});
      }
    }
    return 0;
  }

  int stop(clx_stop_kind kind) {
    if (kind == CLX_STOP_FINAL)
      for (u16 b = 0; b < m_bank_count; ++b) store_enable(b, 0);
    return 0;
  }

  int connect_io(u16 bank, u64 mask, const clx_io_config& cfg) {
    apply_pull(bank, mask, cfg.pull);
    update<DIRECTION>(bank, mask, cfg.mode == CLX_IO_INPUT ? mask : 0);
    return 0;
  }

  int disconnect_io(u16 bank, u64 mask) {
    update<DIRECTION>(bank, mask, mask);
    return 0;
  }

  // read_pins, write_pins. LOCKING: chip lock, or none with CLX_CAP_ATOMIC_IO (see the
  // top of this file).
  int read_pins(u16 bank, u64 mask, u64* values) {
    *values = load_words<LEVEL>(bank, mask);
    return 0;
  }

  int write_pins(u16 bank, u64 set, u64 clear) {
    if (set != 0) store_bits<OUT_SET>(bank, set);
    if (clear != 0) store_bits<OUT_CLEAR>(bank, clear);
    return 0;
  }

  int enable_irq(u16 bank, u16 pin, const clx_irq_config& cfg) {
    if (cfg.mode != CLX_IRQ_LEVEL || cfg.polarity == CLX_POL_BOTH) return -CLX_EOPNOTSUPP;
    u64 m = bit(pin);
    apply_pull(bank, m, cfg.pull);
    update<POLARITY>(bank, m, cfg.polarity == CLX_POL_HIGH ? m : 0);
    store_bits<STATUS>(bank, m);  // drop status latched before this connect
    set_enable(bank, m, m);
    return 0;
  }

  int disable_irq(u16 bank, u16 pin) {
    set_enable(bank, bit(pin), 0);
    return 0;
  }

  int mask_irqs(u16 bank, u64 mask) {
    set_enable(bank, mask, 0);
    return 0;
  }

  int unmask_irq(u16 bank, u16 pin, const clx_irq_config&) {
    set_enable(bank, bit(pin), bit(pin));
    return 0;
  }

  // Reads the words that hold enabled pins. A pin enabled behind the engine's back in
  // another word is found once nothing enabled is active (its interrupt keeps firing).
  int query_active(u16 bank, u64 enabled, u64* active) {
    u64 act = active_in(bank, enabled);
    if (act == 0) act = active_in(bank, bank_words() & ~words_of(enabled));
    *active = act;
    return 0;
  }

  int clear_active(u16 bank, u64 mask) {
    store_bits<STATUS>(bank, mask);
    return 0;
  }

  int query_enabled(u16 bank, u64* enabled) {
    *enabled = load_enable(bank);
    return 0;
  }

  int reconfigure_irq(u16 bank, u16 pin, const clx_irq_config& cfg) {
    if (cfg.mode != CLX_IRQ_LEVEL || cfg.polarity == CLX_POL_BOTH) return -CLX_EOPNOTSUPP;
    u64 m = bit(pin);
    update<POLARITY>(bank, m, cfg.polarity == CLX_POL_HIGH ? m : 0);
    return 0;
  }

  // Batched reconfigure_irq for level pins: POLARITY of the pins in mask.
  int reconfigure_irqs(u16 bank, u64 mask, u64 high) {
    update<POLARITY>(bank, mask, high);
    return 0;
  }

  int unmask_irqs(u16 bank, u64 mask) {
    set_enable(bank, mask, mask);
    return 0;
  }

  void save_bank(u16 bank) {
    Saved& s = m_banks[bank].saved;
    s.polarity = load<POLARITY>(bank);
    s.enable = load<ENABLE>(bank);
    s.direction = load<DIRECTION>(bank);
    s.out_latch = load<LEVEL>(bank) & ~s.direction;
    s.pull = load<PULL>(bank);
  }

  // Enables last, with everything they depend on in place and stale status cleared.
  void restore_bank(u16 bank) {
    const Saved& s = m_banks[bank].saved;
    store_enable(bank, 0);
    store<OUT_CLEAR>(bank, ~s.out_latch);
    store<OUT_SET>(bank, s.out_latch);
    store<PULL>(bank, s.pull);
    store<DIRECTION>(bank, s.direction);
    store<POLARITY>(bank, s.polarity);
    store<STATUS>(bank, ~u64{0});
    store_enable(bank, s.enable);
  }

  int query_outputs(u16 bank, u64* outputs) {
    unsigned left = m_total - bank * m_per_bank;
    *outputs = ~load<DIRECTION>(bank) & low_mask(left < m_per_bank ? left : m_per_bank);
    return 0;
  }

 private:
  // A 64-bit pin register of a bank is a LO word (pins 0-31) and, on banks over 32
  // pins, a HI word (pins 32-63). load/store move the whole register; the *_words
  // forms touch only the words that hold pins in mask, with the one-word case short.
  template <typename Reg>
  static u32 at(u16 bank) { return u32{bank} * kBankStride + Reg::offset; }

  template <typename Reg>
  u64 load(u16 bank) const {
    u64 v = m_bus.read(at<Reg>(bank));
    return m_wide ? v | u64{m_bus.read(at<Reg>(bank) + kHiWord)} << 32 : v;
  }
  template <typename Reg>
  void store(u16 bank, u64 value) const {
    m_bus.write(at<Reg>(bank), static_cast<u32>(value));
    if (m_wide) m_bus.write(at<Reg>(bank) + kHiWord, static_cast<u32>(value >> 32));
  }
  template <typename Reg>
  u64 load_words(u16 bank, u64 mask) const {
    if (mask >> 32 == 0) return static_cast<u32>(mask) != 0 ? m_bus.read(at<Reg>(bank)) : 0;
    return load_two(at<Reg>(bank), mask);
  }
  template <typename Reg>
  void store_words(u16 bank, u64 mask, u64 value) const {
    if (mask >> 32 != 0) return store_two(at<Reg>(bank), mask, value);
    if (static_cast<u32>(mask) != 0) m_bus.write(at<Reg>(bank), static_cast<u32>(value));
  }
  // Read-modify-write: pins in mask take value; everything else is preserved.
  template <typename Reg>
  void update(u16 bank, u64 mask, u64 value) const {
    u64 old = load_words<Reg>(bank, mask);
    store_words<Reg>(bank, mask, (old & ~mask) | (value & mask));
  }
  // Write-1 registers (STATUS, OUT_SET/CLEAR, PULL_SET/CLEAR): a 1 for each pin in mask.
  template <typename Reg>
  void store_bits(u16 bank, u64 mask) const {
    store_words<Reg>(bank, mask, mask);
  }

  static u64 words_of(u64 mask) {
    return (static_cast<u32>(mask) != 0 ? u64{kLoWord} : 0) | (mask >> 32 ? u64{kLoWord} << 32 : 0);
  }
  u64 bank_words() const { return m_wide ? ~u64{0} : u64{kLoWord}; }

  // ENABLE as last read or written: only this controller writes it (under the bank
  // lock), so mask/unmask write it without reading; every query_active and
  // query_enabled reads it back from the hardware.
  u64 load_enable(u16 bank) { return m_banks[bank].enable = load<ENABLE>(bank); }
  u64 load_enable_words(u16 bank, u64 mask) {
    u64 v = load_words<ENABLE>(bank, mask);
    m_banks[bank].enable = (m_banks[bank].enable & ~words_of(mask)) | v;
    return v;
  }
  void store_enable(u16 bank, u64 value) { store<ENABLE>(bank, m_banks[bank].enable = value); }
  void set_enable(u16 bank, u64 mask, u64 value) {
    u64 v = (m_banks[bank].enable & ~mask) | (value & mask);
    m_banks[bank].enable = v;
    store_words<ENABLE>(bank, mask, v);
  }
  // STATUS & ENABLE of the words that hold pins in mask.
  u64 active_in(u16 bank, u64 mask) {
    u64 status = load_words<STATUS>(bank, mask);
    return status & load_enable_words(bank, mask);
  }

  // UP and DOWN set the lines' one pull; DEFAULT and NONE leave it (top of this file).
  // PULL_SET/PULL_CLEAR, not a read-modify-write of PULL: the outside world writes the
  // pulls of the bank's other pins without the chip lock.
  void apply_pull(u16 bank, u64 mask, u32 pull) const {
    if (pull == CLX_PULL_UP) store_bits<PULL_SET>(bank, mask);
    if (pull == CLX_PULL_DOWN) store_bits<PULL_CLEAR>(bank, mask);
  }

  u64 load_two(u32 at, u64 mask) const;
  void store_two(u32 at, u64 mask, u64 value) const;

  Bus32 m_bus;
  u16 m_total;
  u8 m_per_bank;
  bool m_wide;
  u16 m_bank_count;
  BankState* m_banks;  // per bank (after this object in its storage)
};

// Both words of a wide bank's register, out of line: the one-word path stays short.
__attribute__((noinline)) u64 Controller::load_two(u32 at, u64 mask) const {
  u64 v = static_cast<u32>(mask) != 0 ? m_bus.read(at) : 0;
  return v | u64{m_bus.read(at + kHiWord)} << 32;
}

__attribute__((noinline)) void Controller::store_two(u32 at, u64 mask, u64 value) const {
  if (static_cast<u32>(mask) != 0) m_bus.write(at, static_cast<u32>(value));
  m_bus.write(at + kHiWord, static_cast<u32>(value >> 32));
}

constexpr clx_client_ops kOps = client_ops<Controller>();
using Groups = ClientGroups<Controller>;
static_assert(Groups::io && Groups::read && Groups::write && Groups::irq && Groups::clear &&
                  Groups::query_enabled && Groups::reconfigure && Groups::batch &&
                  Groups::save_restore && Groups::query_outputs,
              "simulated controller: every client callback");

}  // namespace

}  // namespace clx::simgpio

extern "C" {

long clx_simgpio_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank) {
  if (total_pins == 0 || pins_per_bank == 0) return -CLX_EINVAL;
  return static_cast<long>(clx::simgpio::Controller::storage_size(total_pins, pins_per_bank));
}

int clx_simgpio_init(void* storage, clx_size size, const clx_bus_ops* bus, void* base,
                     clx_u16 total_pins, clx_u8 pins_per_bank, clx_sim_attach attach,
                     clx_controller* out) {
  using clx::simgpio::Controller;
  if (storage == nullptr || bus == nullptr || out == nullptr) return -CLX_EINVAL;
  if (attach != CLX_SIM_MEMORY_MAPPED && attach != CLX_SIM_SLEEPING) return -CLX_EINVAL;
  long need = clx_simgpio_storage_size(total_pins, pins_per_bank);
  if (need < 0) return static_cast<int>(need);
  if (size < static_cast<clx_size>(need) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  // CAST: the per-bank state follows the 8-aligned controller in its storage.
  auto* banks = reinterpret_cast<clx::simgpio::BankState*>(static_cast<clx::u8*>(storage) +
                                                           Controller::header_size());
  auto* c = new (storage, clx::Place{}) Controller(bus, base, total_pins, pins_per_bank, banks);
  bool memory_mapped = attach == CLX_SIM_MEMORY_MAPPED;
  clx_u32 caps = clx::simgpio::kCaps | (memory_mapped ? CLX_CAP_MEMORY_MAPPED : 0u);
  if (memory_mapped && pins_per_bank <= 32) caps |= CLX_CAP_ATOMIC_IO;
  out->desc = clx_controller_desc{total_pins, pins_per_bank, caps, nullptr};
  out->ops = &clx::simgpio::kOps;
  out->ctx = c;
  return 0;
}

}  // extern "C"

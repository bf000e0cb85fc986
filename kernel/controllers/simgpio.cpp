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
#include "../engine/bits.hpp"
#include "simgpio_regs.hpp"

namespace clx::simgpio {

namespace {

constexpr u32 kCaps = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_PULL;
constexpr u32 kSavedRegs = 6;
constexpr u32 kLoWord = 0xFFFFFFFFu;

class Controller {
 public:
  Controller(const clx_bus_ops* bus, void* base, u16 total, u8 per_bank, u64* words)
      : m_bus(bus, base), m_total(total), m_per_bank(per_bank), m_wide(per_bank > 32),
        m_bank_count(bank_count(total, per_bank)), m_enable(words), m_saved(words + m_bank_count) {
    for (u32 i = 0; i < u32{m_bank_count} * (1 + kSavedRegs); ++i) words[i] = 0;
  }

  static u16 bank_count(u16 total, u8 per_bank) {
    return static_cast<u16>((total + per_bank - 1) / per_bank);
  }
  static usize header_size() { return (sizeof(Controller) + 7) & ~usize{7}; }
  // The controller, then per bank the ENABLE shadow, then the saved context.
  static usize storage_size(u16 total, u8 per_bank) {
    return header_size() + sizeof(u64) * (1 + kSavedRegs) * bank_count(total, per_bank);
  }

  static Controller* of(void* ctx) { return static_cast<Controller*>(ctx); }  // CAST: ctx is ours

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
  // Write-1 registers (STATUS, OUT_SET, OUT_CLEAR): a 1 for each pin in mask.
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
  u64 load_enable(u16 bank) const { return m_enable[bank] = load<ENABLE>(bank); }
  u64 load_enable_words(u16 bank, u64 mask) const {
    u64 v = load_words<ENABLE>(bank, mask);
    m_enable[bank] = (m_enable[bank] & ~words_of(mask)) | v;
    return v;
  }
  void store_enable(u16 bank, u64 value) const { store<ENABLE>(bank, m_enable[bank] = value); }
  void set_enable(u16 bank, u64 mask, u64 value) const {
    u64 v = (m_enable[bank] & ~mask) | (value & mask);
    m_enable[bank] = v;
    store_words<ENABLE>(bank, mask, v);
  }
  // STATUS & ENABLE of the words that hold pins in mask.
  u64 active_in(u16 bank, u64 mask) const {
    u64 status = load_words<STATUS>(bank, mask);
    return status & load_enable_words(bank, mask);
  }

  void apply_pull(u16 bank, u64 mask, u32 pull) const {
    if (pull == CLX_PULL_DEFAULT) return;
    update<PULL_ENABLE>(bank, mask, pull == CLX_PULL_NONE ? 0 : mask);
    if (pull != CLX_PULL_NONE) update<PULL_UP>(bank, mask, pull == CLX_PULL_UP ? mask : 0);
  }

  static int start(void* ctx, clx_start_kind kind) {
    if (kind == CLX_START_FIRST) {
      Controller* c = of(ctx);
      for (u16 b = 0; b < c->m_bank_count; ++b) {
        c->store_enable(b, 0);
        c->store<STATUS>(b, ~u64{0});
      }
    }
    return 0;
  }

  static int stop(void* ctx, clx_stop_kind kind) {
    Controller* c = of(ctx);
    if (kind == CLX_STOP_FINAL)
      for (u16 b = 0; b < c->m_bank_count; ++b) c->store_enable(b, 0);
    return 0;
  }

  static int connect_io(void* ctx, u16 bank, u64 mask, const clx_io_config* cfg) {
    Controller* c = of(ctx);
    c->apply_pull(bank, mask, cfg->pull);
    c->update<DIRECTION>(bank, mask, cfg->mode == CLX_IO_INPUT ? mask : 0);
    return 0;
  }

  static int disconnect_io(void* ctx, u16 bank, u64 mask) {
    of(ctx)->update<DIRECTION>(bank, mask, mask);
    return 0;
  }

  // read_pins, write_pins. LOCKING: bank lock, or none with CLX_CAP_ATOMIC_IO (see the
  // top of this file).
  static int read_pins(void* ctx, u16 bank, u64 mask, u64* values) {
    *values = of(ctx)->load_words<LEVEL>(bank, mask);
    return 0;
  }

  static int write_pins(void* ctx, u16 bank, u64 set, u64 clear) {
    Controller* c = of(ctx);
    if (set != 0) c->store_bits<OUT_SET>(bank, set);
    if (clear != 0) c->store_bits<OUT_CLEAR>(bank, clear);
    return 0;
  }

  static int enable_irq(void* ctx, u16 bank, u16 pin, const clx_irq_config* cfg) {
    if (cfg->mode != CLX_IRQ_LEVEL || cfg->polarity == CLX_POL_BOTH) return -CLX_EOPNOTSUPP;
    Controller* c = of(ctx);
    u64 m = bit(pin);
    c->apply_pull(bank, m, cfg->pull);
    c->update<POLARITY>(bank, m, cfg->polarity == CLX_POL_HIGH ? m : 0);
    c->store_bits<STATUS>(bank, m);  // drop status latched before this connect
    c->set_enable(bank, m, m);
    return 0;
  }

  static int disable_irq(void* ctx, u16 bank, u16 pin) {
    of(ctx)->set_enable(bank, bit(pin), 0);
    return 0;
  }

  static int mask_irqs(void* ctx, u16 bank, u64 mask) {
    of(ctx)->set_enable(bank, mask, 0);
    return 0;
  }

  static int unmask_irq(void* ctx, u16 bank, u16 pin, const clx_irq_config*) {
    of(ctx)->set_enable(bank, bit(pin), bit(pin));
    return 0;
  }

  // Reads the words that hold enabled pins. A pin enabled behind the engine's back in
  // another word is found once nothing enabled is active (its interrupt keeps firing).
  static int query_active(void* ctx, u16 bank, u64 enabled, u64* active) {
    Controller* c = of(ctx);
    u64 act = c->active_in(bank, enabled);
    if (act == 0) act = c->active_in(bank, c->bank_words() & ~words_of(enabled));
    *active = act;
    return 0;
  }

  static int clear_active(void* ctx, u16 bank, u64 mask) {
    of(ctx)->store_bits<STATUS>(bank, mask);
    return 0;
  }

  static int query_enabled(void* ctx, u16 bank, u64* enabled) {
    *enabled = of(ctx)->load_enable(bank);
    return 0;
  }

  static int reconfigure_irq(void* ctx, u16 bank, u16 pin, const clx_irq_config* cfg) {
    if (cfg->mode != CLX_IRQ_LEVEL || cfg->polarity == CLX_POL_BOTH) return -CLX_EOPNOTSUPP;
    u64 m = bit(pin);
    of(ctx)->update<POLARITY>(bank, m, cfg->polarity == CLX_POL_HIGH ? m : 0);
    return 0;
  }

  // Batched reconfigure_irq for level pins: POLARITY of the pins in mask.
  static int reconfigure_irqs(void* ctx, u16 bank, u64 mask, u64 high) {
    of(ctx)->update<POLARITY>(bank, mask, high);
    return 0;
  }

  static int unmask_irqs(void* ctx, u16 bank, u64 mask) {
    of(ctx)->set_enable(bank, mask, mask);
    return 0;
  }

  static void save_bank(void* ctx, u16 bank) {
    Controller* c = of(ctx);
    u64* s = &c->m_saved[bank * kSavedRegs];
    s[0] = c->load<POLARITY>(bank);
    s[1] = c->load<ENABLE>(bank);
    s[2] = c->load<DIRECTION>(bank);
    s[3] = c->load<LEVEL>(bank) & ~s[2];  // output latches
    s[4] = c->load<PULL_ENABLE>(bank);
    s[5] = c->load<PULL_UP>(bank);
  }

  static void restore_bank(void* ctx, u16 bank) {
    Controller* c = of(ctx);
    const u64* s = &c->m_saved[bank * kSavedRegs];
    c->store_enable(bank, 0);
    c->store<OUT_CLEAR>(bank, ~s[3]);
    c->store<OUT_SET>(bank, s[3]);
    c->store<PULL_ENABLE>(bank, s[4]);
    c->store<PULL_UP>(bank, s[5]);
    c->store<DIRECTION>(bank, s[2]);
    c->store<POLARITY>(bank, s[0]);
    c->store<STATUS>(bank, ~u64{0});
    c->store_enable(bank, s[1]);
  }

  static int query_outputs(void* ctx, u16 bank, u64* outputs) {
    Controller* c = of(ctx);
    unsigned left = c->m_total - bank * c->m_per_bank;
    *outputs = ~c->load<DIRECTION>(bank) & low_mask(left < c->m_per_bank ? left : c->m_per_bank);
    return 0;
  }

 private:
  u64 load_two(u32 at, u64 mask) const;
  void store_two(u32 at, u64 mask, u64 value) const;

  Bus32 m_bus;
  u16 m_total;
  u8 m_per_bank;
  bool m_wide;
  u16 m_bank_count;
  u64* m_enable;  // per bank: ENABLE shadow (after this object in its storage)
  u64* m_saved;   // per bank: kSavedRegs words of saved context (after m_enable)
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

constexpr clx_client_ops kOps = {
    Controller::start,         Controller::stop,          Controller::connect_io,
    Controller::disconnect_io, Controller::read_pins,     Controller::write_pins,
    Controller::enable_irq,    Controller::disable_irq,   Controller::mask_irqs,
    Controller::unmask_irq,    Controller::query_active,  Controller::clear_active,
    Controller::query_enabled, Controller::reconfigure_irq, Controller::save_bank,
    Controller::restore_bank,  Controller::query_outputs,   Controller::reconfigure_irqs,
    Controller::unmask_irqs,
};

}  // namespace

}  // namespace clx::simgpio

extern "C" {

long clxgpio_sim_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank) {
  if (total_pins == 0 || pins_per_bank == 0) return -CLX_EINVAL;
  return static_cast<long>(clx::simgpio::Controller::storage_size(total_pins, pins_per_bank));
}

int clxgpio_sim_init(void* storage, clx_size size, const clx_bus_ops* bus, void* base,
                     clx_u16 total_pins, clx_u8 pins_per_bank, int memory_mapped,
                     clx_controller* out) {
  using clx::simgpio::Controller;
  if (storage == nullptr || bus == nullptr || out == nullptr) return -CLX_EINVAL;
  long need = clxgpio_sim_storage_size(total_pins, pins_per_bank);
  if (need < 0) return static_cast<int>(need);
  if (size < static_cast<clx_size>(need) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  // CAST: the per-bank words follow the 8-aligned controller in its storage.
  auto* words = reinterpret_cast<clx::u64*>(static_cast<clx::u8*>(storage) + Controller::header_size());
  auto* c = new (storage, clx::Place{}) Controller(bus, base, total_pins, pins_per_bank, words);
  clx_u32 caps = clx::simgpio::kCaps | (memory_mapped ? CLX_CAP_MEMORY_MAPPED : 0u);
  if (memory_mapped && pins_per_bank <= 32) caps |= CLX_CAP_ATOMIC_IO;
  out->desc = clx_controller_desc{total_pins, pins_per_bank, caps, nullptr};
  out->ops = &clx::simgpio::kOps;
  out->ctx = c;
  return 0;
}

}  // extern "C"

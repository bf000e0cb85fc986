// SPDX-License-Identifier: GPL-2.0
// The simulated controller's hardware: its registers and the outside world (which sets
// the lines' pulls, as gpio-sim's sysfs `pull` does). Used by
// the Linux module's simulated controller, the KUnit suites and the host tests, so all
// exercise the same register behaviour (simgpio_hw.h is its API, simgpio_regs.hpp its
// map). It raises its own interrupt line (simgpio_hw.h says exactly when).
#include "../engine/bits.hpp"
#include "simgpio_hw.h"
#include "simgpio_regs.hpp"

namespace clx::simgpio {

namespace {

// Every register is one 64-bit word, and every register access is one atomic
// operation on it (GCC __atomic builtins, sequentially consistent; inline in the
// kernel: -mno-outline-atomics), so the model behaves as hardware registers do
// without its user's lock: lock-free OUT_SET/OUT_CLEAR (CLX_CAP_ATOMIC_IO) may
// race with locked writes to other registers and with the outside world.
struct BankRegs {
  u64 polarity = 0;
  u64 enable = 0;
  u64 status = 0;
  u64 direction = ~u64{0};  // reset: all inputs
  u64 latch = 0;
  u64 pull = 0;  // one per line: PULL and the outside world both write it
  u64 all = 0;   // INVARIANT: fixed after construction, read without atomics
};

u64 load(const u64& reg) { return __atomic_load_n(&reg, __ATOMIC_SEQ_CST); }
u64 fetch_or(u64& reg, u64 v) { return __atomic_fetch_or(&reg, v, __ATOMIC_SEQ_CST); }
u64 fetch_and(u64& reg, u64 v) { return __atomic_fetch_and(&reg, v, __ATOMIC_SEQ_CST); }
// The bits of `word` take `v`, the rest stay; returns the old value.
u64 exchange_bits(u64& reg, u64 word, u64 v) {
  u64 old = load(reg);
  while (!__atomic_compare_exchange_n(&reg, &old, (old & ~word) | v, true, __ATOMIC_SEQ_CST,
                                      __ATOMIC_SEQ_CST)) {
  }
  return old;
}

}  // namespace

// The interrupt latch rule: STATUS latches a pin while ENABLE is set and its level
// equals POLARITY. Each write that can change that condition (POLARITY, ENABLE,
// DIRECTION, OUT_SET/OUT_CLEAR, PULL, the outside world's pull, and the STATUS clear
// itself) first stores atomically, then re-evaluates the pins it changed and sets
// their STATUS bits with an atomic OR. All of it is sequentially consistent, so
// whichever of two racing writes comes last sees both: a condition that holds once
// the writes are done is always latched (nothing is lost), and a clear re-latches
// at once while the condition holds. Only writes that change the same pin's inputs
// at the same moment (a lock-free OUT_SET on an output pin with its interrupt
// enabled, racing with a POLARITY or ENABLE write to that pin) can latch from an
// intermediate combination, as a real level comparator glitches between two
// register writes; Linux never has both on one pin (gpiolib refuses interrupts on
// outputs), and the engine's level re-latching on clear heals it.
//
// The interrupt line: every write32 and set_pull ends by reading STATUS and ENABLE of its
// bank (sequentially consistent loads after its own atomic operations) and calls the
// line callback if both have a pin in common. Whichever access asserted the output last
// therefore finds it asserted, unless a later access deasserted it again.
class Hardware {
 public:
  Hardware(u16 total, u8 per_bank, BankRegs* banks, clx_simhw_line_fn* line, void* line_ctx)
      : m_total(total), m_per_bank(per_bank), m_banks(banks), m_line(line), m_line_ctx(line_ctx) {
    m_bank_count = static_cast<u16>((total + per_bank - 1) / per_bank);
    for (u16 b = 0; b < m_bank_count; ++b) {
      unsigned left = total - b * per_bank;
      new (&banks[b], Place{}) BankRegs{};
      banks[b].all = low_mask(left < per_bank ? left : per_bank);
    }
  }

  static usize storage_size(u16 total, u8 per_bank) {
    u16 banks = static_cast<u16>((total + per_bank - 1) / per_bank);
    return ((sizeof(Hardware) + 7) & ~usize{7}) + sizeof(BankRegs) * banks;
  }

  // Inputs read their pull, outputs their latch.
  static u64 level(const BankRegs& r) {
    u64 dir = load(r.direction);
    return ((dir & load(r.pull)) | (~dir & load(r.latch))) & r.all;
  }

  // LOCKING: none; pins = those whose condition the caller's write may have changed.
  static void relatch(BankRegs& r, u64 pins) {
    pins &= load(r.enable) & r.all;
    if (pins == 0) return;
    u64 hit = ~(level(r) ^ load(r.polarity)) & pins;
    if (hit != 0) fetch_or(r.status, hit);
  }

  u32 read32(u32 offset) const {
    const BankRegs* r = bank_of(offset);
    if (r == nullptr) return 0;
    u64 v = value_of(*r, offset % kBankStride & ~kHiWord);
    return static_cast<u32>(offset & kHiWord ? v >> 32 : v);
  }

  // LOCKING: none; each register write is one atomic operation plus the latch rule,
  // then the interrupt line.
  void write32(u32 offset, u32 value) {
    BankRegs* r = bank_of(offset);
    if (r == nullptr) return;
    store32(*r, offset, value);
    raise_if_asserted(*r);
  }

  // The outside world sets a line's pull: the same bit a PULL write sets.
  // LOCKING: none (the outside world is one more atomic writer).
  int set_pull(u16 pin, int up) {
    if (pin >= m_total) return -CLX_ERANGE;
    if (up != 0 && up != 1) return -CLX_EINVAL;
    BankRegs& r = m_banks[pin / m_per_bank];
    u64 m = bit(pin % m_per_bank);
    u64 old = up ? fetch_or(r.pull, m) : fetch_and(r.pull, ~m);
    relatch(r, (old ^ (up ? m : 0)) & m);
    return raise_if_asserted(r) ? 1 : 0;
  }

  int pin_level(u16 pin) const {
    if (pin >= m_total) return -CLX_ERANGE;
    return pin_bit(pin, level(m_banks[pin / m_per_bank]));
  }
  int pin_pull(u16 pin) const {
    if (pin >= m_total) return -CLX_ERANGE;
    return pin_bit(pin, load(m_banks[pin / m_per_bank].pull));
  }

  int irq_pending(u16 bank) const {
    if (bank >= m_bank_count) return -CLX_ECHRNG;
    return asserted(m_banks[bank]) ? 1 : 0;
  }

 private:
  int pin_bit(u16 pin, u64 word) const { return static_cast<int>((word >> (pin % m_per_bank)) & 1); }

  static bool asserted(const BankRegs& r) { return (load(r.status) & load(r.enable)) != 0; }

  bool raise_if_asserted(const BankRegs& r) const {
    if (!asserted(r)) return false;
    if (m_line != nullptr) m_line(m_line_ctx, static_cast<u16>(&r - m_banks));
    return true;
  }

  // One register write: the store, then the latch rule for the pins it changed.
  static void store32(BankRegs& r, u32 offset, u32 value) {
    unsigned shift = offset & kHiWord ? 32 : 0;
    u64 word = (u64{0xFFFFFFFF} << shift) & r.all;
    u64 v = (u64{value} << shift) & r.all;
    auto store = [&](u64& reg) { return (exchange_bits(reg, word, v) ^ v) & word; };
    u64 changed;
    switch (offset % kBankStride & ~kHiWord) {
      case POLARITY::offset: changed = store(r.polarity); break;
      case ENABLE::offset: changed = store(r.enable); break;
      case STATUS::offset:
        if (v == 0) return;
        fetch_and(r.status, ~v);
        changed = v;  // level semantics: re-latch at once while the condition holds
        break;
      case DIRECTION::offset: changed = store(r.direction); break;
      case OUT_SET::offset: changed = v & ~fetch_or(r.latch, v); break;
      case OUT_CLEAR::offset: changed = v & fetch_and(r.latch, ~v); break;
      case PULL::offset: changed = store(r.pull); break;
      case PULL_SET::offset: changed = v & ~fetch_or(r.pull, v); break;
      case PULL_CLEAR::offset: changed = v & fetch_and(r.pull, ~v); break;
      default: return;  // MODE and LEVEL are read-only
    }
    relatch(r, changed);
  }

  BankRegs* bank_of(u32 offset) const {
    u32 b = offset / kBankStride;
    return b < m_bank_count ? &m_banks[b] : nullptr;
  }

  static u64 value_of(const BankRegs& r, u32 reg) {
    switch (reg) {
      case MODE::offset: return r.all;
      case POLARITY::offset: return load(r.polarity);
      case ENABLE::offset: return load(r.enable);
      case STATUS::offset: return load(r.status);
      case DIRECTION::offset: return load(r.direction) & r.all;
      case LEVEL::offset: return level(r);
      case PULL::offset: return load(r.pull);
      default: return 0;  // write-only and unmapped registers read as zero
    }
  }

  u16 m_total;
  u8 m_per_bank;
  u16 m_bank_count = 0;
  BankRegs* m_banks;
  clx_simhw_line_fn* m_line;  // the interrupt line; nullptr: not wired
  void* m_line_ctx;
};

}  // namespace clx::simgpio

using clx::simgpio::Hardware;

// CAST: struct clx_simhw is the opaque C name of Hardware.
static Hardware* hw_of(void* p) { return static_cast<Hardware*>(p); }
static Hardware* hw_of(clx_simhw* p) { return reinterpret_cast<Hardware*>(p); }
static const Hardware* hw_of(const clx_simhw* p) { return reinterpret_cast<const Hardware*>(p); }

extern "C" {

static clx_u32 simhw_read32(void* base, clx_u32 offset) { return hw_of(base)->read32(offset); }
static void simhw_write32(void* base, clx_u32 offset, clx_u32 value) {
  hw_of(base)->write32(offset, value);
}

const clx_bus_ops clx_simhw_bus = {simhw_read32, simhw_write32};

long clx_simhw_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank) {
  if (total_pins == 0 || pins_per_bank == 0) return -CLX_EINVAL;
  if (total_pins > CLX_MAX_PINS) return -CLX_E2BIG;
  if (pins_per_bank > CLX_MAX_PINS_PER_BANK) return -CLX_EMSGSIZE;
  if (pins_per_bank > total_pins) return -CLX_EDOM;
  return static_cast<long>(Hardware::storage_size(total_pins, pins_per_bank));
}

int clx_simhw_init(void* storage, clx_size size, clx_u16 total_pins, clx_u8 pins_per_bank,
                   clx_simhw_line_fn* line, void* line_ctx, clx_simhw** out) {
  long need = clx_simhw_storage_size(total_pins, pins_per_bank);
  if (need < 0) return static_cast<int>(need);
  if (storage == nullptr || out == nullptr) return -CLX_EINVAL;
  if (size < static_cast<clx_size>(need) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  auto* base = static_cast<clx::u8*>(storage);
  // CAST: bank registers follow the 8-aligned Hardware object in the same storage.
  auto* banks = reinterpret_cast<clx::simgpio::BankRegs*>(base + ((sizeof(Hardware) + 7) & ~clx_size{7}));
  auto* hw = new (storage, clx::Place{}) Hardware(total_pins, pins_per_bank, banks, line, line_ctx);
  *out = reinterpret_cast<clx_simhw*>(hw);
  return 0;
}

int clx_simhw_set_pull(clx_simhw* hw, clx_u16 pin, int up) { return hw_of(hw)->set_pull(pin, up); }

int clx_simhw_pull(const clx_simhw* hw, clx_u16 pin) { return hw_of(hw)->pin_pull(pin); }

int clx_simhw_level(const clx_simhw* hw, clx_u16 pin) { return hw_of(hw)->pin_level(pin); }

int clx_simhw_irq_pending(const clx_simhw* hw, clx_u16 bank) { return hw_of(hw)->irq_pending(bank); }

}  // extern "C"

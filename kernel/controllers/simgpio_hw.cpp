// SPDX-License-Identifier: GPL-2.0
// The simulated controller's hardware: its registers and the outside world. Used by
// the Linux module's simulated controller and by the host tests, so both exercise
// the same register behaviour (see simgpio_regs.hpp for the map).
#include "../engine/bits.hpp"
#include "simgpio_regs.hpp"

namespace clx::simgpio {

namespace {

struct BankRegs {
  u64 polarity = 0;
  u64 enable = 0;
  u64 status = 0;
  u64 direction = ~u64{0};  // reset: all inputs
  u64 latch = 0;
  u64 pull_enable = 0;
  u64 pull_up = 0;
  u64 outside = 0;  // what the world drives onto each pin
  u64 all = 0;
};

}  // namespace

class Hardware {
 public:
  Hardware(u16 total, u8 per_bank, BankRegs* banks) : m_total(total), m_per_bank(per_bank), m_banks(banks) {
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

  static u64 level(const BankRegs& r) {
    u64 input = (r.pull_enable & r.pull_up) | (~r.pull_enable & r.outside);
    return ((r.direction & input) | (~r.direction & r.latch)) & r.all;
  }

  static void relatch(BankRegs& r) { r.status |= ~(level(r) ^ r.polarity) & r.enable & r.all; }

  u32 read32(u32 offset) const {
    const BankRegs* r = bank_of(offset);
    if (r == nullptr) return 0;
    u64 v = value_of(*r, offset % kBankStride & ~kHiWord);
    return static_cast<u32>(offset & kHiWord ? v >> 32 : v);
  }

  void write32(u32 offset, u32 value) {
    BankRegs* r = bank_of(offset);
    if (r == nullptr) return;
    unsigned shift = offset & kHiWord ? 32 : 0;
    u64 word = u64{0xFFFFFFFF} << shift;
    u64 v = (u64{value} << shift) & r->all;
    auto store = [&](u64& reg) { reg = (reg & ~word) | v; };
    switch (offset % kBankStride & ~kHiWord) {
      case POLARITY::offset: store(r->polarity); break;
      case ENABLE::offset: store(r->enable); break;
      case STATUS::offset: r->status &= ~v; break;
      case DIRECTION::offset: store(r->direction); break;
      case OUT_SET::offset: r->latch |= v; break;
      case OUT_CLEAR::offset: r->latch &= ~v; break;
      case PULL_ENABLE::offset: store(r->pull_enable); break;
      case PULL_UP::offset: store(r->pull_up); break;
      default: return;  // MODE and LEVEL are read-only
    }
    relatch(*r);
  }

  int drive(u16 pin, int lvl) {
    if (pin >= m_total) return -CLX_ERANGE;
    if (lvl != 0 && lvl != 1) return -CLX_EINVAL;
    BankRegs& r = m_banks[pin / m_per_bank];
    u64 m = bit(pin % m_per_bank);
    r.outside = lvl ? r.outside | m : r.outside & ~m;
    relatch(r);
    return (r.status & r.enable) != 0;
  }

  int pin_level(u16 pin) const {
    if (pin >= m_total) return -CLX_ERANGE;
    return (level(m_banks[pin / m_per_bank]) >> (pin % m_per_bank)) & 1;
  }

  int irq_pending(u16 bank) const {
    if (bank >= m_bank_count) return -CLX_ECHRNG;
    return (m_banks[bank].status & m_banks[bank].enable) != 0;
  }

 private:
  BankRegs* bank_of(u32 offset) const {
    u32 b = offset / kBankStride;
    return b < m_bank_count ? &m_banks[b] : nullptr;
  }

  static u64 value_of(const BankRegs& r, u32 reg) {
    switch (reg) {
      case MODE::offset: return r.all;
      case POLARITY::offset: return r.polarity;
      case ENABLE::offset: return r.enable;
      case STATUS::offset: return r.status;
      case DIRECTION::offset: return r.direction & r.all;
      case LEVEL::offset: return level(r);
      case PULL_ENABLE::offset: return r.pull_enable;
      case PULL_UP::offset: return r.pull_up;
      default: return 0;  // write-only and unmapped registers read as zero
    }
  }

  u16 m_total;
  u8 m_per_bank;
  u16 m_bank_count = 0;
  BankRegs* m_banks;
};

}  // namespace clx::simgpio

using clx::simgpio::Hardware;

// CAST: struct clx_simhw is the opaque C name of Hardware.
static Hardware* hw_of(void* p) { return static_cast<Hardware*>(p); }

extern "C" {

static clx_u32 simhw_read32(void* base, clx_u32 offset) { return hw_of(base)->read32(offset); }
static void simhw_write32(void* base, clx_u32 offset, clx_u32 value) {
  hw_of(base)->write32(offset, value);
}

const clx_bus_ops clxgpio_simhw_bus = {simhw_read32, simhw_write32};

long clxgpio_simhw_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank) {
  if (total_pins == 0 || pins_per_bank == 0) return -CLX_EINVAL;
  if (total_pins > CLX_MAX_PINS) return -CLX_E2BIG;
  if (pins_per_bank > CLX_MAX_PINS_PER_BANK) return -CLX_EMSGSIZE;
  if (pins_per_bank > total_pins) return -CLX_EDOM;
  return static_cast<long>(Hardware::storage_size(total_pins, pins_per_bank));
}

int clxgpio_simhw_init(void* storage, clx_size size, clx_u16 total_pins, clx_u8 pins_per_bank,
                       clx_simhw** out) {
  long need = clxgpio_simhw_storage_size(total_pins, pins_per_bank);
  if (need < 0) return static_cast<int>(need);
  if (storage == nullptr || out == nullptr) return -CLX_EINVAL;
  if (size < static_cast<clx_size>(need) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  auto* base = static_cast<clx::u8*>(storage);
  // CAST: bank registers follow the 8-aligned Hardware object in the same storage.
  auto* banks = reinterpret_cast<clx::simgpio::BankRegs*>(base + ((sizeof(Hardware) + 7) & ~clx_size{7}));
  auto* hw = new (storage, clx::Place{}) Hardware(total_pins, pins_per_bank, banks);
  *out = reinterpret_cast<clx_simhw*>(hw);
  return 0;
}

int clxgpio_simhw_drive(clx_simhw* hw, clx_u16 pin, int level) { return hw_of(hw)->drive(pin, level); }

int clxgpio_simhw_level(const clx_simhw* hw, clx_u16 pin) {
  return reinterpret_cast<const Hardware*>(hw)->pin_level(pin);
}

int clxgpio_simhw_irq_pending(const clx_simhw* hw, clx_u16 bank) {
  return reinterpret_cast<const Hardware*>(hw)->irq_pending(bank);
}

}  // extern "C"

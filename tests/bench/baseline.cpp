// Host benchmark: hand-written minimal register sequences (see baseline.hpp).
#include "baseline.hpp"

#include "pl061_regs.hpp"
#include "simgpio_regs.hpp"

namespace clxbench::baseline {

namespace {

inline clx_u32 rd(const Regs& r, clx_u32 off) { return r.bus->read32(r.base, off); }
inline void wr(const Regs& r, clx_u32 off, clx_u32 v) { r.bus->write32(r.base, off, v); }
// The PL061 is memory-mapped: its registers are reached through the shim's MMIO calls,
// as the engine's PL061 client reaches them (and gpio-pl061 through readl/writel).
inline clx_u32 mmio_rd(const Regs& r, clx_u32 off) { return clx_shim_mmio_read32(r.base, off); }
inline void mmio_wr(const Regs& r, clx_u32 off, clx_u32 v) { clx_shim_mmio_write32(r.base, off, v); }

}  // namespace

void noop() { __asm__ volatile(""); }

// ---- PL061 ----

clx_u64 pl061_read(const Regs& r, clx_u64 mask) {
  using clx::pl061::GPIODATA;
  return mmio_rd(r, GPIODATA::offset_for(static_cast<clx_u32>(mask))) & mask;
}

void pl061_write(const Regs& r, clx_u64 set, clx_u64 clear) {
  using clx::pl061::GPIODATA;
  mmio_wr(r, GPIODATA::offset_for(static_cast<clx_u32>(set | clear)), static_cast<clx_u32>(set));
}

unsigned pl061_dispatch(const Regs& r, const clx_u8 kind[8], clx_irq_event* events) {
  using namespace clx::pl061;
  clx_u32 pending = mmio_rd(r, GPIOMIS::offset) & 0xFF;
  unsigned n = 0;
  for (clx_u32 left = pending; left != 0; left &= left - 1) {
    unsigned p = static_cast<unsigned>(__builtin_ctz(left));
    events[n++] = clx_irq_event{static_cast<clx_u16>(p), kind[p], 0};
  }
  if (pending != 0) mmio_wr(r, GPIOIC::offset, pending);
  return n;
}

// ---- simulated level-only controller ----

clx_u64 sim_read(const Regs& r, clx_u16 bank, clx_u64 mask) {
  using namespace clx::simgpio;
  clx_u32 at = bank * kBankStride + LEVEL::offset;
  clx_u64 v = 0;
  if (static_cast<clx_u32>(mask) != 0) v = rd(r, at);
  if ((mask >> 32) != 0) v |= clx_u64{rd(r, at + kHiWord)} << 32;
  return v & mask;
}

void sim_write(const Regs& r, clx_u16 bank, clx_u64 set, clx_u64 clear) {
  using namespace clx::simgpio;
  clx_u32 at = bank * kBankStride;
  if (static_cast<clx_u32>(set) != 0) wr(r, at + OUT_SET::offset, static_cast<clx_u32>(set));
  if ((set >> 32) != 0) wr(r, at + OUT_SET::offset + kHiWord, static_cast<clx_u32>(set >> 32));
  if (static_cast<clx_u32>(clear) != 0) wr(r, at + OUT_CLEAR::offset, static_cast<clx_u32>(clear));
  if ((clear >> 32) != 0) wr(r, at + OUT_CLEAR::offset + kHiWord, static_cast<clx_u32>(clear >> 32));
}

unsigned sim_dispatch_both(const Regs& r, clx_u16 bank, unsigned words, const BothPins& pins,
                           clx_irq_event* events) {
  using namespace clx::simgpio;
  unsigned n = 0;
  for (unsigned w = 0; w < words; ++w) {
    clx_u32 at = bank * kBankStride + w * kHiWord;
    clx_u32 shift = w * 32;
    clx_u32 en = rd(r, at + ENABLE::offset);
    clx_u32 active = rd(r, at + STATUS::offset) & en;
    active &= static_cast<clx_u32>(pins.emulated >> shift);
    if (active == 0) continue;
    wr(r, at + ENABLE::offset, en & ~active);      // mask
    clx_u32 pol = rd(r, at + POLARITY::offset);    // 1 = was armed for high
    wr(r, at + POLARITY::offset, pol ^ active);    // arm for the opposite level
    wr(r, at + STATUS::offset, active);            // drop status of the old polarity
    clx_u32 asserted_high = static_cast<clx_u32>(pins.asserted_high >> shift);
    for (clx_u32 left = active; left != 0; left &= left - 1) {
      unsigned p = static_cast<unsigned>(__builtin_ctz(left));
      bool high = (pol >> p) & 1;
      bool asserted = high == (((asserted_high >> p) & 1) != 0);
      events[n++] = clx_irq_event{static_cast<clx_u16>(shift + p),
                                  static_cast<clx_u8>(high ? CLX_EVENT_RISING : CLX_EVENT_FALLING),
                                  static_cast<clx_u8>(asserted ? CLX_EVENT_ASSERTED : 0)};
    }
    wr(r, at + ENABLE::offset, en);                // unmask
  }
  return n;
}

}  // namespace clxbench::baseline

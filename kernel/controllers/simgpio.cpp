// SPDX-License-Identifier: GPL-2.0
// Client callbacks for the simulated level-only controller (simgpio_regs.hpp): the
// hardware GpioClx asks for (level interrupts, run-time polarity, no both-edge, no
// debounce), so the engine emulates edges, ActiveBoth and debounce on it. It may be
// declared memory-mapped or sleeping (a bus-attached, SPB-style controller).
#include "../engine/bits.hpp"
#include "simgpio_regs.hpp"

namespace clx::simgpio {

namespace {

constexpr u32 kCaps = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_PULL;
constexpr u32 kSavedRegs = 6;

class Controller {
 public:
  Controller(const clx_bus_ops* bus, void* base, u16 total, u8 per_bank, u64* saved)
      : m_bus(bus, base), m_total(total), m_per_bank(per_bank), m_wide(per_bank > 32),
        m_bank_count(bank_count(total, per_bank)), m_saved(saved) {
    for (u32 i = 0; i < u32{m_bank_count} * kSavedRegs; ++i) saved[i] = 0;
  }

  static u16 bank_count(u16 total, u8 per_bank) {
    return static_cast<u16>((total + per_bank - 1) / per_bank);
  }
  static usize header_size() { return (sizeof(Controller) + 7) & ~usize{7}; }
  static usize storage_size(u16 total, u8 per_bank) {
    return header_size() + sizeof(u64) * kSavedRegs * bank_count(total, per_bank);
  }

  static Controller* of(void* ctx) { return static_cast<Controller*>(ctx); }  // CAST: ctx is ours

  // 64-bit pin register of a bank; the HI word only exists for banks over 32 pins.
  template <typename Reg>
  u64 load(u16 bank) const {
    u32 at = bank * kBankStride + Reg::offset;
    u64 v = m_bus.read(at);
    return m_wide ? v | u64{m_bus.read(at + kHiWord)} << 32 : v;
  }
  template <typename Reg>
  void store(u16 bank, u64 value) const {
    u32 at = bank * kBankStride + Reg::offset;
    m_bus.write(at, static_cast<u32>(value));
    if (m_wide) m_bus.write(at + kHiWord, static_cast<u32>(value >> 32));
  }
  template <typename Reg>
  void update(u16 bank, u64 mask, u64 value) const {
    u64 old = load<Reg>(bank);
    store<Reg>(bank, (old & ~mask) | (value & mask));
  }
  // A single-word register write when every pin in mask lives in one word.
  template <typename Reg>
  void store_bits(u16 bank, u64 mask) const {
    u32 at = bank * kBankStride + Reg::offset;
    if (static_cast<u32>(mask) != 0) m_bus.write(at, static_cast<u32>(mask));
    if (mask >> 32) m_bus.write(at + kHiWord, static_cast<u32>(mask >> 32));
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
        c->store<ENABLE>(b, 0);
        c->store<STATUS>(b, ~u64{0});
      }
    }
    return 0;
  }

  static int stop(void* ctx, clx_stop_kind kind) {
    Controller* c = of(ctx);
    if (kind == CLX_STOP_FINAL)
      for (u16 b = 0; b < c->m_bank_count; ++b) c->store<ENABLE>(b, 0);
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

  static int read_pins(void* ctx, u16 bank, u64* values) {
    *values = of(ctx)->load<LEVEL>(bank);
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
    c->update<ENABLE>(bank, m, m);
    return 0;
  }

  static int disable_irq(void* ctx, u16 bank, u16 pin) {
    of(ctx)->update<ENABLE>(bank, bit(pin), 0);
    return 0;
  }

  static int mask_irqs(void* ctx, u16 bank, u64 mask) {
    of(ctx)->update<ENABLE>(bank, mask, 0);
    return 0;
  }

  static int unmask_irq(void* ctx, u16 bank, u16 pin, const clx_irq_config*) {
    of(ctx)->update<ENABLE>(bank, bit(pin), bit(pin));
    return 0;
  }

  static int query_active(void* ctx, u16 bank, u64, u64* active) {
    Controller* c = of(ctx);
    *active = c->load<STATUS>(bank) & c->load<ENABLE>(bank);
    return 0;
  }

  static int clear_active(void* ctx, u16 bank, u64 mask) {
    of(ctx)->store_bits<STATUS>(bank, mask);
    return 0;
  }

  static int query_enabled(void* ctx, u16 bank, u64* enabled) {
    *enabled = of(ctx)->load<ENABLE>(bank);
    return 0;
  }

  static int reconfigure_irq(void* ctx, u16 bank, u16 pin, const clx_irq_config* cfg) {
    if (cfg->mode != CLX_IRQ_LEVEL || cfg->polarity == CLX_POL_BOTH) return -CLX_EOPNOTSUPP;
    u64 m = bit(pin);
    of(ctx)->update<POLARITY>(bank, m, cfg->polarity == CLX_POL_HIGH ? m : 0);
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
    c->store<ENABLE>(bank, 0);
    c->store<OUT_CLEAR>(bank, ~s[3]);
    c->store<OUT_SET>(bank, s[3]);
    c->store<PULL_ENABLE>(bank, s[4]);
    c->store<PULL_UP>(bank, s[5]);
    c->store<DIRECTION>(bank, s[2]);
    c->store<POLARITY>(bank, s[0]);
    c->store<STATUS>(bank, ~u64{0});
    c->store<ENABLE>(bank, s[1]);
  }

  static int query_outputs(void* ctx, u16 bank, u64* outputs) {
    Controller* c = of(ctx);
    unsigned left = c->m_total - bank * c->m_per_bank;
    *outputs = ~c->load<DIRECTION>(bank) & low_mask(left < c->m_per_bank ? left : c->m_per_bank);
    return 0;
  }

 private:
  Bus32 m_bus;
  u16 m_total;
  u8 m_per_bank;
  bool m_wide;
  u16 m_bank_count;
  u64* m_saved;  // kSavedRegs words per bank, after this object in its storage
};

constexpr clx_client_ops kOps = {
    Controller::start,         Controller::stop,          Controller::connect_io,
    Controller::disconnect_io, Controller::read_pins,     Controller::write_pins,
    Controller::enable_irq,    Controller::disable_irq,   Controller::mask_irqs,
    Controller::unmask_irq,    Controller::query_active,  Controller::clear_active,
    Controller::query_enabled, Controller::reconfigure_irq, Controller::save_bank,
    Controller::restore_bank,  Controller::query_outputs,
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
  // CAST: the saved-context words follow the 8-aligned controller in its storage.
  auto* saved = reinterpret_cast<clx::u64*>(static_cast<clx::u8*>(storage) + Controller::header_size());
  auto* c = new (storage, clx::Place{}) Controller(bus, base, total_pins, pins_per_bank, saved);
  clx_u32 caps = clx::simgpio::kCaps | (memory_mapped ? CLX_CAP_MEMORY_MAPPED : 0u);
  out->desc = clx_controller_desc{total_pins, pins_per_bank, caps, nullptr};
  out->ops = &clx::simgpio::kOps;
  out->ctx = c;
  return 0;
}

}  // extern "C"

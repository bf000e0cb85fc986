// SPDX-License-Identifier: GPL-2.0
// PL061 client: the GpioClx-style callbacks for the ARM PrimeCell PL061, one bank of
// eight pins on one interrupt line. Memory-mapped: no callback sleeps or fails.
#include "../engine/bits.hpp"
#include "pl061_regs.hpp"

namespace clx::pl061 {

namespace {

constexpr u32 kCaps = CLX_CAP_LEVEL | CLX_CAP_EDGE | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW |
                      CLX_CAP_HW_BOTH_EDGE | CLX_CAP_MEMORY_MAPPED | CLX_CAP_ATOMIC_IO;

struct Saved {
  u32 dir, is, ibe, iev, ie, data;
};

class Controller {
 public:
  Controller(const clx_bus_ops* bus, void* base) : m_bus(bus, base) {}

  static Controller* of(void* ctx) { return static_cast<Controller*>(ctx); }  // CAST: ctx is ours

  static int start(void* ctx, clx_start_kind kind) {
    if (kind == CLX_START_FIRST) {
      const Bus32& bus = of(ctx)->m_bus;
      bus.update_pins<GPIOIE>(0xFF, 0);  // firmware may have left interrupts on
      bus.write_pins<GPIOIC>(0xFF);
    }
    return 0;
  }

  static int stop(void* ctx, clx_stop_kind kind) {
    if (kind == CLX_STOP_FINAL) of(ctx)->m_bus.update_pins<GPIOIE>(0xFF, 0);
    return 0;
  }

  static int connect_io(void* ctx, u16, u64 mask, const clx_io_config* cfg) {
    u32 m = static_cast<u32>(mask);
    of(ctx)->m_bus.update_pins<GPIODIR>(m, cfg->mode == CLX_IO_OUTPUT ? m : 0);
    return 0;
  }

  static int disconnect_io(void* ctx, u16, u64 mask) {
    of(ctx)->m_bus.update_pins<GPIODIR>(static_cast<u32>(mask), 0);
    return 0;
  }

  static int read_pins(void* ctx, u16, u64, u64* values) {
    *values = Pins::get(of(ctx)->m_bus.read(GPIODATA::all));
    return 0;
  }

  // Address-masked: one write touches exactly the pins in set|clear, no RMW.
  static int write_pins(void* ctx, u16, u64 set, u64 clear) {
    u32 touched = static_cast<u32>(set | clear);
    of(ctx)->m_bus.write(GPIODATA::offset_for(touched), static_cast<u32>(set));
    return 0;
  }

  static int enable_irq(void* ctx, u16, u16 pin, const clx_irq_config* cfg) {
    const Bus32& bus = of(ctx)->m_bus;
    u32 m = u32{1} << pin;
    program_trigger(bus, m, cfg);
    bus.write_pins<GPIOIC>(m);
    bus.update_pins<GPIOIE>(m, m);
    return 0;
  }

  static int disable_irq(void* ctx, u16, u16 pin) {
    of(ctx)->m_bus.update_pins<GPIOIE>(u32{1} << pin, 0);
    return 0;
  }

  static int mask_irqs(void* ctx, u16, u64 mask) {
    of(ctx)->m_bus.update_pins<GPIOIE>(static_cast<u32>(mask), 0);
    return 0;
  }

  static int unmask_irq(void* ctx, u16, u16 pin, const clx_irq_config*) {
    u32 m = u32{1} << pin;
    of(ctx)->m_bus.update_pins<GPIOIE>(m, m);
    return 0;
  }

  static int query_active(void* ctx, u16, u64, u64* active) {
    *active = of(ctx)->m_bus.pins<GPIOMIS>();
    return 0;
  }

  static int clear_active(void* ctx, u16, u64 mask) {
    of(ctx)->m_bus.write_pins<GPIOIC>(static_cast<u32>(mask));
    return 0;
  }

  static int query_enabled(void* ctx, u16, u64* enabled) {
    *enabled = of(ctx)->m_bus.pins<GPIOIE>();
    return 0;
  }

  static int reconfigure_irq(void* ctx, u16, u16 pin, const clx_irq_config* cfg) {
    program_trigger(of(ctx)->m_bus, u32{1} << pin, cfg);
    return 0;
  }

  static void save_bank(void* ctx, u16) {
    Controller* c = of(ctx);
    const Bus32& bus = c->m_bus;
    c->m_saved = Saved{bus.pins<GPIODIR>(), bus.pins<GPIOIS>(), bus.pins<GPIOIBE>(),
                       bus.pins<GPIOIEV>(), bus.pins<GPIOIE>(), Pins::get(bus.read(GPIODATA::all))};
  }

  // Everything but the enables first, so nothing fires half-configured.
  static void restore_bank(void* ctx, u16) {
    Controller* c = of(ctx);
    const Bus32& bus = c->m_bus;
    const Saved& s = c->m_saved;
    bus.write(GPIODATA::all, s.data);
    bus.update_pins<GPIODIR>(0xFF, s.dir);
    bus.write(GPIODATA::all, s.data);
    bus.update_pins<GPIOIS>(0xFF, s.is);
    bus.update_pins<GPIOIBE>(0xFF, s.ibe);
    bus.update_pins<GPIOIEV>(0xFF, s.iev);
    bus.write_pins<GPIOIC>(0xFF);
    bus.update_pins<GPIOIE>(0xFF, s.ie);
  }

  static int query_outputs(void* ctx, u16, u64* outputs) {
    *outputs = of(ctx)->m_bus.pins<GPIODIR>();
    return 0;
  }

 private:
  static void program_trigger(const Bus32& bus, u32 m, const clx_irq_config* cfg) {
    bool level = cfg->mode == CLX_IRQ_LEVEL;
    bool both = cfg->polarity == CLX_POL_BOTH;
    bus.update_pins<GPIOIS>(m, level ? m : 0);
    bus.update_pins<GPIOIBE>(m, both ? m : 0);
    if (!both) bus.update_pins<GPIOIEV>(m, cfg->polarity == CLX_POL_HIGH ? m : 0);
  }

  Bus32 m_bus;
  Saved m_saved{};
};

constexpr clx_client_ops kOps = {
    Controller::start,         Controller::stop,          Controller::connect_io,
    Controller::disconnect_io, Controller::read_pins,     Controller::write_pins,
    Controller::enable_irq,    Controller::disable_irq,   Controller::mask_irqs,
    Controller::unmask_irq,    Controller::query_active,  Controller::clear_active,
    Controller::query_enabled, Controller::reconfigure_irq, Controller::save_bank,
    Controller::restore_bank,  Controller::query_outputs,   nullptr,
    nullptr,
};

}  // namespace

}  // namespace clx::pl061

extern "C" {

long clxgpio_pl061_storage_size(void) { return sizeof(clx::pl061::Controller); }

int clxgpio_pl061_init(void* storage, clx_size size, const clx_bus_ops* bus, void* base,
                       clx_controller* out) {
  using clx::pl061::Controller;
  if (storage == nullptr || bus == nullptr || out == nullptr) return -CLX_EINVAL;
  if (size < sizeof(Controller) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  auto* c = new (storage, clx::Place{}) Controller(bus, base);
  out->desc = clx_controller_desc{clx::pl061::kPinCount, clx::pl061::kPinCount, clx::pl061::kCaps,
                                  nullptr};
  out->ops = &clx::pl061::kOps;
  out->ctx = c;
  return 0;
}

}  // extern "C"

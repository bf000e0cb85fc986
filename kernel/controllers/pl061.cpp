// SPDX-License-Identifier: GPL-2.0
// PL061 client: the GpioClx-style callbacks for the ARM PrimeCell PL061, one bank of
// eight pins on one interrupt line. Memory-mapped: no callback sleeps or fails. Its
// registers are reached through the shim's MMIO calls (Mmio32), one direct call an
// access.
#include "../engine/client_ops.hpp"
#include "clx_controllers.h"
#include "pl061_regs.hpp"

namespace clx::pl061 {

namespace {

constexpr u32 kCaps = CLX_CAP_LEVEL | CLX_CAP_EDGE | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW |
                      CLX_CAP_HW_BOTH_EDGE | CLX_CAP_MEMORY_MAPPED | CLX_CAP_ATOMIC_IO;

// The registers a suspend keeps (all but the read-only status and write-only clear).
struct Saved {
  u32 gpiodir, gpiois, gpioibe, gpioiev, gpioie, gpiodata;
};

// The client callbacks (client_ops.hpp turns them into the clx_client_ops table). The
// PL061 has one bank: the bank argument is always 0.
class Controller {
 public:
  explicit Controller(void* base) : m_regs(base) {}

  int start(clx_start_kind kind) {
    if (kind == CLX_START_FIRST) {
      m_regs.update_field<GPIOIE>(0xFF, 0);  // firmware may have left interrupts on
      m_regs.write_field<GPIOIC>(0xFF);
    }
    return 0;
  }

  int stop(clx_stop_kind kind) {
    if (kind == CLX_STOP_FINAL) m_regs.update_field<GPIOIE>(0xFF, 0);
    return 0;
  }

  int connect_io(u16, u64 mask, const clx_io_config& cfg) {
    u32 m = static_cast<u32>(mask);
    m_regs.update_field<GPIODIR>(m, cfg.mode == CLX_IO_OUTPUT ? m : 0);
    return 0;
  }

  int disconnect_io(u16, u64 mask) {
    m_regs.update_field<GPIODIR>(static_cast<u32>(mask), 0);
    return 0;
  }

  // LOCKING: none needed (CLX_CAP_ATOMIC_IO): one read, one address-masked write.
  int read_pins(u16, u64, u64* values) {
    *values = Pins::get(m_regs.read(GPIODATA::all));
    return 0;
  }

  // Address-masked: one write touches exactly the pins in set|clear, no RMW.
  int write_pins(u16, u64 set, u64 clear) {
    u32 touched = static_cast<u32>(set | clear);
    m_regs.write(GPIODATA::offset_for(touched), static_cast<u32>(set));
    return 0;
  }

  int enable_irq(u16, u16 pin, const clx_irq_config& cfg) {
    u32 m = u32{1} << pin;
    program_trigger(m, cfg);
    m_regs.write_field<GPIOIC>(m);
    m_regs.update_field<GPIOIE>(m, m);
    return 0;
  }

  int disable_irq(u16, u16 pin) {
    m_regs.update_field<GPIOIE>(u32{1} << pin, 0);
    return 0;
  }

  int mask_irqs(u16, u64 mask) {
    m_regs.update_field<GPIOIE>(static_cast<u32>(mask), 0);
    return 0;
  }

  int unmask_irq(u16, u16 pin, const clx_irq_config&) {
    u32 m = u32{1} << pin;
    m_regs.update_field<GPIOIE>(m, m);
    return 0;
  }

  int query_active(u16, u64, u64* active) {
    *active = m_regs.read_field<GPIOMIS>();
    return 0;
  }

  int clear_active(u16, u64 mask) {
    m_regs.write_field<GPIOIC>(static_cast<u32>(mask));
    return 0;
  }

  int query_enabled(u16, u64* enabled) {
    *enabled = m_regs.read_field<GPIOIE>();
    return 0;
  }

  int reconfigure_irq(u16, u16 pin, const clx_irq_config& cfg) {
    program_trigger(u32{1} << pin, cfg);
    return 0;
  }

  void save_bank(u16) {
    m_saved = Saved{m_regs.read_field<GPIODIR>(), m_regs.read_field<GPIOIS>(),
                    m_regs.read_field<GPIOIBE>(), m_regs.read_field<GPIOIEV>(),
                    m_regs.read_field<GPIOIE>(), Pins::get(m_regs.read(GPIODATA::all))};
  }

  // Everything but the enables first, so nothing fires half-configured. GPIODATA is
  // written before and after GPIODIR: the PL061 drops data writes to input pins.
  void restore_bank(u16) {
    const Saved& s = m_saved;
    m_regs.write(GPIODATA::all, s.gpiodata);
    m_regs.update_field<GPIODIR>(0xFF, s.gpiodir);
    m_regs.write(GPIODATA::all, s.gpiodata);
    m_regs.update_field<GPIOIS>(0xFF, s.gpiois);
    m_regs.update_field<GPIOIBE>(0xFF, s.gpioibe);
    m_regs.update_field<GPIOIEV>(0xFF, s.gpioiev);
    m_regs.write_field<GPIOIC>(0xFF);
    m_regs.update_field<GPIOIE>(0xFF, s.gpioie);
  }

  int query_outputs(u16, u64* outputs) {
    *outputs = m_regs.read_field<GPIODIR>();
    return 0;
  }

 private:
  void program_trigger(u32 m, const clx_irq_config& cfg) {
    bool level = cfg.mode == CLX_IRQ_LEVEL;
    bool both = cfg.polarity == CLX_POL_BOTH;
    m_regs.update_field<GPIOIS>(m, level ? m : 0);
    m_regs.update_field<GPIOIBE>(m, both ? m : 0);
    if (!both) m_regs.update_field<GPIOIEV>(m, cfg.polarity == CLX_POL_HIGH ? m : 0);
  }

  Mmio32 m_regs;
  Saved m_saved{};
};

constexpr clx_client_ops kOps = client_ops<Controller>();
using Groups = ClientGroups<Controller>;
static_assert(Groups::io && Groups::read && Groups::write && Groups::irq && Groups::clear &&
                  Groups::query_enabled && Groups::reconfigure && !Groups::batch &&
                  Groups::save_restore && Groups::query_outputs,
              "PL061: I/O, interrupts with clear, save/restore; no batched reconfigure");

}  // namespace

}  // namespace clx::pl061

extern "C" {

long clx_pl061_storage_size(void) { return sizeof(clx::pl061::Controller); }

int clx_pl061_init(void* storage, clx_size size, void* base, clx_controller* out) {
  using clx::pl061::Controller;
  if (storage == nullptr || out == nullptr) return -CLX_EINVAL;
  if (size < sizeof(Controller) || (reinterpret_cast<clx_size>(storage) & 7) != 0)
    return -CLX_ENOBUFS;
  auto* c = new (storage, clx::Place{}) Controller(base);
  out->desc = clx_controller_desc{clx::pl061::kPinCount, clx::pl061::kPinCount, clx::pl061::kCaps,
                                  nullptr};
  out->ops = &clx::pl061::kOps;
  out->ctx = c;
  return 0;
}

}  // extern "C"

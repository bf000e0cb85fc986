// Host benchmark: the baseline. For each measured operation, the minimal register
// sequence a driver hand-written for that one controller would issue, with no engine:
// same register model, reached the way the engine's controller reaches it (the
// simulated controller: the same clx_bus_ops, one indirect call per access; the PL061:
// the shim's MMIO calls, as readl/writel in the kernel), no shadow copies of hardware
// registers, only the 32-bit words the operation needs.
//
// Each function lives out of line in baseline.cpp, as the engine's entry points live
// in their own translation units, so both sides pay one call per operation.
#pragma once

#include "clxgpio_abi.h"

namespace clxbench::baseline {

// A register window: the bus the engine's controller uses, and its base (for the
// PL061: bus unused, base the MMIO window the shim maps).
struct Regs {
  const clx_bus_ops* bus;
  void* base;
};

// Calibration: an empty out-of-line call (the cost every measured call shares).
void noop();

// ---- PL061 (one bank of eight pins) ----
// Values of the pins in mask: one address-masked GPIODATA read.
clx_u64 pl061_read(const Regs& r, clx_u64 mask);
// One address-masked GPIODATA write touching exactly set|clear.
void pl061_write(const Regs& r, clx_u64 set, clx_u64 clear);
// Native edge interrupt: read GPIOMIS, one event per pending pin (kind from the
// driver's per-pin table), write the pending pins to GPIOIC. Returns the event count.
unsigned pl061_dispatch(const Regs& r, const clx_u8 kind[8], clx_irq_event* events);

// ---- simulated level-only controller (simgpio_regs.hpp) ----
// LEVEL word(s) the mask touches (outputs read their latch in hardware).
clx_u64 sim_read(const Regs& r, clx_u16 bank, clx_u64 mask);
// OUT_SET / OUT_CLEAR for each word that has bits to set / clear.
void sim_write(const Regs& r, clx_u16 bank, clx_u64 set, clx_u64 clear);

// What the driver knows of its ActiveBoth pins in one bank (its configuration, not a
// copy of any register).
struct BothPins {
  clx_u64 emulated;       // pins run as emulated ActiveBoth
  clx_u64 asserted_high;  // of those, asserted high (_DSM function 1); others low
};
// Emulated ActiveBoth on level-only hardware, per 32-bit word of the bank (words = 1
// for banks of <= 32 pins, 2 above): read STATUS and ENABLE; for the active pins,
// mask (ENABLE write), flip the level polarity (POLARITY read + write), clear the
// status latched under the old polarity (STATUS W1C), record the events, unmask
// (ENABLE write back). Returns the event count.
unsigned sim_dispatch_both(const Regs& r, clx_u16 bank, unsigned words, const BothPins& pins,
                           clx_irq_event* events);

}  // namespace clxbench::baseline

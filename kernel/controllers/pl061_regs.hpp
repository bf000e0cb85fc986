// SPDX-License-Identifier: GPL-2.0
// ARM PrimeCell PL061 GPIO registers, named as in the PL061 Technical Reference
// Manual (DDI 0190). Eight pins; each register's pin field is bits [7:0], bits
// [31:8] are reserved and preserved.
#pragma once

#include "../engine/register.hpp"

namespace clx::pl061 {

using Pins = BitRange<u32, 7, 0>;

// GPIODATA: 0x000-0x3FC. Address bits [9:2] select which pins an access touches:
// a read returns 0 for unselected pins, a write changes only selected pins.
struct GPIODATA {
  static constexpr u32 offset_for(u32 pin_mask) { return Pins::put(0, pin_mask) << 2; }
  static constexpr u32 all = 0x3FC;
  using pins = Pins;
};
static_assert(GPIODATA::offset_for(0xFF) == GPIODATA::all, "GPIODATA address mask");

using GPIODIR = PinRegister<0x400, Pins>;  // 1 = output
using GPIOIS = PinRegister<0x404, Pins>;   // 1 = level-sensitive, 0 = edge
using GPIOIBE = PinRegister<0x408, Pins>;  // 1 = both edges (overrides GPIOIEV)
using GPIOIEV = PinRegister<0x40C, Pins>;  // 1 = rising edge / high level
using GPIOIE = PinRegister<0x410, Pins>;   // 1 = interrupt not masked
using GPIORIS = PinRegister<0x414, Pins>;  // raw interrupt status (RO)
using GPIOMIS = PinRegister<0x418, Pins>;  // masked interrupt status (RO)
using GPIOIC = PinRegister<0x41C, Pins>;   // write 1 to clear an edge interrupt (WO)

constexpr u32 kPinCount = 8;

}  // namespace clx::pl061

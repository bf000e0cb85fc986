// SPDX-License-Identifier: GPL-2.0
// Register map of clxgpio's simulated level-only GPIO controller (its datasheet).
//
// One window of kBankStride bytes per bank. Every register is 64 bits wide, one bit
// per pin, as a LO word (pins 0-31) at the offset and a HI word (pins 32-63) at
// offset + 4; banks of 32 pins or fewer never touch HI.
//
//   MODE        0x00 RO  1 = level-sensitive. Level only: reads as all ones.
//   POLARITY    0x08 RW  1 = active high, 0 = active low; writable at any time.
//   ENABLE      0x10 RW  1 = interrupt enabled (the only mask this hardware has).
//   STATUS      0x18 W1C latched while ENABLE and the level equals POLARITY; a
//                        write of 1 clears it, and it re-latches at once if the
//                        condition still holds (level semantics).
//   DIRECTION   0x20 RW  1 = input (reset value), 0 = output.
//   LEVEL       0x28 RO  pin levels: outputs read their latch.
//   OUT_SET     0x30 WO  1 = set the output latch bit.
//   OUT_CLEAR   0x38 WO  1 = clear the output latch bit.
//   PULL        0x40 RW  the line's pull: 1 = up, 0 = down (reset value).
//   PULL_SET    0x48 WO  1 = pull the line up.
//   PULL_CLEAR  0x50 WO  1 = pull the line down.
//
// Every register access is indivisible, as on a hardware bus: OUT_SET, OUT_CLEAR,
// PULL_SET, PULL_CLEAR and the STATUS clear change only the pins written, so they need
// no lock against other writers (the latch rule under races: simgpio_hw.cpp).
// PULL_SET/PULL_CLEAR exist because the outside world writes the pulls too: a
// read-modify-write of PULL would undo an outside write that fell between its read
// and its write.
// The bank's interrupt output is asserted while (STATUS & ENABLE) != 0.
//
// A line has one pull, as a gpio-sim line does: PULL and the outside world
// (clx_simhw_set_pull, gpio-sim's sysfs `pull`) write the same bit and the last write
// wins. An input reads its pull, an output its latch; nothing else drives a line, and
// no line floats (there is no "pull disabled").
#pragma once

#include "../engine/register.hpp"
#include "simgpio_hw.h"

namespace clx::simgpio {

using Pins = BitRange<u32, 31, 0>;  // one 32-bit word of a pin register

using MODE = PinRegister<0x00, Pins>;
using POLARITY = PinRegister<0x08, Pins>;
using ENABLE = PinRegister<0x10, Pins>;
using STATUS = PinRegister<0x18, Pins>;
using DIRECTION = PinRegister<0x20, Pins>;
using LEVEL = PinRegister<0x28, Pins>;
using OUT_SET = PinRegister<0x30, Pins>;
using OUT_CLEAR = PinRegister<0x38, Pins>;
using PULL = PinRegister<0x40, Pins>;
using PULL_SET = PinRegister<0x48, Pins>;
using PULL_CLEAR = PinRegister<0x50, Pins>;

constexpr u32 kHiWord = 4;
constexpr u32 kBankStride = CLX_SIMHW_BANK_STRIDE;
constexpr u32 kRegisterCount = 11;

}  // namespace clx::simgpio

// Host test support: register-level model of the ARM PrimeCell PL061 as its
// Technical Reference Manual (DDI 0190) defines it, with QEMU's choice where the
// manual leaves room (data writes only change output pins).
#pragma once

#include <cstdint>

#include "clxgpio_abi.h"

namespace clxtest {

class Pl061Model {
 public:
  static const clx_bus_ops bus;  // base = Pl061Model*

  uint32_t read32(uint32_t off) const;
  void write32(uint32_t off, uint32_t v);

  // The outside world drives an input pin.
  void set_input(unsigned pin, bool high);
  bool line() const { return mis() != 0; }  // GPIOINTR
  uint8_t level() const { return static_cast<uint8_t>((dir & out) | (~dir & in)); }
  void reset() { *this = Pl061Model{}; }

  uint8_t dir = 0, is = 0, ibe = 0, iev = 0, ie = 0, out = 0, in = 0, edge_latched = 0;

 private:
  uint8_t ris() const;
  uint8_t mis() const { return ris() & ie; }
};

}  // namespace clxtest

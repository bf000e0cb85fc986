// SPDX-License-Identifier: GPL-2.0
// Typed registers for controllers: a register is a datasheet name, an offset and
// declared bit ranges (written high to low, checked at compile time). Read-modify-
// write changes only declared bits and preserves the rest.
#pragma once

#include "bits.hpp"

namespace clx {

template <typename T, unsigned Hi, unsigned Lo>
struct BitRange {
  static_assert(Hi >= Lo, "bit ranges are written high to low");
  static_assert(Hi < sizeof(T) * 8, "bit range lies outside the register");
  static constexpr unsigned width = Hi - Lo + 1;
  static constexpr T mask =
      static_cast<T>((width >= sizeof(T) * 8 ? ~T{0} : (T{1} << width) - 1) << Lo);
  static constexpr T get(T reg) { return static_cast<T>((reg & mask) >> Lo); }
  static constexpr T put(T reg, T value) {
    return static_cast<T>((reg & ~mask) | ((value << Lo) & mask));
  }
};

// A register whose declared field is one bit per pin.
template <u32 Offset, typename PinBits>
struct PinRegister {
  static constexpr u32 offset = Offset;
  using pins = PinBits;
};

// Field access on a 32-bit register window. Io supplies the raw accesses, read(offset)
// and write(offset, value); the window adds the typed forms. read_field/write_field/
// update_field move a register's pin field (not the client's write_pins, which drives
// pins through whatever registers a controller has).
template <typename Io>
class Registers : public Io {
 public:
  using Io::Io;
  using Io::read;
  using Io::write;

  template <typename Reg>
  u32 read_field(u32 window = 0) const {
    return Reg::pins::get(read(window + Reg::offset));
  }
  // Whole-register write of the pin field; for write-only or fully pin-wide registers.
  template <typename Reg>
  void write_field(u32 value, u32 window = 0) const {
    write(window + Reg::offset, Reg::pins::put(0, value));
  }
  // Read-modify-write: pins in mask take value; everything else is preserved.
  template <typename Reg>
  void update_field(u32 mask, u32 value, u32 window = 0) const {
    u32 old = read(window + Reg::offset);
    u32 field = Reg::pins::get(old);
    write(window + Reg::offset, Reg::pins::put(old, (field & ~mask) | (value & mask)));
  }
};

// Registers reached through a clx_bus_ops table (a model, or a bus that may sleep): one
// indirect call an access.
class BusIo {
 public:
  BusIo(const clx_bus_ops* ops, void* base) : m_ops(ops), m_base(base) {}
  u32 read(u32 offset) const { return m_ops->read32(m_base, offset); }
  void write(u32 offset, u32 value) const { m_ops->write32(m_base, offset, value); }

 private:
  const clx_bus_ops* m_ops;
  void* m_base;
};

// Memory-mapped registers: one direct call of the shim (readl/writel) an access.
class MmioIo {
 public:
  explicit MmioIo(void* base) : m_base(base) {}
  u32 read(u32 offset) const { return clx_shim_mmio_read32(m_base, offset); }
  void write(u32 offset, u32 value) const { clx_shim_mmio_write32(m_base, offset, value); }

 private:
  void* m_base;
};

using Bus32 = Registers<BusIo>;
using Mmio32 = Registers<MmioIo>;

}  // namespace clx

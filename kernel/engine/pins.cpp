// SPDX-License-Identifier: GPL-2.0
// Pin configuration (Linux gpiolib model: gpiolib arbitrates requests, so no
// ownership here). Pin I/O is inline in chip.hpp.
#include "chip.hpp"

namespace clx {

// Re-applies a pin's stored electrical configuration in the given direction.
Status Chip::reconnect_io(PinRef pin, clx_io_mode mode) {
  if (m_ops->connect_io == nullptr) return Status::unsupported;
  const PinSlot& s = slot(pin);
  clx_io_config cfg{mode, static_cast<clx_pull>(s.pull), s.drive,
                    m_geo.has(CLX_CAP_HW_DEBOUNCE) ? s.debounce : u16{0}};
  return from_client(m_ops->connect_io(m_ctx, pin.bank, bit(pin.offset), &cfg));
}

// Stores an electrical setting of the pin and re-applies its configuration in its
// present direction; if the controller refuses, the pin keeps the old setting.
template <typename T>
Status Chip::set_io_field(PinRef pin, T PinSlot::*field, T value) {
  PinSlot& s = slot(pin);
  T old = s.*field;
  s.*field = value;
  Status st = reconnect_io(pin, is_input(pin) ? CLX_IO_INPUT : CLX_IO_OUTPUT);
  if (failed(st)) s.*field = old;
  return st;
}

Status Chip::set_direction(PinRef pin, clx_io_mode mode, Level value) {
  if (m_ops->connect_io == nullptr) return Status::unsupported;
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  if (mode == CLX_IO_INPUT) {
    Status s = reconnect_io(pin, mode);
    if (!failed(s)) b.output &= ~m;
    return s;
  }
  if (m_ops->write_pins == nullptr) return Status::unsupported;
  u64 set = value == Level::high ? m : 0;
  // Latch the value before the pin starts driving (no glitch), and again after:
  // some controllers (PL061 in QEMU) ignore data writes to input pins.
  Status s = from_client(m_ops->write_pins(m_ctx, pin.bank, set, m & ~set));
  if (!failed(s)) s = reconnect_io(pin, mode);
  if (!failed(s)) s = from_client(m_ops->write_pins(m_ctx, pin.bank, set, m & ~set));
  if (failed(s)) return s;
  b.output |= m;
  if (m_geo.keeps_latch()) b.latch = (b.latch & ~m) | set;
  return Status::ok;
}

Status Chip::set_pull(PinRef pin, clx_pull pull) {
  if (pull != CLX_PULL_DEFAULT && !m_geo.has(CLX_CAP_PULL)) return Status::unsupported;
  return set_io_field(pin, &PinSlot::pull, static_cast<u8>(pull));
}

Status Chip::set_drive_strength(PinRef pin, u16 centi_ma) {
  if (centi_ma != 0 && !m_geo.has(CLX_CAP_DRIVE_STRENGTH)) return Status::unsupported;
  return set_io_field(pin, &PinSlot::drive, centi_ma);
}

Status Chip::set_debounce(PinRef pin, u16 centi_ms) {
  PinSlot& ps = slot(pin);
  if (ps.irq_users != 0) {
    // Debounce changes how the interrupt is run (emulated or not): reprogram it.
    clx_irq_config cfg{static_cast<clx_irq_mode>(ps.irq_mode()),
                       static_cast<clx_polarity>(ps.irq_polarity()),
                       static_cast<clx_pull>(ps.pull), centi_ms};
    u32 flags = (ps.flags & kEdgeSemantics ? CLX_CONNECT_EDGE_SEMANTICS : 0) |
                (ps.flags & kEmulateBoth ? CLX_CONNECT_EMULATE_BOTH : 0);
    return irq_reconfigure(pin, cfg, flags);
  }
  if (!m_geo.has(CLX_CAP_HW_DEBOUNCE)) {
    ps.debounce = centi_ms;  // emulated on interrupts
    return Status::ok;
  }
  return set_io_field(pin, &PinSlot::debounce, centi_ms);
}

Status Chip::read_level(u16 bank, u64 mask, u64* level) {
  return from_client(m_read_pins(m_ctx, bank, mask, level));  // -EOPNOTSUPP without read_pins
}

}  // namespace clx

// SPDX-License-Identifier: GPL-2.0
// Pin configuration (Linux gpiolib model: gpiolib arbitrates requests, so no
// ownership here) and mask-based pin I/O.
#include "chip.hpp"

namespace clx {

namespace {

bool valid_pull(u32 pull) { return pull >= CLX_PULL_DEFAULT && pull <= CLX_PULL_NONE; }

}  // namespace

// Re-applies a pin's stored electrical configuration in the given direction.
Status Chip::reconnect_io(u16 bank, unsigned offset, clx_io_mode mode) {
  if (m_ops->connect_io == nullptr) return Status::unsupported;
  const PinSlot& s = slot(bank, offset);
  clx_io_config cfg{mode, static_cast<clx_pull>(s.pull), s.drive,
                    m_geo.has(CLX_CAP_HW_DEBOUNCE) ? s.debounce : u16{0}};
  return from_client(m_ops->connect_io(m_ctx, bank, bit(offset), &cfg));
}

Status Chip::set_direction(u16 pin, clx_io_mode mode, bool value) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  if (mode != CLX_IO_INPUT && mode != CLX_IO_OUTPUT) return Status::invalid;
  if (m_ops->connect_io == nullptr) return Status::unsupported;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  if (mode == CLX_IO_INPUT) {
    s = reconnect_io(bank, offset, mode);
    if (!failed(s)) b.output &= ~m;
    return s;
  }
  if (m_ops->write_pins == nullptr) return Status::unsupported;
  u64 set = value ? m : 0;
  // Latch the value before the pin starts driving (no glitch), and again after:
  // some controllers (PL061 in QEMU) ignore data writes to input pins.
  s = from_client(m_ops->write_pins(m_ctx, bank, set, m & ~set));
  if (!failed(s)) s = reconnect_io(bank, offset, mode);
  if (!failed(s)) s = from_client(m_ops->write_pins(m_ctx, bank, set, m & ~set));
  if (failed(s)) return s;
  b.output |= m;
  if (m_geo.keeps_latch()) b.latch = (b.latch & ~m) | set;
  return Status::ok;
}

Status Chip::get_direction(u16 pin, bool* is_input) const {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  *is_input = (m_banks[bank].output & bit(offset)) == 0;
  return Status::ok;
}

Status Chip::set_pull(u16 pin, clx_pull pull) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  if (!valid_pull(pull)) return Status::invalid;
  if (pull != CLX_PULL_DEFAULT && !m_geo.has(CLX_CAP_PULL)) return Status::unsupported;
  PinSlot& slot_ref = slot(bank, offset);
  u8 old = slot_ref.pull;
  slot_ref.pull = static_cast<u8>(pull);
  bool out = (m_banks[bank].output & bit(offset)) != 0;
  s = reconnect_io(bank, offset, out ? CLX_IO_OUTPUT : CLX_IO_INPUT);
  if (failed(s)) slot_ref.pull = old;
  return s;
}

Status Chip::set_drive_strength(u16 pin, u16 centi_ma) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  if (centi_ma != 0 && !m_geo.has(CLX_CAP_DRIVE_STRENGTH)) return Status::unsupported;
  PinSlot& slot_ref = slot(bank, offset);
  u16 old = slot_ref.drive;
  slot_ref.drive = centi_ma;
  bool out = (m_banks[bank].output & bit(offset)) != 0;
  s = reconnect_io(bank, offset, out ? CLX_IO_OUTPUT : CLX_IO_INPUT);
  if (failed(s)) slot_ref.drive = old;
  return s;
}

Status Chip::set_debounce(u16 pin, u16 centi_ms) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  PinSlot& ps = slot(bank, offset);
  if (ps.irq_users != 0) {
    // Debounce changes how the interrupt is run (emulated or not): reprogram it.
    clx_irq_config cfg{static_cast<clx_irq_mode>(ps.irq_mode()),
                       static_cast<clx_polarity>(ps.irq_polarity()),
                       static_cast<clx_pull>(ps.pull), centi_ms};
    u32 flags = (ps.flags & kEdgeSemantics ? CLX_CONNECT_EDGE_SEMANTICS : 0) |
                (ps.flags & kEmulateBoth ? CLX_CONNECT_EMULATE_BOTH : 0);
    return irq_reconfigure(pin, cfg, flags);
  }
  u16 old = ps.debounce;
  ps.debounce = centi_ms;
  if (!m_geo.has(CLX_CAP_HW_DEBOUNCE)) return Status::ok;  // emulated on interrupts
  bool out = (m_banks[bank].output & bit(offset)) != 0;
  s = reconnect_io(bank, offset, out ? CLX_IO_OUTPUT : CLX_IO_INPUT);
  if (failed(s)) ps.debounce = old;
  return s;
}

Status Chip::debounce(u16 pin, u16* centi_ms) const {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  *centi_ms = slot(bank, offset).debounce;
  return Status::ok;
}

Status Chip::read_level(u16 bank, u64 mask, u64* level) {
  if (m_ops->read_pins == nullptr) return Status::unsupported;
  return from_client(m_ops->read_pins(m_ctx, bank, mask, level));
}

}  // namespace clx

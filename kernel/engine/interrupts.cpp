// SPDX-License-Identifier: GPL-2.0
// Interrupt connections: configuration checks, choosing hardware or emulation,
// shared connects (enable on first, disable on last), consumer mask/unmask.
#include "chip.hpp"

namespace clx {

namespace {

u32 polarity_cap(u32 polarity) {
  return polarity == CLX_POL_HIGH ? u32{CLX_CAP_ACTIVE_HIGH} : u32{CLX_CAP_ACTIVE_LOW};
}

u64 with_bit(u64 mask, u64 m, bool on) { return on ? mask | m : mask & ~m; }

}  // namespace

// Validates cfg against the controller and decides whether the pin must be run by
// the level-toggling emulation (both edges, edges or debounce the hardware lacks).
Status Chip::check_irq_config(const clx_irq_config& cfg, u32 flags, bool* emulate) const {
  if (cfg.mode != CLX_IRQ_LEVEL && cfg.mode != CLX_IRQ_EDGE) return Status::invalid;
  if (cfg.polarity < CLX_POL_HIGH || cfg.polarity > CLX_POL_BOTH) return Status::invalid;
  if (cfg.pull < CLX_PULL_DEFAULT || cfg.pull > CLX_PULL_NONE) return Status::invalid;
  if ((flags & ~u32{CLX_CONNECT_FLAGS_MASK}) != 0) return Status::invalid;
  if (cfg.mode == CLX_IRQ_LEVEL && cfg.polarity == CLX_POL_BOTH) return Status::invalid;
  if (m_ops->enable_irq == nullptr) return Status::unsupported;
  if (cfg.pull != CLX_PULL_DEFAULT && !m_geo.has(CLX_CAP_PULL)) return Status::unsupported;

  bool emu = false;
  if (cfg.mode == CLX_IRQ_LEVEL) {
    if (!m_geo.has(CLX_CAP_LEVEL | polarity_cap(cfg.polarity))) return Status::unsupported;
    if (cfg.debounce_timeout != 0 && !m_geo.has(CLX_CAP_HW_DEBOUNCE)) return Status::unsupported;
  } else if (cfg.polarity == CLX_POL_BOTH) {
    emu = !m_geo.has(CLX_CAP_EDGE | CLX_CAP_HW_BOTH_EDGE) || (flags & CLX_CONNECT_EMULATE_BOTH);
  } else {
    emu = !m_geo.has(CLX_CAP_EDGE | polarity_cap(cfg.polarity));
  }
  if (cfg.debounce_timeout != 0 && !m_geo.has(CLX_CAP_HW_DEBOUNCE)) emu = true;
  bool can_emulate = m_geo.has(CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW) &&
                     m_ops->reconfigure_irq != nullptr;
  if (emu && !can_emulate) return Status::unsupported;
  *emulate = emu;
  return Status::ok;
}

// What the hardware is (or must be) programmed with for this pin right now.
clx_irq_config Chip::hw_config(const Bank& b, const PinSlot& s, unsigned offset) const {
  u64 m = bit(offset);
  if (b.emulated & m)
    return clx_irq_config{CLX_IRQ_LEVEL, b.armed_high & m ? CLX_POL_HIGH : CLX_POL_LOW,
                          static_cast<clx_pull>(s.pull), 0};
  return clx_irq_config{static_cast<clx_irq_mode>(s.irq_mode()),
                        static_cast<clx_polarity>(s.irq_polarity()), static_cast<clx_pull>(s.pull),
                        m_geo.has(CLX_CAP_HW_DEBOUNCE) ? s.debounce : u16{0}};
}

// Stores cfg and enables the (currently disabled) pin in hardware, unmasked. If the
// client refuses, the pin keeps the configuration and emulation state it had.
Status Chip::program_irq(u16 bank, unsigned offset, const clx_irq_config& cfg, u32 flags,
                         bool emulate, ArmFrom from) {
  Bank& b = m_banks[bank];
  PinSlot& s = slot(bank, offset);
  u64 m = bit(offset);
  const PinSlot slot_before = s;
  const Bank bank_before = b;  // only pin `offset` changes below
  s.trigger = trigger_of(cfg.mode, cfg.polarity);
  s.pull = static_cast<u8>(cfg.pull);
  s.debounce = cfg.debounce_timeout;
  // The _DSM asserted level applies to later connects: latch it for this one.
  u8 keep = static_cast<u8>(s.flags & ~(kEdgeSemantics | kEmulateBoth | kIrqAssertedHigh));
  s.flags = static_cast<u8>(keep | (flags & CLX_CONNECT_EDGE_SEMANTICS ? kEdgeSemantics : 0) |
                            (flags & CLX_CONNECT_EMULATE_BOTH ? kEmulateBoth : 0) |
                            (s.flags & kAssertedHigh ? kIrqAssertedHigh : 0));
  bool was_emulated = (b.emulated & m) != 0;
  b.pending &= ~m;
  b.emulated = with_bit(b.emulated, m, emulate);
  // ActiveBoth with no debounce to emulate: dispatch services it as masks.
  b.both = with_bit(b.both, m, emulate && cfg.polarity == CLX_POL_BOTH &&
                                   (cfg.debounce_timeout == 0 || m_geo.has(CLX_CAP_HW_DEBOUNCE)));
  b.asserted_high = with_bit(b.asserted_high, m, (s.flags & kIrqAssertedHigh) != 0);
  if (emulate) {
    // GpioClx ActiveBoth: start deasserted and arm for the asserted level, so the
    // first event is "asserted", at once if the line already is. Otherwise (Linux
    // edges, single edges) start from the line's present level. A reconfigure keeps
    // what consumers were told, so no event is repeated and none is lost.
    bool stable_high;
    if (from == ArmFrom::delivered && was_emulated) {
      stable_high = (b.stable_high & m) != 0;
    } else if (cfg.polarity == CLX_POL_BOTH && !(flags & CLX_CONNECT_EDGE_SEMANTICS)) {
      stable_high = !(s.flags & kIrqAssertedHigh);
    } else {
      u64 level = 0;
      if (failed(read_level(bank, m, &level))) level = 0;
      stable_high = (level & m) != 0;
    }
    b.stable_high = with_bit(b.stable_high, m, stable_high);
    b.armed_high = with_bit(b.armed_high, m, !stable_high);
  }
  clx_irq_config hw = hw_config(b, s, offset);
  Status st = from_client(m_ops->enable_irq(m_ctx, bank, static_cast<u16>(offset), &hw));
  if (failed(st)) {
    s = slot_before;
    b = bank_before;
    return st;
  }
  b.enabled |= m;
  return Status::ok;
}

Status Chip::set_asserted_high(u16 pin, bool high) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  PinSlot& ps = slot(bank, offset);
  ps.flags = static_cast<u8>(high ? ps.flags | kAssertedHigh : ps.flags & ~kAssertedHigh);
  return Status::ok;
}

Status Chip::irq_connect(u16 pin, const clx_irq_config& cfg, u32 flags) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  bool emulate = false;
  s = check_irq_config(cfg, flags, &emulate);
  if (failed(s)) return s;
  PinSlot& ps = slot(bank, offset);
  bool shared = (flags & CLX_CONNECT_SHARED) != 0;
  if (ps.owner & kOwnFirmware) return Status::firmware_reserved;
  if (ps.owner & kOwnOutput) return Status::incompatible_mode;
  if ((ps.owner & kOwnInput) && !(shared && (ps.flags & kIoShared))) return Status::incompatible_mode;
  if (ps.irq_users != 0) {
    bool same = ps.trigger == trigger_of(cfg.mode, cfg.polarity) &&
                ps.debounce == cfg.debounce_timeout;
    if (!shared || !(ps.flags & kIrqShared) || !same) return Status::incompatible_mode;
    if (ps.irq_users == 0xFF) return Status::no_space;
    ++ps.irq_users;
    return Status::ok;
  }
  s = program_irq(bank, offset, cfg, flags, emulate, ArmFrom::connect);
  if (failed(s)) return s;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  b.masked &= ~m;  // EnableInterrupt leaves the pin unmasked
  b.storm &= ~m;
  ps.owner |= kOwnIrq;
  ps.irq_users = 1;
  ps.storm_count = 0;
  ps.flags = static_cast<u8>(shared ? ps.flags | kIrqShared : ps.flags & ~kIrqShared);
  return Status::ok;
}

Status Chip::irq_disconnect(u16 pin) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  PinSlot& ps = slot(bank, offset);
  if (!(ps.owner & kOwnIrq)) return Status::not_connected;
  if (ps.irq_users > 1) {
    --ps.irq_users;
    return Status::ok;
  }
  s = from_client(m_ops->disable_irq(m_ctx, bank, static_cast<u16>(offset)));
  if (failed(s)) return s;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  b.enabled &= ~m;
  b.emulated &= ~m;
  b.both &= ~m;
  b.pending &= ~m;
  b.masked &= ~m;
  b.storm &= ~m;
  ps.irq_users = 0;
  ps.trigger = 0;
  ps.owner = static_cast<u8>(ps.owner & ~kOwnIrq);
  ps.flags = static_cast<u8>(ps.flags & ~(kIrqShared | kEdgeSemantics | kEmulateBoth | kIrqAssertedHigh));
  return Status::ok;
}

Status Chip::irq_reconfigure(u16 pin, const clx_irq_config& cfg, u32 flags) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  PinSlot& ps = slot(bank, offset);
  if (!(ps.owner & kOwnIrq)) return Status::not_connected;
  if (ps.irq_users > 1) return Status::incompatible_mode;
  bool emulate = false;
  s = check_irq_config(cfg, flags & ~u32{CLX_CONNECT_SHARED}, &emulate);
  if (failed(s)) return s;
  s = from_client(m_ops->disable_irq(m_ctx, bank, static_cast<u16>(offset)));
  if (failed(s)) return s;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  b.enabled &= ~m;
  s = program_irq(bank, offset, cfg, flags, emulate, ArmFrom::delivered);
  if (failed(s)) return s;
  if ((b.masked | b.storm) & m) return from_client(m_ops->mask_irqs(m_ctx, bank, m));
  return Status::ok;
}

Status Chip::irq_mask(u16 pin) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  bool was_live = (b.live() & m) != 0;
  b.masked |= m;  // masking a disabled pin only records it
  if (!was_live) return Status::ok;
  return from_client(m_ops->mask_irqs(m_ctx, bank, m));
}

Status Chip::irq_unmask(u16 pin) {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  Bank& b = m_banks[bank];
  u64 m = bit(offset);
  bool was_masked = (b.masked & m) != 0;
  b.masked &= ~m;
  if (!was_masked || !(b.live() & m)) return Status::ok;
  const PinSlot& ps = slot(bank, offset);
  // A level interrupt is unmasked once its consumer has serviced the source: drop the
  // status latched meanwhile, so it fires again only if the line is still asserted.
  if (!(b.emulated & m) && ps.irq_mode() == CLX_IRQ_LEVEL && m_ops->clear_active != nullptr) {
    s = from_client(m_ops->clear_active(m_ctx, bank, m));
    if (failed(s)) return s;
  }
  clx_irq_config hw = hw_config(b, ps, offset);
  return from_client(m_ops->unmask_irq(m_ctx, bank, static_cast<u16>(offset), &hw));
}

Status Chip::irq_connected(u16 pin, bool* connected) const {
  u16 bank;
  unsigned offset;
  Status s = locate(pin, &bank, &offset);
  if (failed(s)) return s;
  *connected = (slot(bank, offset).owner & kOwnIrq) != 0;
  return Status::ok;
}

}  // namespace clx

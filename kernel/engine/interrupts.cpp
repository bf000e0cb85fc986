// SPDX-License-Identifier: GPL-2.0
// Interrupt connections: configuration checks, choosing hardware or emulation,
// shared connects (enable on first, disable on last), consumer mask/unmask.
#include "chip.hpp"

namespace clx {

namespace {

u32 polarity_cap(u32 polarity) {
  return polarity == CLX_POL_HIGH ? u32{CLX_CAP_ACTIVE_HIGH} : u32{CLX_CAP_ACTIVE_LOW};
}

}  // namespace

// Checks cfg against the controller and decides whether the pin must be run by the
// level-toggling emulation (both edges, edges or debounce the hardware lacks).
Status Chip::check_irq_config(const clx_irq_config& cfg, u32 flags, IrqPath* path) const {
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
  *path = emu ? IrqPath::emulated : IrqPath::hardware;
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
Status Chip::program_irq(PinRef pin, const clx_irq_config& cfg, u32 flags, IrqPath path,
                         ArmFrom from) {
  Bank& b = banks()[pin.bank];
  PinSlot& s = slot(pin);
  u64 m = bit(pin.offset);
  const PinSlot slot_before = s;
  const Bank bank_before = b;  // only pin `offset` changes below
  bool emulate = path == IrqPath::emulated;
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
      if (failed(read_level(pin.bank, m, &level))) level = 0;
      stable_high = (level & m) != 0;
    }
    b.stable_high = with_bit(b.stable_high, m, stable_high);
    b.armed_high = with_bit(b.armed_high, m, !stable_high);
  }
  clx_irq_config hw = hw_config(b, s, pin.offset);
  Status st = from_client(m_ops->enable_irq(m_ctx, pin.bank, static_cast<u16>(pin.offset), &hw));
  if (failed(st)) {
    s = slot_before;
    b = bank_before;
    return st;
  }
  b.enabled |= m;
  return Status::ok;
}

void Chip::set_asserted_level(PinRef pin, Level asserted) {
  PinSlot& ps = slot(pin);
  ps.flags = static_cast<u8>(asserted == Level::high ? ps.flags | kAssertedHigh
                                                     : ps.flags & ~kAssertedHigh);
}

Status Chip::irq_connect(PinRef pin, const clx_irq_config& cfg, u32 flags) {
  IrqPath path;
  Status s = check_irq_config(cfg, flags, &path);
  if (failed(s)) return s;
  PinSlot& ps = slot(pin);
  bool shared = (flags & CLX_CONNECT_SHARED) != 0;
  bool native = (flags & CLX_CONNECT_NATIVE) != 0;
  if (ps.owner & kOwnFirmware) return Status::firmware_reserved;
  // The referee (ownership.cpp): a native interrupt joins only the native side, a model
  // one only the model side.
  bool irq_native = (ps.owner & kOwnIrq) && (ps.flags & kIrqNative);
  if (native) {
    if ((ps.owner & (kOwnInput | kOwnOutput)) || ((ps.owner & kOwnIrq) && !irq_native))
      return Status::incompatible_mode;
  } else {
    if ((ps.owner & kOwnNative) || irq_native) return Status::incompatible_mode;
    if (ps.owner & kOwnOutput) return Status::incompatible_mode;
    if ((ps.owner & kOwnInput) && !(shared && (ps.flags & kIoShared)))
      return Status::incompatible_mode;
  }
  if (ps.irq_users != 0) {
    bool same = ps.trigger == trigger_of(cfg.mode, cfg.polarity) &&
                ps.debounce == cfg.debounce_timeout;
    if (!shared || !(ps.flags & kIrqShared) || !same) return Status::incompatible_mode;
    if (ps.irq_users == 0xFF) return Status::no_space;
    ++ps.irq_users;
    return Status::ok;
  }
  s = program_irq(pin, cfg, flags, path, ArmFrom::connect);
  if (failed(s)) return s;
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  b.masked &= ~m;  // EnableInterrupt leaves the pin unmasked
  b.storm &= ~m;
  ps.owner |= kOwnIrq;
  ps.irq_users = 1;
  ps.storm_events = 0;
  ps.flags = static_cast<u8>(shared ? ps.flags | kIrqShared : ps.flags & ~kIrqShared);
  ps.flags = static_cast<u8>(native ? ps.flags | kIrqNative : ps.flags & ~kIrqNative);
  return Status::ok;
}

Status Chip::irq_disconnect(PinRef pin) {
  PinSlot& ps = slot(pin);
  if (!(ps.owner & kOwnIrq)) return Status::not_connected;
  if (ps.irq_users > 1) {
    --ps.irq_users;
    return Status::ok;
  }
  Status s = from_client(m_ops->disable_irq(m_ctx, pin.bank, static_cast<u16>(pin.offset)));
  if (failed(s)) return s;
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  b.enabled &= ~m;
  b.emulated &= ~m;
  b.both &= ~m;
  b.pending &= ~m;
  b.masked &= ~m;
  b.storm &= ~m;
  ps.irq_users = 0;
  ps.trigger = 0;
  ps.storm_events = 0;
  ps.owner = static_cast<u8>(ps.owner & ~kOwnIrq);
  ps.flags = static_cast<u8>(ps.flags & ~(kIrqShared | kEdgeSemantics | kEmulateBoth |
                                          kIrqAssertedHigh | kIrqNative));
  return Status::ok;
}

Status Chip::irq_reconfigure(PinRef pin, const clx_irq_config& cfg, u32 flags) {
  PinSlot& ps = slot(pin);
  if (!(ps.owner & kOwnIrq)) return Status::not_connected;
  if (ps.irq_users > 1) return Status::incompatible_mode;
  IrqPath path;
  Status s = check_irq_config(cfg, flags & ~u32{CLX_CONNECT_SHARED}, &path);
  if (failed(s)) return s;
  s = from_client(m_ops->disable_irq(m_ctx, pin.bank, static_cast<u16>(pin.offset)));
  if (failed(s)) return s;
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  b.enabled &= ~m;
  s = program_irq(pin, cfg, flags, path, ArmFrom::delivered);
  if (failed(s)) return s;
  if ((b.masked | b.storm) & m) return from_client(m_ops->mask_irqs(m_ctx, pin.bank, m));
  return Status::ok;
}

Status Chip::irq_mask(PinRef pin) {
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  bool was_live = (b.live() & m) != 0;
  b.masked |= m;  // masking a disabled pin only records it
  if (!was_live) return Status::ok;
  return from_client(m_ops->mask_irqs(m_ctx, pin.bank, m));
}

Status Chip::irq_unmask(PinRef pin) {
  Bank& b = banks()[pin.bank];
  u64 m = bit(pin.offset);
  bool was_masked = (b.masked & m) != 0;
  b.masked &= ~m;
  if (!was_masked || !(b.live() & m)) return Status::ok;
  const PinSlot& ps = slot(pin);
  // A level interrupt is unmasked once its consumer has serviced the source: drop the
  // status latched meanwhile, so it fires again only if the line is still asserted.
  if (!(b.emulated & m) && ps.irq_mode() == CLX_IRQ_LEVEL && m_ops->clear_active != nullptr) {
    Status s = from_client(m_ops->clear_active(m_ctx, pin.bank, m));
    if (failed(s)) return s;
  }
  clx_irq_config hw = hw_config(b, ps, pin.offset);
  return from_client(m_ops->unmask_irq(m_ctx, pin.bank, static_cast<u16>(pin.offset), &hw));
}

}  // namespace clx

// SPDX-License-Identifier: GPL-2.0
// GpioClx connection rules: a pin is free, or connected for input, output or
// interrupt, or reserved for firmware (a GeneralPurposeIO OpRegion). Conflicts are
// STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (Status::incompatible_mode); every call is
// all-or-nothing.
//
// The referee: a pin belongs to at most one side at a time. The model side holds it
// through these connections (the GpioClx-model front end), the native side through
// claims and native interrupt connections (gpiolib's consumers: a request, an irq),
// firmware through a reservation. Any holder refuses the other two, whatever the
// share flags say; within the model side the GpioClx rules decide, within the native
// side the native stack does.
#include "chip.hpp"

namespace clx {

namespace {

bool native_held(const PinSlot& s) {
  return (s.owner & kOwnNative) || ((s.owner & kOwnIrq) && (s.flags & kIrqNative));
}

// May a new I/O connection in `mode` join what already holds the pin?
Status io_compatible(const PinSlot& s, clx_io_mode mode, bool shared) {
  if (s.owner & kOwnFirmware) return Status::firmware_reserved;
  if (native_held(s)) return Status::incompatible_mode;
  if (s.owner == 0) return Status::ok;
  bool joins_shared = shared && (s.flags & kIoShared || !(s.owner & (kOwnInput | kOwnOutput)));
  if (mode == CLX_IO_OUTPUT)
    return s.owner == kOwnOutput && joins_shared ? Status::ok : Status::incompatible_mode;
  if (s.owner & kOwnOutput) return Status::incompatible_mode;
  if ((s.owner & kOwnIrq) && !(shared && (s.flags & kIrqShared))) return Status::incompatible_mode;
  return joins_shared ? Status::ok : Status::incompatible_mode;
}

}  // namespace

Status Chip::io_connect(u16 bank, u64 mask, const clx_io_config& cfg, u32 flags) {
  if (cfg.pull != CLX_PULL_DEFAULT && !m_geo.has(CLX_CAP_PULL)) return Status::unsupported;
  if (cfg.drive_strength != 0 && !m_geo.has(CLX_CAP_DRIVE_STRENGTH)) return Status::unsupported;
  if (m_ops->connect_io == nullptr) return Status::unsupported;
  bool shared = (flags & CLX_CONNECT_SHARED) != 0;

  u64 fresh = 0;
  Status conflict = Status::ok;
  for_each_pin(mask, [&](unsigned p) {
    const PinSlot& ps = slot(bank, p);
    Status c = io_compatible(ps, cfg.mode, shared);
    if (!failed(c) && ps.io_users == 0xFF) c = Status::no_space;  // the count is a byte
    if (failed(c) && !failed(conflict)) conflict = c;
    if (ps.owner == 0) fresh |= bit(p);
  });
  if (failed(conflict)) return conflict;

  if (fresh != 0) {
    clx_io_config hw = cfg;
    if (!m_geo.has(CLX_CAP_HW_DEBOUNCE)) hw.debounce_timeout = 0;
    Status s = from_client(m_ops->connect_io(m_ctx, bank, fresh, &hw));
    if (failed(s)) return s;
  }
  u8 own = cfg.mode == CLX_IO_OUTPUT ? kOwnOutput : kOwnInput;
  for_each_pin(mask, [&](unsigned p) {
    PinSlot& ps = slot(bank, p);
    if (fresh & bit(p)) {
      ps.pull = static_cast<u8>(cfg.pull);
      ps.drive = cfg.drive_strength;
      ps.debounce = cfg.debounce_timeout;
    }
    if (!(ps.owner & (kOwnInput | kOwnOutput)))
      ps.flags = static_cast<u8>(shared ? ps.flags | kIoShared : ps.flags & ~kIoShared);
    ps.owner |= own;
    ++ps.io_users;
  });
  Bank& b = banks()[bank];
  if (cfg.mode == CLX_IO_OUTPUT) {
    // A fresh output drives what the controller's latch holds, which need not be the
    // engine's copy (the PL061 drops data writes to inputs): read back what it drives.
    u64 level = 0;
    if (m_geo.keeps_latch() && fresh != 0 && !failed(read_level(bank, fresh, &level)))
      b.latch = (b.latch & ~fresh) | (level & fresh);
    b.output |= mask;
  } else {
    b.output &= ~fresh;
  }
  return Status::ok;
}

Status Chip::io_disconnect(u16 bank, u64 mask, IoRelease release) {
  u64 not_connected = 0;
  for_each_pin(mask, [&](unsigned p) {
    if (!(slot(bank, p).owner & (kOwnInput | kOwnOutput))) not_connected |= bit(p);
  });
  if (not_connected != 0) return Status::not_connected;

  u64 last = 0;
  for_each_pin(mask, [&](unsigned p) {
    if (slot(bank, p).io_users == 1) last |= bit(p);
  });
  // Pins still used as interrupts stay configured; the rest go back to default unless
  // the connection preserves them.
  u64 to_default = 0;
  if (release == IoRelease::to_default) {
    for_each_pin(last, [&](unsigned p) {
      if (!(slot(bank, p).owner & kOwnIrq)) to_default |= bit(p);
    });
  }
  if (to_default != 0) {
    Status s = from_client(m_ops->disconnect_io(m_ctx, bank, to_default));
    if (failed(s)) return s;
  }
  for_each_pin(mask, [&](unsigned p) {
    PinSlot& ps = slot(bank, p);
    if (--ps.io_users == 0) {
      ps.owner = static_cast<u8>(ps.owner & ~(kOwnInput | kOwnOutput));
      ps.flags = static_cast<u8>(ps.flags & ~kIoShared);
    }
  });
  banks()[bank].output &= ~last;
  return Status::ok;
}

u8 Chip::io_mode(PinRef pin) const {
  u8 owner = slot(pin).owner;
  return owner & kOwnOutput ? u8{CLX_IO_OUTPUT} : owner & kOwnInput ? u8{CLX_IO_INPUT} : u8{0};
}

Status Chip::firmware_reserve(u16 bank, u64 mask) {
  bool busy = false;
  for_each_pin(mask, [&](unsigned p) {
    u8 owner = slot(bank, p).owner;
    if (owner != 0 && owner != kOwnFirmware) busy = true;
  });
  if (busy) return Status::incompatible_mode;
  for_each_pin(mask, [&](unsigned p) { slot(bank, p).owner = kOwnFirmware; });
  return Status::ok;
}

Status Chip::native_claim(PinRef pin) {
  PinSlot& ps = slot(pin);
  if (ps.owner & kOwnFirmware) return Status::firmware_reserved;
  if (ps.owner & kOwnNative) return Status::incompatible_mode;  // one claim a pin
  if (ps.owner != 0 && !native_held(ps)) return Status::incompatible_mode;
  ps.owner |= kOwnNative;
  return Status::ok;
}

Status Chip::native_release(PinRef pin) {
  PinSlot& ps = slot(pin);
  if (!(ps.owner & kOwnNative)) return Status::not_connected;
  ps.owner = static_cast<u8>(ps.owner & ~kOwnNative);
  return Status::ok;
}

u8 Chip::holder(PinRef pin) const {
  const PinSlot& ps = slot(pin);
  if (ps.owner & kOwnFirmware) return CLX_HOLDER_FIRMWARE;
  if (native_held(ps)) return CLX_HOLDER_NATIVE;
  return ps.owner != 0 ? u8{CLX_HOLDER_MODEL} : u8{CLX_HOLDER_NONE};
}

Status Chip::firmware_release(u16 bank, u64 mask) {
  bool missing = false;
  for_each_pin(mask, [&](unsigned p) {
    if (slot(bank, p).owner != kOwnFirmware) missing = true;
  });
  if (missing) return Status::not_connected;
  for_each_pin(mask, [&](unsigned p) { slot(bank, p).owner = 0; });
  return Status::ok;
}

}  // namespace clx

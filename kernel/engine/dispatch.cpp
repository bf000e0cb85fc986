// SPDX-License-Identifier: GPL-2.0
// Interrupt service for one bank: query, level-toggling emulation (ActiveBoth,
// edges and debounce on level hardware), clear, events out; the storm guard's filter
// (storm.cpp) runs between query and service.
//
// Emulation, per active emulated pin (GpioClx order): mask -> reconfigure to the
// opposite level -> clear the status latched under the old polarity -> record the
// change -> unmask. The hardware is always armed for "the line leaves the level it
// is at", so a change during the window re-fires at once and a glitch shorter than
// the window collapses; events strictly alternate.
#include "chip.hpp"

namespace clx {

namespace {

// Event kind of a trigger the hardware detects itself, indexed by PinSlot::trigger.
constexpr u8 kNativeKind[] = {
    0, 0,               0,                 0,               // no trigger
    0, CLX_EVENT_LEVEL, CLX_EVENT_LEVEL,   0,               // level high, low
    0, CLX_EVENT_RISING, CLX_EVENT_FALLING, CLX_EVENT_EDGE,  // edge high, low, both
};
static_assert(sizeof(kNativeKind) == trigger_of(CLX_IRQ_EDGE, CLX_POL_BOTH) + 1u,
              "one kind per trigger");

void reset(clx_dispatch* out) {
  out->count = 0;
  out->debounce_restart = 0;
  out->storm_masked = 0;
}

void native_event(const PinSlot& s, unsigned p, u64* to_clear, clx_dispatch* out) {
  if (s.trigger >= kEdgeTriggers) *to_clear |= bit(p);
  out->events[out->count++] = clx_irq_event{static_cast<u16>(p), kNativeKind[s.trigger], 0};
}

}  // namespace

// Delivers "the line is now `high`" for an emulated pin if its trigger wants it.
void Chip::emit_change(const PinSlot& s, unsigned offset, bool high, clx_dispatch* out) {
  u8 polarity = s.irq_polarity();
  bool wanted = polarity == CLX_POL_BOTH || (polarity == CLX_POL_HIGH) == high;
  if (!wanted) return;
  bool asserted = polarity == CLX_POL_BOTH && high == ((s.flags & kIrqAssertedHigh) != 0);
  out->events[out->count++] = clx_irq_event{static_cast<u16>(offset),
                                            static_cast<u8>(high ? CLX_EVENT_RISING : CLX_EVENT_FALLING),
                                            static_cast<u8>(asserted ? CLX_EVENT_ASSERTED : 0)};
}

// Interrupt service cannot fail back to its caller (the events already taken must be
// delivered, the next interrupt services the bank again): a client callback that fails
// there is reported, ratelimited by the shim, and the service goes on.
void Chip::client_failed(int rc, const char* what, u16 bank) {
  if (rc != 0) clx_shim_warn(what, bank, static_cast<u32>(-rc));
}

Status Chip::dispatch(u16 bank, clx_dispatch* out) {
  if (m_ops->query_active == nullptr) return Status::unsupported;
  reset(out);
  Bank& b = banks()[bank];
  u64 live = b.live();
  u64 active = 0;
  int rc = m_ops->query_active(m_ctx, bank, live, &active);
  if (rc != 0) return from_client(rc);
  if (active & ~live) mask_rogue(bank, b, active & ~live, out);
  active &= live;
  if (active == 0) return Status::ok;
  if (m_storm.max_events != 0) active = storm_filter(bank, b, active, out);
  if ((active & b.emulated) == 0) {
    // Hardware triggers only: one event per pin, one clear for the edge pins.
    u64 to_clear = 0;
    const PinSlot* slots = &slot(bank, 0);
    for_each_pin(active, [&](unsigned p) { native_event(slots[p], p, &to_clear, out); });
    if (to_clear != 0 && m_ops->clear_active != nullptr)
      client_failed(m_ops->clear_active(m_ctx, bank, to_clear), "clear_active failed (bank, errno)",
                    bank);
  } else if (batch() && (active & ~b.both) == 0) {
    service_both(bank, b, active, out);
  } else {
    service_emulated(bank, b, active, out);
  }
  return Status::ok;
}

// Every active pin is emulated ActiveBoth with no debounce to emulate, and the client
// reconfigures and unmasks by mask: the GpioClx sequence for all of them at once, the
// state moving as masks.
void Chip::service_both(u16 bank, Bank& b, u64 active, clx_dispatch* out) {
  client_failed(m_ops->mask_irqs(m_ctx, bank, active), "mask_irqs failed (bank, errno)", bank);
  u64 rose = active & b.armed_high;  // armed for high: the line went high
  b.armed_high ^= active;            // now armed for the opposite level
  b.stable_high = (b.stable_high & ~active) | rose;
  client_failed(m_ops->reconfigure_irqs(m_ctx, bank, active, b.armed_high & active),
                "reconfigure_irqs failed (bank, errno)", bank);
  if (m_ops->clear_active != nullptr)
    client_failed(m_ops->clear_active(m_ctx, bank, active), "clear_active failed (bank, errno)",
                  bank);
  u64 asserted = ~(rose ^ b.asserted_high);  // reached the asserted level
  u32 n = 0;
  for_each_pin(active, [&](unsigned p) {
    u64 m = bit(p);
    out->events[n++] = clx_irq_event{
        static_cast<u16>(p), static_cast<u8>(rose & m ? CLX_EVENT_RISING : CLX_EVENT_FALLING),
        static_cast<u8>(asserted & m ? CLX_EVENT_ASSERTED : 0)};
  });
  out->count = n;
  client_failed(m_ops->unmask_irqs(m_ctx, bank, active), "unmask_irqs failed (bank, errno)", bank);
}

// Active pins of which some are emulated; the others get their hardware events.
void Chip::service_emulated(u16 bank, Bank& b, u64 active, clx_dispatch* out) {
  u64 emulated = active & b.emulated;
  client_failed(m_ops->mask_irqs(m_ctx, bank, emulated), "mask_irqs failed (bank, errno)", bank);
  u64 to_clear = emulated;
  u64 arm_high = 0;  // with batch(): emulated pins now armed for high
  bool hw_debounce = m_geo.has(CLX_CAP_HW_DEBOUNCE);
  const PinSlot* slots = &slot(bank, 0);
  for_each_pin(active, [&](unsigned p) {
    u64 m = bit(p);
    const PinSlot& s = slots[p];
    if (!(emulated & m)) {
      native_event(s, p, &to_clear, out);
      return;
    }
    bool reached_high = (b.armed_high & m) != 0;
    b.armed_high ^= m;
    if (batch()) {
      if (!reached_high) arm_high |= m;
    } else {
      clx_irq_config hw{CLX_IRQ_LEVEL, reached_high ? CLX_POL_LOW : CLX_POL_HIGH,
                        static_cast<clx_pull>(s.pull), 0};
      client_failed(m_ops->reconfigure_irq(m_ctx, bank, static_cast<u16>(p), &hw),
                    "reconfigure_irq failed (bank, errno)", bank);
    }
    if (s.debounce != 0 && !hw_debounce) {
      // Left the stable level: (re)start the timer. Came back: the change is off.
      bool away = reached_high != ((b.stable_high & m) != 0);
      b.pending = with_bit(b.pending, m, away);
      if (away) out->debounce_restart |= m;
      return;
    }
    b.stable_high = with_bit(b.stable_high, m, reached_high);
    emit_change(s, p, reached_high, out);
  });
  if (batch())
    client_failed(m_ops->reconfigure_irqs(m_ctx, bank, emulated, arm_high),
                  "reconfigure_irqs failed (bank, errno)", bank);
  if (m_ops->clear_active != nullptr)
    client_failed(m_ops->clear_active(m_ctx, bank, to_clear), "clear_active failed (bank, errno)",
                  bank);
  if (batch()) {
    client_failed(m_ops->unmask_irqs(m_ctx, bank, emulated), "unmask_irqs failed (bank, errno)",
                  bank);
    return;
  }
  for_each_pin(emulated, [&](unsigned p) {
    clx_irq_config hw = hw_config(b, slots[p], p);
    client_failed(m_ops->unmask_irq(m_ctx, bank, static_cast<u16>(p), &hw),
                  "unmask_irq failed (bank, errno)", bank);
  });
}

Status Chip::debounce_expired(u16 bank, u64 mask, clx_dispatch* out) {
  reset(out);
  Bank& b = banks()[bank];
  u64 due = mask & b.pending & b.enabled;
  if (due == 0) return Status::ok;
  // Pins are armed for the opposite of the candidate level, but the interrupt that
  // would cancel the change may not have been serviced yet (the timer and the
  // interrupt race), and masked pins are not watched at all: read the level back.
  // A pin found at its armed level is not stable; its interrupt (re)starts it. A
  // controller that only relays interrupts cannot be read: trust the armed state.
  u64 level = ~b.armed_high;
  if (m_ops->read_pins != nullptr && failed(read_level(bank, due, &level))) return Status::io_error;
  u64 gone = due & (level ^ ~b.armed_high);
  b.pending &= ~gone;
  due &= ~gone;
  b.pending &= ~due;
  for_each_pin(due, [&](unsigned p) {
    bool high = (b.armed_high & bit(p)) == 0;
    b.stable_high = with_bit(b.stable_high, bit(p), high);
    emit_change(slot(bank, p), p, high, out);
  });
  return Status::ok;
}

}  // namespace clx

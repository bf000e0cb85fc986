// SPDX-License-Identifier: GPL-2.0
// Interrupt service for one bank: query, level-toggling emulation (ActiveBoth,
// edges and debounce on level hardware), storm guard, clear, events out.
//
// Emulation, per active emulated pin (GpioClx order): mask -> reconfigure to the
// opposite level -> clear the status latched under the old polarity -> record the
// change -> unmask. The hardware is always armed for "the line leaves the level it
// is at", so a change during the window re-fires at once and a glitch shorter than
// the window collapses; events strictly alternate.
#include "chip.hpp"

namespace clx {

namespace {

u64 with_bit(u64 mask, u64 m, bool on) { return on ? mask | m : mask & ~m; }

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

// Pins reported active that the engine does not have live (or that the controller
// says are enabled when they should not be): mask them and report.
void Chip::mask_rogue(u16 bank, Bank& b, u64 rogue, clx_dispatch* out) {
  u64 bad = rogue;
  if (m_ops->query_enabled != nullptr) {
    u64 hw_enabled = 0;
    if (m_ops->query_enabled(m_ctx, bank, &hw_enabled) == 0) bad |= hw_enabled & ~b.live() & b.all;
  }
  (void)m_ops->mask_irqs(m_ctx, bank, bad);
  if (m_ops->clear_active != nullptr) (void)m_ops->clear_active(m_ctx, bank, rogue);
  out->storm_masked |= bad;
}

// Counts events per pin; a pin over the threshold whose level is where it was at the
// last tick is masked until storm_tick() re-arms it. Returns the pins to service.
u64 Chip::storm_filter(u16 bank, Bank& b, u64 active, clx_dispatch* out) {
  u64 over = 0;
  for_each_pin(active, [&](unsigned p) {
    PinSlot& s = slot(bank, p);
    if (s.storm_count != 0xFFFF) ++s.storm_count;
    if (s.storm_count > m_storm.max_events) over |= bit(p);
  });
  if (over == 0) return active;
  u64 level = 0;
  if (!failed(read_level(bank, over, &level))) {
    u64 moved = (level ^ b.storm_level) & over & ~b.output;
    for_each_pin(moved, [&](unsigned p) { slot(bank, p).storm_count = 0; });
    b.storm_level = (b.storm_level & ~moved) | (level & moved);
    over &= ~moved;
  }
  if (over == 0) return active;
  (void)m_ops->mask_irqs(m_ctx, bank, over);
  if (m_ops->clear_active != nullptr) (void)m_ops->clear_active(m_ctx, bank, over);
  for_each_pin(over, [&](unsigned p) { slot(bank, p).storm_count = 0; });
  b.storm |= over;
  out->storm_masked |= over;
  return active & ~over;
}

Status Chip::dispatch(u16 bank, clx_dispatch* out) {
  if (bank >= m_geo.bank_count) return Status::bank_out_of_range;
  if (m_ops->query_active == nullptr) return Status::unsupported;
  reset(out);
  Bank& b = m_banks[bank];
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
    if (to_clear != 0 && m_ops->clear_active != nullptr) (void)m_ops->clear_active(m_ctx, bank, to_clear);
  } else if (m_batch && (active & ~b.both) == 0) {
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
  (void)m_ops->mask_irqs(m_ctx, bank, active);
  u64 rose = active & b.armed_high;  // armed for high: the line went high
  b.armed_high ^= active;            // now armed for the opposite level
  b.stable_high = (b.stable_high & ~active) | rose;
  (void)m_ops->reconfigure_irqs(m_ctx, bank, active, b.armed_high & active);
  if (m_ops->clear_active != nullptr) (void)m_ops->clear_active(m_ctx, bank, active);
  u64 asserted = ~(rose ^ b.asserted_high);  // reached the asserted level
  u32 n = 0;
  for_each_pin(active, [&](unsigned p) {
    u64 m = bit(p);
    out->events[n++] = clx_irq_event{
        static_cast<u16>(p), static_cast<u8>(rose & m ? CLX_EVENT_RISING : CLX_EVENT_FALLING),
        static_cast<u8>(asserted & m ? CLX_EVENT_ASSERTED : 0)};
  });
  out->count = n;
  (void)m_ops->unmask_irqs(m_ctx, bank, active);
}

// Active pins of which some are emulated; the others get their hardware events.
void Chip::service_emulated(u16 bank, Bank& b, u64 active, clx_dispatch* out) {
  u64 emulated = active & b.emulated;
  (void)m_ops->mask_irqs(m_ctx, bank, emulated);
  u64 to_clear = emulated;
  u64 arm_high = 0;  // with m_batch: emulated pins now armed for high
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
    if (m_batch) {
      if (!reached_high) arm_high |= m;
    } else {
      clx_irq_config hw{CLX_IRQ_LEVEL, reached_high ? CLX_POL_LOW : CLX_POL_HIGH,
                        static_cast<clx_pull>(s.pull), 0};
      (void)m_ops->reconfigure_irq(m_ctx, bank, static_cast<u16>(p), &hw);
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
  if (m_batch) (void)m_ops->reconfigure_irqs(m_ctx, bank, emulated, arm_high);
  if (m_ops->clear_active != nullptr) (void)m_ops->clear_active(m_ctx, bank, to_clear);
  if (m_batch) {
    (void)m_ops->unmask_irqs(m_ctx, bank, emulated);
    return;
  }
  for_each_pin(emulated, [&](unsigned p) {
    clx_irq_config hw = hw_config(b, slots[p], p);
    (void)m_ops->unmask_irq(m_ctx, bank, static_cast<u16>(p), &hw);
  });
}

Status Chip::debounce_expired(u16 bank, u64 mask, clx_dispatch* out) {
  Status s = bank_mask_ok(bank, mask);
  if (failed(s)) return s;
  reset(out);
  Bank& b = m_banks[bank];
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

Status Chip::storm_configure(const clx_storm_config& cfg) {
  if (cfg.rearm_ticks == 0) return Status::invalid;
  m_storm = cfg;
  return Status::ok;
}

Status Chip::storm_tick(u16 bank, u64* rearmed) {
  if (bank >= m_geo.bank_count) return Status::bank_out_of_range;
  Bank& b = m_banks[bank];
  *rearmed = 0;
  for_each_pin(b.all, [&](unsigned p) {
    PinSlot& s = slot(bank, p);
    u64 m = bit(p);
    if (!(b.storm & m)) {
      s.storm_count = 0;
      return;
    }
    if (++s.storm_count < m_storm.rearm_ticks) return;
    s.storm_count = 0;
    b.storm &= ~m;
    *rearmed |= m;
    if (b.live() & m) {
      clx_irq_config hw = hw_config(b, s, p);
      (void)m_ops->unmask_irq(m_ctx, bank, static_cast<u16>(p), &hw);
    }
  });
  u64 level = 0;
  if (!failed(read_level(bank, b.all, &level))) b.storm_level = level;
  return Status::ok;
}

}  // namespace clx

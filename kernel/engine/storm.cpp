// SPDX-License-Identifier: GPL-2.0
// Storm guard: a pin that fires more than max_events times in a tick period with its
// level where it was at the last tick is masked and reported, and re-armed after
// rearm_ticks periods; pins the controller reports active that the engine does not
// have live are masked and reported at once. Dispatch (dispatch.cpp) runs the filter
// between its query and its service.
//
// PinSlot::storm_events counts a live pin's events in the current period;
// PinSlot::storm_ticks counts the periods a storm-masked pin (Bank::storm) has been
// masked. Every switch between the two writes the one that becomes meaningful.
#include "chip.hpp"

namespace clx {

// Pins reported active that the engine does not have live (or that the controller
// says are enabled when they should not be): mask them and report.
void Chip::mask_rogue(u16 bank, Bank& b, u64 rogue, clx_dispatch* out) {
  u64 bad = rogue;
  if (m_ops->query_enabled != nullptr) {
    u64 hw_enabled = 0;
    if (m_ops->query_enabled(m_ctx, bank, &hw_enabled) == 0) bad |= hw_enabled & ~b.live() & b.all;
  }
  client_failed(m_ops->mask_irqs(m_ctx, bank, bad), "mask_irqs failed (bank, errno)", bank);
  if (m_ops->clear_active != nullptr)
    client_failed(m_ops->clear_active(m_ctx, bank, rogue), "clear_active failed (bank, errno)", bank);
  out->storm_masked |= bad;
}

// Counts events per pin; a pin over the threshold whose level is where it was at the
// last tick is masked until storm_tick() re-arms it. Returns the pins to service.
u64 Chip::storm_filter(u16 bank, Bank& b, u64 active, clx_dispatch* out) {
  u64 over = 0;
  for_each_pin(active, [&](unsigned p) {
    PinSlot& s = slot(bank, p);
    if (s.storm_events != 0xFFFF) ++s.storm_events;
    if (s.storm_events > m_storm.max_events) over |= bit(p);
  });
  if (over == 0) return active;
  u64 level = 0;
  if (!failed(read_level(bank, over, &level))) {
    u64 moved = (level ^ b.storm_level) & over & ~b.output;
    for_each_pin(moved, [&](unsigned p) { slot(bank, p).storm_events = 0; });
    b.storm_level = (b.storm_level & ~moved) | (level & moved);
    over &= ~moved;
  }
  if (over == 0) return active;
  client_failed(m_ops->mask_irqs(m_ctx, bank, over), "storm guard: mask_irqs failed (bank, errno)",
                bank);
  if (m_ops->clear_active != nullptr)
    client_failed(m_ops->clear_active(m_ctx, bank, over),
                  "storm guard: clear_active failed (bank, errno)", bank);
  for_each_pin(over, [&](unsigned p) { slot(bank, p).storm_ticks = 0; });
  b.storm |= over;
  out->storm_masked |= over;
  return active & ~over;
}

void Chip::storm_tick(u16 bank, u64* rearmed) {
  Bank& b = banks()[bank];
  *rearmed = 0;
  for_each_pin(b.all, [&](unsigned p) {
    PinSlot& s = slot(bank, p);
    u64 m = bit(p);
    if (!(b.storm & m)) {
      s.storm_events = 0;
      return;
    }
    if (++s.storm_ticks < m_storm.rearm_ticks) return;
    s.storm_events = 0;
    b.storm &= ~m;
    *rearmed |= m;
    if (b.live() & m) {
      clx_irq_config hw = hw_config(b, s, p);
      client_failed(m_ops->unmask_irq(m_ctx, bank, static_cast<u16>(p), &hw),
                    "storm guard: unmask_irq failed (bank, errno)", bank);
    }
  });
  u64 level = 0;
  if (!failed(read_level(bank, b.all, &level))) b.storm_level = level;
}

}  // namespace clx

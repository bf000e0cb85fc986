// SPDX-License-Identifier: GPL-2.0
// Chip creation, validation of the controller description and client interface,
// and power transitions (start/stop with bank save/restore).
#include "chip.hpp"

namespace clx {

namespace {

bool all_or_none(bool a, bool b) { return a == b; }

}  // namespace

// The description's rules.
Status Chip::check_geometry(const clx_controller_desc& desc) {
  if (desc.total_pins == 0 || desc.pins_per_bank == 0) return Status::invalid;
  if (desc.total_pins > CLX_MAX_PINS) return Status::too_many_pins;
  if (desc.pins_per_bank > CLX_MAX_PINS_PER_BANK) return Status::bank_too_wide;
  if (desc.pins_per_bank > desc.total_pins) return Status::bank_wider_than_chip;
  if ((desc.caps & ~CLX_CAP_ALL_MASK) != 0) return Status::invalid;
  return Status::ok;
}

namespace {

// GpioClx registration rules, applied to the clxgpio client table.
Status check_ops(const clx_client_ops* ops, u32 caps) {
  if (ops == nullptr || ops->start == nullptr || ops->stop == nullptr) return Status::invalid;
  bool io = ops->connect_io != nullptr;
  if (!all_or_none(io, ops->disconnect_io != nullptr)) return Status::invalid;
  if (io && ops->read_pins == nullptr && ops->write_pins == nullptr) return Status::invalid;
  bool irq = ops->enable_irq != nullptr;
  if (!all_or_none(irq, ops->disable_irq != nullptr) ||
      !all_or_none(irq, ops->mask_irqs != nullptr) ||
      !all_or_none(irq, ops->unmask_irq != nullptr) ||
      !all_or_none(irq, ops->query_active != nullptr))
    return Status::invalid;
  bool auto_clear = (caps & CLX_CAP_AUTO_CLEAR) != 0;
  if (irq && (ops->clear_active != nullptr) == auto_clear) return Status::invalid;
  if (!irq && (ops->clear_active != nullptr || ops->reconfigure_irq != nullptr))
    return Status::invalid;
  if (!all_or_none(ops->save_bank != nullptr, ops->restore_bank != nullptr))
    return Status::invalid;
  bool batch = ops->reconfigure_irqs != nullptr;
  if (!all_or_none(batch, ops->unmask_irqs != nullptr)) return Status::invalid;
  if (batch && (!irq || ops->reconfigure_irq == nullptr)) return Status::invalid;
  return Status::ok;
}

u16 bank_count_of(const clx_controller_desc& desc) {
  return static_cast<u16>((desc.total_pins + desc.pins_per_bank - 1) / desc.pins_per_bank);
}

// Stand-ins for a client without read_pins or write_pins: the I/O path calls through
// the chip's own pointers and never tests for NULL.
int refuse_read(void*, u16, u64, u64*) { return -CLX_EOPNOTSUPP; }
int refuse_write(void*, u16, u64, u64) { return -CLX_EOPNOTSUPP; }

}  // namespace

Status Chip::check(const clx_controller_desc& desc, const clx_client_ops* ops) {
  Status s = check_geometry(desc);
  if (failed(s)) return s;
  return check_ops(ops, desc.caps);
}

usize Chip::storage_size(const clx_controller_desc& desc) {
  return Layout::of(bank_count_of(desc), desc.pins_per_bank).total;
}

static_assert(sizeof(Chip) == Layout::kChipBytes, "Layout::kChipBytes out of step with Chip");

Chip::Chip(const Geometry& geo, const clx_client_ops* ops, void* ctx)
    : m_geo(geo), m_ops(ops), m_ctx(ctx),
      m_read_pins(ops->read_pins != nullptr ? ops->read_pins : refuse_read),
      m_write_pins(ops->write_pins != nullptr ? ops->write_pins : refuse_write) {}

Chip* Chip::create(void* storage, const clx_controller_desc& desc, const clx_client_ops* ops,
                   void* ctx) {
  u8 ppb = desc.pins_per_bank;
  u8 shift = (ppb & (ppb - 1)) == 0 ? static_cast<u8>(lowest_pin(ppb)) : Geometry::kNoShift;
  Geometry geo{desc.total_pins, bank_count_of(desc), ppb, shift, desc.caps};
  // CAST: storage is 8-aligned and sized by storage_size(); the arrays follow (Layout).
  auto* base = static_cast<u8*>(storage);
  Layout l = Layout::of(geo.bank_count, geo.pins_per_bank);
  auto* banks = reinterpret_cast<Bank*>(base + Layout::kBanks);
  auto* pins = reinterpret_cast<PinSlot*>(base + l.pins);
  u8* irq_lines = base + l.irq_lines;
  for (u16 b = 0; b < geo.bank_count; ++b) {
    Bank* bank = new (&banks[b], Place{}) Bank{};
    bank->all = low_mask(geo.bank_width(b));
    irq_lines[b] = desc.bank_irq_line != nullptr ? desc.bank_irq_line[b] : static_cast<u8>(b);
  }
  for (u32 p = 0; p < u32{geo.bank_count} * geo.pins_per_bank; ++p) new (&pins[p], Place{}) PinSlot{};
  return new (storage, Place{}) Chip(geo, ops, ctx);
}

u32 Chip::state_bytes_per_pin() const {
  usize total = layout().total;
  return static_cast<u32>((total + m_geo.total_pins - 1) / m_geo.total_pins);
}

Status Chip::start(clx_start_kind kind) {
  Status s = from_client(m_ops->start(m_ctx, kind));
  if (failed(s)) return s;
  if (kind == CLX_START_RESTORE) {
    if (m_ops->restore_bank != nullptr)
      for (u16 b = 0; b < m_geo.bank_count; ++b) m_ops->restore_bank(m_ctx, b);
    return Status::ok;
  }
  // First start: the client disabled every interrupt; forget any we had, and learn
  // which pins firmware left as outputs so gpiolib sees the true direction.
  for (u16 b = 0; b < m_geo.bank_count; ++b) {
    Bank& bank = banks()[b];
    bank.enabled = bank.masked = bank.storm = bank.emulated = bank.pending = 0;
    if (m_ops->query_outputs != nullptr) {
      u64 outputs = 0;
      if (m_ops->query_outputs(m_ctx, b, &outputs) == 0) bank.output = outputs & bank.all;
    }
    if (m_geo.keeps_latch() && bank.output != 0 && m_ops->read_pins != nullptr) {
      u64 level = 0;
      if (m_ops->read_pins(m_ctx, b, bank.output, &level) == 0) bank.latch = level & bank.output;
    }
  }
  return Status::ok;
}

Status Chip::stop(clx_stop_kind kind) {
  if (kind == CLX_STOP_SAVE && m_ops->save_bank != nullptr)
    for (u16 b = 0; b < m_geo.bank_count; ++b) m_ops->save_bank(m_ctx, b);
  return from_client(m_ops->stop(m_ctx, kind));
}

}  // namespace clx

#include "helpers.hpp"

#include <cstdio>
#include <stdexcept>

namespace clxtest {

uint64_t sim_peek(const SimRig& r, uint16_t bank, uint32_t reg) {
  uint32_t at = sim::at(bank, reg);
  uint64_t lo = clx_simhw_bus.read32(r.hw, at);
  uint64_t hi = clx_simhw_bus.read32(r.hw, at + sim::HI);
  return lo | hi << 32;
}

void sim_poke(SimRig& r, uint16_t bank, uint32_t reg, uint64_t value) {
  uint32_t at = sim::at(bank, reg);
  clx_simhw_bus.write32(r.hw, at, static_cast<uint32_t>(value));
  if (r.per_bank > 32) clx_simhw_bus.write32(r.hw, at + sim::HI, static_cast<uint32_t>(value >> 32));
}

void sim_reset(SimRig& r) {
  clx_simhw* again = nullptr;
  if (clx_simhw_init(r.hw_mem->data(), r.hw_mem->size(), r.total, r.per_bank, SimRig::line, &r,
                     &again) != 0 ||
      again != r.hw)
    throw std::runtime_error("simhw re-init");
}

std::vector<Access> writes_to(const std::vector<Access>& log, uint32_t lo, uint32_t hi) {
  std::vector<Access> w;
  for (const Access& a : log)
    if (a.op == 'W' && a.offset >= lo && a.offset <= hi) w.push_back(a);
  return w;
}

void PrintTo(const Access& a, std::ostream* os) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%c %03x %08x", a.op, a.offset, a.value);
  *os << buf;
}

void PrintTo(const Event& e, std::ostream* os) {
  static const char* const kinds[] = {"?", "RISING", "FALLING", "EDGE", "LEVEL"};
  *os << "{pin " << e.pin << " " << (e.kind <= 4 ? kinds[e.kind] : "?")
      << (e.flags & CLX_EVENT_ASSERTED ? " ASSERTED" : "") << "}";
}

std::vector<Event> expire(clx_chip* chip, uint16_t bank, uint64_t mask, clx_dispatch* raw) {
  clx_dispatch d{};
  int n = clx_debounce_expired(chip, bank, mask, &d);
  if (n < 0) throw std::runtime_error("debounce_expired failed: " + std::to_string(n));
  if (raw) *raw = d;
  std::vector<Event> ev;
  for (uint32_t i = 0; i < d.count; ++i) ev.push_back({d.events[i].pin, d.events[i].kind, d.events[i].flags});
  return ev;
}

// ---- FakeClient ----

namespace {

FakeClient* fc(void* ctx) { return static_cast<FakeClient*>(ctx); }

int note(void* ctx, FakeClient::Op op, const char* name) {
  fc(ctx)->calls.emplace_back(name);
  return fc(ctx)->fail[op];
}

int f_start(void* c, clx_start_kind) { return note(c, FakeClient::kStart, "start"); }
int f_stop(void* c, clx_stop_kind) { return note(c, FakeClient::kStop, "stop"); }
int f_connect_io(void* c, clx_u16, clx_u64 mask, const clx_io_config* cfg) {
  fc(c)->last_io = *cfg;
  fc(c)->last_mask = mask;
  return note(c, FakeClient::kConnectIo, "connect_io");
}
int f_disconnect_io(void* c, clx_u16, clx_u64) { return note(c, FakeClient::kDisconnectIo, "disconnect_io"); }
int f_read_pins(void* c, clx_u16, clx_u64 mask, clx_u64* v) {
  fc(c)->last_mask = mask;
  *v = fc(c)->read_value;
  return note(c, FakeClient::kReadPins, "read_pins");
}
int f_write_pins(void* c, clx_u16, clx_u64, clx_u64) { return note(c, FakeClient::kWritePins, "write_pins"); }
int f_enable_irq(void* c, clx_u16, clx_u16 pin, const clx_irq_config* cfg) {
  fc(c)->last_irq = *cfg;
  fc(c)->last_pin = pin;
  return note(c, FakeClient::kEnableIrq, "enable_irq");
}
int f_disable_irq(void* c, clx_u16, clx_u16) { return note(c, FakeClient::kDisableIrq, "disable_irq"); }
int f_mask_irqs(void* c, clx_u16, clx_u64 mask) {
  fc(c)->last_mask = mask;
  return note(c, FakeClient::kMaskIrqs, "mask_irqs");
}
int f_unmask_irq(void* c, clx_u16, clx_u16 pin, const clx_irq_config* cfg) {
  fc(c)->last_irq = *cfg;
  fc(c)->last_pin = pin;
  return note(c, FakeClient::kUnmaskIrq, "unmask_irq");
}
int f_query_active(void* c, clx_u16, clx_u64, clx_u64* a) {
  *a = fc(c)->active_value;
  return note(c, FakeClient::kQueryActive, "query_active");
}
int f_clear_active(void* c, clx_u16, clx_u64) { return note(c, FakeClient::kClearActive, "clear_active"); }
int f_query_enabled(void* c, clx_u16, clx_u64* e) {
  *e = 0;
  return note(c, FakeClient::kQueryEnabled, "query_enabled");
}
int f_reconfigure_irq(void* c, clx_u16, clx_u16 pin, const clx_irq_config* cfg) {
  fc(c)->last_irq = *cfg;
  fc(c)->last_pin = pin;
  return note(c, FakeClient::kReconfigureIrq, "reconfigure_irq");
}
void f_save_bank(void* c, clx_u16) { (void)note(c, FakeClient::kSaveBank, "save_bank"); }
void f_restore_bank(void* c, clx_u16) { (void)note(c, FakeClient::kRestoreBank, "restore_bank"); }
int f_query_outputs(void* c, clx_u16, clx_u64* o) {
  *o = fc(c)->outputs_value;
  return note(c, FakeClient::kQueryOutputs, "query_outputs");
}
int f_reconfigure_irqs(void* c, clx_u16, clx_u64 mask, clx_u64 high) {
  fc(c)->last_mask = mask;
  fc(c)->last_high = high;
  return note(c, FakeClient::kReconfigureIrqs, "reconfigure_irqs");
}
int f_unmask_irqs(void* c, clx_u16, clx_u64 mask) {
  fc(c)->last_mask = mask;
  return note(c, FakeClient::kUnmaskIrqs, "unmask_irqs");
}

}  // namespace

const clx_client_ops FakeClient::kAllOps = {
    f_start,       f_stop,         f_connect_io,   f_disconnect_io, f_read_pins,
    f_write_pins,  f_enable_irq,   f_disable_irq,  f_mask_irqs,     f_unmask_irq,
    f_query_active, f_clear_active, f_query_enabled, f_reconfigure_irq, f_save_bank,
    f_restore_bank, f_query_outputs, f_reconfigure_irqs, f_unmask_irqs,
};

FakeClient::FakeClient(uint16_t total, uint8_t per_bank, uint32_t caps) {
  desc.total_pins = total;
  desc.pins_per_bank = per_bank;
  desc.caps = caps;
  desc.bank_irq_line = nullptr;
}

clx_chip* FakeClient::make_chip() {
  long need = clx_chip_storage_size(&desc);
  if (need <= 0) throw std::runtime_error("fake storage size " + std::to_string(need));
  mem = std::make_unique<Storage>(static_cast<size_t>(need));
  int rc = clx_chip_create(mem->data(), mem->size(), &desc, &ops, this, &chip);
  if (rc != 0) throw std::runtime_error("fake chip_create " + std::to_string(rc));
  if (clx_chip_start(chip, CLX_START_FIRST) != 0) throw std::runtime_error("fake start");
  calls.clear();
  return chip;
}

FakeClient::~FakeClient() { clx_chip_destroy(chip); }

}  // namespace clxtest

// Host benchmark: rigs without a Recorder and the measured cases (cases.hpp).
#include "cases.hpp"

#include <cstdio>
#include <cstdlib>
#include <initializer_list>

#include "clx_controllers.h"
#include "pl061_model.hpp"
#include "shim_host.hpp"
#include "simgpio_hw.h"
#include "simgpio_regs.hpp"

namespace clxbench {

namespace {

using u8 = clx_u8;
using u16 = clx_u16;
using u32 = clx_u32;
using u64 = clx_u64;

void must(int rc, const char* what) {
  if (rc == 0) return;
  std::fprintf(stderr, "bench: %s failed: %d\n", what, rc);
  std::exit(2);
}

u64 low_mask(unsigned width) { return width >= 64 ? ~u64{0} : (u64{1} << width) - 1; }

// 8-aligned storage of a byte size reported by the C ABI.
std::vector<u64> storage(long bytes) {
  if (bytes <= 0) must(static_cast<int>(bytes ? bytes : -1), "storage size");
  return std::vector<u64>(static_cast<size_t>(bytes + 7) / 8);
}

clx_chip* make_chip(std::vector<u64>& mem, const clx_controller& c) {
  mem = storage(clx_chip_storage_size(&c.desc));
  clx_chip* chip = nullptr;
  must(clx_chip_create(mem.data(), mem.size() * 8, &c.desc, c.ops, c.ctx, &chip), "chip_create");
  must(clx_chip_start(chip, CLX_START_FIRST), "chip_start");
  return chip;
}

// ---- rigs: one controller on its hardware model, reached through the model's bus ----

class Pl061Rig {
 public:
  Pl061Rig() {
    ctl = storage(clx_pl061_storage_size());
    must(clx_pl061_init(ctl.data(), ctl.size() * 8, &window, &controller), "pl061_init");
    chip = make_chip(mem, controller);
  }
  ~Pl061Rig() { clx_chip_destroy(chip); }
  Pl061Rig(const Pl061Rig&) = delete;
  Pl061Rig& operator=(const Pl061Rig&) = delete;

  u16 bank() const { return 0; }
  u64 all() const { return 0xFF; }
  const baseline::Regs& regs() const { return m_regs; }
  u64 base_read(u64 mask) { return baseline::pl061_read(m_regs, mask); }
  void base_write(u64 set, u64 clear) { baseline::pl061_write(m_regs, set, clear); }
  void drive(unsigned pin, bool high) { hw.set_input(pin, high); }
  bool pending() const { return hw.line(); }
  std::string dump() const {
    char buf[160];
    std::snprintf(buf, sizeof buf, "dir=%02x is=%02x ibe=%02x iev=%02x ie=%02x out=%02x in=%02x latched=%02x",
                  hw.dir, hw.is, hw.ibe, hw.iev, hw.ie, hw.out, hw.in, hw.edge_latched);
    return buf;
  }

  clxtest::Pl061Model hw;
  clxtest::MmioWindow window{&clxtest::Pl061Model::bus, &hw};  // the shim's MMIO reaches hw
  std::vector<u64> ctl, mem;
  clx_controller controller{};
  clx_chip* chip = nullptr;

 private:
  baseline::Regs m_regs{nullptr, &window};
};

class SimRig {
 public:
  SimRig(u16 total, u8 per_bank)
      : m_per_bank(per_bank),
        m_bank(static_cast<u16>((total + per_bank - 1) / per_bank - 1)),  // the last bank
        m_words(per_bank > 32 ? 2 : 1) {
    hw_mem = storage(clx_simhw_storage_size(total, per_bank));
    must(clx_simhw_init(hw_mem.data(), hw_mem.size() * 8, total, per_bank, nullptr, nullptr, &hw),
         "simhw_init");
    m_regs = baseline::Regs{&clx_simhw_bus, hw};
    ctl = storage(clx_simgpio_storage_size(total, per_bank));
    must(clx_simgpio_init(ctl.data(), ctl.size() * 8, &clx_simhw_bus, hw, total, per_bank,
                          CLX_SIM_MEMORY_MAPPED, &controller),
         "sim_init");
    chip = make_chip(mem, controller);
  }
  ~SimRig() { clx_chip_destroy(chip); }
  SimRig(const SimRig&) = delete;
  SimRig& operator=(const SimRig&) = delete;

  unsigned words() const { return m_words; }
  // The last bank: nothing may depend on the bank index.
  u16 bank() const { return m_bank; }
  u64 all() const { return low_mask(m_per_bank); }
  const baseline::Regs& regs() const { return m_regs; }
  u64 base_read(u64 mask) { return baseline::sim_read(m_regs, m_bank, mask); }
  void base_write(u64 set, u64 clear) { baseline::sim_write(m_regs, m_bank, set, clear); }
  void drive(unsigned pin, bool high) {
    (void)clx_simhw_set_pull(hw, static_cast<u16>(m_bank * m_per_bank + pin), high ? 1 : 0);
  }
  bool pending() const { return clx_simhw_irq_pending(hw, bank()) == 1; }
  // Every readable register of the bank, both words.
  std::string dump() {
    using namespace clx::simgpio;
    static const u32 regs_at[] = {POLARITY::offset, ENABLE::offset, STATUS::offset, DIRECTION::offset,
                                  LEVEL::offset, PULL::offset};
    std::string s;
    char buf[40];
    for (u32 off : regs_at) {
      u32 at = bank() * kBankStride + off;
      std::snprintf(buf, sizeof buf, "%02x:%08x%08x ", off, clx_simhw_bus.read32(hw, at + kHiWord),
                    clx_simhw_bus.read32(hw, at));
      s += buf;
    }
    return s;
  }

  std::vector<u64> hw_mem, ctl, mem;
  clx_simhw* hw = nullptr;
  clx_controller controller{};
  clx_chip* chip = nullptr;

 private:
  u8 m_per_bank;
  u16 m_bank;
  unsigned m_words;
  baseline::Regs m_regs{};
};

// Both rigs of a case are built from the same recipe.
template <typename Rig>
struct Pair;
template <>
struct Pair<Pl061Rig> {
  Pl061Rig a, b;
};
template <>
struct Pair<SimRig> {
  Pair(u16 total, u8 per_bank) : a(total, per_bank), b(total, per_bank) {}
  SimRig a, b;
};

// ---- calibration ----

class NoopCase : public Case {
 public:
  NoopCase() : Case("noop", "-") {}
  unsigned state_bytes() const override { return 0; }
  void engine() override { baseline::noop(); }
  void baseline() override { baseline::noop(); }
  std::string verify() override { return ""; }
};

// ---- pin I/O ----

// Even pins outputs (every fourth one high), odd pins inputs (every fourth one driven
// high): a read returns a mix of latch and input values.
template <typename Rig>
void mixed_io(Rig& r) {
  for (unsigned p = 0; p < 64 && (r.all() >> p) != 0; ++p) {
    if (p % 2 == 0) {
      u16 chip_pin = static_cast<u16>(r.bank() * clx_chip_pins_per_bank(r.chip) + p);
      must(clx_pin_set_direction(r.chip, chip_pin, CLX_IO_OUTPUT, p % 4 == 0), "set_direction");
    } else {
      r.drive(p, p % 4 == 1);
    }
  }
}

template <typename Rig>
void all_outputs(Rig& r) {
  for (unsigned p = 0; p < 64 && (r.all() >> p) != 0; ++p) {
    u16 chip_pin = static_cast<u16>(r.bank() * clx_chip_pins_per_bank(r.chip) + p);
    must(clx_pin_set_direction(r.chip, chip_pin, CLX_IO_OUTPUT, 0), "set_direction");
  }
}

template <typename Rig>
class ReadCase : public Case {
 public:
  template <typename... A>
  ReadCase(const char* op, const char* shape, bool whole_bank, A... args)
      : Case(op, shape), m_rigs{args...} {
    mixed_io(m_rigs.a);
    mixed_io(m_rigs.b);
    m_mask = whole_bank ? m_rigs.a.all() : u64{1} << 3;
  }
  unsigned state_bytes() const override { return clx_chip_state_bytes(m_rigs.a.chip); }
  void engine() override { m_rc = clx_bank_read(m_rigs.a.chip, m_rigs.a.bank(), m_mask, &m_value[0]); }
  void baseline() override { m_value[1] = m_rigs.b.base_read(m_mask); }
  std::string verify() override {
    m_value[0] = m_value[1] = ~u64{0};
    engine();
    baseline();
    if (m_rc != 0) return "engine read failed: " + std::to_string(m_rc);
    if (m_value[0] != m_value[1])
      return "values differ: engine " + std::to_string(m_value[0]) + " baseline " + std::to_string(m_value[1]);
    return "";
  }

 private:
  Pair<Rig> m_rigs;
  u64 m_mask = 0;
  u64 m_value[2] = {};
  int m_rc = 0;
};

template <typename Rig>
class WriteCase : public Case {
 public:
  template <typename... A>
  WriteCase(const char* op, const char* shape, bool whole_bank, A... args)
      : Case(op, shape), m_rigs{args...} {
    all_outputs(m_rigs.a);
    all_outputs(m_rigs.b);
    u64 all = m_rigs.a.all();
    m_set = whole_bank ? all & 0x5555555555555555ull : u64{1} << 3;
    m_clear = whole_bank ? all & 0xAAAAAAAAAAAAAAAAull : 0;
  }
  unsigned state_bytes() const override { return clx_chip_state_bytes(m_rigs.a.chip); }
  void engine() override { m_rc = clx_bank_write(m_rigs.a.chip, m_rigs.a.bank(), m_set, m_clear); }
  void baseline() override { m_rigs.b.base_write(m_set, m_clear); }
  std::string verify() override {
    engine();
    baseline();
    if (m_rc != 0) return "engine write failed: " + std::to_string(m_rc);
    std::string a = m_rigs.a.dump(), b = m_rigs.b.dump();
    if (a != b) return "registers differ:\n  engine   " + a + "\n  baseline " + b;
    u64 v = 0;
    if (clx_bank_read(m_rigs.a.chip, m_rigs.a.bank(), m_rigs.a.all(), &v) != 0 ||
        (v & (m_set | m_clear)) != m_set)
      return "write did not take effect";
    return "";
  }

 private:
  Pair<Rig> m_rigs;
  u64 m_set = 0, m_clear = 0;
  int m_rc = 0;
};

// ---- interrupt dispatch ----

std::string events_string(const clx_irq_event* ev, unsigned n) {
  std::string s;
  char buf[32];
  for (unsigned i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "(%u,%u,%u)", ev[i].pin, ev[i].kind, ev[i].flags);
    s += buf;
  }
  return s;
}

template <typename Rig, typename Self>
std::string verify_dispatch(Rig& a, Rig& b, Self& self, const clx_dispatch& disp, const int& rc,
                            const clx_irq_event* ev, const unsigned& n, unsigned expect) {
  for (int round = 0; round < 2; ++round) {
    self.prepare(Side::engine);
    self.prepare(Side::baseline);
    if (!a.pending() || !b.pending()) return "interrupt not pending after prepare";
    self.engine();
    self.baseline();
    if (rc < 0) return "engine dispatch failed: " + std::to_string(rc);
    std::string ea = events_string(disp.events, disp.count), eb = events_string(ev, n);
    if (ea != eb) return "events differ:\n  engine   " + ea + "\n  baseline " + eb;
    if (disp.count != expect) return "expected " + std::to_string(expect) + " events, got " + ea;
    std::string ra = a.dump(), rb = b.dump();
    if (ra != rb) return "registers differ:\n  engine   " + ra + "\n  baseline " + rb;
    if (a.pending() || b.pending()) return "interrupt still pending after dispatch";
  }
  return "";
}

// PL061 native rising edge on pin 3: GPIOMIS read, GPIOIC write.
class IrqEdgeCase : public Case {
 public:
  IrqEdgeCase() : Case("irq-edge", "1x8-pl061") {
    clx_irq_config cfg{CLX_IRQ_EDGE, CLX_POL_HIGH, CLX_PULL_DEFAULT, 0};
    must(clx_irq_connect(m_rigs.a.chip, kPin, &cfg, 0), "irq_connect");
    must(clx_irq_connect(m_rigs.b.chip, kPin, &cfg, 0), "irq_connect");
    for (u8& k : m_kind) k = CLX_EVENT_RISING;
  }
  unsigned events_per_op() const override { return 1; }
  unsigned state_bytes() const override { return clx_chip_state_bytes(m_rigs.a.chip); }
  bool has_prepare() const override { return true; }
  void prepare(Side side) override {
    Pl061Rig& r = side == Side::engine ? m_rigs.a : m_rigs.b;
    r.drive(kPin, false);
    r.drive(kPin, true);
  }
  void engine() override { m_rc = clx_irq_dispatch(m_rigs.a.chip, 0, &m_disp); }
  void baseline() override { m_n = baseline::pl061_dispatch(m_rigs.b.regs(), m_kind, m_events); }
  std::string verify() override {
    return verify_dispatch(m_rigs.a, m_rigs.b, *this, m_disp, m_rc, m_events, m_n, 1);
  }

 private:
  static constexpr u16 kPin = 3;
  Pair<Pl061Rig> m_rigs;
  u8 m_kind[8];
  clx_dispatch m_disp{};
  clx_irq_event m_events[CLX_MAX_PINS_PER_BANK];
  unsigned m_n = 0;
  int m_rc = 0;
};

// Emulated ActiveBoth (GpioClx semantics, asserted low) on the level-only simulated
// controller, for the pins in `pins` of the last bank; every prepare() moves all of
// them to the other level, so each dispatch services every one of them.
class IrqBothCase : public Case {
 public:
  IrqBothCase(const char* op, const char* shape, u16 total, u8 per_bank, bool all_pins)
      : Case(op, shape), m_rigs(total, per_bank) {
    m_pins = all_pins ? m_rigs.a.all() : u64{1} << 3;
    for (SimRig* r : {&m_rigs.a, &m_rigs.b}) {
      clx_irq_config cfg{CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_PULL_DEFAULT, 0};
      for (unsigned p = 0; p < 64; ++p) {
        if (!(m_pins >> p & 1)) continue;
        r->drive(p, true);  // deasserted: nothing fires on connect
        u16 chip_pin = static_cast<u16>(r->bank() * per_bank + p);
        must(clx_irq_connect(r->chip, chip_pin, &cfg, 0), "irq_connect");
      }
      if (r->pending()) must(-1, "quiet bank after connect");
    }
    m_both = baseline::BothPins{m_pins, 0};
  }
  unsigned events_per_op() const override { return static_cast<unsigned>(__builtin_popcountll(m_pins)); }
  unsigned state_bytes() const override { return clx_chip_state_bytes(m_rigs.a.chip); }
  bool has_prepare() const override { return true; }
  void prepare(Side side) override {
    bool& level = m_level[side == Side::engine ? 0 : 1];
    SimRig& r = side == Side::engine ? m_rigs.a : m_rigs.b;
    level = !level;
    for (u64 left = m_pins; left != 0; left &= left - 1) r.drive(static_cast<unsigned>(__builtin_ctzll(left)), level);
  }
  void engine() override { m_rc = clx_irq_dispatch(m_rigs.a.chip, m_rigs.a.bank(), &m_disp); }
  void baseline() override {
    m_n = baseline::sim_dispatch_both(m_rigs.b.regs(), m_rigs.b.bank(), m_rigs.b.words(), m_both, m_events);
  }
  std::string verify() override {
    return verify_dispatch(m_rigs.a, m_rigs.b, *this, m_disp, m_rc, m_events, m_n, events_per_op());
  }

 private:
  Pair<SimRig> m_rigs;
  u64 m_pins = 0;
  baseline::BothPins m_both{};
  bool m_level[2] = {true, true};
  clx_dispatch m_disp{};
  clx_irq_event m_events[CLX_MAX_PINS_PER_BANK];
  unsigned m_n = 0;
  int m_rc = 0;
};

}  // namespace

std::vector<std::unique_ptr<Case>> make_cases() {
  struct SimShape {
    const char* name;
    u16 total;
    u8 per_bank;
  };
  static const SimShape sims[] = {{"1x8-sim", 8, 8}, {"4x32-sim", 128, 32}, {"64x64-sim", 4096, 64}};
  std::vector<std::unique_ptr<Case>> v;
  v.push_back(std::make_unique<NoopCase>());
  for (bool whole : {false, true}) {
    const char* op = whole ? "read-bank" : "read-pin";
    v.push_back(std::make_unique<ReadCase<Pl061Rig>>(op, "1x8-pl061", whole));
    for (const SimShape& s : sims)
      v.push_back(std::make_unique<ReadCase<SimRig>>(op, s.name, whole, s.total, s.per_bank));
  }
  for (bool whole : {false, true}) {
    const char* op = whole ? "write-bank" : "write-pin";
    v.push_back(std::make_unique<WriteCase<Pl061Rig>>(op, "1x8-pl061", whole));
    for (const SimShape& s : sims)
      v.push_back(std::make_unique<WriteCase<SimRig>>(op, s.name, whole, s.total, s.per_bank));
  }
  v.push_back(std::make_unique<IrqEdgeCase>());
  for (const SimShape& s : sims)
    v.push_back(std::make_unique<IrqBothCase>("irq-both", s.name, s.total, s.per_bank, false));
  for (const SimShape& s : sims)
    v.push_back(std::make_unique<IrqBothCase>("irq-both-all", s.name, s.total, s.per_bank, true));
  return v;
}

}  // namespace clxbench

// Power transitions: stop(SAVE) + hardware reset + start(RESTORE) brings every bank
// back exactly (PL061 DIR/IS/IBE/IEV/IE/DATA, the sim's registers) and interrupts
// keep working; start(FIRST) turns off what firmware left enabled and learns the
// outputs firmware left.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

struct Pl061Regs {
  uint8_t dir, is, ibe, iev, ie, out;
  bool operator==(const Pl061Regs& o) const {
    return dir == o.dir && is == o.is && ibe == o.ibe && iev == o.iev && ie == o.ie && out == o.out;
  }
};
Pl061Regs regs_of(const Pl061Model& m) {
  return Pl061Regs{m.dir, m.is, m.ibe, m.iev, m.ie, static_cast<uint8_t>(m.out & m.dir)};
}
void PrintTo(const Pl061Regs& r, std::ostream* os) {
  *os << std::hex << "dir " << +r.dir << " is " << +r.is << " ibe " << +r.ibe << " iev " << +r.iev
      << " ie " << +r.ie << " out " << +r.out;
}

// Sets up a PL061 with outputs, every trigger kind and a consumer-masked pin.
void configure_pl061(Pl061Rig& r) {
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 0, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 0), 0);
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  clx_irq_config low = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 2, &rise, 0), 0);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 3, &lvl, 0), 0);
  ASSERT_EQ(clxgpio_irq_mask(r.chip, 3), 0);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 4, &both, 0), 0);
  r.hw.set_input(5, true);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 5, &low, 0), 0);
}

}  // namespace

TEST(PowerPl061, SaveResetRestoreBringsEveryRegisterBack) {
  Pl061Rig r;
  configure_pl061(r);
  const Pl061Regs before = regs_of(r.hw);
  ASSERT_EQ(before, (Pl061Regs{0x03, 0x28, 0x10, 0x0C, 0x34, 0x01}));

  r.rec.clear();
  ASSERT_EQ(clxgpio_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  std::vector<Access> expect{R(pl::DIR, 0x03), R(pl::IS, 0x28), R(pl::IBE, 0x10),
                             R(pl::IEV, 0x0C), R(pl::IE, 0x34), R(pl::DATA_ALL, 0x21)};
  EXPECT_EQ(r.rec.log, expect) << "save reads, writes nothing" << to_string(r.rec.log);

  r.hw.reset();
  r.hw.set_input(5, true);  // the outside world did not lose power
  r.rec.clear();
  ASSERT_EQ(clxgpio_chip_start(r.chip, CLX_START_RESTORE), 0);
  expect = {
      W(pl::DATA_ALL, 0x21),                // data first: dropped for inputs (QEMU) ...
      R(pl::DIR, 0x00), W(pl::DIR, 0x03),   //
      W(pl::DATA_ALL, 0x21),                // ... so again once the outputs exist
      R(pl::IS, 0x00), W(pl::IS, 0x28),   R(pl::IBE, 0x00), W(pl::IBE, 0x10),
      R(pl::IEV, 0x00), W(pl::IEV, 0x0C),
      W(pl::IC, 0xFF),                      // nothing stale
      R(pl::IE, 0x00), W(pl::IE, 0x34),     // enables last
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(regs_of(r.hw), before);
  EXPECT_EQ(r.hw.level() & 0x03, 0x01);

  // Interrupts keep working.
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.hw.set_input(2, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  r.hw.set_input(4, true);
  r.hw.set_input(5, false);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{edge(4), level(5)}));
  r.hw.set_input(5, true);
  r.hw.set_input(3, true);
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "pin 3 is still consumer-masked";
  ASSERT_EQ(clxgpio_irq_unmask(r.chip, 3), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(3)}));
  EXPECT_EQ(clxgpio_pin_read(r.chip, 0), 1);
  ASSERT_EQ(clxgpio_pin_write(r.chip, 1, 1), 0);
  EXPECT_EQ(r.hw.level() & 0x03, 0x03);
}

TEST(PowerPl061, FinalStopDisablesInterruptsAndSavesNothing) {
  Pl061Rig r;
  configure_pl061(r);
  r.rec.clear();
  ASSERT_EQ(clxgpio_chip_stop(r.chip, CLX_STOP_FINAL), 0);
  std::vector<Access> expect{R(pl::IE, 0x34), W(pl::IE, 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_FALSE(r.hw.line());
}

TEST(PowerPl061, FirstStartDisablesWhatFirmwareLeftAndLearnsOutputs) {
  Pl061Rig r;
  // Firmware: pins 2 and 3 outputs (2 high), interrupts on and latched.
  r.hw.dir = 0x0C;
  r.hw.out = 0x04;
  r.hw.ie = 0xF0;
  r.hw.ibe = 0xF0;
  r.hw.edge_latched = 0xFF;
  r.rec.clear();
  ASSERT_EQ(clxgpio_chip_start(r.chip, CLX_START_FIRST), 0);
  std::vector<Access> expect{
      R(pl::IE, 0xF0), W(pl::IE, 0x00), W(pl::IC, 0xFF),  // client: all off, all clear
      R(pl::DIR, 0x0C),                                   // engine: which are outputs?
  };  // no read of what they drive: GPIODATA is the latch (atomic I/O), no copy needed
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.ie, 0);
  EXPECT_FALSE(r.hw.line());
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 2), 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 3), 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 1), 1);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), 1);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 3), 0);
  r.hw.out = 0;  // reads follow the hardware's latch
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), 0);
}

TEST(PowerSim, SaveResetRestoreBringsEveryBankBack) {
  SimRig r(64, 32);
  // Bank 0: outputs, a pull, an ActiveBoth pin that has delivered "asserted".
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 0, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 0), 0);
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 2, CLX_PULL_UP), 0);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 4, &both, 0), 0);
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  // Bank 1: a level interrupt the consumer masked, a pulled-down input.
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 40, &lvl, 0), 0);
  ASSERT_EQ(clxgpio_irq_mask(r.chip, 40), 0);
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 41, CLX_PULL_DOWN), 0);
  r.drive(41, 1);

  const uint32_t regs[] = {sim::POLARITY, sim::ENABLE, sim::DIRECTION, sim::LEVEL, sim::PULL_ENABLE, sim::PULL_UP};
  uint64_t before[2][6];
  for (uint16_t b = 0; b < 2; ++b)
    for (int i = 0; i < 6; ++i) before[b][i] = sim_peek(r, b, regs[i]);
  EXPECT_EQ(before[0][0], B(4)) << "armed for the release";

  r.rec->clear();
  ASSERT_EQ(clxgpio_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  EXPECT_TRUE(r.rec->writes().empty()) << to_string(r.rec->log);
  sim_reset(r);
  r.drive(41, 1);
  r.rec->clear();
  ASSERT_EQ(clxgpio_chip_start(r.chip, CLX_START_RESTORE), 0);
  // Bank 0's exact restore: enables off, latches, pulls, direction, polarity,
  // stale status cleared, enables last.
  std::vector<Access> bank0{
      W(sim::ENABLE, 0),
      W(sim::OUT_CLEAR, ~uint32_t{0x1}), W(sim::OUT_SET, 0x1),
      W(sim::PULL_ENABLE, 0x4), W(sim::PULL_UP, 0x4),
      W(sim::DIRECTION, ~uint32_t{0x3}), W(sim::POLARITY, 0x10),
      W(sim::STATUS, ~uint32_t{0}), W(sim::ENABLE, 0x10),
  };
  std::vector<Access> got0(r.rec->log.begin(), r.rec->log.begin() + std::min<size_t>(9, r.rec->log.size()));
  EXPECT_EQ(got0, bank0) << to_string(r.rec->log);
  EXPECT_EQ(r.rec->log.size(), 18u) << to_string(r.rec->log);

  for (uint16_t b = 0; b < 2; ++b)
    for (int i = 0; i < 6; ++i) EXPECT_EQ(sim_peek(r, b, regs[i]), before[b][i]) << "bank " << b << " reg " << regs[i];

  // Still the same conversation with consumers: the next event is the release.
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.drive(4, 1);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)}));
  r.drive(40, 1);
  EXPECT_TRUE(dispatch(r.chip, 1).empty()) << "masked before suspend, masked after";
  ASSERT_EQ(clxgpio_irq_unmask(r.chip, 40), 0);
  EXPECT_EQ(dispatch(r.chip, 1), (std::vector<Event>{level(8)}));
  EXPECT_EQ(clxgpio_pin_read(r.chip, 41), 0) << "pull-down restored";
}

TEST(PowerSim, ChangeDuringSuspendIsDeliveredAfterResume) {
  SimRig r(64, 32);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 4, &both, 0), 0);
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  ASSERT_EQ(clxgpio_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  sim_reset(r);
  r.drive(4, 1);  // released while the controller was off
  ASSERT_EQ(clxgpio_chip_start(r.chip, CLX_START_RESTORE), 0);
  EXPECT_TRUE(r.pending(0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)}));
  r.drive(4, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
}

TEST(PowerSim, FinalStopDisablesEveryBank) {
  SimRig r(100, 32);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  for (uint16_t p : {0, 40, 99}) ASSERT_EQ(clxgpio_irq_connect(r.chip, p, &lvl, 0), 0);
  ASSERT_EQ(clxgpio_chip_stop(r.chip, CLX_STOP_FINAL), 0);
  for (uint16_t b = 0; b < 4; ++b) {
    EXPECT_EQ(sim_peek(r, b, sim::ENABLE), 0u) << b;
    EXPECT_FALSE(r.pending(b)) << b;
  }
}

TEST(PowerSim, FirstStartDisablesWhatFirmwareLeftAndLearnsOutputs) {
  SimRig r(100, 32);
  // Firmware: bank 0 pins 5/6 outputs (5 high), bank 3 (4 pins) pin 2 output high,
  // and interrupts on everywhere with status latched.
  sim_poke(r, 0, sim::DIRECTION, ~(B(5) | B(6)));
  sim_poke(r, 0, sim::OUT_SET, B(5));
  sim_poke(r, 3, sim::DIRECTION, ~B(2));
  sim_poke(r, 3, sim::OUT_SET, B(2));
  for (uint16_t b = 0; b < 4; ++b) sim_poke(r, b, sim::ENABLE, ~uint64_t{0});
  ASSERT_TRUE(r.pending(0));
  r.rec->clear();
  ASSERT_EQ(clxgpio_chip_start(r.chip, CLX_START_FIRST), 0);
  for (uint16_t b = 0; b < 4; ++b) {
    EXPECT_EQ(sim_peek(r, b, sim::ENABLE), 0u) << b;
    EXPECT_EQ(sim_peek(r, b, sim::STATUS), 0u) << b;
    EXPECT_FALSE(r.pending(b)) << b;
  }
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 5), 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 6), 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 7), 1);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 98), 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 99), 1);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 5), 1);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 6), 0);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 98), 1);
  // Banks 1 and 2 have no outputs: their levels are not even read.
  for (const Access& a : r.rec->log) {
    if (a.offset % sim::STRIDE == sim::LEVEL) {
      EXPECT_TRUE(a.offset / sim::STRIDE == 0 || a.offset / sim::STRIDE == 3) << a.offset;
    }
  }
}

TEST(PowerFake, SaveAndRestoreRunPerBankAroundStopAndStart) {
  FakeClient fake(24, 8);
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clxgpio_chip_stop(chip, CLX_STOP_SAVE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"save_bank", "save_bank", "save_bank", "stop"}));
  fake.calls.clear();
  ASSERT_EQ(clxgpio_chip_start(chip, CLX_START_RESTORE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start", "restore_bank", "restore_bank", "restore_bank"}));
  fake.calls.clear();
  ASSERT_EQ(clxgpio_chip_stop(chip, CLX_STOP_FINAL), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"stop"}));

  // A failed start restores nothing and reports the failure.
  fake.calls.clear();
  fake.fail[FakeClient::kStart] = -CLX_EIO;
  EXPECT_EQ(clxgpio_chip_start(chip, CLX_START_RESTORE), -CLX_EIO);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start"}));
  fake.fail[FakeClient::kStart] = 0;
  fake.fail[FakeClient::kStop] = -CLX_EIO;
  EXPECT_EQ(clxgpio_chip_stop(chip, CLX_STOP_FINAL), -CLX_EIO);
}

TEST(PowerFake, WithoutSaveRestoreOnlyStartAndStopRun) {
  FakeClient fake(24, 8);
  fake.ops.save_bank = nullptr;
  fake.ops.restore_bank = nullptr;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clxgpio_chip_stop(chip, CLX_STOP_SAVE), 0);
  ASSERT_EQ(clxgpio_chip_start(chip, CLX_START_RESTORE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"stop", "start"}));
}

TEST(PowerFake, FirstStartQueriesOutputsPerBankAndForgetsEnables) {
  FakeClient fake(16, 8);
  clx_chip* chip = fake.make_chip();
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clxgpio_irq_connect(chip, 1, &lvl, 0), 0);
  fake.outputs_value = 0x1FF;  // more bits than the bank has: the engine keeps 8
  fake.read_value = 0x101;
  fake.calls.clear();
  ASSERT_EQ(clxgpio_chip_start(chip, CLX_START_FIRST), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start", "query_outputs", "read_pins", "query_outputs",
                                                  "read_pins"}));
  for (uint16_t p = 0; p < 16; ++p) EXPECT_EQ(clxgpio_pin_get_direction(chip, p), 0) << p;
  EXPECT_EQ(clxgpio_pin_read(chip, 0), 1);
  EXPECT_EQ(clxgpio_pin_read(chip, 8), 1);
  EXPECT_EQ(clxgpio_pin_read(chip, 1), 0);
  // The pin that was enabled is no longer live: an active report of it is rogue.
  fake.active_value = B(1);
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(1));
}

// The simulated controller across power transitions: stop(SAVE) + hardware reset +
// start(RESTORE) brings every bank's registers back and interrupts keep working;
// start(FIRST) turns off what firmware left enabled and learns its outputs.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

TEST(SimPower, SaveResetRestoreBringsEveryBankBack) {
  SimRig r(64, 32);
  // Bank 0: outputs, a pull, an ActiveBoth pin that has delivered "asserted".
  ASSERT_EQ(clx_pin_set_direction(r.chip, 0, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 0), 0);
  ASSERT_EQ(clx_pin_set_pull(r.chip, 2, CLX_PULL_UP), 0);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &both, 0), 0);
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  // Bank 1: a level interrupt the consumer masked, a pulled-up input.
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 40, &lvl, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 40), 0);
  ASSERT_EQ(clx_pin_set_pull(r.chip, 41, CLX_PULL_UP), 0);

  const uint32_t regs[] = {sim::POLARITY, sim::ENABLE, sim::DIRECTION, sim::LEVEL, sim::PULL};
  uint64_t before[2][5];
  for (uint16_t b = 0; b < 2; ++b)
    for (int i = 0; i < 5; ++i) before[b][i] = sim_peek(r, b, regs[i]);
  EXPECT_EQ(before[0][0], B(4)) << "armed for the release";

  r.rec->clear();
  ASSERT_EQ(clx_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  EXPECT_TRUE(r.rec->writes().empty()) << to_string(r.rec->log);
  sim_reset(r);
  r.drive(41, 0);  // the outside sets the pull while the controller is off ...
  r.rec->clear();
  ASSERT_EQ(clx_chip_start(r.chip, CLX_START_RESTORE), 0);  // ... the restore last
  // Bank 0's exact restore: enables off, latches, pulls, direction, polarity,
  // stale status cleared, enables last.
  std::vector<Access> bank0{
      W(sim::ENABLE, 0),
      W(sim::OUT_CLEAR, ~uint32_t{0x1}), W(sim::OUT_SET, 0x1),
      W(sim::PULL, 0x4),
      W(sim::DIRECTION, ~uint32_t{0x3}), W(sim::POLARITY, 0x10),
      W(sim::STATUS, ~uint32_t{0}), W(sim::ENABLE, 0x10),
  };
  std::vector<Access> got0(r.rec->log.begin(), r.rec->log.begin() + std::min<size_t>(8, r.rec->log.size()));
  EXPECT_EQ(got0, bank0) << to_string(r.rec->log);
  EXPECT_EQ(r.rec->log.size(), 16u) << to_string(r.rec->log);

  for (uint16_t b = 0; b < 2; ++b)
    for (int i = 0; i < 5; ++i) EXPECT_EQ(sim_peek(r, b, regs[i]), before[b][i]) << "bank " << b << " reg " << regs[i];

  // Still the same conversation with consumers: the next event is the release.
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.drive(4, 1);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)}));
  r.drive(40, 1);
  EXPECT_TRUE(dispatch(r.chip, 1).empty()) << "masked before suspend, masked after";
  ASSERT_EQ(clx_irq_unmask(r.chip, 40), 0);
  EXPECT_EQ(dispatch(r.chip, 1), (std::vector<Event>{level(8)}));
  EXPECT_EQ(clx_pin_read(r.chip, 41), 1) << "pull-up restored: the last write";
}

// The line's pull is controller state too (one pull per line, simgpio_regs.hpp), so a
// change the outside made while the controller was off is undone by the restore (the
// last write; SaveResetRestoreBringsEveryBankBack). A change made before the suspend
// and not yet serviced is delivered after the resume.
TEST(SimPower, ChangeNotServicedBeforeSuspendIsDeliveredAfterResume) {
  SimRig r(64, 32);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &both, 0), 0);
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  r.drive(4, 1);  // released just before the suspend, not serviced
  ASSERT_EQ(clx_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  sim_reset(r);
  ASSERT_EQ(clx_chip_start(r.chip, CLX_START_RESTORE), 0);
  EXPECT_TRUE(r.pending(0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)}));
  r.drive(4, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
}

TEST(SimPower, FinalStopDisablesEveryBank) {
  SimRig r(100, 32);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  for (uint16_t p : {0, 40, 99}) ASSERT_EQ(clx_irq_connect(r.chip, p, &lvl, 0), 0);
  ASSERT_EQ(clx_chip_stop(r.chip, CLX_STOP_FINAL), 0);
  for (uint16_t b = 0; b < 4; ++b) {
    EXPECT_EQ(sim_peek(r, b, sim::ENABLE), 0u) << b;
    EXPECT_FALSE(r.pending(b)) << b;
  }
}

TEST(SimPower, FirstStartDisablesWhatFirmwareLeftAndLearnsOutputs) {
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
  ASSERT_EQ(clx_chip_start(r.chip, CLX_START_FIRST), 0);
  for (uint16_t b = 0; b < 4; ++b) {
    EXPECT_EQ(sim_peek(r, b, sim::ENABLE), 0u) << b;
    EXPECT_EQ(sim_peek(r, b, sim::STATUS), 0u) << b;
    EXPECT_FALSE(r.pending(b)) << b;
  }
  EXPECT_EQ(clx_pin_get_direction(r.chip, 5), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 6), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 7), 1);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 98), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 99), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 5), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 6), 0);
  EXPECT_EQ(clx_pin_read(r.chip, 98), 1);
  // Banks 1 and 2 have no outputs: their levels are not even read.
  for (const Access& a : r.rec->log) {
    if (a.offset % sim::STRIDE == sim::LEVEL) {
      EXPECT_TRUE(a.offset / sim::STRIDE == 0 || a.offset / sim::STRIDE == 3) << a.offset;
    }
  }
}

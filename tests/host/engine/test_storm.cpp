// Storm guard: a pin that fires more than max_events times in one tick period while
// its level is where it was at the last tick is masked (storm_masked) until
// rearm_ticks ticks have passed; pins the controller reports active that the engine
// does not have live are masked and reported at once, storm guard on or off.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kLevelHigh = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);

uint64_t tick(clx_chip* chip, uint16_t bank) {
  uint64_t rearmed = 0xBAD;
  EXPECT_EQ(clx_storm_tick(chip, bank, &rearmed), 0);
  return rearmed;
}

void configure(clx_chip* chip, uint16_t max_events, uint16_t rearm_ticks) {
  clx_storm_config cfg{max_events, rearm_ticks};
  ASSERT_EQ(clx_storm_configure(chip, &cfg), 0);
}

// Pin 5, level high, held asserted with a one-event budget: the first dispatch delivers,
// the second masks it as a storm.
void storm_mask_pin5(SimRig& r, uint16_t rearm_ticks) {
  configure(r.chip, 1, rearm_ticks);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  (void)tick(r.chip, 0);
  ASSERT_EQ(dispatch(r.chip, 0).size(), 1u);
  clx_dispatch raw{};
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  ASSERT_EQ(raw.storm_masked, B(5));
}

}  // namespace

TEST(EngineStorm, OffByDefault) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  (void)tick(r.chip, 0);
  clx_dispatch raw{};
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(5)})) << i;
    ASSERT_EQ(raw.storm_masked, 0u);
  }
  EXPECT_TRUE(r.pending(0));
}

TEST(EngineStorm, StuckLevelIsMaskedAfterMaxEventsAndRearmedAfterRearmTicks) {
  SimRig r(64, 32);
  configure(r.chip, 3, 2);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  r.rec->clear();
  EXPECT_EQ(tick(r.chip, 0), 0u);
  std::vector<Access> expect{R(sim::LEVEL, B(5))};  // the level snapshot
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);

  clx_dispatch raw{};
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(5)})) << i;
    ASSERT_EQ(raw.storm_masked, 0u);
  }
  r.rec->clear();
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(5));
  expect = {
      R(sim::STATUS, B(5)), R(sim::ENABLE, B(5)),  // query
      R(sim::LEVEL, B(5)),                         // has it moved since the tick? no
      W(sim::ENABLE, 0),                           // mask (ENABLE as just read)
      W(sim::STATUS, B(5)),                        // clear
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_FALSE(r.pending(0));
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, 0u) << "reported once, when masked";

  r.rec->clear();
  EXPECT_EQ(tick(r.chip, 0), 0u) << "one tick is not enough";
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  expect = {R(sim::LEVEL, B(5))};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);

  r.rec->clear();
  EXPECT_EQ(tick(r.chip, 0), B(5));
  expect = {W(sim::ENABLE, B(5)), R(sim::LEVEL, B(5))};  // unmask, new level snapshot
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_TRUE(r.pending(0));
  // A fresh budget: three more, then masked again.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)})) << i;
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(5));
}

TEST(EngineStorm, CountersStartOverEveryTick) {
  SimRig r(64, 32);
  configure(r.chip, 3, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  clx_dispatch raw{};
  for (int i = 0; i < 300; ++i) {
    if (i % 3 == 0) (void)tick(r.chip, 0);
    ASSERT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(5)})) << i;
    ASSERT_EQ(raw.storm_masked, 0u) << i;
  }
}

// The exact rule: at the event that crosses max_events, the level is compared with
// the snapshot of the last tick (or of the last time it was found moved). Moved:
// the count starts over and the snapshot follows the line.
TEST(EngineStorm, LevelThatMovedSinceTheSnapshotIsNotAStorm) {
  SimRig r(64, 32);
  configure(r.chip, 3, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  (void)tick(r.chip, 0);  // snapshot: low
  r.drive(5, 1);
  clx_dispatch raw{};
  int delivered = 0;
  for (int i = 0; i < 7; ++i) {
    auto ev = dispatch(r.chip, 0, &raw);
    ASSERT_EQ(ev, (std::vector<Event>{level(5)})) << i;
    ASSERT_EQ(raw.storm_masked, 0u) << i;
    ++delivered;
  }
  EXPECT_EQ(delivered, 7) << "event 4 found the level moved: count restarted";
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(5));
}

TEST(EngineStorm, ToggledActiveBothPinIsNotMasked) {
  SimRig r(64, 32);
  configure(r.chip, 4, 1);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  r.drive(6, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &both, 0), 0);
  (void)tick(r.chip, 0);
  clx_dispatch raw{};
  int level = 1;
  for (int i = 0; i < 200; ++i) {
    level ^= 1;
    r.drive(6, level);
    auto ev = dispatch(r.chip, 0, &raw);
    ASSERT_EQ(ev.size(), 1u) << i;
    ASSERT_EQ(raw.storm_masked, 0u) << i;
    ASSERT_EQ(ev[0], level ? rising(6) : falling(6, ASSERTED)) << i;
  }
}

TEST(EngineStorm, OnlyTheStormingPinIsMasked) {
  SimRig r(64, 32);
  configure(r.chip, 2, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  (void)tick(r.chip, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
  r.drive(6, 1);
  clx_dispatch raw{};
  EXPECT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(6)}));
  EXPECT_EQ(raw.storm_masked, B(5));
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(6));
}

TEST(EngineStorm, RearmRespectsAConsumerMaskAndUnmaskWaitsForRearm) {
  SimRig r(64, 32);
  storm_mask_pin5(r, 1);
  if (HasFatalFailure()) return;

  // The consumer masks and unmasks while storm-masked: the hardware stays masked.
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);
  r.rec->clear();
  ASSERT_EQ(clx_irq_unmask(r.chip, 5), 0);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);

  // Re-armed while the consumer has it masked: reported, but not unmasked.
  r.rec->clear();
  EXPECT_EQ(tick(r.chip, 0), B(5));
  std::vector<Access> expect{R(sim::LEVEL, B(5))};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  ASSERT_EQ(clx_irq_unmask(r.chip, 5), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(5));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
}

TEST(EngineStorm, DisconnectAndReconnectClearsTheStorm) {
  SimRig r(64, 32);
  storm_mask_pin5(r, 100);
  if (HasFatalFailure()) return;
  ASSERT_EQ(clx_irq_disconnect(r.chip, 5), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(5));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
  EXPECT_EQ(tick(r.chip, 0), 0u) << "nothing left to re-arm";
}

TEST(EngineStorm, TurningItOffAgain) {
  SimRig r(64, 32);
  configure(r.chip, 1, 1);
  configure(r.chip, 0, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  (void)tick(r.chip, 0);
  for (int i = 0; i < 50; ++i) ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)})) << i;
}

// The thresholds are 16-bit; the guard must honour the whole range.
TEST(EngineStorm, LargeThresholdsAreHonoured) {
  SimRig r(64, 32);
  configure(r.chip, 300, 300);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  (void)tick(r.chip, 0);
  clx_dispatch raw{};
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(dispatch(r.chip, 0, &raw).size(), 1u) << i;
    ASSERT_EQ(raw.storm_masked, 0u) << i;
  }
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  ASSERT_EQ(raw.storm_masked, B(5));
  for (int t = 1; t < 300; ++t) ASSERT_EQ(tick(r.chip, 0), 0u) << t;
  EXPECT_EQ(tick(r.chip, 0), B(5));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));

  configure(r.chip, 0xFFFF, 0xFFFF);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(dispatch(r.chip, 0).size(), 1u) << i;
}

TEST(EngineStorm, PinEnabledBehindTheEnginesBackIsMaskedAndReported) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  r.drive(5, 1);
  // Pin 9 (line low, polarity low: asserted) and pin 10 (line high: quiet) enabled
  // by someone else.
  r.drive(10, 1);
  sim_poke(r, 0, sim::ENABLE, B(5) | B(9) | B(10));
  ASSERT_TRUE(r.pending(0));
  r.rec->clear();
  clx_dispatch raw{};
  EXPECT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(5)})) << "the real pin still works";
  EXPECT_EQ(raw.storm_masked, B(9) | B(10));
  const uint32_t all = B(5) | B(9) | B(10);
  std::vector<Access> expect{
      R(sim::STATUS, B(5) | B(9)), R(sim::ENABLE, all),  // query
      R(sim::ENABLE, all),                               // query_enabled
      W(sim::ENABLE, B(5)),                              // mask the rogues
      W(sim::STATUS, B(9)),                              // clear the active one
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(5));
  EXPECT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(5)}));
  EXPECT_EQ(raw.storm_masked, 0u);
}

TEST(EngineStorm, ActivePinTheConsumerMaskedIsRogueToo) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);
  r.drive(5, 1);
  sim_poke(r, 0, sim::ENABLE, B(5));  // unmasked behind the engine's back
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(5));
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  ASSERT_EQ(clx_irq_unmask(r.chip, 5), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
}

// The simulated controller reads only the register words that hold enabled pins; a
// pin enabled behind the engine's back in the other word of a 64-pin bank is found
// by the dispatch that finds nothing enabled active (its interrupt keeps firing).
TEST(EngineStorm, RogueInTheOtherWordOfAWideBankIsFoundWhenNothingEnabledFires) {
  SimRig r(128, 64);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, 0), 0);  // LO word, line low: quiet
  r.drive(40, 1);
  sim_poke(r, 0, sim::POLARITY, B(3) | B(40));  // both active high
  sim_poke(r, 0, sim::ENABLE, B(3) | B(40));  // pin 40: HI word bit 8, asserted
  ASSERT_TRUE(r.pending(0));
  r.rec->clear();
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(40));
  std::vector<Access> expect{
      R(sim::STATUS, 0), R(sim::ENABLE, B(3)),                   // the enabled pin's word
      R(sim::STATUS + sim::HI, 0x100), R(sim::ENABLE + sim::HI, 0x100),  // nothing: the rest
      R(sim::ENABLE, B(3)), R(sim::ENABLE + sim::HI, 0x100),     // query_enabled
      W(sim::ENABLE + sim::HI, 0),                               // mask the rogue
      W(sim::STATUS + sim::HI, 0x100),                           // clear it
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(3));
  EXPECT_FALSE(r.pending(0));
  // The enabled pin still works, and only its word is read.
  r.rec->clear();
  EXPECT_TRUE(r.drive(3, 1));
  EXPECT_EQ(dispatch(r.chip, 0, &raw), (std::vector<Event>{level(3)}));
  EXPECT_EQ(raw.storm_masked, 0u);
  expect = {R(sim::STATUS, B(3)), R(sim::ENABLE, B(3))};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
}

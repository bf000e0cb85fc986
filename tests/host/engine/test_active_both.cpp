// ActiveBoth and edge emulation on the simulated level-only controller: GpioClx's
// first-event-is-asserted rule, _DSM asserted-high override, strict alternation,
// glitches inside the reconfigure window, Linux edge semantics, single edges,
// a whole 64-pin bank at once. Every test runs on the memory-mapped and on the
// sleeping flavour of the controller (the engine must behave identically).
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kBoth = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);

class EngineActiveBoth : public ::testing::TestWithParam<bool> {
 protected:
  clx_sim_attach attach() const { return GetParam() ? CLX_SIM_MEMORY_MAPPED : CLX_SIM_SLEEPING; }
};

std::string flavour(const ::testing::TestParamInfo<bool>& i) { return i.param ? "MemoryMapped" : "Sleeping"; }

}  // namespace

TEST_P(EngineActiveBoth, ConnectProgramsLevelLowAndStaysQuietWhenNotAsserted) {
  SimRig r(128, 32, attach());
  r.drive(3, 1);  // deasserted (asserted is low by default)
  r.rec->clear();
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kBoth, 0), 0);
  std::vector<Access> expect{
      R(sim::POLARITY, 0), W(sim::POLARITY, 0),  // armed for low
      W(sim::STATUS, 0x8),                       // drop stale status
      W(sim::ENABLE, 0x8),                       // from the controller's ENABLE copy
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_FALSE(r.pending(0));
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  EXPECT_TRUE(r.drive(3, 0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(3, ASSERTED)}));
  EXPECT_TRUE(r.drive(3, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(3)}));
}

TEST_P(EngineActiveBoth, FirstEventIsAssertedWhenTheLineAlreadyIs) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 40, &kBoth, 0), 0);  // bank 1, line low
  EXPECT_TRUE(r.pending(1));
  EXPECT_FALSE(r.pending(0));
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  EXPECT_EQ(dispatch(r.chip, 1), (std::vector<Event>{falling(8, ASSERTED)}));
  EXPECT_FALSE(r.pending(1));
  EXPECT_TRUE(dispatch(r.chip, 1).empty()) << "exactly one event for one assertion";
}

TEST_P(EngineActiveBoth, DsmAssertedHighOverride) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_set_asserted_high(r.chip, 5, 1), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kBoth, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY), B(5)) << "armed for high";
  EXPECT_FALSE(r.pending(0)) << "line low: not asserted";
  EXPECT_TRUE(r.drive(5, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(5, ASSERTED)}));
  EXPECT_TRUE(r.drive(5, 0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(5)}));

  // Already high at connect: the asserted event comes at once.
  r.drive(6, 1);
  ASSERT_EQ(clx_irq_set_asserted_high(r.chip, 6, 1), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &kBoth, 0), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(6, ASSERTED)}));

  // Back to the default for a later connect.
  ASSERT_EQ(clx_irq_disconnect(r.chip, 6), 0);
  ASSERT_EQ(clx_irq_set_asserted_high(r.chip, 6, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &kBoth, 0), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "high is deasserted now";
  r.drive(6, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(6, ASSERTED)}));
}

// "Applies to later connects": changing the _DSM answer under a live connection must
// not change which events that connection calls asserted (they must still alternate).
TEST_P(EngineActiveBoth, AssertedLevelIsFixedForTheLifeOfAConnection) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &kBoth, 0), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(2, ASSERTED)}));
  ASSERT_EQ(clx_irq_set_asserted_high(r.chip, 2, 1), 0);
  r.drive(2, 1);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  r.drive(2, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(2, ASSERTED)}));
}

TEST_P(EngineActiveBoth, ThousandTogglesGiveThousandAlternatingEvents) {
  SimRig r(128, 32, attach());
  r.drive(17, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 17, &kBoth, 0), 0);
  std::vector<Event> all;
  int level = 1;
  for (int i = 0; i < 1000; ++i) {
    level ^= 1;
    ASSERT_TRUE(r.drive(17, level)) << i;
    auto ev = dispatch(r.chip, 0);
    ASSERT_EQ(ev.size(), 1u) << i;
    all.push_back(ev[0]);
    ASSERT_FALSE(r.pending(0)) << i;
  }
  ASSERT_EQ(all.size(), 1000u);
  for (size_t i = 0; i < all.size(); ++i) {
    Event want = i % 2 == 0 ? falling(17, ASSERTED) : rising(17);
    ASSERT_EQ(all[i], want) << i;
  }
}

TEST_P(EngineActiveBoth, ServiceOrderIsMaskReconfigureClearUnmask) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBoth, 0), 0);  // low: fires
  r.rec->clear();
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  std::vector<Access> expect{
      R(sim::STATUS, 0x10),   R(sim::ENABLE, 0x10),  // query active (ENABLE read back)
      W(sim::ENABLE, 0x00),                          // mask
      R(sim::POLARITY, 0x00), W(sim::POLARITY, 0x10),  // reconfigure: now armed high
      W(sim::STATUS, 0x10),                          // clear what latched under low
      W(sim::ENABLE, 0x10),                          // unmask
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
}

// The simulated controller batches: one mask, one reconfigure, one clear, one unmask.
TEST_P(EngineActiveBoth, TwoPinsShareOneMaskAndOneClear) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &kBoth, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 9, &kBoth, 0), 0);
  r.rec->clear();
  ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(1, ASSERTED), falling(9, ASSERTED)}));
  const uint32_t both = 0x202;
  std::vector<Access> expect{
      R(sim::STATUS, both),   R(sim::ENABLE, both),
      W(sim::ENABLE, 0),
      R(sim::POLARITY, 0),    W(sim::POLARITY, both),
      W(sim::STATUS, both),
      W(sim::ENABLE, both),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
}

TEST_P(EngineActiveBoth, GlitchInsideTheReconfigureWindowCollapses) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBoth, 0), 0);  // low: asserted, pending
  bool fired = false;
  r.rec->after = [&](const Access& a) {
    // Between the mask write and the polarity write: away and back.
    if (!fired && a.op == 'W' && a.offset == sim::ENABLE && (a.value & 0x10) == 0) {
      fired = true;
      r.drive(4, 1);
      r.drive(4, 0);
    }
  };
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
  r.rec->after = nullptr;
  ASSERT_TRUE(fired);
  EXPECT_FALSE(r.pending(0));
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "no extra events";
  // State matches the real level: low, asserted, armed for high.
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY) & B(4), B(4));
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE) & B(4), B(4));
  EXPECT_TRUE(r.drive(4, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)}));
  EXPECT_TRUE(r.drive(4, 0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
}

TEST_P(EngineActiveBoth, ChangeInsideTheWindowThatStaysFiresAgain) {
  for (uint32_t when : {sim::ENABLE, sim::POLARITY, sim::STATUS}) {
    SimRig r(128, 32, attach());
    ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBoth, 0), 0);
    bool fired = false;
    r.rec->after = [&](const Access& a) {
      if (!fired && a.op == 'W' && a.offset == when) {
        fired = true;
        r.drive(4, 1);  // released during the window, and it stays released
      }
    };
    EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)})) << when;
    r.rec->after = nullptr;
    ASSERT_TRUE(fired);
    EXPECT_TRUE(r.pending(0)) << "re-fired at unmask, after write to " << when;
    EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(4)})) << when;
    EXPECT_FALSE(r.pending(0));
    EXPECT_TRUE(dispatch(r.chip, 0).empty());
  }
}

TEST_P(EngineActiveBoth, ChangesWhileConsumerMaskedAreResolvedAtUnmask) {
  SimRig r(128, 32, attach());
  r.drive(8, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 8, &kBoth, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 8), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  r.drive(8, 0);
  r.drive(8, 1);
  EXPECT_FALSE(r.pending(0));
  ASSERT_EQ(clx_irq_unmask(r.chip, 8), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "back where it was: nothing to say";
  ASSERT_EQ(clx_irq_mask(r.chip, 8), 0);
  r.drive(8, 0);
  ASSERT_EQ(clx_irq_unmask(r.chip, 8), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(8, ASSERTED)}));
}

TEST_P(EngineActiveBoth, DisconnectStopsEvents) {
  SimRig r(128, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBoth, 0), 0);
  ASSERT_EQ(clx_irq_disconnect(r.chip, 4), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  EXPECT_FALSE(r.pending(0));
  r.drive(4, 1);
  r.drive(4, 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  // A new connect starts over with the GpioClx rule.
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBoth, 0), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(4, ASSERTED)}));
}

TEST_P(EngineActiveBoth, LinuxEdgeSemanticsArmFromTheCurrentLevel) {
  SimRig r(128, 32, attach());
  r.rec->clear();
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &kBoth, CLX_CONNECT_EDGE_SEMANTICS), 0);
  std::vector<Access> expect{
      R(sim::LEVEL, 0),                               // where is the line now?
      R(sim::POLARITY, 0), W(sim::POLARITY, 0x4),     // low: wait for high
      W(sim::STATUS, 0x4), W(sim::ENABLE, 0x4),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_FALSE(r.pending(0)) << "no initial event although the line is low";
  EXPECT_TRUE(r.drive(2, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  EXPECT_TRUE(r.drive(2, 0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(2, ASSERTED)}));

  r.drive(3, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kBoth, CLX_CONNECT_EDGE_SEMANTICS), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY) & B(3), 0u) << "high: wait for low";
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.drive(3, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(3, ASSERTED)}));
}

TEST_P(EngineActiveBoth, SingleEdgesAreEmulatedAndOnlyTheWantedOneIsReported) {
  SimRig r(128, 32, attach());
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config fall = irq_cfg(CLX_IRQ_EDGE, CLX_POL_LOW);
  r.drive(11, 1);  // a high line at connect is no rising edge
  ASSERT_EQ(clx_irq_connect(r.chip, 10, &rise, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 11, &fall, 0), 0);
  EXPECT_FALSE(r.pending(0));
  std::vector<Event> all;
  for (int i = 0; i < 10; ++i) {
    int lvl = i % 2 == 0;  // 10 goes up first, 11 goes down first
    r.drive(10, lvl);
    r.drive(11, !lvl);
    ASSERT_TRUE(r.pending(0)) << i;
    auto ev = dispatch(r.chip, 0);
    all.insert(all.end(), ev.begin(), ev.end());
    ASSERT_FALSE(r.pending(0)) << i;
  }
  std::vector<Event> expect;
  for (int i = 0; i < 5; ++i) {
    expect.push_back(rising(10));
    expect.push_back(falling(11));
  }
  // Rising of 10 and falling of 11 happen on the same (even) steps, in pin order.
  EXPECT_EQ(all, expect);
}

TEST_P(EngineActiveBoth, LevelInterruptsAreNotEmulated) {
  SimRig r(128, 32, attach());
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 12, &hi, 0), 0);
  r.drive(12, 1);
  r.rec->clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(12)}));
  std::vector<Access> expect{R(sim::STATUS, B(12)), R(sim::ENABLE, B(12))};
  EXPECT_EQ(r.rec->log, expect) << "no mask, no reconfigure, no clear" << to_string(r.rec->log);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(12)}));
}

TEST_P(EngineActiveBoth, AllSixtyFourPinsOfABankFireAtOnce) {
  SimRig r(128, 64, attach());
  for (uint16_t p = 0; p < 64; ++p) ASSERT_EQ(clx_irq_connect(r.chip, p, &kBoth, 0), 0) << p;
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), ~uint64_t{0});
  EXPECT_TRUE(r.pending(0));
  EXPECT_FALSE(r.pending(1));
  clx_dispatch raw{};
  auto ev = dispatch(r.chip, 0, &raw);
  ASSERT_EQ(ev.size(), 64u);
  for (uint16_t p = 0; p < 64; ++p) EXPECT_EQ(ev[p], falling(p, ASSERTED)) << p;
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY), ~uint64_t{0}) << "all re-armed for high";
  EXPECT_FALSE(r.pending(0));

  for (uint16_t p = 0; p < 64; ++p) r.drive(p, 1);
  r.rec->clear();
  ev = dispatch(r.chip, 0);
  ASSERT_EQ(ev.size(), 64u);
  for (uint16_t p = 0; p < 64; ++p) EXPECT_EQ(ev[p], rising(p)) << p;
  // The 64-pin registers were written through both words.
  EXPECT_FALSE(writes_to(r.rec->log, sim::ENABLE + sim::HI, sim::ENABLE + sim::HI).empty());
  EXPECT_FALSE(writes_to(r.rec->log, sim::STATUS + sim::HI, sim::STATUS + sim::HI).empty());
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY), 0u);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), ~uint64_t{0});

  // Only the odd pins go low: 32 events, in pin order.
  for (uint16_t p = 1; p < 64; p += 2) r.drive(p, 0);
  ev = dispatch(r.chip, 0);
  ASSERT_EQ(ev.size(), 32u);
  for (uint16_t i = 0; i < 32; ++i) EXPECT_EQ(ev[i], falling(static_cast<uint16_t>(2 * i + 1), ASSERTED));
}

TEST_P(EngineActiveBoth, TopPinOfAWideBankUsesTheHighWord) {
  SimRig r(128, 64, attach());
  r.drive(127, 1);
  r.rec->clear();
  ASSERT_EQ(clx_irq_connect(r.chip, 127, &kBoth, 0), 0);  // bank 1 pin 63
  std::vector<Access> expect{  // only the HI words hold pin 63
      R(sim::at(1, sim::POLARITY + sim::HI), 0), W(sim::at(1, sim::POLARITY + sim::HI), 0),
      W(sim::at(1, sim::STATUS + sim::HI), 0x80000000u),
      W(sim::at(1, sim::ENABLE + sim::HI), 0x80000000u),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  r.drive(127, 0);
  EXPECT_EQ(dispatch(r.chip, 1), (std::vector<Event>{falling(63, ASSERTED)}));
}

INSTANTIATE_TEST_SUITE_P(Sim, EngineActiveBoth, ::testing::Bool(), flavour);

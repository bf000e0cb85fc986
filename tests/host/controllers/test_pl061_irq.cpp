// Interrupts on the PL061: hardware edges, levels and both-edge; exact enable and
// service traffic; edges cleared through GPIOIC, levels never; mask/unmask keeps the
// configuration; the Windows rule (CLX_CONNECT_EMULATE_BOTH) runs ActiveBoth
// emulation in level mode even though the PL061 detects both edges.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

// GPIOIS, GPIOIBE, GPIOIEV (unless both), clear, enable: registers start at 0.
std::vector<Access> enable_seq(uint8_t m, bool level, bool both, bool high) {
  std::vector<Access> s{R(pl::IS, 0), W(pl::IS, level ? m : 0), R(pl::IBE, 0), W(pl::IBE, both ? m : 0)};
  if (!both) {
    s.push_back(R(pl::IEV, 0));
    s.push_back(W(pl::IEV, high ? m : 0));
  }
  s.push_back(W(pl::IC, m));
  s.push_back(R(pl::IE, 0));
  s.push_back(W(pl::IE, m));
  return s;
}

struct Trigger {
  const char* name;
  clx_irq_mode mode;
  clx_polarity pol;
};

class Pl061Trigger : public ::testing::TestWithParam<Trigger> {};

}  // namespace

TEST_P(Pl061Trigger, EnableTrafficProgramsTheTriggerRegisters) {
  const Trigger& t = GetParam();
  Pl061Rig r;
  r.hw.set_input(2, true);  // a high line: level-low must not fire, level-high must
  r.rec.clear();
  clx_irq_config cfg = irq_cfg(t.mode, t.pol);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &cfg, 0), 0);
  bool level = t.mode == CLX_IRQ_LEVEL, both = t.pol == CLX_POL_BOTH, high = t.pol == CLX_POL_HIGH;
  EXPECT_EQ(r.rec.log, enable_seq(0x04, level, both, high)) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.is, level ? 0x04 : 0);
  EXPECT_EQ(r.hw.ibe, both ? 0x04 : 0);
  EXPECT_EQ(r.hw.iev, !both && high ? 0x04 : 0);
  EXPECT_EQ(r.hw.ie, 0x04);
  EXPECT_EQ(r.hw.line(), level && high);
}

INSTANTIATE_TEST_SUITE_P(All, Pl061Trigger,
                         ::testing::Values(Trigger{"Rising", CLX_IRQ_EDGE, CLX_POL_HIGH},
                                           Trigger{"Falling", CLX_IRQ_EDGE, CLX_POL_LOW},
                                           Trigger{"LevelHigh", CLX_IRQ_LEVEL, CLX_POL_HIGH},
                                           Trigger{"LevelLow", CLX_IRQ_LEVEL, CLX_POL_LOW},
                                           Trigger{"Both", CLX_IRQ_EDGE, CLX_POL_BOTH}),
                         [](const ::testing::TestParamInfo<Trigger>& i) { return std::string(i.param.name); });

TEST(Pl061Irq, StaleEdgeLatchedBeforeConnectIsCleared) {
  Pl061Rig r;
  r.hw.iev = 0x04;
  r.hw.set_input(2, true);  // an edge latched while nobody listened
  ASSERT_EQ(r.hw.edge_latched, 0x04);
  clx_irq_config cfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &cfg, 0), 0);
  EXPECT_FALSE(r.hw.line());
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
}

TEST(Pl061Irq, RisingEdgeEventsAreClearedThroughGpioic) {
  Pl061Rig r;
  clx_irq_config cfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &cfg, 0), 0);
  r.hw.set_input(2, true);
  ASSERT_TRUE(r.hw.line());
  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  std::vector<Access> expect{R(pl::MIS, 0x04), W(pl::IC, 0x04)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_FALSE(r.hw.line());
  // The falling edge is not wanted: nothing latches, nothing is delivered.
  r.hw.set_input(2, false);
  EXPECT_FALSE(r.hw.line());
  r.rec.clear();
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  expect = {R(pl::MIS, 0)};
  EXPECT_EQ(r.rec.log, expect) << "nothing active, nothing written" << to_string(r.rec.log);
  r.hw.set_input(2, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
}

TEST(Pl061Irq, FallingEdgeEvents) {
  Pl061Rig r;
  r.hw.set_input(6, true);
  clx_irq_config cfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_LOW);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &cfg, 0), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.hw.set_input(6, false);
  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(6)}));
  std::vector<Access> expect{R(pl::MIS, 0x40), W(pl::IC, 0x40)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  r.hw.set_input(6, true);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
}

TEST(Pl061Irq, LevelsAreReportedWhileAssertedAndNeverCleared) {
  Pl061Rig r;
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  clx_irq_config lo = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &hi, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &lo, 0), 0);  // line low: asserted at once
  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(4)}));
  std::vector<Access> expect{R(pl::MIS, 0x10)};
  EXPECT_EQ(r.rec.log, expect) << "no GPIOIC write for levels" << to_string(r.rec.log);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(4)})) << "still asserted";
  r.hw.set_input(1, true);
  r.hw.set_input(4, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(1)}));
  r.hw.set_input(1, false);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
}

TEST(Pl061Irq, HardwareBothEdgesReportEdgeWithoutDirection) {
  Pl061Rig r;
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 0, &both, 0), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "hardware both-edge: no initial event";
  for (int i = 0; i < 4; ++i) {
    r.hw.set_input(0, i % 2 == 0);
    r.rec.clear();
    EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{edge(0)})) << i;
    std::vector<Access> expect{R(pl::MIS, 0x01), W(pl::IC, 0x01)};
    EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  }
  // Linux both edges on hardware that has them: the same, no emulation.
  clx_irq_config b2 = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &b2, CLX_CONNECT_EDGE_SEMANTICS), 0);
  EXPECT_EQ(r.hw.ibe, 0x03);
  r.hw.set_input(1, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{edge(1)}));
}

TEST(Pl061Irq, SeveralPinsInOneServiceComeInPinOrderAndOnlyEdgesAreCleared) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  clx_irq_config fall = irq_cfg(CLX_IRQ_EDGE, CLX_POL_LOW);
  r.hw.set_input(7, true);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &fall, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &hi, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &rise, 0), 0);
  r.hw.set_input(7, false);
  r.hw.set_input(5, true);
  r.hw.set_input(1, true);
  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(1), level(5), falling(7)}));
  std::vector<Access> expect{R(pl::MIS, 0xA2), W(pl::IC, 0x82)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(Pl061Irq, MaskKeepsConfigurationAndUnmaskDeliversWhatLatched) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &rise, 0), 0);
  r.rec.clear();
  ASSERT_EQ(clx_irq_mask(r.chip, 2), 0);
  std::vector<Access> expect{R(pl::IE, 0x04), W(pl::IE, 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.iev, 0x04) << "mask keeps the trigger";
  r.rec.clear();
  ASSERT_EQ(clx_irq_mask(r.chip, 2), 0);
  EXPECT_TRUE(r.rec.log.empty()) << "already masked";

  r.hw.set_input(2, true);  // the edge latches in GPIORIS while masked
  EXPECT_FALSE(r.hw.line());
  EXPECT_TRUE(dispatch(r.chip, 0).empty());

  r.rec.clear();
  ASSERT_EQ(clx_irq_unmask(r.chip, 2), 0);
  expect = {R(pl::IE, 0x00), W(pl::IE, 0x04)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_TRUE(r.hw.line());
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  r.rec.clear();
  ASSERT_EQ(clx_irq_unmask(r.chip, 2), 0);
  EXPECT_TRUE(r.rec.log.empty()) << "already unmasked";
}

TEST(Pl061Irq, MaskingADisabledPinDoesNothingAndConnectLeavesItUnmasked) {
  Pl061Rig r;
  ASSERT_EQ(clx_irq_mask(r.chip, 3), 0);
  ASSERT_EQ(clx_irq_unmask(r.chip, 4), 0);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &hi, 0), 0);
  EXPECT_EQ(r.hw.ie, 0x08);
  r.hw.set_input(3, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(3)}));
}

TEST(Pl061Irq, MaskedLevelIsSilentUntilUnmasked) {
  Pl061Rig r;
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &hi, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);
  r.hw.set_input(5, true);
  EXPECT_FALSE(r.hw.line());
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  ASSERT_EQ(clx_irq_unmask(r.chip, 5), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
}

TEST(Pl061Irq, DisconnectLosesConfigurationOfTheEnable) {
  Pl061Rig r;
  clx_irq_config hi = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &hi, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);
  ASSERT_EQ(clx_irq_disconnect(r.chip, 5), 0);
  EXPECT_EQ(r.hw.ie, 0);
  // A new connect starts unmasked, whatever the previous consumer did.
  r.hw.set_input(5, true);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &hi, 0), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(5)}));
}

TEST(Pl061Irq, ReconfigureReprogramsAndKeepsAConsumerMask) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config fall = irq_cfg(CLX_IRQ_EDGE, CLX_POL_LOW);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &rise, 0), 0);
  r.rec.clear();
  ASSERT_EQ(clx_irq_reconfigure(r.chip, 2, &fall, 0), 0);
  std::vector<Access> expect{R(pl::IE, 0x04), W(pl::IE, 0x00),                      // disable
                             R(pl::IS, 0x00), W(pl::IS, 0x00), R(pl::IBE, 0x00), W(pl::IBE, 0x00),
                             R(pl::IEV, 0x04), W(pl::IEV, 0x00), W(pl::IC, 0x04),  // program
                             R(pl::IE, 0x00), W(pl::IE, 0x04)};                    // enable
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  r.hw.set_input(2, true);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.hw.set_input(2, false);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(2)}));

  ASSERT_EQ(clx_irq_mask(r.chip, 2), 0);
  ASSERT_EQ(clx_irq_reconfigure(r.chip, 2, &rise, 0), 0);
  EXPECT_EQ(r.hw.ie, 0) << "still masked after reconfigure";
  EXPECT_EQ(r.hw.iev, 0x04);
  r.hw.set_input(2, true);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  ASSERT_EQ(clx_irq_unmask(r.chip, 2), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
}

TEST(Pl061Irq, WindowsRuleEmulatesActiveBothInLevelMode) {
  Pl061Rig r;
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &both, CLX_CONNECT_EMULATE_BOTH), 0);
  // Asserted low by default: level-low, no GPIOIBE.
  EXPECT_EQ(r.rec.log, enable_seq(0x08, true, false, false)) << to_string(r.rec.log);
  EXPECT_TRUE(r.hw.line()) << "the line is low (asserted): fires at once";

  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(3, ASSERTED)}));
  std::vector<Access> expect{
      R(pl::MIS, 0x08),
      R(pl::IE, 0x08),  W(pl::IE, 0x00),                                      // mask
      R(pl::IS, 0x08),  W(pl::IS, 0x08), R(pl::IBE, 0x00), W(pl::IBE, 0x00),  // reconfigure:
      R(pl::IEV, 0x00), W(pl::IEV, 0x08),                                     //   level high
      W(pl::IC, 0x08),                                                        // clear
      R(pl::IE, 0x00),  W(pl::IE, 0x08),                                      // unmask
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_FALSE(r.hw.line());

  r.hw.set_input(3, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(3)}));
  EXPECT_EQ(r.hw.iev & 0x08, 0) << "re-armed for low";
  r.hw.set_input(3, false);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(3, ASSERTED)}));
  EXPECT_EQ(r.hw.ibe, 0);
  EXPECT_EQ(r.hw.is, 0x08);
}

TEST(Pl061Irq, EmulateBothFlagOnlyConcernsBothEdges) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &rise, CLX_CONNECT_EMULATE_BOTH), 0);
  EXPECT_EQ(r.rec.log, enable_seq(0x02, false, false, true)) << to_string(r.rec.log);
  r.hw.set_input(1, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(1)}));
}

TEST(Pl061Irq, RogueActivePinIsMaskedAndReported) {
  Pl061Rig r;
  // Firmware (or a bug) enabled pin 6 as level-high behind the engine's back.
  r.hw.is = 0x40;
  r.hw.iev = 0x40;
  r.hw.ie = 0x40;
  r.hw.set_input(6, true);
  r.rec.clear();
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(6));
  std::vector<Access> expect{R(pl::MIS, 0x40), R(pl::IE, 0x40),  // query_enabled
                             R(pl::IE, 0x40), W(pl::IE, 0x00),   // mask
                             W(pl::IC, 0x40)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_FALSE(r.hw.line());
}

TEST(Pl061Debounce, EdgeWithDebounceIsEmulatedInLevelMode) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH, 300);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &rise, 0), 0);
  EXPECT_EQ(r.hw.is, 0x04) << "level mode";
  EXPECT_EQ(r.hw.iev, 0x04) << "armed for high";
  EXPECT_EQ(r.hw.ibe, 0);
  r.hw.set_input(2, true);
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(2));
  EXPECT_EQ(r.hw.iev, 0) << "armed for the way back";
  EXPECT_EQ(expire(r.chip, 0, B(2)), (std::vector<Event>{rising(2)}));
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW, 300);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &lvl, 0), -CLX_EOPNOTSUPP);
}

// Client callbacks that fail where the engine cannot fail back to its caller (the
// interrupt service and the storm guard): the service goes on and delivers its events,
// and each failure is reported through the shim's ratelimited warning.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kBoth = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);

class EngineClientFailure : public ::testing::Test {
 protected:
  void SetUp() override { shim_warnings().clear(); }
  void TearDown() override { shim_warnings().clear(); }
};

}  // namespace

TEST_F(EngineClientFailure, ServiceThatWorksWarnsNothing) {
  FakeClient f;  // no hardware both-edge: ActiveBoth is emulated, serviced as masks
  clx_chip* chip = f.make_chip();
  ASSERT_EQ(clx_irq_connect(chip, 3, &kBoth, 0), 0);
  f.active_value = B(3);
  EXPECT_EQ(dispatch(chip, 0).size(), 1u);
  EXPECT_TRUE(shim_warnings().empty());
}

TEST_F(EngineClientFailure, FailedMaskInTheServiceIsReportedAndEventsStillDelivered) {
  FakeClient f;
  clx_chip* chip = f.make_chip();
  ASSERT_EQ(clx_irq_connect(chip, 3, &kBoth, 0), 0);
  f.active_value = B(3);
  f.fail[FakeClient::kMaskIrqs] = -CLX_EIO;
  f.fail[FakeClient::kUnmaskIrqs] = -CLX_EIO;
  EXPECT_EQ(dispatch(chip, 0), (std::vector<Event>{falling(3, ASSERTED)}));
  EXPECT_EQ(shim_warnings(), (std::vector<std::string>{"mask_irqs failed (bank, errno) (0, 5)",
                                                        "unmask_irqs failed (bank, errno) (0, 5)"}));
}

TEST_F(EngineClientFailure, FailedClearOfAnEdgeIsReported) {
  FakeClient f;
  clx_chip* chip = f.make_chip();
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(chip, 1, &rise, 0), 0);
  f.active_value = B(1);
  f.fail[FakeClient::kClearActive] = -CLX_EINVAL;
  EXPECT_EQ(dispatch(chip, 0), (std::vector<Event>{rising(1)}));
  EXPECT_EQ(shim_warnings(), (std::vector<std::string>{"clear_active failed (bank, errno) (0, 22)"}));
}

TEST_F(EngineClientFailure, FailedStormMaskIsReportedAndThePinStillTakenOut) {
  FakeClient f;
  clx_chip* chip = f.make_chip();
  clx_storm_config storm{2, 1};
  ASSERT_EQ(clx_storm_configure(chip, &storm), 0);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(chip, 4, &lvl, 0), 0);
  f.active_value = B(4);
  f.read_value = B(4);  // the level stays where the last tick found it
  clx_u64 rearmed = 0;
  ASSERT_EQ(clx_storm_tick(chip, 0, &rearmed), 0);
  EXPECT_EQ(dispatch(chip, 0).size(), 1u);
  EXPECT_EQ(dispatch(chip, 0).size(), 1u);
  f.fail[FakeClient::kMaskIrqs] = -CLX_EIO;
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(4));
  EXPECT_EQ(shim_warnings(), (std::vector<std::string>{"storm guard: mask_irqs failed (bank, errno) (0, 5)"}));
}

// Interrupt rules that depend on what a controller declares: which triggers it can
// do in hardware, what the engine can emulate on it, auto-clear controllers, client
// failures; plus mixed hardware/emulated service on one bank.
#include <gtest/gtest.h>

#include <cstring>

#include "helpers.hpp"

using namespace clxtest;

namespace {

constexpr uint32_t kLevelOnly = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_MEMORY_MAPPED;

}  // namespace

TEST(EngineIrqRules, WhatNeedsEmulationNeedsLevelsBothPolaritiesAndReconfigure) {
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config lvl_low = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  {
    FakeClient fake(8, 8, kLevelOnly);
    fake.ops.reconfigure_irq = nullptr;  // cannot move the polarity: no emulation
    fake.ops.reconfigure_irqs = nullptr;
    fake.ops.unmask_irqs = nullptr;
    clx_chip* chip = fake.make_chip();
    EXPECT_EQ(clx_irq_connect(chip, 0, &both, 0), -CLX_EOPNOTSUPP);
    EXPECT_EQ(clx_irq_connect(chip, 0, &rise, 0), -CLX_EOPNOTSUPP);
    EXPECT_TRUE(fake.calls.empty());
    EXPECT_EQ(clx_irq_connect(chip, 0, &lvl_low, 0), 0);
  }
  {
    FakeClient fake(8, 8, CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_MEMORY_MAPPED);
    clx_chip* chip = fake.make_chip();
    EXPECT_EQ(clx_irq_connect(chip, 0, &both, 0), -CLX_EOPNOTSUPP) << "needs both polarities";
    EXPECT_EQ(clx_irq_connect(chip, 0, &lvl_low, 0), -CLX_EOPNOTSUPP);
    clx_irq_config lvl_high = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
    EXPECT_EQ(clx_irq_connect(chip, 0, &lvl_high, 0), 0);
  }
  {
    FakeClient fake(8, 8, CLX_CAP_EDGE | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_MEMORY_MAPPED);
    clx_chip* chip = fake.make_chip();
    EXPECT_EQ(clx_irq_connect(chip, 0, &lvl_low, 0), -CLX_EOPNOTSUPP) << "edge-only hardware";
    EXPECT_EQ(clx_irq_connect(chip, 0, &both, 0), -CLX_EOPNOTSUPP) << "no both-edge, no levels";
    EXPECT_EQ(clx_irq_connect(chip, 0, &rise, 0), 0);
    EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_EDGE);
  }
  {
    FakeClient fake(8, 8, kLevelOnly);
    clx_chip* chip = fake.make_chip();
    ASSERT_EQ(clx_irq_connect(chip, 0, &both, 0), 0);
    EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_LEVEL) << "the client only ever sees levels";
    EXPECT_EQ(fake.last_irq.polarity, CLX_POL_LOW);
    ASSERT_EQ(clx_irq_connect(chip, 1, &rise, 0), 0);
    EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_LEVEL);
    EXPECT_EQ(fake.last_irq.polarity, CLX_POL_HIGH) << "line reads low: armed for high";
  }
}

TEST(EngineIrqRules, ControllerWithoutInterruptsSaysSo) {
  FakeClient fake;
  fake.ops.enable_irq = nullptr;
  fake.ops.disable_irq = nullptr;
  fake.ops.mask_irqs = nullptr;
  fake.ops.unmask_irq = nullptr;
  fake.ops.query_active = nullptr;
  fake.ops.clear_active = nullptr;
  fake.ops.reconfigure_irq = nullptr;
  fake.ops.reconfigure_irqs = nullptr;
  fake.ops.unmask_irqs = nullptr;
  clx_chip* chip = fake.make_chip();
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  EXPECT_EQ(clx_irq_connect(chip, 0, &lvl, 0), -CLX_EOPNOTSUPP);
  clx_dispatch d{};
  EXPECT_EQ(clx_irq_dispatch(chip, 0, &d), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_irq_mask(chip, 0), 0) << "nothing live: nothing to do";
  EXPECT_EQ(clx_irq_disconnect(chip, 0), -CLX_ENOTCONN);
  EXPECT_TRUE(fake.calls.empty());
}

// A hardware edge and an emulated ActiveBoth pin in one dispatch, on a client that
// reconfigures per pin and on one that batches (reconfigure_irqs/unmask_irqs).
TEST(EngineIrqRules, AutoClearControllersAreNeverAskedToClear) {
  for (bool batched : {false, true}) {
    SCOPED_TRACE(batched ? "batched client" : "per-pin client");
    FakeClient fake(8, 8, kLevelOnly | CLX_CAP_EDGE | CLX_CAP_AUTO_CLEAR);
    fake.ops.clear_active = nullptr;
    if (!batched) fake.ops.reconfigure_irqs = nullptr, fake.ops.unmask_irqs = nullptr;
    clx_chip* chip = fake.make_chip();
    clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
    clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
    ASSERT_EQ(clx_irq_connect(chip, 2, &rise, 0), 0);
    ASSERT_EQ(clx_irq_connect(chip, 3, &both, 0), 0);  // emulated (no hw both-edge)
    fake.active_value = B(2) | B(3);
    fake.calls.clear();
    clx_dispatch raw{};
    int n = clx_irq_dispatch(chip, 0, &raw);
    ASSERT_EQ(n, 2);
    EXPECT_EQ(raw.count, 2u);
    if (batched) {
      EXPECT_EQ(fake.calls,
                (std::vector<std::string>{"query_active", "mask_irqs", "reconfigure_irqs", "unmask_irqs"}));
      EXPECT_EQ(fake.last_mask, B(3)) << "only the emulated pin is masked, moved and unmasked";
      EXPECT_EQ(fake.last_high, B(3)) << "reached low: armed for high";
    } else {
      EXPECT_EQ(fake.calls,
                (std::vector<std::string>{"query_active", "mask_irqs", "reconfigure_irq", "unmask_irq"}));
      EXPECT_EQ(fake.last_pin, 3);
      EXPECT_EQ(fake.last_irq.polarity, CLX_POL_HIGH) << "reached low: armed for high";
    }
    EXPECT_EQ(raw.events[0].pin, 2);
    EXPECT_EQ(raw.events[0].kind, CLX_EVENT_RISING);
    EXPECT_EQ(raw.events[1].pin, 3);
    EXPECT_EQ(raw.events[1].kind, CLX_EVENT_FALLING);
    EXPECT_EQ(raw.events[1].flags, CLX_EVENT_ASSERTED);
  }
}

TEST(EngineIrqRules, DispatchReturnsTheEventCountAndResetsTheOutput) {
  SimRig r(64, 32);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &lvl, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &lvl, 0), 0);
  clx_dispatch d;
  std::memset(&d, 0xFF, sizeof d);  // garbage from a previous user
  EXPECT_EQ(clx_irq_dispatch(r.chip, 0, &d), 2);
  EXPECT_EQ(d.count, 2u);
  EXPECT_EQ(d.debounce_restart, 0u);
  EXPECT_EQ(d.storm_masked, 0u);
  std::memset(&d, 0xFF, sizeof d);
  EXPECT_EQ(clx_irq_dispatch(r.chip, 1, &d), 0);
  EXPECT_EQ(d.count, 0u);
  EXPECT_EQ(d.debounce_restart, 0u);
  EXPECT_EQ(d.storm_masked, 0u);
  std::memset(&d, 0xFF, sizeof d);
  EXPECT_EQ(clx_debounce_expired(r.chip, 0, B(1), &d), 0);
  EXPECT_EQ(d.count, 0u);
  EXPECT_EQ(d.debounce_restart, 0u);
  EXPECT_EQ(d.storm_masked, 0u);
}

TEST(EngineIrqRules, HardwareAndEmulatedPinsInOneServiceOnThePl061) {
  Pl061Rig r;
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &rise, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &both, CLX_CONNECT_EMULATE_BOTH), 0);  // low: fires
  r.hw.set_input(1, true);
  r.rec.clear();
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(1), falling(3, ASSERTED)}));
  std::vector<Access> expect{
      R(pl::MIS, 0x0A),
      R(pl::IE, 0x0A), W(pl::IE, 0x02),                                        // mask pin 3 only
      R(pl::IS, 0x08), W(pl::IS, 0x08), R(pl::IBE, 0), W(pl::IBE, 0),          // pin 3 ->
      R(pl::IEV, 0x02), W(pl::IEV, 0x0A),                                      //   level high
      W(pl::IC, 0x0A),                                                         // one clear for both
      R(pl::IE, 0x02), W(pl::IE, 0x0A),                                        // unmask pin 3
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(EngineIrqRules, PullOnAnInterruptConnectIsProgrammed) {
  SimRig r(64, 32);
  clx_irq_config both_up = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH, 0, CLX_PULL_UP);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &both_up, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::PULL), B(6));
  EXPECT_FALSE(r.pending(0)) << "pulled high: not asserted, no event";
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  // Pull-down instead: asserted (low) at once.
  ASSERT_EQ(clx_pin_set_pull(r.chip, 6, CLX_PULL_DOWN), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(6, ASSERTED)}));
}

// A refused enable is all-or-nothing too: the pin keeps the configuration, debounce,
// pull and consumer mask it had.
TEST(EngineIrqRules, RefusedEnableChangesNothing) {
  FakeClient fake(8, 8, kLevelOnly | CLX_CAP_PULL);
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_pin_set_debounce(chip, 2, 100), 0);
  ASSERT_EQ(clx_pin_set_pull(chip, 2, CLX_PULL_UP), 0);
  ASSERT_EQ(clx_irq_mask(chip, 2), 0);
  fake.fail[FakeClient::kEnableIrq] = -CLX_EIO;
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH, 0, CLX_PULL_DOWN);
  EXPECT_EQ(clx_irq_connect(chip, 2, &both, 0), -CLX_EIO);
  EXPECT_EQ(clx_irq_is_connected(chip, 2), 0);
  EXPECT_EQ(debounce_of(chip, 2), 100);
  fake.fail[FakeClient::kEnableIrq] = 0;
  // The consumer mask recorded before is still there... and a successful connect
  // starts unmasked, as GpioClx's EnableInterrupt leaves a pin.
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  fake.calls.clear();
  ASSERT_EQ(clx_irq_connect(chip, 2, &lvl, 0), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"enable_irq"}));
  fake.active_value = B(2);
  EXPECT_EQ(dispatch(chip, 0), (std::vector<Event>{level(2)}));
}

TEST(EngineIrqRules, RefusedReconfigureKeepsTheOldConfiguration) {
  FakeClient fake(8, 8, kLevelOnly | CLX_CAP_EDGE);
  clx_chip* chip = fake.make_chip();
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(chip, 4, &rise, 0), 0);
  fake.fail[FakeClient::kEnableIrq] = -CLX_EIO;
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  EXPECT_EQ(clx_irq_reconfigure(chip, 4, &lvl, 0), -CLX_EIO);
  fake.fail[FakeClient::kEnableIrq] = 0;
  // Still connected with the old trigger: reprogramming it (here through a debounce
  // change, which re-applies the stored configuration) asks for the rising edge.
  EXPECT_EQ(clx_irq_is_connected(chip, 4), 1);
  fake.calls.clear();
  EXPECT_EQ(clx_pin_set_debounce(chip, 4, 0), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"disable_irq", "enable_irq"}));
  EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_EDGE);
  EXPECT_EQ(fake.last_irq.polarity, CLX_POL_HIGH);
  fake.active_value = B(4);
  EXPECT_EQ(dispatch(chip, 0), (std::vector<Event>{rising(4)}));
}

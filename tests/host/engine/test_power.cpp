// Power transitions in the engine on a scriptable client: save/restore per bank around
// stop and start, and what a first start asks the client.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

TEST(EnginePower, SaveAndRestoreRunPerBankAroundStopAndStart) {
  FakeClient fake(24, 8);
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_chip_stop(chip, CLX_STOP_SAVE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"save_bank", "save_bank", "save_bank", "stop"}));
  fake.calls.clear();
  ASSERT_EQ(clx_chip_start(chip, CLX_START_RESTORE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start", "restore_bank", "restore_bank", "restore_bank"}));
  fake.calls.clear();
  ASSERT_EQ(clx_chip_stop(chip, CLX_STOP_FINAL), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"stop"}));

  // A failed start restores nothing and reports the failure.
  fake.calls.clear();
  fake.fail[FakeClient::kStart] = -CLX_EIO;
  EXPECT_EQ(clx_chip_start(chip, CLX_START_RESTORE), -CLX_EIO);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start"}));
  fake.fail[FakeClient::kStart] = 0;
  fake.fail[FakeClient::kStop] = -CLX_EIO;
  EXPECT_EQ(clx_chip_stop(chip, CLX_STOP_FINAL), -CLX_EIO);
}

TEST(EnginePower, WithoutSaveRestoreOnlyStartAndStopRun) {
  FakeClient fake(24, 8);
  fake.ops.save_bank = nullptr;
  fake.ops.restore_bank = nullptr;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_chip_stop(chip, CLX_STOP_SAVE), 0);
  ASSERT_EQ(clx_chip_start(chip, CLX_START_RESTORE), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"stop", "start"}));
}

TEST(EnginePower, FirstStartQueriesOutputsPerBankAndForgetsEnables) {
  FakeClient fake(16, 8);
  clx_chip* chip = fake.make_chip();
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(chip, 1, &lvl, 0), 0);
  fake.outputs_value = 0x1FF;  // more bits than the bank has: the engine keeps 8
  fake.read_value = 0x101;
  fake.calls.clear();
  ASSERT_EQ(clx_chip_start(chip, CLX_START_FIRST), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"start", "query_outputs", "read_pins", "query_outputs",
                                                  "read_pins"}));
  for (uint16_t p = 0; p < 16; ++p) EXPECT_EQ(clx_pin_get_direction(chip, p), 0) << p;
  EXPECT_EQ(clx_pin_read(chip, 0), 1);
  EXPECT_EQ(clx_pin_read(chip, 8), 1);
  EXPECT_EQ(clx_pin_read(chip, 1), 0);
  // The pin that was enabled is no longer live: an active report of it is rogue.
  fake.active_value = B(1);
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(chip, 0, &raw).empty());
  EXPECT_EQ(raw.storm_masked, B(1));
}

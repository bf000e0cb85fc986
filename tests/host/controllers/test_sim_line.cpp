// The simulated hardware raises its own interrupt line (simgpio_hw.h): a call after
// every register write or drive that leaves a bank's output asserted, none otherwise;
// extra calls are harmless (a level), a missed one would leave an interrupt unserviced,
// also with lock-free writers racing the service.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kLevelLow = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
const clx_irq_config kLevelHigh = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);

}  // namespace

TEST(SimLine, DriveThatAssertsRaisesItsBankOnce) {
  SimRig r(128, 32);
  r.drive(37, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 37, &kLevelLow, 0), 0);  // bank 1 pin 5
  EXPECT_EQ(r.raised, (std::vector<unsigned>{0, 0, 0, 0}));
  EXPECT_TRUE(r.drive(37, 0));
  EXPECT_EQ(r.raised, (std::vector<unsigned>{0, 1, 0, 0}));
}

TEST(SimLine, AccessesThatLeaveItDeassertedDoNotRaise) {
  SimRig r(64, 32);
  for (int i = 0; i < 4; ++i) r.drive(3, i & 1);  // no interrupt enabled
  ASSERT_EQ(clx_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clx_pin_write(r.chip, 7, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 9, &kLevelHigh, 0), 0);  // line low: not asserted
  EXPECT_EQ(r.raised, (std::vector<unsigned>{0, 0}));
}

TEST(SimLine, EnableOnAnAssertedLevelRaises) {
  SimRig r(64, 32);
  r.drive(9, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 9, &kLevelHigh, 0), 0);  // the ENABLE write latches
  EXPECT_EQ(r.raised[0], 1u);
  EXPECT_TRUE(r.pending(0));
}

TEST(SimLine, EveryAccessThatLeavesItAssertedRaisesAgain) {
  SimRig r(64, 32);
  r.drive(9, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 9, &kLevelHigh, 0), 0);
  ASSERT_EQ(r.raised[0], 1u);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 2, CLX_IO_OUTPUT, 1), 0);  // unrelated pin
  unsigned after_direction = r.raised[0];
  EXPECT_GT(after_direction, 1u) << "still asserted after each of those writes";
  r.drive(20, 1);  // unrelated drive, output still asserted
  EXPECT_EQ(r.raised[0], after_direction + 1);
  // A level still held re-latches when cleared: the clear raises too.
  sim_poke(r, 0, sim::STATUS, B(9));
  EXPECT_EQ(r.raised[0], after_direction + 2);
  // Masked (ENABLE cleared): deasserted, no more calls.
  ASSERT_EQ(clx_irq_mask(r.chip, 9), 0);
  unsigned masked = r.raised[0];
  r.drive(20, 0);
  EXPECT_EQ(r.raised[0], masked);
  EXPECT_FALSE(r.pending(0));
}

TEST(SimLine, NoLineWiredIsAllowed) {
  SimRig r(64, 32);
  std::vector<uint64_t> mem(static_cast<size_t>(clx_simhw_storage_size(64, 32) + 7) / 8);
  clx_simhw* hw = nullptr;
  ASSERT_EQ(clx_simhw_init(mem.data(), mem.size() * 8, 64, 32, nullptr, nullptr, &hw), 0);
  clx_simhw_bus.write32(hw, sim::at(0, sim::ENABLE), 1);
  clx_simhw_bus.write32(hw, sim::at(0, sim::POLARITY), 0);  // pin 0 low: asserted
  EXPECT_EQ(clx_simhw_irq_pending(hw, 0), 1);
}

// A lock-free writer asserts the output while a service (the irq_work the Linux glue
// queues from the line) clears the status: whatever the interleaving, the service
// ends with nothing latched once the writer stops with the line deasserted, because
// the access that asserted the output last also raised the line.
TEST(SimLine, RacingWriterAndServiceMissNoAssertion) {
  std::vector<uint64_t> mem(static_cast<size_t>(clx_simhw_storage_size(32, 32) + 7) / 8);
  std::atomic<bool> requested{false};
  clx_simhw* hw = nullptr;
  auto line = [](void* ctx, clx_u16) { static_cast<std::atomic<bool>*>(ctx)->store(true); };
  ASSERT_EQ(clx_simhw_init(mem.data(), mem.size() * 8, 32, 32, line, &requested, &hw), 0);
  clx_simhw_bus.write32(hw, sim::at(0, sim::POLARITY), B(20));  // level high
  clx_simhw_bus.write32(hw, sim::at(0, sim::ENABLE), B(20));
  constexpr int kRounds = 200000;
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < kRounds; ++i) {
      clx_simhw_set_pull(hw, 20, 1);
      clx_simhw_set_pull(hw, 20, 0);
    }
    done = true;
  });
  int serviced = 0;
  auto service = [&] {
    if (!requested.exchange(false)) return false;
    clx_simhw_bus.write32(hw, sim::at(0, sim::STATUS), B(20));
    ++serviced;
    return true;
  };
  while (!done) service();
  writer.join();
  while (service()) {
  }
  EXPECT_EQ(clx_simhw_irq_pending(hw, 0), 0) << "an assertion without a raise";
  EXPECT_GT(serviced, 0);
}

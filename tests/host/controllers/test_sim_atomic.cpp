// The simulated controller's register model without its user's lock: every register
// access is one atomic operation (OUT_SET/OUT_CLEAR, STATUS write-1-to-clear, pulls,
// the outside world), so the controller can declare CLX_CAP_ATOMIC_IO and the engine's
// pin I/O may run lock-free beside locked configuration, as the Linux glue does it.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "helpers.hpp"

using namespace clxtest;

namespace {


// A chip straight on the model (no Recorder: its log is not thread-safe).
struct DirectSim {
  std::unique_ptr<Storage> hw_mem, ctl, mem;
  clx_simhw* hw = nullptr;
  clx_controller controller{};
  clx_chip* chip = nullptr;

  DirectSim(uint16_t total, uint8_t per_bank) {
    hw_mem = std::make_unique<Storage>(clx_simhw_storage_size(total, per_bank));
    EXPECT_EQ(clx_simhw_init(hw_mem->data(), hw_mem->size(), total, per_bank, nullptr, nullptr, &hw), 0);
    ctl = std::make_unique<Storage>(clx_simgpio_storage_size(total, per_bank));
    EXPECT_EQ(clx_simgpio_init(ctl->data(), ctl->size(), &clx_simhw_bus, hw, total, per_bank, CLX_SIM_MEMORY_MAPPED,
                               &controller),
              0);
    mem = std::make_unique<Storage>(clx_chip_storage_size(&controller.desc));
    EXPECT_EQ(clx_chip_create(mem->data(), mem->size(), &controller.desc, controller.ops,
                              controller.ctx, &chip),
              0);
    EXPECT_EQ(clx_chip_start(chip, CLX_START_FIRST), 0);
  }
  ~DirectSim() { clx_chip_destroy(chip); }

  uint32_t peek(uint16_t bank, uint32_t reg) const { return clx_simhw_bus.read32(hw, sim::at(bank, reg)); }
  void poke(uint16_t bank, uint32_t reg, uint32_t v) { clx_simhw_bus.write32(hw, sim::at(bank, reg), v); }
};

constexpr int kRounds = 1000000;  // enough to catch a non-atomic model most runs

}  // namespace

TEST(SimAtomic, CapabilityFollowsGeometryAndMode) {
  SimRig narrow(64, 32, CLX_SIM_MEMORY_MAPPED), wide(128, 64, CLX_SIM_MEMORY_MAPPED), sleeping(64, 32, CLX_SIM_SLEEPING);
  EXPECT_NE(clx_chip_caps(narrow.chip) & CLX_CAP_ATOMIC_IO, 0u);
  EXPECT_EQ(clx_chip_caps(wide.chip) & CLX_CAP_ATOMIC_IO, 0u) << "two words: not one read";
  EXPECT_EQ(clx_chip_caps(sleeping.chip) & CLX_CAP_ATOMIC_IO, 0u) << "serial: keeps its lock";
}

TEST(SimAtomic, PinIoIsOneLevelReadOrOneSetClearStore) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 33, CLX_IO_OUTPUT, 0), 0);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 34, CLX_IO_OUTPUT, 1), 0);
  r.rec->clear();
  ASSERT_EQ(clx_bank_write(r.chip, 1, B(1), B(2)), 0);
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(r.chip, 1, B(1) | B(2) | B(3), &v), 0);
  EXPECT_EQ(v, B(1));
  std::vector<Access> expect{
      W(sim::at(1, sim::OUT_SET), 0x2),
      W(sim::at(1, sim::OUT_CLEAR), 0x4),
      R(sim::at(1, sim::LEVEL), 0x2),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
}

TEST(SimAtomic, SetAndClearChangeOnlyTheirPinsAndClearReLatchesWhileTheLevelHolds) {
  DirectSim s(32, 32);
  s.poke(0, sim::DIRECTION, 0xFFFF0000u);  // pins 0-15 outputs
  s.poke(0, sim::OUT_SET, 0x00FF);
  s.poke(0, sim::OUT_CLEAR, 0x000F);
  s.poke(0, sim::OUT_SET, 0x0100);
  EXPECT_EQ(s.peek(0, sim::LEVEL) & 0xFFFF, 0x01F0u);
  // Pin 20 (input) interrupts high; the outside drives it high: latched.
  s.poke(0, sim::POLARITY, B(20));
  s.poke(0, sim::ENABLE, B(20));
  EXPECT_EQ(clx_simhw_set_pull(s.hw, 20, 1), 1);
  s.poke(0, sim::STATUS, B(20));
  EXPECT_EQ(s.peek(0, sim::STATUS), B(20)) << "still high: latched again at once";
  EXPECT_EQ(clx_simhw_set_pull(s.hw, 20, 0), 1) << "a latch stays until cleared";
  s.poke(0, sim::STATUS, B(20));
  EXPECT_EQ(s.peek(0, sim::STATUS), 0u);
  s.poke(0, sim::OUT_SET, 0xFFFF);  // output traffic does not touch other pins' status
  EXPECT_EQ(s.peek(0, sim::STATUS), 0u);
  s.poke(0, sim::POLARITY, 0);  // active low now: the low input latches
  EXPECT_EQ(s.peek(0, sim::STATUS), B(20));
}

// The kernel's arrangement: two consumers drive different output pins lock-free
// (CLX_CAP_ATOMIC_IO), a third changes pulls under the chip lock, the outside world
// moves other inputs. Every thread reads back only its own pins: a lost update
// (a set or clear overwritten by another thread's read-modify-write) fails it.
TEST(SimAtomic, ConcurrentSetClearAndPullChangesLoseNothing) {
  DirectSim s(32, 32);
  ASSERT_NE(clx_chip_caps(s.chip) & CLX_CAP_ATOMIC_IO, 0u);
  for (uint16_t p = 0; p < 16; ++p) ASSERT_EQ(clx_pin_set_direction(s.chip, p, CLX_IO_OUTPUT, 0), 0);
  std::mutex chip_lock;  // what the glue holds for everything but pin I/O
  std::atomic<int> errors{0};

  auto driver = [&](uint16_t first) {  // pins first, first+2, ... up to 15
    for (int i = 0; i < kRounds; ++i) {
      uint16_t pin = static_cast<uint16_t>(first + 2 * (i % 8));
      int value = (i / 8) % 2;
      if (clx_pin_write(s.chip, pin, value) != 0) errors++;
      if (clx_pin_read(s.chip, pin) != value) errors++;
    }
  };
  auto puller = [&] {  // pins 16-19, locked, as gpiolib's set_config
    for (int i = 0; i < kRounds / 4; ++i) {
      uint16_t pin = static_cast<uint16_t>(16 + i % 4);
      clx_pull pull = (i / 4) % 2 ? CLX_PULL_UP : CLX_PULL_DOWN;
      std::lock_guard<std::mutex> hold(chip_lock);
      if (clx_pin_set_pull(s.chip, pin, pull) != 0) errors++;
      if (clx_simhw_level(s.hw, pin) != (pull == CLX_PULL_UP)) errors++;
    }
  };
  auto world = [&] {  // pins 20-27: inputs whose pulls the outside sets, lock-free
    for (int i = 0; i < kRounds; ++i) {
      uint16_t pin = static_cast<uint16_t>(20 + i % 8);
      int value = (i / 8) % 2;
      if (clx_simhw_set_pull(s.hw, pin, value) < 0) errors++;
      if (clx_simhw_level(s.hw, pin) != value) errors++;
    }
  };
  std::thread a(driver, 0), b(driver, 1), c(puller), d(world);
  a.join();
  b.join();
  c.join();
  d.join();
  EXPECT_EQ(errors.load(), 0);
  // Final state: every pin holds what its last writer left.
  int last = ((kRounds - 1) / 8) % 2;
  uint64_t want_out = last ? 0xFFFF : 0;
  EXPECT_EQ(s.peek(0, sim::LEVEL) & 0xFFFF, want_out);
  EXPECT_EQ(s.peek(0, sim::LEVEL) >> 20 & 0xFF, last ? 0xFFu : 0u);
  EXPECT_EQ(s.peek(0, sim::STATUS), 0u) << "nothing enabled, nothing latched";
}

// Lock-free output traffic beside a locked interrupt service of an input pin: the
// level interrupt latches on every rising drive, is gone after clear while low, and
// never latches from another pin's writes.
TEST(SimAtomic, StatusLatchesExactlyWhileOutputsChangeConcurrently) {
  DirectSim s(32, 32);
  s.poke(0, sim::DIRECTION, 0xFFFF0000u);
  s.poke(0, sim::POLARITY, B(20));
  s.poke(0, sim::ENABLE, B(20));
  std::atomic<bool> stop{false};
  std::thread outputs([&] {
    for (uint32_t i = 0; !stop.load(std::memory_order_relaxed); ++i)
      s.poke(0, i % 2 ? sim::OUT_SET : sim::OUT_CLEAR, 0xFFFFu);
  });
  int wrong = 0;
  for (int i = 0; i < kRounds / 4; ++i) {
    if (clx_simhw_set_pull(s.hw, 20, 1) != 1) wrong++;
    if (clx_simhw_set_pull(s.hw, 20, 0) != 1) wrong++;  // latched until cleared
    s.poke(0, sim::STATUS, B(20));
    if (s.peek(0, sim::STATUS) != 0) wrong++;
    if (clx_simhw_irq_pending(s.hw, 0) != 0) wrong++;
  }
  stop = true;
  outputs.join();
  EXPECT_EQ(wrong, 0);
}

// Two writers on the same pin at once (only outside Linux: gpiolib refuses interrupts
// on outputs): a lock-free OUT_SET/OUT_CLEAR racing with POLARITY and ENABLE writes.
// At rest the latch rule holds: an enabled pin whose level equals its polarity is
// latched, so no condition is ever lost.
TEST(SimAtomic, SamePinRaceNeverLosesALatchAtRest) {
  DirectSim s(32, 32);
  s.poke(0, sim::DIRECTION, 0xFFFFFF00u);  // pins 0-7 outputs
  for (int round = 0; round < 2000; ++round) {
    std::thread out([&] {
      for (int i = 0; i < 100; ++i) s.poke(0, (i + round) % 2 ? sim::OUT_SET : sim::OUT_CLEAR, 0xFFu >> (i % 8));
    });
    for (int i = 0; i < 100; ++i) {
      s.poke(0, sim::POLARITY, static_cast<uint32_t>(i * 37 + round) & 0xFF);
      s.poke(0, sim::ENABLE, static_cast<uint32_t>(i * 91 + round) & 0xFF);
      s.poke(0, sim::STATUS, 0xFF);
    }
    out.join();
    uint32_t cond = ~(s.peek(0, sim::LEVEL) ^ s.peek(0, sim::POLARITY)) & s.peek(0, sim::ENABLE) & 0xFF;
    ASSERT_EQ(s.peek(0, sim::STATUS) & cond, cond) << "round " << round;
  }
}

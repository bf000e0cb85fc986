// The simulated controller: pin I/O and configuration traffic on its set/clear and
// pull registers (SimIo), a first end-to-end pass (SimSmoke), and its sleeping
// flavour, which behaves the same with the lock kept (SimSleeping).
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kBoth = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);

}  // namespace

// The sleeping controller declares itself so (and keeps its lock for pin I/O), and
// otherwise produces the same register traffic and events as the memory-mapped one.
TEST(SimSleeping, SameTrafficAndEventsAsMemoryMapped) {
  SimRig mmr(64, 32, CLX_SIM_MEMORY_MAPPED);
  SimRig slp(64, 32, CLX_SIM_SLEEPING);
  EXPECT_NE(clx_chip_caps(mmr.chip) & CLX_CAP_MEMORY_MAPPED, 0u);
  EXPECT_EQ(clx_chip_caps(slp.chip) & CLX_CAP_MEMORY_MAPPED, 0u);
  EXPECT_NE(clx_chip_caps(mmr.chip) & CLX_CAP_ATOMIC_IO, 0u);
  EXPECT_EQ(clx_chip_caps(mmr.chip) & ~(CLX_CAP_MEMORY_MAPPED | CLX_CAP_ATOMIC_IO),
            clx_chip_caps(slp.chip));

  auto script = [](SimRig& r) {
    std::vector<Event> ev;
    auto add = [&](const std::vector<Event>& e) { ev.insert(ev.end(), e.begin(), e.end()); };
    clx_io_config out = io_cfg(CLX_IO_OUTPUT);
    clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
    EXPECT_EQ(clx_io_connect(r.chip, 0, B(0), &out, 0), 0);
    EXPECT_EQ(clx_pin_write(r.chip, 0, 1), 0);
    EXPECT_EQ(clx_irq_connect(r.chip, 3, &kBoth, 0), 0);
    EXPECT_EQ(clx_irq_connect(r.chip, 35, &rise, 0), 0);
    add(dispatch(r.chip, 0));
    for (int i = 0; i < 6; ++i) {
      r.drive(3, i % 2 == 0);
      r.drive(35, i % 2 == 0);
      add(dispatch(r.chip, 0));
      add(dispatch(r.chip, 1));
    }
    EXPECT_EQ(clx_irq_disconnect(r.chip, 3), 0);
    return ev;
  };
  auto a = script(mmr);
  auto b = script(slp);
  EXPECT_EQ(a, b);
  // One difference: without atomic I/O the engine keeps an output latch and reads
  // what the fresh output drives (LEVEL) when it connects it.
  std::vector<Access> want = mmr.rec->log;
  ASSERT_GE(want.size(), 2u);
  want.insert(want.begin() + 2, R(sim::LEVEL, 0));
  EXPECT_EQ(slp.rec->log, want) << to_string(slp.rec->log);
  EXPECT_EQ(a.size(), 1u + 6u + 3u);
}

TEST(SimIo, DirectionTrafficUsesSetAndClearRegisters) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 33, CLX_IO_OUTPUT, 0), 0);  // bank 1 pin 1
  std::vector<Access> expect{
      W(sim::at(1, sim::OUT_CLEAR), 0x2),
      R(sim::at(1, sim::DIRECTION), 0xFFFFFFFF),
      W(sim::at(1, sim::DIRECTION), 0xFFFFFFFD),
      W(sim::at(1, sim::OUT_CLEAR), 0x2),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  r.drive(33, 1);  // the outside world cannot move an output
  EXPECT_EQ(clx_simhw_level(r.hw, 33), 0);
  EXPECT_EQ(clx_pin_read(r.chip, 33), 0);
  r.rec->clear();
  ASSERT_EQ(clx_pin_set_direction(r.chip, 33, CLX_IO_INPUT, 0), 0);
  expect = {R(sim::at(1, sim::DIRECTION), 0xFFFFFFFD), W(sim::at(1, sim::DIRECTION), 0xFFFFFFFF)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_pin_read(r.chip, 33), 1) << "input again: reads the driven line";
}

// Memory-mapped with banks of <= 32 pins the sim declares atomic I/O: LEVEL reports
// what an output drives, so the engine keeps no copy and reads the hardware's latch.
TEST(SimIo, OutputReadsLevelWhichIsItsLatch) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.drive(8, 1);  // an input next to it
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(7) | B(8));
  sim_poke(r, 0, sim::OUT_CLEAR, B(7));  // latch cleared behind the engine's back
  ASSERT_EQ(clx_simhw_level(r.hw, 7), 0);
  ASSERT_EQ(clx_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(8));
}

// Wide banks (two words) keep the lock and the engine's latch copy.
TEST(SimIo, WideBankOutputReadsItsLatchEvenIfTheControllerSaysOtherwise) {
  SimRig r(128, 64);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.drive(8, 1);
  sim_poke(r, 0, sim::OUT_CLEAR, B(7));
  ASSERT_EQ(clx_simhw_level(r.hw, 7), 0);
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(7) | B(8));
}

TEST(SimIo, PullChangesRegistersAndTheReadLevel) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_read(r.chip, 3), 0);
  r.rec->clear();
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_UP), 0);
  std::vector<Access> expect{
      W(sim::PULL_SET, 0x8),
      R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 1);
  EXPECT_EQ(clx_simhw_pull(r.hw, 3), 1);

  r.rec->clear();
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_DOWN), 0);
  expect = {
      W(sim::PULL_CLEAR, 0x8),
      R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 0);
}

// One pull per line, as in gpio-sim: the controller's pull and the outside world's
// (sysfs pull) are one setting, and the last write holds.
TEST(SimIo, ControllerAndOutsideSetTheSamePullLastWriteWins) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_UP), 0);
  r.drive(3, 0);
  EXPECT_EQ(clx_simhw_pull(r.hw, 3), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::PULL), 0u) << "the register shows the outside's write";
  EXPECT_EQ(clx_pin_read(r.chip, 3), 0) << "the outside wrote last";
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_UP), 0);
  EXPECT_EQ(clx_simhw_pull(r.hw, 3), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 1) << "the controller wrote last";
}

// The hardware cannot float a line: NONE and DEFAULT leave the pull as it is.
TEST(SimIo, PullNoneLeavesThePull) {
  SimRig r(64, 32);
  r.drive(3, 1);
  r.rec->clear();
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_NONE), 0);
  std::vector<Access> expect{R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 1);
  ASSERT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_DEFAULT), 0);
  EXPECT_EQ(clx_simhw_pull(r.hw, 3), 1);
  r.drive(3, 0);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 0);
}

// A pull change on an input is a level change: it raises the interrupt like any other.
TEST(SimIo, PullFromTheControllerRaisesTheInterrupt) {
  SimRig r(64, 32);
  clx_irq_config falling_edge = irq_cfg(CLX_IRQ_EDGE, CLX_POL_LOW);
  r.drive(5, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &falling_edge, CLX_CONNECT_EDGE_SEMANTICS), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  ASSERT_EQ(clx_pin_set_pull(r.chip, 5, CLX_PULL_DOWN), 0);
  EXPECT_TRUE(r.pending(0));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(5)}));
}

TEST(SimIo, PullOnAnOutputKeepsItAnOutput) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 4, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clx_pin_set_pull(r.chip, 4, CLX_PULL_DOWN), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::DIRECTION) & B(4), 0u);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 4), 0);
  EXPECT_EQ(clx_simhw_level(r.hw, 4), 1);
}

TEST(SimIo, PullOnConnectAndDriveStrengthUnsupported) {
  SimRig r(64, 32);
  clx_io_config up = io_cfg(CLX_IO_INPUT, CLX_PULL_UP);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1) | B(2), &up, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::PULL), B(1) | B(2));
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(r.chip, 0, 0x6, &v), 0);
  EXPECT_EQ(v, 0x6u);
  r.rec->clear();
  EXPECT_EQ(clx_pin_set_drive_strength(r.chip, 1, 1200), -CLX_EOPNOTSUPP);
  clx_io_config strong = io_cfg(CLX_IO_OUTPUT, CLX_PULL_DEFAULT, 1200);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &strong, 0), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 5), 0);
}

TEST(SimIo, DebounceWithoutConnectionIsRememberedWithoutTraffic) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_pin_set_debounce(r.chip, 9, 584), 0);
  EXPECT_TRUE(r.rec->log.empty()) << "emulated: nothing to program" << to_string(r.rec->log);
  EXPECT_EQ(debounce_of(r.chip, 9), 584);
  EXPECT_EQ(debounce_of(r.chip, 10), 0);
  EXPECT_EQ(debounce_of(r.chip, 0xFFFF), -CLX_ERANGE);
}

TEST(SimSmoke, ActiveBothFirstEventIsAssertedWhenAlreadyLow) {
  SimRig r;
  r.drive(3, 0);  // asserted (low) before connect
  clx_irq_config cfg{CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_PULL_DEFAULT, 0};
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &cfg, 0), 0);
  EXPECT_TRUE(r.pending(0));
  auto ev = dispatch(r.chip, 0);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (Event{3, CLX_EVENT_FALLING, CLX_EVENT_ASSERTED}));
  EXPECT_FALSE(r.pending(0));
  EXPECT_TRUE(r.drive(3, 1));
  ev = dispatch(r.chip, 0);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (Event{3, CLX_EVENT_RISING, 0}));
}

// Pin configuration and I/O (Linux gpiolib model): direction with the value latched
// around the direction write, mask-based bank I/O, output pins reading their latch
// (or, on atomic-I/O controllers, the hardware's),
// pull and drive strength per controller capability.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

// ---- PL061 ----

TEST(Pl061Io, OutputDirectionLatchesValueBeforeAndAfterTheDirectionWrite) {
  Pl061Rig r;
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 5, CLX_IO_OUTPUT, 1), 0);
  std::vector<Access> expect{
      W(pl::data(0x20), 0x20),  // latch first: no glitch where the hardware keeps it
      R(pl::DIR, 0x00),
      W(pl::DIR, 0x20),
      W(pl::data(0x20), 0x20),  // and again: QEMU drops data writes to input pins
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.dir, 0x20);
  EXPECT_EQ(r.hw.level() & 0x20, 0x20);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 5), 0);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 5), 1);

  r.rec.clear();
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 6, CLX_IO_OUTPUT, 0), 0);
  expect = {W(pl::data(0x40), 0x00), R(pl::DIR, 0x20), W(pl::DIR, 0x60), W(pl::data(0x40), 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.level() & 0x60, 0x20);
}

TEST(Pl061Io, InputDirectionIsOneReadModifyWriteOfGpiodir) {
  Pl061Rig r;
  r.hw.dir = 0xA5;
  r.rec.clear();
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 0, CLX_IO_INPUT, 0), 0);
  std::vector<Access> expect{R(pl::DIR, 0xA5), W(pl::DIR, 0xA4)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 0), 1);
  r.hw.set_input(0, true);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 0), 1);
  r.hw.set_input(0, false);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 0), 0);
}

TEST(Pl061Io, OutputBackToInputReadsTheLine) {
  Pl061Rig r;
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 2, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 2, CLX_IO_INPUT, 0), 0);
  EXPECT_EQ(r.hw.dir, 0);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 2), 1);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), 0) << "an input reads the line, not the old latch";
  r.hw.set_input(2, true);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), 1);
}

TEST(Pl061Io, MaskWriteIsOneAddressMaskedStore) {
  Pl061Rig r;
  for (uint16_t p = 0; p < 4; ++p) ASSERT_EQ(clxgpio_pin_set_direction(r.chip, p, CLX_IO_OUTPUT, 0), 0);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.rec.clear();
  ASSERT_EQ(clxgpio_bank_write(r.chip, 0, 0x05, 0x0A), 0);
  std::vector<Access> expect{W(pl::data(0x0F), 0x05)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.level() & 0x8F, 0x85) << "pin 7 outside the mask kept its level";

  r.rec.clear();
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, 0x0E, &v), 0);
  EXPECT_EQ(v, 0x04u) << "only the pins in the mask";
  expect = {R(pl::DATA_ALL, 0x85)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);

  // Mixed read: outputs from their latch, inputs from the line.
  r.hw.set_input(5, true);
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, 0xFF, &v), 0);
  EXPECT_EQ(v, 0xA5u);

  // Single-pin writes touch one address bit.
  r.rec.clear();
  ASSERT_EQ(clxgpio_pin_write(r.chip, 3, 1), 0);
  ASSERT_EQ(clxgpio_pin_write(r.chip, 0, 0), 0);
  expect = {W(pl::data(0x08), 0x08), W(pl::data(0x01), 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(Pl061Io, OverlappingSetAndClearIsEinvalAndWritesNothing) {
  Pl061Rig r;
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 1), 0);
  r.rec.clear();
  EXPECT_EQ(clxgpio_bank_write(r.chip, 0, 0x03, 0x02), -CLX_EINVAL);
  EXPECT_EQ(clxgpio_bank_write(r.chip, 0, 0xFF, 0xFF), -CLX_EINVAL);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 1), 1);
  EXPECT_EQ(r.hw.level() & 0x2, 0x2);
  // Bits past the PL061's eight pins.
  EXPECT_EQ(clxgpio_bank_write(r.chip, 0, B(8), 0), -CLX_ERANGE);
}

// The PL061 is an atomic-I/O controller: its GPIODATA register is the output latch, so
// an output reads back from it and the engine keeps no copy (lock-free I/O).
TEST(Pl061Io, OutputReadsTheDataRegisterWhichIsItsLatch) {
  Pl061Rig r;
  EXPECT_NE(clxgpio_chip_caps(r.chip) & CLX_CAP_ATOMIC_IO, 0u);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 4, CLX_IO_OUTPUT, 1), 0);
  r.hw.out = 0;  // the data register changed behind the engine's back
  ASSERT_EQ(r.hw.level() & 0x10, 0);
  r.rec.clear();
  EXPECT_EQ(clxgpio_pin_read(r.chip, 4), 0);
  std::vector<Access> expect{R(pl::DATA_ALL, 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(Pl061Io, NoPullNoDriveStrength) {
  Pl061Rig r;
  EXPECT_EQ(clxgpio_chip_caps(r.chip) & (CLX_CAP_PULL | CLX_CAP_DRIVE_STRENGTH), 0u);
  r.rec.clear();
  EXPECT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_UP), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_DOWN), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_NONE), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_drive_strength(r.chip, 3, 800), -CLX_EOPNOTSUPP);
  clx_io_config pulled = io_cfg(CLX_IO_INPUT, CLX_PULL_UP);
  EXPECT_EQ(clxgpio_io_connect(r.chip, 0, B(3), &pulled, 0), -CLX_EOPNOTSUPP);
  clx_io_config strong = io_cfg(CLX_IO_OUTPUT, CLX_PULL_DEFAULT, 400);
  EXPECT_EQ(clxgpio_io_connect(r.chip, 0, B(3), &strong, 0), -CLX_EOPNOTSUPP);
  clx_irq_config ipulled = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH, 0, CLX_PULL_DOWN);
  EXPECT_EQ(clxgpio_irq_connect(r.chip, 3, &ipulled, 0), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clxgpio_io_mode(r.chip, 3), 0);
  EXPECT_EQ(clxgpio_irq_is_connected(r.chip, 3), 0);
  // The controller default and "no drive strength" are always fine.
  EXPECT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_DEFAULT), 0);
  EXPECT_EQ(clxgpio_pin_set_drive_strength(r.chip, 3, 0), 0);
}

// The output latch is what a pin connected for output drives; a read-back must not
// report a value written while the pin was still an input (the PL061 drops those).
TEST(Pl061Io, OutputConnectReadsBackWhatThePinDrives) {
  Pl061Rig r;
  ASSERT_EQ(clxgpio_bank_write(r.chip, 0, B(2), 0), 0);  // input: QEMU ignores it
  EXPECT_EQ(r.hw.out & 0x4, 0);
  clx_io_config out = io_cfg(CLX_IO_OUTPUT);
  ASSERT_EQ(clxgpio_io_connect(r.chip, 0, B(2), &out, 0), 0);
  EXPECT_EQ(r.hw.dir, 0x4);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), r.hw.level() >> 2 & 1);
  ASSERT_EQ(clxgpio_pin_write(r.chip, 2, 1), 0);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 2), 1);
  EXPECT_EQ(r.hw.level() & 0x4, 0x4);
}

// ---- simulated controller ----

TEST(SimIo, DirectionTrafficUsesSetAndClearRegisters) {
  SimRig r(64, 32);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 33, CLX_IO_OUTPUT, 0), 0);  // bank 1 pin 1
  std::vector<Access> expect{
      W(sim::at(1, sim::OUT_CLEAR), 0x2),
      R(sim::at(1, sim::DIRECTION), 0xFFFFFFFF),
      W(sim::at(1, sim::DIRECTION), 0xFFFFFFFD),
      W(sim::at(1, sim::OUT_CLEAR), 0x2),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  r.drive(33, 1);  // the outside world cannot move an output
  EXPECT_EQ(clxgpio_simhw_level(r.hw, 33), 0);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 33), 0);
  r.rec->clear();
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 33, CLX_IO_INPUT, 0), 0);
  expect = {R(sim::at(1, sim::DIRECTION), 0xFFFFFFFD), W(sim::at(1, sim::DIRECTION), 0xFFFFFFFF)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 33), 1) << "input again: reads the driven line";
}

// Memory-mapped with banks of <= 32 pins the sim declares atomic I/O: LEVEL reports
// what an output drives, so the engine keeps no copy and reads the hardware's latch.
TEST(SimIo, OutputReadsLevelWhichIsItsLatch) {
  SimRig r(64, 32);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.drive(8, 1);  // an input next to it
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(7) | B(8));
  sim_poke(r, 0, sim::OUT_CLEAR, B(7));  // latch cleared behind the engine's back
  ASSERT_EQ(clxgpio_simhw_level(r.hw, 7), 0);
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(8));
}

// Wide banks (two words) keep the lock and the engine's latch copy.
TEST(SimIo, WideBankOutputReadsItsLatchEvenIfTheControllerSaysOtherwise) {
  SimRig r(128, 64);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.drive(8, 1);
  sim_poke(r, 0, sim::OUT_CLEAR, B(7));
  ASSERT_EQ(clxgpio_simhw_level(r.hw, 7), 0);
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, B(7) | B(8) | B(9), &v), 0);
  EXPECT_EQ(v, B(7) | B(8));
}

TEST(SimIo, PullChangesRegistersAndTheReadLevel) {
  SimRig r(64, 32);
  ASSERT_EQ(clxgpio_pin_read(r.chip, 3), 0);
  r.rec->clear();
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_UP), 0);
  std::vector<Access> expect{
      R(sim::PULL_ENABLE, 0), W(sim::PULL_ENABLE, 0x8),
      R(sim::PULL_UP, 0),     W(sim::PULL_UP, 0x8),
      R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 3), 1);

  r.drive(3, 1);
  r.rec->clear();
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_DOWN), 0);
  expect = {
      R(sim::PULL_ENABLE, 0x8), W(sim::PULL_ENABLE, 0x8),
      R(sim::PULL_UP, 0x8),     W(sim::PULL_UP, 0),
      R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 3), 0) << "the pull wins over the outside";

  r.rec->clear();
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 3, CLX_PULL_NONE), 0);
  expect = {R(sim::PULL_ENABLE, 0x8), W(sim::PULL_ENABLE, 0),
            R(sim::DIRECTION, 0xFFFFFFFF), W(sim::DIRECTION, 0xFFFFFFFF)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 3), 1) << "floating: the outside drives it";
  r.drive(3, 0);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 3), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::PULL_ENABLE), 0u);
}

TEST(SimIo, PullOnAnOutputKeepsItAnOutput) {
  SimRig r(64, 32);
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 4, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clxgpio_pin_set_pull(r.chip, 4, CLX_PULL_DOWN), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::DIRECTION) & B(4), 0u);
  EXPECT_EQ(clxgpio_pin_get_direction(r.chip, 4), 0);
  EXPECT_EQ(clxgpio_simhw_level(r.hw, 4), 1);
}

TEST(SimIo, PullOnConnectAndDriveStrengthUnsupported) {
  SimRig r(64, 32);
  clx_io_config up = io_cfg(CLX_IO_INPUT, CLX_PULL_UP);
  ASSERT_EQ(clxgpio_io_connect(r.chip, 0, B(1) | B(2), &up, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::PULL_ENABLE), B(1) | B(2));
  EXPECT_EQ(sim_peek(r, 0, sim::PULL_UP), B(1) | B(2));
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(r.chip, 0, 0x6, &v), 0);
  EXPECT_EQ(v, 0x6u);
  r.rec->clear();
  EXPECT_EQ(clxgpio_pin_set_drive_strength(r.chip, 1, 1200), -CLX_EOPNOTSUPP);
  clx_io_config strong = io_cfg(CLX_IO_OUTPUT, CLX_PULL_DEFAULT, 1200);
  EXPECT_EQ(clxgpio_io_connect(r.chip, 0, B(5), &strong, 0), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_io_mode(r.chip, 5), 0);
}

TEST(SimIo, DebounceWithoutConnectionIsRememberedWithoutTraffic) {
  SimRig r(64, 32);
  ASSERT_EQ(clxgpio_pin_set_debounce(r.chip, 9, 584), 0);
  EXPECT_TRUE(r.rec->log.empty()) << "emulated: nothing to program" << to_string(r.rec->log);
  EXPECT_EQ(clxgpio_pin_debounce(r.chip, 9), 584);
  EXPECT_EQ(clxgpio_pin_debounce(r.chip, 10), 0);
  EXPECT_EQ(clxgpio_pin_debounce(r.chip, 0xFFFF), 0);
}

// ---- rules that need a controller whose answers can be chosen ----

TEST(FakeIo, OutputReadsLatchWhateverReadPinsReports) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clxgpio_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"write_pins", "connect_io", "write_pins"}));
  ASSERT_EQ(clxgpio_pin_set_direction(chip, 1, CLX_IO_OUTPUT, 0), 0);
  fake.read_value = B(1) | B(2);  // hardware claims pin 0 low, pin 1 high
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(chip, 0, 0x7, &v), 0);
  EXPECT_EQ(v, B(0) | B(2));
}

TEST(FakeIo, AtomicIoOutputReadsWhatTheHardwareReportsAndWritesKeepNoLatch) {
  FakeClient fake(8, 8, CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_MEMORY_MAPPED |
                            CLX_CAP_ATOMIC_IO);
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clxgpio_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);
  fake.read_value = 0;  // the hardware reports the pin low: that is the answer
  EXPECT_EQ(clxgpio_pin_read(chip, 0), 0);
  fake.calls.clear();
  ASSERT_EQ(clxgpio_pin_write(chip, 0, 1), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"write_pins"})) << "one store, nothing else";
  EXPECT_EQ(fake.last_mask, B(0));
  EXPECT_EQ(clxgpio_pin_read(chip, 0), 0) << "no engine latch overrides the hardware";
  fake.read_value = B(0) | B(3);
  uint64_t v = 0;
  ASSERT_EQ(clxgpio_bank_read(chip, 0, 0x0F, &v), 0);
  EXPECT_EQ(v, B(0) | B(3));
  // Bad input is still refused before the hardware is touched.
  fake.calls.clear();
  EXPECT_EQ(clxgpio_pin_write(chip, 8, 1), -CLX_ERANGE);
  EXPECT_EQ(clxgpio_bank_write(chip, 0, B(1), B(1)), -CLX_EINVAL);
  EXPECT_EQ(clxgpio_bank_read(chip, 1, 1, &v), -CLX_ECHRNG);
  EXPECT_TRUE(fake.calls.empty());
}

TEST(FakeIo, ClientErrorsPropagateAndLeaveStateAlone) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clxgpio_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);

  fake.fail[FakeClient::kWritePins] = -CLX_EIO;
  EXPECT_EQ(clxgpio_pin_write(chip, 0, 0), -CLX_EIO);
  EXPECT_EQ(clxgpio_pin_read(chip, 0), 1) << "a failed write must not move the latch";
  fake.fail[FakeClient::kWritePins] = 0;

  fake.fail[FakeClient::kReadPins] = -19;  // some other errno: becomes -EIO
  uint64_t v = 0xAB;
  EXPECT_EQ(clxgpio_bank_read(chip, 0, 1, &v), -CLX_EIO);
  EXPECT_EQ(v, 0xABu);
  fake.fail[FakeClient::kReadPins] = 0;

  fake.fail[FakeClient::kConnectIo] = -CLX_EOPNOTSUPP;  // a client may say "cannot"
  EXPECT_EQ(clxgpio_pin_set_direction(chip, 3, CLX_IO_OUTPUT, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_get_direction(chip, 3), 1) << "still an input";
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clxgpio_io_connect(chip, 0, B(4) | B(5), &in, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_io_mode(chip, 4), 0);
  EXPECT_EQ(clxgpio_io_mode(chip, 5), 0);
  fake.fail[FakeClient::kConnectIo] = -CLX_EINVAL;
  EXPECT_EQ(clxgpio_io_connect(chip, 0, B(4), &in, 0), -CLX_EINVAL);
  fake.fail[FakeClient::kConnectIo] = 0;
  EXPECT_EQ(clxgpio_io_connect(chip, 0, B(4) | B(5), &in, 0), 0);
}

TEST(FakeIo, MissingReadOrWriteIsUnsupported) {
  FakeClient ro;
  ro.ops.write_pins = nullptr;
  clx_chip* chip = ro.make_chip();
  EXPECT_EQ(clxgpio_pin_write(chip, 0, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_direction(chip, 0, CLX_IO_INPUT, 0), 0);

  FakeClient wo;
  wo.ops.read_pins = nullptr;
  clx_chip* chip2 = wo.make_chip();
  EXPECT_EQ(clxgpio_pin_read(chip2, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_write(chip2, 0, 1), 0);

  FakeClient none;
  none.ops.connect_io = nullptr;
  none.ops.disconnect_io = nullptr;
  none.ops.read_pins = nullptr;
  none.ops.write_pins = nullptr;
  clx_chip* chip3 = none.make_chip();
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clxgpio_io_connect(chip3, 0, 1, &in, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_set_direction(chip3, 0, CLX_IO_INPUT, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clxgpio_pin_read(chip3, 0), -CLX_EOPNOTSUPP);
}

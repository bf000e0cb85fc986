// The PL061's pin I/O: direction with the value latched around the direction write,
// address-masked GPIODATA reads and writes, no pull or drive strength (Pl061Io), and a
// first end-to-end pass (Pl061Smoke).
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

TEST(Pl061Io, OutputDirectionLatchesValueBeforeAndAfterTheDirectionWrite) {
  Pl061Rig r;
  ASSERT_EQ(clx_pin_set_direction(r.chip, 5, CLX_IO_OUTPUT, 1), 0);
  std::vector<Access> expect{
      W(pl::data(0x20), 0x20),  // latch first: no glitch where the hardware keeps it
      R(pl::DIR, 0x00),
      W(pl::DIR, 0x20),
      W(pl::data(0x20), 0x20),  // and again: QEMU drops data writes to input pins
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.dir, 0x20);
  EXPECT_EQ(r.hw.level() & 0x20, 0x20);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 5), 0);
  EXPECT_EQ(clx_pin_read(r.chip, 5), 1);

  r.rec.clear();
  ASSERT_EQ(clx_pin_set_direction(r.chip, 6, CLX_IO_OUTPUT, 0), 0);
  expect = {W(pl::data(0x40), 0x00), R(pl::DIR, 0x20), W(pl::DIR, 0x60), W(pl::data(0x40), 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.level() & 0x60, 0x20);
}

TEST(Pl061Io, InputDirectionIsOneReadModifyWriteOfGpiodir) {
  Pl061Rig r;
  r.hw.dir = 0xA5;
  r.rec.clear();
  ASSERT_EQ(clx_pin_set_direction(r.chip, 0, CLX_IO_INPUT, 0), 0);
  std::vector<Access> expect{R(pl::DIR, 0xA5), W(pl::DIR, 0xA4)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 0), 1);
  r.hw.set_input(0, true);
  EXPECT_EQ(clx_pin_read(r.chip, 0), 1);
  r.hw.set_input(0, false);
  EXPECT_EQ(clx_pin_read(r.chip, 0), 0);
}

TEST(Pl061Io, OutputBackToInputReadsTheLine) {
  Pl061Rig r;
  ASSERT_EQ(clx_pin_set_direction(r.chip, 2, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 2, CLX_IO_INPUT, 0), 0);
  EXPECT_EQ(r.hw.dir, 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 2), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 2), 0) << "an input reads the line, not the old latch";
  r.hw.set_input(2, true);
  EXPECT_EQ(clx_pin_read(r.chip, 2), 1);
}

TEST(Pl061Io, MaskWriteIsOneAddressMaskedStore) {
  Pl061Rig r;
  for (uint16_t p = 0; p < 4; ++p) ASSERT_EQ(clx_pin_set_direction(r.chip, p, CLX_IO_OUTPUT, 0), 0);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 7, CLX_IO_OUTPUT, 1), 0);
  r.rec.clear();
  ASSERT_EQ(clx_bank_write(r.chip, 0, 0x05, 0x0A), 0);
  std::vector<Access> expect{W(pl::data(0x0F), 0x05)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.level() & 0x8F, 0x85) << "pin 7 outside the mask kept its level";

  r.rec.clear();
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(r.chip, 0, 0x0E, &v), 0);
  EXPECT_EQ(v, 0x04u) << "only the pins in the mask";
  expect = {R(pl::DATA_ALL, 0x85)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);

  // Mixed read: outputs from their latch, inputs from the line.
  r.hw.set_input(5, true);
  ASSERT_EQ(clx_bank_read(r.chip, 0, 0xFF, &v), 0);
  EXPECT_EQ(v, 0xA5u);

  // Single-pin writes touch one address bit.
  r.rec.clear();
  ASSERT_EQ(clx_pin_write(r.chip, 3, 1), 0);
  ASSERT_EQ(clx_pin_write(r.chip, 0, 0), 0);
  expect = {W(pl::data(0x08), 0x08), W(pl::data(0x01), 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(Pl061Io, OverlappingSetAndClearIsEinvalAndWritesNothing) {
  Pl061Rig r;
  ASSERT_EQ(clx_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 1), 0);
  r.rec.clear();
  EXPECT_EQ(clx_bank_write(r.chip, 0, 0x03, 0x02), -CLX_EINVAL);
  EXPECT_EQ(clx_bank_write(r.chip, 0, 0xFF, 0xFF), -CLX_EINVAL);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clx_pin_read(r.chip, 1), 1);
  EXPECT_EQ(r.hw.level() & 0x2, 0x2);
  // Bits past the PL061's eight pins.
  EXPECT_EQ(clx_bank_write(r.chip, 0, B(8), 0), -CLX_ERANGE);
}

// The PL061 is an atomic-I/O controller: its GPIODATA register is the output latch, so
// an output reads back from it and the engine keeps no copy (lock-free I/O).
TEST(Pl061Io, OutputReadsTheDataRegisterWhichIsItsLatch) {
  Pl061Rig r;
  EXPECT_NE(clx_chip_caps(r.chip) & CLX_CAP_ATOMIC_IO, 0u);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 4, CLX_IO_OUTPUT, 1), 0);
  r.hw.out = 0;  // the data register changed behind the engine's back
  ASSERT_EQ(r.hw.level() & 0x10, 0);
  r.rec.clear();
  EXPECT_EQ(clx_pin_read(r.chip, 4), 0);
  std::vector<Access> expect{R(pl::DATA_ALL, 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
}

TEST(Pl061Io, NoPullNoDriveStrength) {
  Pl061Rig r;
  EXPECT_EQ(clx_chip_caps(r.chip) & (CLX_CAP_PULL | CLX_CAP_DRIVE_STRENGTH), 0u);
  r.rec.clear();
  EXPECT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_UP), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_DOWN), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_NONE), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_drive_strength(r.chip, 3, 800), -CLX_EOPNOTSUPP);
  clx_io_config pulled = io_cfg(CLX_IO_INPUT, CLX_PULL_UP);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(3), &pulled, 0), -CLX_EOPNOTSUPP);
  clx_io_config strong = io_cfg(CLX_IO_OUTPUT, CLX_PULL_DEFAULT, 400);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(3), &strong, 0), -CLX_EOPNOTSUPP);
  clx_irq_config ipulled = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH, 0, CLX_PULL_DOWN);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &ipulled, 0), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 3), 0);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 3), 0);
  // The controller default and "no drive strength" are always fine.
  EXPECT_EQ(clx_pin_set_pull(r.chip, 3, CLX_PULL_DEFAULT), 0);
  EXPECT_EQ(clx_pin_set_drive_strength(r.chip, 3, 0), 0);
}

// The output latch is what a pin connected for output drives; a read-back must not
// report a value written while the pin was still an input (the PL061 drops those).
TEST(Pl061Io, OutputConnectReadsBackWhatThePinDrives) {
  Pl061Rig r;
  ASSERT_EQ(clx_bank_write(r.chip, 0, B(2), 0), 0);  // input: QEMU ignores it
  EXPECT_EQ(r.hw.out & 0x4, 0);
  clx_io_config out = io_cfg(CLX_IO_OUTPUT);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(2), &out, 0), 0);
  EXPECT_EQ(r.hw.dir, 0x4);
  EXPECT_EQ(clx_pin_read(r.chip, 2), r.hw.level() >> 2 & 1);
  ASSERT_EQ(clx_pin_write(r.chip, 2, 1), 0);
  EXPECT_EQ(clx_pin_read(r.chip, 2), 1);
  EXPECT_EQ(r.hw.level() & 0x4, 0x4);
}

TEST(Pl061Smoke, OutputRoundTripUsesAddressMaskedData) {
  Pl061Rig r;
  ASSERT_EQ(clx_pin_set_direction(r.chip, 5, CLX_IO_OUTPUT, 1), 0);
  EXPECT_EQ(r.hw.dir, 0x20);
  EXPECT_EQ(r.hw.out & 0x20, 0x20);
  r.rec.clear();
  ASSERT_EQ(clx_pin_write(r.chip, 5, 0), 0);
  std::vector<Access> expect{{'W', 0x20u << 2, 0}};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clx_pin_read(r.chip, 5), 0);
}

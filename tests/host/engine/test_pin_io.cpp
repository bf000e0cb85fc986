// Pin I/O rules of the engine on a scriptable client: output pins read their latch (or,
// on atomic-I/O controllers, the hardware's), client errors propagate and leave the
// engine's state alone, a missing read_pins/write_pins is -EOPNOTSUPP.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

TEST(EnginePinIo, OutputReadsLatchWhateverReadPinsReports) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"write_pins", "connect_io", "write_pins"}));
  ASSERT_EQ(clx_pin_set_direction(chip, 1, CLX_IO_OUTPUT, 0), 0);
  fake.read_value = B(1) | B(2);  // hardware claims pin 0 low, pin 1 high
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(chip, 0, 0x7, &v), 0);
  EXPECT_EQ(v, B(0) | B(2));
}

TEST(EnginePinIo, AtomicIoOutputReadsWhatTheHardwareReportsAndWritesKeepNoLatch) {
  FakeClient fake(8, 8, CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_MEMORY_MAPPED |
                            CLX_CAP_ATOMIC_IO);
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);
  fake.read_value = 0;  // the hardware reports the pin low: that is the answer
  EXPECT_EQ(clx_pin_read(chip, 0), 0);
  fake.calls.clear();
  ASSERT_EQ(clx_pin_write(chip, 0, 1), 0);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"write_pins"})) << "one store, nothing else";
  EXPECT_EQ(fake.last_mask, B(0));
  EXPECT_EQ(clx_pin_read(chip, 0), 0) << "no engine latch overrides the hardware";
  fake.read_value = B(0) | B(3);
  uint64_t v = 0;
  ASSERT_EQ(clx_bank_read(chip, 0, 0x0F, &v), 0);
  EXPECT_EQ(v, B(0) | B(3));
  // Bad input is still refused before the hardware is touched.
  fake.calls.clear();
  EXPECT_EQ(clx_pin_write(chip, 8, 1), -CLX_ERANGE);
  EXPECT_EQ(clx_bank_write(chip, 0, B(1), B(1)), -CLX_EINVAL);
  EXPECT_EQ(clx_bank_read(chip, 1, 1, &v), -CLX_ECHRNG);
  EXPECT_TRUE(fake.calls.empty());
}

TEST(EnginePinIo, ClientErrorsPropagateAndLeaveStateAlone) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), 0);

  fake.fail[FakeClient::kWritePins] = -CLX_EIO;
  EXPECT_EQ(clx_pin_write(chip, 0, 0), -CLX_EIO);
  EXPECT_EQ(clx_pin_read(chip, 0), 1) << "a failed write must not move the latch";
  fake.fail[FakeClient::kWritePins] = 0;

  fake.fail[FakeClient::kReadPins] = -19;  // some other errno: becomes -EIO
  uint64_t v = 0xAB;
  EXPECT_EQ(clx_bank_read(chip, 0, 1, &v), -CLX_EIO);
  EXPECT_EQ(v, 0xABu);
  fake.fail[FakeClient::kReadPins] = 0;

  fake.fail[FakeClient::kConnectIo] = -CLX_EOPNOTSUPP;  // a client may say "cannot"
  EXPECT_EQ(clx_pin_set_direction(chip, 3, CLX_IO_OUTPUT, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_get_direction(chip, 3), 1) << "still an input";
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connect(chip, 0, B(4) | B(5), &in, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_io_connected_mode(chip, 4), 0);
  EXPECT_EQ(clx_io_connected_mode(chip, 5), 0);
  fake.fail[FakeClient::kConnectIo] = -CLX_EINVAL;
  EXPECT_EQ(clx_io_connect(chip, 0, B(4), &in, 0), -CLX_EINVAL);
  fake.fail[FakeClient::kConnectIo] = 0;
  EXPECT_EQ(clx_io_connect(chip, 0, B(4) | B(5), &in, 0), 0);
}

TEST(EnginePinIo, MissingReadOrWriteIsUnsupported) {
  FakeClient ro;
  ro.ops.write_pins = nullptr;
  clx_chip* chip = ro.make_chip();
  EXPECT_EQ(clx_pin_write(chip, 0, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_direction(chip, 0, CLX_IO_OUTPUT, 1), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_direction(chip, 0, CLX_IO_INPUT, 0), 0);

  FakeClient wo;
  wo.ops.read_pins = nullptr;
  clx_chip* chip2 = wo.make_chip();
  EXPECT_EQ(clx_pin_read(chip2, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_write(chip2, 0, 1), 0);

  FakeClient none;
  none.ops.connect_io = nullptr;
  none.ops.disconnect_io = nullptr;
  none.ops.read_pins = nullptr;
  none.ops.write_pins = nullptr;
  clx_chip* chip3 = none.make_chip();
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connect(chip3, 0, 1, &in, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_set_direction(chip3, 0, CLX_IO_INPUT, 0), -CLX_EOPNOTSUPP);
  EXPECT_EQ(clx_pin_read(chip3, 0), -CLX_EOPNOTSUPP);
}

// SPDX-License-Identifier: GPL-2.0
// The library's I/O connections against the fake hub: what CLXHUB_IOC_OPEN carries, the
// exact bit mapping of READ_PINS/WRITE_PINS, every denial with its NTSTATUS and errno, and
// the descriptors the RAII handles own.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "clx_ntstatus.h"
#include "clxgpio/hub.hpp"
#include "fake_hub.hpp"

using namespace clxgpio;
using clxtest::FakeSystem;

namespace {

class HubTest : public ::testing::Test {
 protected:
  Hub open_hub() {
    Result<Hub> h = Hub::open(fake);
    EXPECT_TRUE(h.ok());
    return std::move(h).value();
  }
  Connection connect(Hub& hub, const OpenRequest& r) {
    Result<Connection> c = hub.connect(r);
    if (!c) ADD_FAILURE() << c.error().to_string();
    return std::move(c).value();
  }
  void expect_error(const Error& e, std::uint32_t status, int err) {
    EXPECT_EQ(e.status(), status) << e.to_string();
    EXPECT_EQ(e.errno_value(), err) << e.to_string();
  }
  void TearDown() override {
    EXPECT_EQ(fake.open_fds(), 0u) << "a descriptor outlived its handle";
    EXPECT_EQ(fake.bad_closes, 0);
  }
  FakeSystem fake;
};

TEST_F(HubTest, OpensTheHubReadWriteCloseOnExec) {
  Hub hub = open_hub();
  EXPECT_EQ(fake.last_open_flags, O_RDWR | O_CLOEXEC);
  EXPECT_EQ(fake.open_fds(), 1u);
}

TEST_F(HubTest, NoHubIsNotFoundAndNotRootIsAccessDenied) {
  fake.hub_open_error = -ENOENT;
  Result<Hub> h = Hub::open(fake);
  ASSERT_FALSE(h.ok());
  expect_error(h.error(), CLX_STATUS_NOT_FOUND, ENOENT);
  EXPECT_EQ(h.error().message(), "open /dev/clxgpio-hub: No such file or directory");
  fake.hub_open_error = -EACCES;
  Result<Hub> h2 = Hub::open(fake);
  ASSERT_FALSE(h2.ok());
  expect_error(h2.error(), CLX_STATUS_ACCESS_DENIED, EACCES);
}

TEST_F(HubTest, OpenCarriesTheRequestAsTheHeaderLaysItOut) {
  Hub hub = open_hub();
  {
    Connection c = connect(hub, OpenRequest::io("gpio-sim.0-node0", {7, 8, 23}, Access::write)
                                    .shared()
                                    .pull(Pull::down)
                                    .drive_strength(250)
                                    .debounce(584)
                                    .restriction(IoRestriction::none_and_preserve)
                                    .consumer("my-driver"));
    const struct clxhub_open& o = fake.last_open;
    EXPECT_EQ(o.version, 1u);
    EXPECT_EQ(o.kind, static_cast<__u32>(CLXHUB_KIND_IO));
    EXPECT_EQ(o.access, static_cast<__u32>(CLXHUB_ACCESS_WRITE));
    EXPECT_EQ(o.flags, CLXHUB_OPEN_SHARED);
    EXPECT_STREQ(o.controller, "gpio-sim.0-node0");
    EXPECT_STREQ(o.device, "");
    EXPECT_EQ(o.resource_index, 0u);
    ASSERT_EQ(o.pin_count, 3);
    EXPECT_EQ(o.pins[0], 7);
    EXPECT_EQ(o.pins[1], 8);
    EXPECT_EQ(o.pins[2], 23);
    EXPECT_EQ(o.pins[3], 0);
    EXPECT_EQ(o.io_restriction, CLXHUB_IO_NONE_AND_PRESERVE);
    EXPECT_EQ(o.pull, CLXHUB_PULL_DOWN);
    EXPECT_EQ(o.drive_strength, 250);
    EXPECT_EQ(o.debounce_timeout, 584);
    EXPECT_EQ(o.int_mode, 0);
    EXPECT_EQ(o.polarity, 0);
    EXPECT_STREQ(o.consumer, "my-driver");
    EXPECT_EQ(o.reserved0, 0);
    for (__u32 r : o.reserved) EXPECT_EQ(r, 0u);
    EXPECT_EQ(c.fd(), o.fd);
    EXPECT_EQ(c.pins(), (std::vector<std::uint16_t>{7, 8, 23}));
  }
  // Every pull and restriction value reaches the hub as the header numbers it.
  const std::pair<Pull, int> pulls[] = {{Pull::as_is, CLXHUB_PULL_DEFAULT},
                                        {Pull::up, CLXHUB_PULL_UP},
                                        {Pull::down, CLXHUB_PULL_DOWN},
                                        {Pull::none, CLXHUB_PULL_NONE}};
  for (auto [pull, value] : pulls) {
    Connection c = connect(hub, OpenRequest::io("gpiochip0", {1}, Access::read).pull(pull));
    EXPECT_EQ(fake.last_open.pull, value);
  }
  const std::pair<IoRestriction, int> restrictions[] = {
      {IoRestriction::none, CLXHUB_IO_NONE},
      {IoRestriction::input_only, CLXHUB_IO_INPUT_ONLY},
      {IoRestriction::output_only, CLXHUB_IO_OUTPUT_ONLY},
      {IoRestriction::none_and_preserve, CLXHUB_IO_NONE_AND_PRESERVE}};
  for (auto [restriction, value] : restrictions) {
    Result<Connection> c =
        hub.connect(OpenRequest::io("gpiochip0", {1}, Access::read).restriction(restriction));
    EXPECT_EQ(fake.last_open.io_restriction, value);
  }
}

TEST_F(HubTest, InterruptTriggersAreModeAndPolarity) {
  Hub hub = open_hub();
  struct Row {
    Trigger trigger;
    int mode, polarity;
  };
  const Row rows[] = {{Trigger::rising, CLXHUB_EDGE, CLXHUB_ACTIVE_HIGH},
                      {Trigger::falling, CLXHUB_EDGE, CLXHUB_ACTIVE_LOW},
                      {Trigger::both, CLXHUB_EDGE, CLXHUB_ACTIVE_BOTH},
                      {Trigger::level_high, CLXHUB_LEVEL, CLXHUB_ACTIVE_HIGH},
                      {Trigger::level_low, CLXHUB_LEVEL, CLXHUB_ACTIVE_LOW}};
  for (const Row& r : rows) {
    Connection c = connect(hub, OpenRequest::interrupt("gpiochip1", 5, r.trigger).wake().pull(Pull::up));
    const struct clxhub_open& o = fake.last_open;
    EXPECT_EQ(o.kind, static_cast<__u32>(CLXHUB_KIND_INTERRUPT));
    EXPECT_EQ(o.access, 0u);
    EXPECT_EQ(o.flags, CLXHUB_OPEN_WAKE);
    EXPECT_EQ(o.pin_count, 1);
    EXPECT_EQ(o.pins[0], 5);
    EXPECT_EQ(o.int_mode, r.mode);
    EXPECT_EQ(o.polarity, r.polarity);
    EXPECT_EQ(o.pull, CLXHUB_PULL_UP);
    EXPECT_EQ(c.kind(), ConnectionKind::interrupt);
  }
}

TEST_F(HubTest, DeviceResourceSendsOnlyPathAndIndexThenAsksForThePins) {
  Hub hub = open_hub();
  Connection c = connect(hub, OpenRequest::device_io("\\_SB.DEV0", 0, Access::write));
  const struct clxhub_open& o = fake.last_open;
  EXPECT_EQ(o.flags, CLXHUB_OPEN_BY_RESOURCE);
  EXPECT_STREQ(o.device, "\\_SB.DEV0");
  EXPECT_EQ(o.resource_index, 0u);
  EXPECT_STREQ(o.controller, "");
  EXPECT_EQ(o.pin_count, 0);
  EXPECT_EQ(fake.ioctls.back(), CLXHUB_IOC_INFO);
  EXPECT_EQ(c.pins(), (std::vector<std::uint16_t>{7, 8, 23}));
  EXPECT_EQ(c.controller(), "gpiochip1");
  ASSERT_TRUE(c.write_pins(Bits(3, 0x5)).ok());
  EXPECT_TRUE(fake.controller("gpiochip1").latch[23]);

  Result<Connection> missing = hub.connect(OpenRequest::device_io("\\_SB.NONE", 0, Access::read));
  ASSERT_FALSE(missing.ok());
  expect_error(missing.error(), CLX_STATUS_NO_SUCH_DEVICE, ENODEV);
  Result<Connection> no_index = hub.connect(OpenRequest::device_io("\\_SB.DEV0", 7, Access::read));
  ASSERT_FALSE(no_index.ok());
  expect_error(no_index.error(), CLX_STATUS_NO_SUCH_DEVICE, ENODEV);
}

TEST_F(HubTest, NonContiguousTableMapsBitIToTheIthPin) {
  Hub hub = open_hub();
  auto& sim = fake.controller("gpiochip1");
  Connection w = connect(hub, OpenRequest::io("gpio-sim.0-node0", {7, 8, 23}, Access::write));
  ASSERT_TRUE(w.write_pins(Bits(3, 0x5)).ok());
  for (unsigned p = 0; p < 32; ++p) EXPECT_EQ(sim.latch[p], p == 7 || p == 23) << "pin " << p;
  // A write connection reads its output latches back, in table order.
  Result<Bits> back = w.read_pins();
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), Bits(3, 0x5));
  ASSERT_TRUE(w.write_pins(Bits::parse("011", 3).value()).ok());
  EXPECT_FALSE(sim.latch[7]);
  EXPECT_TRUE(sim.latch[8]);
  EXPECT_TRUE(sim.latch[23]);

  // A read connection reads the levels: the table's order, not the pins'.
  Connection r = connect(hub, OpenRequest::io("gpiochip1", {16, 2, 9}, Access::read));
  fake.set_level("gpiochip1", 16, true);
  fake.set_level("gpiochip1", 2, true);
  EXPECT_EQ(r.read_pins().value().to_string(), "110");
  EXPECT_EQ(r.read_pins().value().to_hex(), "0x3");
}

TEST_F(HubTest, NinePinsSpanTwoBytes) {
  fake.add_controller("gpiochip2", "wide", 64);
  Hub hub = open_hub();
  std::vector<std::uint16_t> nine = {0, 1, 2, 3, 4, 5, 6, 7, 63};
  Connection c = connect(hub, OpenRequest::io("wide", nine, Access::write));
  ASSERT_TRUE(c.write_pins(Bits(9, 0x100)).ok());
  EXPECT_TRUE(fake.controller("gpiochip2").latch[63]);
  EXPECT_FALSE(fake.controller("gpiochip2").latch[0]);
  EXPECT_EQ(c.read_pins().value().to_hex(), "0x100");
}

TEST_F(HubTest, SixtyFourPinTable) {
  fake.add_controller("gpiochip2", "wide", 64);
  Hub hub = open_hub();
  std::vector<std::uint16_t> all;
  for (std::uint16_t p = 64; p-- > 0;) all.push_back(p);  // reversed: bit 0 is pin 63
  Connection c = connect(hub, OpenRequest::io("gpiochip2", all, Access::write));
  ASSERT_TRUE(c.write_pins(Bits(64, 0x8000000000000001ull)).ok());
  auto& wide = fake.controller("gpiochip2");
  EXPECT_TRUE(wide.latch[63]);
  EXPECT_TRUE(wide.latch[0]);
  EXPECT_FALSE(wide.latch[1]);
  EXPECT_EQ(c.read_pins().value().to_u64(), 0x8000000000000001ull);
}

TEST_F(HubTest, WriteOnAReadConnectionIsDeniedAndChangesNothing) {
  Hub hub = open_hub();
  Connection r = connect(hub, OpenRequest::io("gpiochip0", {1, 2}, Access::read));
  Result<void> w = r.write_pins(Bits(2, 0x3));
  ASSERT_FALSE(w.ok());
  expect_error(w.error(), CLX_STATUS_GPIO_OPERATION_DENIED, EPERM);
  EXPECT_EQ(w.error().message(), "CLXHUB_IOC_WRITE_PINS: Operation not permitted");
  EXPECT_FALSE(fake.controller("gpiochip0").latch[1]);
  EXPECT_FALSE(fake.controller("gpiochip0").latch[2]);
}

TEST_F(HubTest, ShortBufferIsBufferTooSmallAndChangesNothing) {
  Hub hub = open_hub();
  Connection w = connect(hub, OpenRequest::io("gpiochip1", {0, 1, 2, 3, 4, 5, 6, 7, 8}, Access::write));
  Result<void> r = w.write_pins(Bits(9, 0x1ff), 1);
  ASSERT_FALSE(r.ok());
  expect_error(r.error(), CLX_STATUS_BUFFER_TOO_SMALL, ENOBUFS);
  EXPECT_FALSE(fake.controller("gpiochip1").latch[0]);
  Result<Bits> rd = w.read_pins(0);
  ASSERT_FALSE(rd.ok());
  expect_error(rd.error(), CLX_STATUS_BUFFER_TOO_SMALL, ENOBUFS);
  // A larger buffer than needed is fine: the hub uses ceil(N/8) bytes of it.
  EXPECT_TRUE(w.write_pins(Bits(9, 0x1ff), 8).ok());
  EXPECT_TRUE(fake.controller("gpiochip1").latch[8]);
}

TEST_F(HubTest, OpenDenialsCarryTheirStatus) {
  Hub hub = open_hub();
  auto& pl061 = fake.controller("gpiochip0");
  pl061.firmware.insert(6);
  pl061.gpiolib[5] = "gpio-keys";
  struct Row {
    OpenRequest request;
    std::uint32_t status;
    int err;
  };
  const Row rows[] = {
      {OpenRequest::io("gpiochip0", {6}, Access::read), CLX_STATUS_ACCESS_DENIED, EACCES},
      {OpenRequest::io("gpiochip0", {5}, Access::read), CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, EBUSY},
      {OpenRequest::io("gpiochip0", {8}, Access::read), CLX_STATUS_INVALID_PARAMETER, EINVAL},
      {OpenRequest::io("gpiochip0", {1, 1}, Access::read), CLX_STATUS_INVALID_PARAMETER, EINVAL},
      {OpenRequest::io("no-such-chip", {1}, Access::read), CLX_STATUS_NO_SUCH_DEVICE, ENODEV},
      {OpenRequest::io("gpiochip0", {1}, Access::write).restriction(IoRestriction::input_only),
       CLX_STATUS_GPIO_OPERATION_DENIED, EPERM},
      {OpenRequest::io("gpiochip0", {1}, Access::read).restriction(IoRestriction::output_only),
       CLX_STATUS_GPIO_OPERATION_DENIED, EPERM},
  };
  for (const Row& row : rows) {
    Result<Connection> c = hub.connect(row.request);
    ASSERT_FALSE(c.ok()) << row.request.m_controller;
    expect_error(c.error(), row.status, row.err);
    EXPECT_EQ(c.error().message().rfind("CLXHUB_IOC_OPEN: ", 0), 0u) << c.error().message();
  }
  EXPECT_EQ(fake.open_fds(), 1u);  // the hub only
}

TEST_F(HubTest, ExclusiveRefusesSharedJoinsInTheSameModeOnly) {
  Hub hub = open_hub();
  {
    Connection a = connect(hub, OpenRequest::io("gpiochip0", {1, 2}, Access::read));
    Result<Connection> b = hub.connect(OpenRequest::io("gpiochip0", {2, 3}, Access::read));
    ASSERT_FALSE(b.ok());
    expect_error(b.error(), CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, EBUSY);
    // Another pin of the same controller is free.
    EXPECT_TRUE(hub.connect(OpenRequest::io("gpiochip0", {3}, Access::read)).ok());
  }
  Connection s1 = connect(hub, OpenRequest::io("gpiochip0", {1}, Access::read).shared());
  EXPECT_TRUE(hub.connect(OpenRequest::io("gpiochip0", {1}, Access::read).shared()).ok());
  Result<Connection> other_mode = hub.connect(OpenRequest::io("gpiochip0", {1}, Access::write).shared());
  ASSERT_FALSE(other_mode.ok());
  expect_error(other_mode.error(), CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, EBUSY);
  Result<Connection> exclusive = hub.connect(OpenRequest::io("gpiochip0", {1}, Access::read));
  ASSERT_FALSE(exclusive.ok());
}

TEST_F(HubTest, TheLibraryRefusesWhatCannotBeSentWithoutAskingTheHub) {
  Hub hub = open_hub();
  std::vector<std::uint16_t> many(65, 0);
  for (std::uint16_t i = 0; i < 65; ++i) many[i] = i;
  const OpenRequest bad[] = {
      OpenRequest::io("gpiochip0", {}, Access::read),
      OpenRequest::io("gpiochip0", many, Access::read),
      OpenRequest::io(std::string(64, 'c'), {1}, Access::read),
      OpenRequest::io("", {1}, Access::read),
      OpenRequest::io("gpiochip0", {1}, Access::read).consumer(std::string(32, 'n')),
      OpenRequest::device_io("", 0, Access::read),
      OpenRequest::device_io(std::string(64, 'd'), 0, Access::read),
  };
  for (const OpenRequest& r : bad) {
    Result<Connection> c = hub.connect(r);
    ASSERT_FALSE(c.ok());
    expect_error(c.error(), CLX_STATUS_INVALID_PARAMETER, EINVAL);
  }
  EXPECT_TRUE(fake.ioctls.empty());
  // The longest names that fit are sent.
  EXPECT_FALSE(hub.connect(OpenRequest::io(std::string(63, 'c'), {1}, Access::read)).ok());
  EXPECT_EQ(fake.ioctls.size(), 1u);
  EXPECT_TRUE(
      hub.connect(OpenRequest::io("gpiochip0", {1}, Access::read).consumer(std::string(31, 'n'))).ok());
  // A value for another table size is not sent either.
  Connection c = connect(hub, OpenRequest::io("gpiochip0", {1, 2}, Access::write));
  const std::size_t before = fake.ioctls.size();
  Result<void> w = c.write_pins(Bits(3, 0));
  ASSERT_FALSE(w.ok());
  expect_error(w.error(), CLX_STATUS_INVALID_PARAMETER, EINVAL);
  EXPECT_EQ(w.error().message(), "3 values for a table of 2 pins");
  EXPECT_EQ(fake.ioctls.size(), before);
}

TEST_F(HubTest, AnErrorWithoutStatusIsNamedFromTheErrno) {
  Hub hub = open_hub();
  fake.fail_next_ioctl = -ENOTTY;  // an older hub without the ioctl
  Result<Connection> c = hub.connect(OpenRequest::io("gpiochip0", {1}, Access::read));
  ASSERT_FALSE(c.ok());
  expect_error(c.error(), CLX_STATUS_INVALID_DEVICE_REQUEST, ENOTTY);
  Connection r = connect(hub, OpenRequest::io("gpiochip0", {1}, Access::read));
  fake.fail_next_ioctl = -EFAULT;
  Result<Bits> b = r.read_pins();
  ASSERT_FALSE(b.ok());
  expect_error(b.error(), CLX_STATUS_UNSUCCESSFUL, EFAULT);
}

TEST_F(HubTest, HandlesOwnTheirDescriptorsAndClosingReleasesThePins) {
  {
    Hub hub = open_hub();
    Connection a = connect(hub, OpenRequest::io("gpiochip0", {1}, Access::write));
    EXPECT_TRUE(fake.controller("gpiochip0").output[1]);
    Connection moved = std::move(a);
    EXPECT_EQ(a.fd(), -1);  // NOLINT: moved-from is empty, on purpose
    EXPECT_EQ(fake.open_fds(), 2u);
    EXPECT_FALSE(hub.connect(OpenRequest::io("gpiochip0", {1}, Access::write)).ok());
    ASSERT_TRUE(moved.close().ok());
    EXPECT_TRUE(moved.close().ok());                       // twice: nothing more
    EXPECT_FALSE(fake.controller("gpiochip0").output[1]);  // back to its default, an input
    Connection again = connect(hub, OpenRequest::io("gpiochip0", {1}, Access::write));
    Connection other = connect(hub, OpenRequest::io("gpiochip0", {2}, Access::write));
    again = std::move(other);  // closes pin 1's connection, takes pin 2's
    EXPECT_EQ(fake.open_fds(), 2u);
    EXPECT_TRUE(hub.connect(OpenRequest::io("gpiochip0", {1}, Access::write)).ok());
    Hub hub2 = std::move(hub);
    EXPECT_EQ(fake.open_fds(), 2u);
  }
  EXPECT_EQ(fake.open_fds(), 0u);
}

TEST_F(HubTest, NoneAndPreserveKeepsThePinsOnClose) {
  Hub hub = open_hub();
  {
    Connection c = connect(
        hub, OpenRequest::io("gpiochip0", {3}, Access::write).restriction(IoRestriction::none_and_preserve));
    ASSERT_TRUE(c.write_pins(Bits(1, 1)).ok());
  }
  EXPECT_TRUE(fake.controller("gpiochip0").output[3]);
  EXPECT_TRUE(fake.controller("gpiochip0").level[3]);
}

TEST_F(HubTest, InfoSaysWhatTheConnectionHolds) {
  Hub hub = open_hub();
  Connection c = connect(hub, OpenRequest::io("gpio-sim.0-node0", {9, 4}, Access::read_write).shared());
  Result<ConnectionInfo> i = c.info();
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i.value().kind, ConnectionKind::io);
  EXPECT_EQ(i.value().access, static_cast<std::uint32_t>(CLXHUB_ACCESS_READ_WRITE));
  EXPECT_EQ(i.value().flags, CLXHUB_OPEN_SHARED);
  EXPECT_EQ(i.value().controller, "gpiochip1");
  EXPECT_EQ(i.value().pins, (std::vector<std::uint16_t>{9, 4}));
}

}  // namespace

// GpioClx connection rules: input/output/interrupt/firmware ownership, shared
// connections, all-or-nothing across a mask, enable on first interrupt connect and
// disable on the last disconnect.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_io_config kIn = io_cfg(CLX_IO_INPUT);
const clx_io_config kOut = io_cfg(CLX_IO_OUTPUT);
const clx_irq_config kLevelHigh = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);

}  // namespace

TEST(EngineOwnership, InputAndOutputConnect) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1) | B(2), &kIn, 0), 0);
  std::vector<Access> expect{R(pl::DIR, 0), W(pl::DIR, 0)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 2), CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 3), 0);

  r.rec.clear();
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(4) | B(6), &kOut, 0), 0);
  EXPECT_EQ(r.hw.dir, 0x50);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 4), CLX_IO_OUTPUT);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 4), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 1), 1);
  ASSERT_EQ(clx_bank_write(r.chip, 0, B(4), B(6)), 0);
  EXPECT_EQ(r.hw.level() & 0x50, 0x10);

  r.rec.clear();
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(4) | B(6)), 0);
  expect = {R(pl::DIR, 0x50), W(pl::DIR, 0x00)};  // back to the default: input
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 4), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 4), 1);
}

TEST(EngineOwnership, ConflictIsEbusyAndAllOrNothing) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), 0);
  r.rec.clear();
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), -CLX_EBUSY) << "exclusive input taken";
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, CLX_CONNECT_SHARED), -CLX_EBUSY)
      << "the holder is not shared";
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kOut, 0), -CLX_EBUSY);
  // Pin 2 is free but pin 1 conflicts: nothing is connected, nothing written.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(2) | B(1) | B(3), &kOut, 0), -CLX_EBUSY);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.dir, 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 2), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 3), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(2) | B(3), &kOut, 0), 0);
}

TEST(EngineOwnership, SharedInputsJoinWithoutReprogramming) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, CLX_CONNECT_SHARED), 0);
  r.hw.dir = 0x06;  // pins 1 and 2 as the hardware has them now
  r.rec.clear();
  // Pin 1 joins (no reprogramming), pin 2 is fresh and is configured.
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1) | B(2), &kIn, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(r.hw.dir, 0x02) << "connect_io saw only the fresh pin 2";
  // An exclusive request cannot join a shared one.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), -CLX_EBUSY);
  // Output cannot join an input, shared or not.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kOut, CLX_CONNECT_SHARED), -CLX_EBUSY);

  // Two users on pin 1: the first disconnect keeps it, the last releases it.
  r.rec.clear();
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(1)), 0);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), CLX_IO_INPUT);
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(1)), 0);
  EXPECT_EQ(r.rec.log.size(), 2u) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), 0);
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, B(1)), -CLX_ENOTCONN);
  // Free again: an exclusive connect works now.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), 0);
}

TEST(EngineOwnership, SharedOutputsJoinOnlySharedOutputs) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(5), &kOut, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &kOut, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &kOut, 0), -CLX_EBUSY);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &kIn, CLX_CONNECT_SHARED), -CLX_EBUSY);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(6), &kOut, 0), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(6), &kOut, CLX_CONNECT_SHARED), -CLX_EBUSY);
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(5)), 0);
  EXPECT_EQ(r.hw.dir & 0x20, 0x20) << "one user left";
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(5)), 0);
  EXPECT_EQ(r.hw.dir & 0x20, 0);
}

TEST(EngineOwnership, DisconnectOfUnconnectedPinIsEnotconnAndAllOrNothing) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(0), &kOut, 0), 0);
  r.rec.clear();
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, B(1)), -CLX_ENOTCONN);
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, B(0) | B(1)), -CLX_ENOTCONN);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 0), CLX_IO_OUTPUT);
  EXPECT_EQ(r.hw.dir, 0x01);
  EXPECT_EQ(clx_irq_disconnect(r.chip, 1), -CLX_ENOTCONN);
  // An interrupt-only pin has no I/O connection to drop.
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &kLevelHigh, 0), 0);
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, B(2)), -CLX_ENOTCONN);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 2), 1);
}

TEST(EngineOwnership, OutputAndInterruptExcludeEachOther) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(4), &kOut, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_irq_connect(r.chip, 4, &kLevelHigh, 0), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 4, &kLevelHigh, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 4), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  r.rec->clear();
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &kOut, 0), -CLX_EBUSY);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(5), &kOut, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 5), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::DIRECTION) & B(5), B(5)) << "still an input";
}

TEST(EngineOwnership, InputPlusInterruptOnlyWhenBothShared) {
  SimRig r(64, 32);
  // Exclusive input, then any interrupt: refused.
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), 0);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), -CLX_EBUSY);
  // Shared input, exclusive interrupt: refused; shared interrupt: allowed.
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(2), &kIn, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_irq_connect(r.chip, 2, &kLevelHigh, 0), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 2, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 2), CLX_IO_INPUT);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 2), 1);
  // Interrupt first: exclusive interrupt refuses any input; shared accepts only shared.
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, 0), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(3), &kIn, CLX_CONNECT_SHARED), -CLX_EBUSY);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(6), &kIn, 0), -CLX_EBUSY);
  r.rec->clear();
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(6), &kIn, CLX_CONNECT_SHARED), 0);
  EXPECT_TRUE(r.rec->writes().empty()) << "the interrupt already configured the pin";
  EXPECT_EQ(clx_io_connected_mode(r.chip, 6), CLX_IO_INPUT);

  // The reader leaves: the pin stays configured for its interrupt, which still fires.
  r.rec->clear();
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(6)), 0);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 6), 0);
  EXPECT_TRUE(r.drive(6, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(6)}));
  // And the interrupt leaving too frees the pin completely.
  ASSERT_EQ(clx_irq_disconnect(r.chip, 6), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(6), &kOut, 0), 0);
}

TEST(EngineOwnership, FirmwareReservedPinsAreEaccesForDrivers) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_firmware_reserve(r.chip, 0, B(7) | B(8)), 0);
  ASSERT_EQ(clx_firmware_reserve(r.chip, 0, B(7)), 0) << "reserving twice is harmless";
  r.rec->clear();
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(7), &kIn, 0), -CLX_EACCES);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(8), &kOut, CLX_CONNECT_SHARED), -CLX_EACCES);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(9) | B(8), &kIn, 0), -CLX_EACCES);
  EXPECT_EQ(clx_irq_connect(r.chip, 7, &kLevelHigh, 0), -CLX_EACCES);
  EXPECT_EQ(clx_irq_connect(r.chip, 8, &kLevelHigh, CLX_CONNECT_SHARED), -CLX_EACCES);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 9), 0) << "all-or-nothing: the free pin stayed free";
  EXPECT_EQ(clx_io_connected_mode(r.chip, 7), 0);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 7), 0);
  // Released pins are ordinary again.
  ASSERT_EQ(clx_firmware_release(r.chip, 0, B(7)), 0);
  EXPECT_EQ(clx_irq_connect(r.chip, 7, &kLevelHigh, 0), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(8), &kIn, 0), -CLX_EACCES);
}

TEST(EngineOwnership, ReserveOfAConnectedPinIsEbusyAndAllOrNothing) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1), &kIn, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &kLevelHigh, 0), 0);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(3), &kOut, 0), 0);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(1)), -CLX_EBUSY);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(2)), -CLX_EBUSY);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(3)), -CLX_EBUSY);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(4) | B(1)), -CLX_EBUSY);
  // Pin 4 was not reserved by the failed call.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(4), &kIn, 0), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), CLX_IO_INPUT);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 2), 1);
}

TEST(EngineOwnership, ReleaseOfUnreservedPinIsEnotconnAndAllOrNothing) {
  SimRig r(64, 32);
  ASSERT_EQ(clx_firmware_reserve(r.chip, 0, B(10)), 0);
  EXPECT_EQ(clx_firmware_release(r.chip, 0, B(11)), -CLX_ENOTCONN);
  EXPECT_EQ(clx_firmware_release(r.chip, 0, B(10) | B(11)), -CLX_ENOTCONN);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(10), &kIn, 0), -CLX_EACCES) << "still reserved";
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(12), &kIn, 0), 0);
  EXPECT_EQ(clx_firmware_release(r.chip, 0, B(12)), -CLX_ENOTCONN) << "a driver's pin";
  EXPECT_EQ(clx_io_connected_mode(r.chip, 12), CLX_IO_INPUT);
}

TEST(EngineOwnership, SharedInterruptEnablesOnFirstAndDisablesOnLast) {
  Pl061Rig r;
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  std::vector<Access> enable{
      R(pl::IS, 0x00),  W(pl::IS, 0x08),  R(pl::IBE, 0x00), W(pl::IBE, 0x00),
      R(pl::IEV, 0x00), W(pl::IEV, 0x08), W(pl::IC, 0x08),  R(pl::IE, 0x00),
      W(pl::IE, 0x08),
  };
  EXPECT_EQ(r.rec.log, enable) << to_string(r.rec.log);
  r.rec.clear();
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  EXPECT_TRUE(r.rec.log.empty()) << "later shared connects do not re-enable" << to_string(r.rec.log);

  // Joining needs SHARED and the same mode, polarity and debounce.
  clx_irq_config other = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &other, CLX_CONNECT_SHARED), -CLX_EBUSY);
  other = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &other, CLX_CONNECT_SHARED), -CLX_EBUSY);
  other = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH, 100);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &other, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &kLevelHigh, 0), -CLX_EBUSY);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.is, 0x08);
  EXPECT_EQ(r.hw.iev, 0x08);

  // Three users: two disconnects are silent, the third disables.
  ASSERT_EQ(clx_irq_disconnect(r.chip, 3), 0);
  ASSERT_EQ(clx_irq_disconnect(r.chip, 3), 0);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.ie, 0x08);
  r.hw.set_input(3, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(3)})) << "the last user still gets it";
  r.rec.clear();
  ASSERT_EQ(clx_irq_disconnect(r.chip, 3), 0);
  std::vector<Access> disable{R(pl::IE, 0x08), W(pl::IE, 0x00)};
  EXPECT_EQ(r.rec.log, disable) << to_string(r.rec.log);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 3), 0);
  EXPECT_EQ(clx_irq_disconnect(r.chip, 3), -CLX_ENOTCONN);
}

TEST(EngineOwnership, ExclusiveInterruptCannotBeJoined) {
  Pl061Rig r;
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, 0), 0);
  r.rec.clear();
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, 0), -CLX_EBUSY);
  EXPECT_TRUE(r.rec.log.empty());
  ASSERT_EQ(clx_irq_disconnect(r.chip, 1), 0);
  EXPECT_EQ(r.hw.ie, 0);
  EXPECT_EQ(clx_irq_disconnect(r.chip, 1), -CLX_ENOTCONN);
}

TEST(EngineOwnership, ReconfigureOfASharedInterruptIsEbusy) {
  Pl061Rig r;
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), 0);
  clx_irq_config low = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  r.rec.clear();
  EXPECT_EQ(clx_irq_reconfigure(r.chip, 1, &low, 0), -CLX_EBUSY);
  EXPECT_TRUE(r.rec.log.empty());
  EXPECT_EQ(clx_irq_reconfigure(r.chip, 2, &low, 0), -CLX_ENOTCONN);
  ASSERT_EQ(clx_irq_disconnect(r.chip, 1), 0);
  EXPECT_EQ(clx_irq_reconfigure(r.chip, 1, &low, 0), 0) << "one user left";
  EXPECT_EQ(r.hw.iev & 0x2, 0);
}

// User counts are bytes: the engine refuses a connect it could not count, rather than
// wrapping and losing track of who holds the pin.
TEST(EngineOwnership, UserCountersDoNotWrap) {
  SimRig r(64, 32);
  for (int i = 0; i < 255; ++i) ASSERT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), 0) << i;
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &kLevelHigh, CLX_CONNECT_SHARED), -CLX_ENOBUFS);
  for (int i = 0; i < 254; ++i) ASSERT_EQ(clx_irq_disconnect(r.chip, 1), 0) << i;
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(1));
  ASSERT_EQ(clx_irq_disconnect(r.chip, 1), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), 0u);
  EXPECT_EQ(clx_irq_disconnect(r.chip, 1), -CLX_ENOTCONN);

  for (int i = 0; i < 255; ++i) ASSERT_EQ(clx_io_connect(r.chip, 0, B(2), &kIn, CLX_CONNECT_SHARED), 0) << i;
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(2), &kIn, CLX_CONNECT_SHARED), -CLX_ENOBUFS);
  // All-or-nothing: a mask with one full pin connects none of them.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(2) | B(3), &kIn, CLX_CONNECT_SHARED), -CLX_ENOBUFS);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 3), 0);
  for (int i = 0; i < 255; ++i) ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(2)), 0) << i;
  EXPECT_EQ(clx_io_connected_mode(r.chip, 2), 0);
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, B(2)), -CLX_ENOTCONN);
}

TEST(EngineOwnership, FailedEnableLeavesThePinFree) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  fake.fail[FakeClient::kEnableIrq] = -CLX_EIO;
  EXPECT_EQ(clx_irq_connect(chip, 2, &kLevelHigh, 0), -CLX_EIO);
  EXPECT_EQ(clx_irq_is_connected(chip, 2), 0);
  fake.fail[FakeClient::kEnableIrq] = 0;
  EXPECT_EQ(clx_io_connect(chip, 0, B(2), &kOut, 0), 0) << "nobody holds it";
  // A disconnect the client refuses keeps the connection.
  ASSERT_EQ(clx_irq_connect(chip, 3, &kLevelHigh, 0), 0);
  fake.fail[FakeClient::kDisableIrq] = -CLX_EIO;
  EXPECT_EQ(clx_irq_disconnect(chip, 3), -CLX_EIO);
  EXPECT_EQ(clx_irq_is_connected(chip, 3), 1);
  fake.fail[FakeClient::kDisableIrq] = 0;
  EXPECT_EQ(clx_irq_disconnect(chip, 3), 0);
  EXPECT_EQ(clx_irq_is_connected(chip, 3), 0);
}

TEST(EngineOwnership, DisconnectReleasesOnlyPinsWhoseLastUserLeft) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1), &kOut, CLX_CONNECT_SHARED), 0);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(1) | B(2), &kOut, CLX_CONNECT_SHARED), 0);
  ASSERT_EQ(r.hw.dir, 0x06);
  r.rec.clear();
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(1) | B(2)), 0);
  std::vector<Access> expect{R(pl::DIR, 0x06), W(pl::DIR, 0x02)};  // pin 2 only
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), CLX_IO_OUTPUT);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 2), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 2), 1);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 1), 0);
}

TEST(EngineOwnership, RefusedDisconnectKeepsTheConnection) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_io_connect(chip, 0, B(1) | B(2), &kOut, 0), 0);
  fake.fail[FakeClient::kDisconnectIo] = -CLX_EIO;
  EXPECT_EQ(clx_io_disconnect(chip, 0, B(1) | B(2)), -CLX_EIO);
  EXPECT_EQ(clx_io_connected_mode(chip, 1), CLX_IO_OUTPUT);
  EXPECT_EQ(clx_io_connected_mode(chip, 2), CLX_IO_OUTPUT);
  fake.fail[FakeClient::kDisconnectIo] = 0;
  EXPECT_EQ(clx_io_disconnect(chip, 0, B(1) | B(2)), 0);
  EXPECT_EQ(clx_io_connected_mode(chip, 1), 0);
}

TEST(EngineOwnership, PreservingDisconnectLeavesTheConfiguration) {
  Pl061Rig r;
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(4) | B(5), &kOut, 0), 0);
  ASSERT_EQ(clx_bank_write(r.chip, 0, B(4), B(5)), 0);
  r.rec.clear();
  ASSERT_EQ(clx_io_disconnect_preserve(r.chip, 0, B(4) | B(5)), 0);
  EXPECT_TRUE(r.rec.log.empty()) << "no register touched: " << to_string(r.rec.log);
  EXPECT_EQ(r.hw.dir & 0x30, 0x30) << "still outputs";
  EXPECT_EQ(r.hw.level() & 0x30, 0x10) << "still driving what they drove";
  EXPECT_EQ(clx_io_connected_mode(r.chip, 4), 0) << "but no longer connected";
  EXPECT_EQ(clx_io_disconnect_preserve(r.chip, 0, B(4)), -CLX_ENOTCONN);
  // The default disconnect of the same state does return the pins to inputs.
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(4), &kOut, 0), 0);
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(4)), 0);
  EXPECT_EQ(r.hw.dir & 0x10, 0);
}

// SPDX-License-Identifier: GPL-2.0
// Interrupt connections against the fake hub: ActiveBoth asserted/deasserted, edges and
// levels, losses seen as seqno gaps, timeouts, records that are not whole.
#include <gtest/gtest.h>

#include <cerrno>

#include "clx_ntstatus.h"
#include "clxgpio/hub.hpp"
#include "fake_hub.hpp"

using namespace clxgpio;
using clxtest::FakeSystem;

namespace {

class EventTest : public ::testing::Test {
 protected:
  Connection irq(Trigger t, unsigned pin = 5) {
    Result<Connection> c =
        m_hub.connect(OpenRequest::interrupt("gpiochip1", static_cast<std::uint16_t>(pin), t));
    if (!c) ADD_FAILURE() << c.error().to_string();
    return std::move(c).value();
  }
  std::vector<Event> events(Connection& c, std::size_t max = 64) {
    Result<std::vector<Event>> e = c.read_events(0, max);
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().to_string());
    return e.ok() ? e.value() : std::vector<Event>{};
  }
  void toggle(unsigned pin, int times) {
    for (int i = 0; i < times; ++i)
      fake.set_level("gpiochip1", pin, !fake.controller("gpiochip1").level[pin]);
  }
  FakeSystem fake;
  Hub m_hub = std::move(Hub::open(fake)).value();
};

TEST_F(EventTest, ActiveBothStartsAssertedAtOnceWhenThePinIs) {
  // Asserted is low unless _DSM says high: a low pin is asserted at connect.
  Connection c = irq(Trigger::both);
  std::vector<Event> e = events(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].active_both);
  EXPECT_TRUE(e[0].asserted);
  EXPECT_EQ(e[0].seqno, 1u);
  EXPECT_EQ(e[0].pin, 5);
  EXPECT_EQ(e[0].pin_index, 0);
  EXPECT_EQ(e[0].lost_before, 0u);
  fake.set_level("gpiochip1", 5, true);
  fake.set_level("gpiochip1", 5, false);
  e = events(c);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_FALSE(e[0].asserted);
  EXPECT_EQ(e[0].kind, EventKind::rising);
  EXPECT_TRUE(e[1].asserted);
  EXPECT_EQ(e[1].kind, EventKind::falling);
  EXPECT_LT(e[0].timestamp_ns, e[1].timestamp_ns);
}

TEST_F(EventTest, ActiveBothWaitsWhenThePinIsNotAssertedAndFollowsDsmHigh) {
  fake.set_level("gpiochip1", 5, true);
  Connection c = irq(Trigger::both);
  EXPECT_TRUE(events(c).empty());
  fake.set_level("gpiochip1", 5, false);
  std::vector<Event> e = events(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].asserted);

  fake.controller("gpiochip1").asserted_high[6] = true;
  Connection high = irq(Trigger::both, 6);
  EXPECT_TRUE(events(high).empty());
  fake.set_level("gpiochip1", 6, true);
  e = events(high);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].asserted);
  EXPECT_EQ(e[0].kind, EventKind::rising);
}

TEST_F(EventTest, GapsInSeqnoAreLossesAndActiveBothStillAlternates) {
  fake.queue_capacity = 4;
  Connection c = irq(Trigger::both);  // event 1: asserted
  toggle(5, 9);                       // 2..10: a full queue drops its oldest pair
  std::vector<Event> e = events(c);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].seqno, 7u);
  EXPECT_EQ(e[0].lost_before, 6u);
  EXPECT_EQ(c.lost(), 6u);
  // Pairs: what the reader sees still alternates, starting asserted.
  for (std::size_t i = 0; i < e.size(); ++i) {
    EXPECT_EQ(e[i].asserted, i % 2 == 0) << i;
    EXPECT_EQ(e[i].lost_before, i == 0 ? 6u : 0u) << i;
  }
  toggle(5, 1);
  e = events(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].seqno, 11u);
  EXPECT_EQ(e[0].lost_before, 0u);
  EXPECT_TRUE(e[0].asserted);
  Result<ConnectionInfo> info = c.info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info.value().dropped, 6u);
  EXPECT_EQ(info.value().events, 11u);
  EXPECT_EQ(info.value().kind, ConnectionKind::interrupt);
}

TEST_F(EventTest, TheFirstEventCanFollowALoss) {
  fake.queue_capacity = 2;
  Connection c = irq(Trigger::both);  // 1
  toggle(5, 2);                       // 2, then 3 drops 1 and 2
  std::vector<Event> e = events(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].seqno, 3u);
  EXPECT_EQ(e[0].lost_before, 2u);
  EXPECT_TRUE(e[0].asserted);
}

TEST_F(EventTest, EdgeModesDropOneAtATime) {
  fake.queue_capacity = 2;
  Connection c = irq(Trigger::rising);
  toggle(5, 6);  // rising 1, 2, 3: 3 drops 1
  std::vector<Event> e = events(c);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].seqno, 2u);
  EXPECT_EQ(e[0].lost_before, 1u);
  EXPECT_EQ(e[1].lost_before, 0u);
}

TEST_F(EventTest, EdgesAndLevels) {
  Connection rising = irq(Trigger::rising, 10);
  Connection falling = irq(Trigger::falling, 11);
  Connection level = irq(Trigger::level_high, 12);
  for (unsigned p : {10u, 11u, 12u}) toggle(p, 4);
  for (Connection* c : {&rising, &falling, &level}) {
    std::vector<Event> e = events(*c);
    ASSERT_EQ(e.size(), 2u);
    for (const Event& ev : e) {
      EXPECT_FALSE(ev.active_both);
      EXPECT_FALSE(ev.asserted);
    }
  }
  fake.set_level("gpiochip1", 10, true);
  EXPECT_EQ(events(rising).at(0).kind, EventKind::rising);
  fake.set_level("gpiochip1", 11, true);
  fake.set_level("gpiochip1", 11, false);
  EXPECT_EQ(events(falling).at(0).kind, EventKind::falling);
  fake.set_level("gpiochip1", 12, true);
  EXPECT_EQ(events(level).at(0).kind, EventKind::level);
}

TEST_F(EventTest, WaitsAsLongAsAskedAndReadsAtMostMax) {
  Connection c = irq(Trigger::rising);
  Result<std::vector<Event>> none = c.read_events(250);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  EXPECT_EQ(fake.last_poll_timeout, 250);
  toggle(5, 6);  // 3 rising
  std::vector<Event> e = events(c, 2);
  ASSERT_EQ(e.size(), 2u);
  e = events(c, 2);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].seqno, 3u);
  EXPECT_TRUE(c.read_events(0, 0).value().empty());
}

TEST_F(EventTest, RecordsThatAreNotWholeAreAnError) {
  Connection c = irq(Trigger::both);
  fake.short_read = 16;
  Result<std::vector<Event>> e = c.read_events(0);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().errno_value(), EPROTO);
  EXPECT_EQ(e.error().message(), "read: 16 bytes, not whole 32-byte records");
}

TEST_F(EventTest, PollErrorsCarryTheirErrno) {
  Connection c = irq(Trigger::rising);
  Result<std::vector<Event>> forever = c.read_events(-1);
  ASSERT_FALSE(forever.ok());  // the fake's "would block forever"
  EXPECT_EQ(forever.error().errno_value(), EDEADLK);
  EXPECT_EQ(forever.error().message().rfind("poll: ", 0), 0u);
}

TEST_F(EventTest, IoAndInterruptConnectionsRefuseEachOthersRequests) {
  Result<Connection> io = m_hub.connect(OpenRequest::io("gpiochip1", {3}, Access::read));
  ASSERT_TRUE(io.ok());
  Result<std::vector<Event>> e = io.value().read_events(0);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status(), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(e.error().errno_value(), EPERM);
  EXPECT_EQ(e.error().message(), "read: Operation not permitted");
  Connection c = irq(Trigger::rising);
  Result<Bits> b = c.read_pins();
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().status(), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(b.error().errno_value(), EPERM);
}

TEST_F(EventTest, DeviceInterruptResourceTakesItsPinAndTriggerFromInfo) {
  Result<Connection> c = m_hub.connect(OpenRequest::device_interrupt("\\_SB.DEV0", 1));
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_EQ(c.value().pins(), (std::vector<std::uint16_t>{5}));
  EXPECT_EQ(fake.last_open.kind, static_cast<__u32>(CLXHUB_KIND_INTERRUPT));
  EXPECT_EQ(fake.last_open.int_mode, 0);
  EXPECT_EQ(fake.last_open.polarity, 0);
  Result<ConnectionInfo> info = c.value().info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info.value().int_mode, CLXHUB_EDGE);
  EXPECT_EQ(info.value().polarity, CLXHUB_ACTIVE_BOTH);
  // INFO says the descriptor's polarity: ActiveBoth, so the events say asserted or not.
  std::vector<Event> e = events(c.value());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].active_both);
  EXPECT_TRUE(e[0].asserted);
  EXPECT_EQ(e[0].kind, EventKind::falling);
}

}  // namespace

// Debounce emulation on controllers without hardware debounce: a change starts (or
// restarts) the pin's timer instead of an event; the expiry delivers it if the line
// stayed; a bounce back cancels it. Hardware debounce is passed through instead.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_irq_config kBothDebounced = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH, 500);  // 5 ms

class EngineDebounce : public ::testing::TestWithParam<bool> {
 protected:
  clx_sim_attach attach() const { return GetParam() ? CLX_SIM_MEMORY_MAPPED : CLX_SIM_SLEEPING; }
};

std::string flavour(const ::testing::TestParamInfo<bool>& i) { return i.param ? "MemoryMapped" : "Sleeping"; }

}  // namespace

TEST_P(EngineDebounce, ChangeRestartsTheTimerAndExpiryDeliversIt) {
  SimRig r(64, 32, attach());
  r.drive(7, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &kBothDebounced, 0), 0);
  EXPECT_EQ(debounce_of(r.chip, 7), 500);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());

  EXPECT_TRUE(r.drive(7, 0));
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty()) << "no event before the timer";
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_EQ(raw.storm_masked, 0u);
  EXPECT_FALSE(r.pending(0)) << "re-armed for the way back";

  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{falling(7, ASSERTED)}));
  EXPECT_TRUE(expire(r.chip, 0, B(7)).empty()) << "delivered once";

  EXPECT_TRUE(r.drive(7, 1));
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{rising(7)}));
}

TEST_P(EngineDebounce, BounceBackBeforeExpiryCancels) {
  SimRig r(64, 32, attach());
  r.drive(7, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &kBothDebounced, 0), 0);
  clx_dispatch raw{};
  r.drive(7, 0);
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_TRUE(r.drive(7, 1));  // bounced back: the way back is armed
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, 0u) << "back at the stable level: no timer";
  EXPECT_TRUE(expire(r.chip, 0, B(7)).empty()) << "the change was cancelled";
  EXPECT_FALSE(r.pending(0));

  // The stable level is still high: a real press afterwards is delivered.
  r.drive(7, 0);
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{falling(7, ASSERTED)}));
}

TEST_P(EngineDebounce, BounceAwayAgainRestartsAndDeliversOnce) {
  SimRig r(64, 32, attach());
  r.drive(7, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &kBothDebounced, 0), 0);
  clx_dispatch raw{};
  for (int bounce = 0; bounce < 5; ++bounce) {
    r.drive(7, 0);
    EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
    EXPECT_EQ(raw.debounce_restart, B(7)) << bounce;
    r.drive(7, 1);
    EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
    EXPECT_EQ(raw.debounce_restart, 0u) << bounce;
  }
  r.drive(7, 0);
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{falling(7, ASSERTED)}));
  EXPECT_TRUE(expire(r.chip, 0, B(7)).empty());
}

// The timer and the interrupt race: the line bounced back and its interrupt is still
// waiting to be serviced when the timer expires. The expiry must not deliver a change
// the line no longer shows (FACTS 10: at expiry read the level).
TEST_P(EngineDebounce, ExpiryBeforeTheBounceBackIsServicedDeliversNothing) {
  SimRig r(64, 32, attach());
  r.drive(7, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &kBothDebounced, 0), 0);
  clx_dispatch raw{};
  r.drive(7, 0);
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  ASSERT_EQ(raw.debounce_restart, B(7));
  EXPECT_TRUE(r.drive(7, 1));  // back, interrupt pending, not yet serviced
  EXPECT_TRUE(expire(r.chip, 0, B(7)).empty());
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, 0u);
  EXPECT_TRUE(expire(r.chip, 0, B(7)).empty());
  // Still consistent: a real press is delivered once.
  r.drive(7, 0);
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(7));
  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{falling(7, ASSERTED)}));
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
}

// Back and away again before the service: the change stands, delivered once, and the
// late service of the stale interrupt adds nothing.
TEST_P(EngineDebounce, ExpiryAfterBackAndAwayAgainDeliversOnce) {
  SimRig r(64, 32, attach());
  r.drive(7, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 7, &kBothDebounced, 0), 0);
  clx_dispatch raw{};
  r.drive(7, 0);
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  r.drive(7, 1);
  r.drive(7, 0);  // status latched while high; the line is low again
  EXPECT_EQ(expire(r.chip, 0, B(7)), (std::vector<Event>{falling(7, ASSERTED)}));
  std::vector<Event> later;
  for (int i = 0; i < 4; ++i) {
    auto ev = dispatch(r.chip, 0, &raw);
    later.insert(later.end(), ev.begin(), ev.end());
    auto ex = expire(r.chip, 0, raw.debounce_restart);
    later.insert(later.end(), ex.begin(), ex.end());
  }
  EXPECT_TRUE(later.empty());
  EXPECT_FALSE(r.pending(0));
  r.drive(7, 1);
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(expire(r.chip, 0, raw.debounce_restart), (std::vector<Event>{rising(7)}));
}

TEST_P(EngineDebounce, LineAssertedAtConnectIsDebouncedToo) {
  SimRig r(64, 32, attach());
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &kBothDebounced, 0), 0);  // low: asserted
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(2));
  EXPECT_EQ(expire(r.chip, 0, B(2)), (std::vector<Event>{falling(2, ASSERTED)}));
}

TEST_P(EngineDebounce, SeveralPinsRestartTogetherAndExpireSeparately) {
  SimRig r(64, 32, attach());
  for (uint16_t p : {1, 2, 3}) {
    r.drive(p, 1);
    ASSERT_EQ(clx_irq_connect(r.chip, p, &kBothDebounced, 0), 0);
  }
  r.drive(1, 0);
  r.drive(3, 0);
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(1) | B(3));
  EXPECT_EQ(expire(r.chip, 0, B(3)), (std::vector<Event>{falling(3, ASSERTED)}));
  EXPECT_EQ(expire(r.chip, 0, B(1) | B(2) | B(3)), (std::vector<Event>{falling(1, ASSERTED)}))
      << "pin 2 never changed; pin 3 already delivered";
}

TEST_P(EngineDebounce, MaskedPendingPinIsCheckedAgainstTheLineAtExpiry) {
  SimRig r(64, 32, attach());
  r.drive(5, 1);
  r.drive(6, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kBothDebounced, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 6, &kBothDebounced, 0), 0);
  r.drive(5, 0);
  r.drive(6, 0);
  clx_dispatch raw{};
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  ASSERT_EQ(raw.debounce_restart, B(5) | B(6));
  ASSERT_EQ(clx_irq_mask(r.chip, 5), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 6), 0);
  r.drive(5, 1);  // went back while nobody watched
  r.rec->clear();
  EXPECT_EQ(expire(r.chip, 0, B(5) | B(6)), (std::vector<Event>{falling(6, ASSERTED)}));
  std::vector<Access> expect{R(sim::LEVEL, B(5))};
  EXPECT_EQ(r.rec->log, expect) << "the level is read back" << to_string(r.rec->log);
  EXPECT_TRUE(expire(r.chip, 0, B(5)).empty());
}

TEST_P(EngineDebounce, DisconnectDropsAPendingChange) {
  SimRig r(64, 32, attach());
  r.drive(4, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kBothDebounced, 0), 0);
  r.drive(4, 0);
  clx_dispatch raw{};
  ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
  ASSERT_EQ(raw.debounce_restart, B(4));
  ASSERT_EQ(clx_irq_disconnect(r.chip, 4), 0);
  EXPECT_TRUE(expire(r.chip, 0, B(4)).empty());
}

TEST_P(EngineDebounce, DebouncedSingleEdgeDeliversOnlyItsEdge) {
  SimRig r(64, 32, attach());
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH, 100);
  ASSERT_EQ(clx_irq_connect(r.chip, 9, &rise, 0), 0);  // line low
  clx_dispatch raw{};
  for (int i = 0; i < 3; ++i) {
    r.drive(9, 1);
    ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
    ASSERT_EQ(raw.debounce_restart, B(9));
    EXPECT_EQ(expire(r.chip, 0, B(9)), (std::vector<Event>{rising(9)})) << i;
    r.drive(9, 0);
    ASSERT_TRUE(dispatch(r.chip, 0, &raw).empty());
    ASSERT_EQ(raw.debounce_restart, B(9)) << "the way down is debounced as well";
    EXPECT_TRUE(expire(r.chip, 0, B(9)).empty()) << "but not reported";
  }
}

TEST_P(EngineDebounce, LevelInterruptsCannotBeDebouncedInSoftware) {
  SimRig r(64, 32, attach());
  r.rec->clear();
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH, 500);
  EXPECT_EQ(clx_irq_connect(r.chip, 3, &lvl, 0), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 3), 0);
  EXPECT_EQ(debounce_of(r.chip, 3), 0);
  // A connected level interrupt refuses a debounce and keeps working as it was.
  clx_irq_config plain = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &plain, 0), 0);
  r.rec->clear();
  EXPECT_EQ(clx_pin_set_debounce(r.chip, 3, 500), -CLX_EOPNOTSUPP);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(debounce_of(r.chip, 3), 0);
  r.drive(3, 1);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(3)}));
}

TEST_P(EngineDebounce, SetDebounceOnAConnectedPinReprograms) {
  SimRig r(64, 32, attach());
  r.drive(8, 1);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  ASSERT_EQ(clx_irq_connect(r.chip, 8, &both, 0), 0);
  r.drive(8, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(8, ASSERTED)})) << "immediate";

  r.rec->clear();
  ASSERT_EQ(clx_pin_set_debounce(r.chip, 8, 250), 0);
  EXPECT_EQ(debounce_of(r.chip, 8), 250);
  // disable, then enable again armed for the way back (high)
  std::vector<Access> expect{
      W(sim::ENABLE, 0),
      R(sim::POLARITY, B(8)), W(sim::POLARITY, B(8)),
      W(sim::STATUS, B(8)), W(sim::ENABLE, B(8)),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  // No second "asserted" for the assertion the consumer already has.
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, 0u);
  EXPECT_TRUE(expire(r.chip, 0, B(8)).empty());

  r.drive(8, 1);
  EXPECT_TRUE(dispatch(r.chip, 0, &raw).empty()) << "now debounced";
  EXPECT_EQ(raw.debounce_restart, B(8));
  EXPECT_EQ(expire(r.chip, 0, B(8)), (std::vector<Event>{rising(8)}));

  // And off again: immediate events.
  ASSERT_EQ(clx_pin_set_debounce(r.chip, 8, 0), 0);
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.drive(8, 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(8, ASSERTED)}));
  r.drive(8, 1);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(8)}));
}

// A change that happened while the pin was being reprogrammed is not lost.
TEST_P(EngineDebounce, ReprogrammingNoticesALineThatMovedMeanwhile) {
  SimRig r(64, 32, attach());
  r.drive(8, 1);
  ASSERT_EQ(clx_irq_connect(r.chip, 8, &kBothDebounced, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 8), 0);
  r.drive(8, 0);  // unseen: masked
  ASSERT_EQ(clx_pin_set_debounce(r.chip, 8, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE) & B(8), 0u) << "still masked";
  ASSERT_EQ(clx_irq_unmask(r.chip, 8), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{falling(8, ASSERTED)}));
}

INSTANTIATE_TEST_SUITE_P(Sim, EngineDebounce, ::testing::Bool(), flavour);

TEST(EngineDebounceInterruptOnly, InterruptOnlyControllerStillDebounces) {
  FakeClient fake(8, 8, CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW | CLX_CAP_MEMORY_MAPPED);
  fake.ops.connect_io = nullptr;
  fake.ops.disconnect_io = nullptr;
  fake.ops.read_pins = nullptr;
  fake.ops.write_pins = nullptr;
  clx_chip* chip = fake.make_chip();
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH, 200);
  ASSERT_EQ(clx_irq_connect(chip, 3, &both, 0), 0);
  EXPECT_EQ(fake.last_irq.polarity, CLX_POL_LOW);
  fake.active_value = B(3);
  clx_dispatch raw{};
  EXPECT_TRUE(dispatch(chip, 0, &raw).empty());
  EXPECT_EQ(raw.debounce_restart, B(3));
  fake.active_value = 0;
  EXPECT_EQ(expire(chip, 0, B(3)), (std::vector<Event>{falling(3, ASSERTED)}));
  // A failing read on a controller that has one is reported, the change kept.
  FakeClient rd(8, 8, CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW);
  clx_chip* c2 = rd.make_chip();
  rd.read_value = B(3);  // high: deasserted
  ASSERT_EQ(clx_irq_connect(c2, 3, &both, 0), 0);
  rd.active_value = B(3);
  rd.read_value = 0;
  EXPECT_TRUE(dispatch(c2, 0, &raw).empty());
  rd.active_value = 0;
  rd.fail[FakeClient::kReadPins] = -CLX_EIO;
  clx_dispatch d{};
  EXPECT_EQ(clx_debounce_expired(c2, 0, B(3), &d), -CLX_EIO);
  rd.fail[FakeClient::kReadPins] = 0;
  EXPECT_EQ(expire(c2, 0, B(3)), (std::vector<Event>{falling(3, ASSERTED)}));
}

TEST(EngineDebounceHw, HardwareDebounceIsPassedThroughNotEmulated) {
  FakeClient fake(8, 8,
                  CLX_CAP_LEVEL | CLX_CAP_EDGE | CLX_CAP_ACTIVE_HIGH | CLX_CAP_ACTIVE_LOW |
                      CLX_CAP_HW_DEBOUNCE | CLX_CAP_MEMORY_MAPPED);
  clx_chip* chip = fake.make_chip();
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW, 700);
  ASSERT_EQ(clx_irq_connect(chip, 4, &lvl, 0), 0);
  EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_LEVEL);
  EXPECT_EQ(fake.last_irq.polarity, CLX_POL_LOW);
  EXPECT_EQ(fake.last_irq.debounce_timeout, 700);
  EXPECT_EQ(fake.last_pin, 4);
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH, 300);
  ASSERT_EQ(clx_irq_connect(chip, 5, &rise, 0), 0);
  EXPECT_EQ(fake.last_irq.mode, CLX_IRQ_EDGE) << "hardware edge, hardware debounce";
  EXPECT_EQ(fake.last_irq.debounce_timeout, 300);
  fake.active_value = B(5);
  fake.calls.clear();
  clx_dispatch raw{};
  EXPECT_EQ(dispatch(chip, 0, &raw), (std::vector<Event>{rising(5)}));
  EXPECT_EQ(raw.debounce_restart, 0u);
  EXPECT_EQ(fake.calls, (std::vector<std::string>{"query_active", "clear_active"}));

  // I/O connects carry the debounce to the controller too.
  clx_io_config in = io_cfg(CLX_IO_INPUT, CLX_PULL_DEFAULT, 0, 900);
  ASSERT_EQ(clx_io_connect(chip, 0, B(6), &in, 0), 0);
  EXPECT_EQ(fake.last_io.debounce_timeout, 900);
  ASSERT_EQ(clx_pin_set_debounce(chip, 6, 1000), 0);
  EXPECT_EQ(fake.last_io.debounce_timeout, 1000);
  EXPECT_EQ(fake.last_io.mode, CLX_IO_INPUT);
  EXPECT_EQ(fake.last_mask, B(6));
}

TEST(EngineDebounceHw, WithoutHardwareDebounceIoConnectsDoNotPassIt) {
  FakeClient fake;
  clx_chip* chip = fake.make_chip();
  clx_io_config in = io_cfg(CLX_IO_INPUT, CLX_PULL_DEFAULT, 0, 900);
  ASSERT_EQ(clx_io_connect(chip, 0, B(6), &in, 0), 0);
  EXPECT_EQ(fake.last_io.debounce_timeout, 0);
  EXPECT_EQ(debounce_of(chip, 6), 900) << "remembered for emulation";
}

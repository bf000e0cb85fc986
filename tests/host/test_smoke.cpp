// First end-to-end pass through the engine on both controllers.
#include <gtest/gtest.h>

#include "rigs.hpp"

using namespace clxtest;

TEST(Pl061, OutputRoundTripUsesAddressMaskedData) {
  Pl061Rig r;
  ASSERT_EQ(clxgpio_pin_set_direction(r.chip, 5, CLX_IO_OUTPUT, 1), 0);
  EXPECT_EQ(r.hw.dir, 0x20);
  EXPECT_EQ(r.hw.out & 0x20, 0x20);
  r.rec.clear();
  ASSERT_EQ(clxgpio_pin_write(r.chip, 5, 0), 0);
  std::vector<Access> expect{{'W', 0x20u << 2, 0}};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(clxgpio_pin_read(r.chip, 5), 0);
}

TEST(Sim, ActiveBothFirstEventIsAssertedWhenAlreadyLow) {
  SimRig r;
  r.drive(3, 0);  // asserted (low) before connect
  clx_irq_config cfg{CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_PULL_DEFAULT, 0};
  ASSERT_EQ(clxgpio_irq_connect(r.chip, 3, &cfg, 0), 0);
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

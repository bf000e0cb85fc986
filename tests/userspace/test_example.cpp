// SPDX-License-Identifier: GPL-2.0
// userspace/README.md's example, as written there but for the Os it is given (the fake
// hub) and the streams it prints to: it must compile and say what the README says.
#include <gtest/gtest.h>

#include <sstream>

#include "clxgpio/clxgpio.hpp"
#include "fake_hub.hpp"

namespace {

int readme_example(clxgpio::Os& os, std::ostream& out, std::ostream& err) {
  clxgpio::Result<clxgpio::Hub> hub = clxgpio::Hub::open(os);
  if (!hub) {  // e.g. "STATUS_NOT_FOUND (ENOENT): open /dev/clxgpio-hub: No such file or directory"
    err << hub.error().to_string() << "\n";
    return 1;
  }
  // Pins 7, 8 and 23 for write: bits 0, 1 and 2 of every value, whatever the pin numbers.
  auto io =
      hub.value().connect(clxgpio::OpenRequest::io("gpio-sim.0-node0", {7, 8, 23}, clxgpio::Access::write));
  if (!io) {  // e.g. STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (EBUSY): someone holds a pin
    err << io.error().to_string() << "\n";
    return 1;
  }
  if (auto w = io.value().write_pins(clxgpio::Bits(3, 0x5)); !w)  // 7 high, 8 low, 23 high
    err << w.error().status_name() << "\n";
  if (auto latches = io.value().read_pins())  // a write connection reads its latches
    out << latches.value().to_hex() << " " << latches.value().to_string() << "\n";  // 0x5 101

  // One pin's interrupt, ActiveBoth: asserted / deasserted; a gap in seqno is a loss.
  auto irq =
      hub.value().connect(clxgpio::OpenRequest::interrupt("gpio-sim.0-node0", 5, clxgpio::Trigger::both));
  while (irq) {
    auto events = irq.value().read_events(1000);  // wait up to 1 s
    if (!events || events.value().empty()) break;
    for (const clxgpio::Event& e : events.value()) {
      if (e.lost_before) out << "lost " << e.lost_before << "\n";
      out << e.timestamp_ns << (e.asserted ? " asserted\n" : " deasserted\n");
    }
  }
  return 0;
}  // the connections close here: their pins return to their default

TEST(ReadmeExample, RunsAsTheReadmeSays) {
  clxtest::FakeSystem fake;
  int polls = 0;
  fake.on_poll = [&polls](clxtest::FakeSystem& f) {
    if (++polls == 1) f.set_level("gpiochip1", 5, true);
  };
  std::ostringstream out, err;
  EXPECT_EQ(readme_example(fake, out, err), 0);
  EXPECT_EQ(err.str(), "");
  EXPECT_EQ(out.str(), "0x5 101\n1000000000 asserted\n1000001000 deasserted\n");
  EXPECT_EQ(fake.open_fds(), 0u);
  EXPECT_FALSE(fake.controller("gpiochip1").output[7]);  // closed: back to an input

  fake.hub_open_error = -ENOENT;
  std::ostringstream out2, err2;
  EXPECT_EQ(readme_example(fake, out2, err2), 1);
  EXPECT_EQ(err2.str(), "STATUS_NOT_FOUND (ENOENT): open /dev/clxgpio-hub: No such file or directory\n");
}

}  // namespace

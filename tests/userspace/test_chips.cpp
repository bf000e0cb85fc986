// SPDX-License-Identifier: GPL-2.0
// The GPIO character devices through the v2 uAPI (fake): controllers in order, lookup by
// name, number, path or label, and who holds each line.
#include <gtest/gtest.h>

#include <cerrno>

#include "clx_ntstatus.h"
#include "clxgpio/chips.hpp"
#include "clxgpio/hub.hpp"
#include "fake_hub.hpp"

using namespace clxgpio;
using clxtest::FakeSystem;

namespace {

TEST(Chips, ListedByNumberNotByName) {
  FakeSystem fake;
  fake.add_controller("gpiochip10", "ten", 2);
  fake.add_controller("gpiochip2", "two", 4);
  Result<std::vector<ChipInfo>> chips = list_chips(fake);
  ASSERT_TRUE(chips.ok());
  std::vector<std::string> names;
  for (const ChipInfo& c : chips.value()) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"gpiochip0", "gpiochip1", "gpiochip2", "gpiochip10"}));
  EXPECT_EQ(chips.value()[0].label, "9030000.pl061");
  EXPECT_EQ(chips.value()[0].path, "/dev/gpiochip0");
  EXPECT_EQ(chips.value()[0].lines, 8u);
  EXPECT_EQ(fake.open_fds(), 0u);
}

TEST(Chips, FoundByNameNumberPathOrLabel) {
  FakeSystem fake;
  for (const char* spec : {"gpiochip1", "1", "/dev/gpiochip1", "gpio-sim.0-node0"}) {
    Result<ChipInfo> c = find_chip(fake, spec);
    ASSERT_TRUE(c.ok()) << spec;
    EXPECT_EQ(c.value().name, "gpiochip1") << spec;
  }
  Result<ChipInfo> none = find_chip(fake, "nothing");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().status(), CLX_STATUS_OBJECT_NAME_NOT_FOUND);
  EXPECT_EQ(none.error().errno_value(), ENOENT);
  EXPECT_EQ(none.error().message(), "no GPIO controller named or labelled 'nothing' in /dev");
  Result<ChipInfo> gone = find_chip(fake, "gpiochip7");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().errno_value(), ENOENT);
  EXPECT_EQ(gone.error().message(), "open /dev/gpiochip7: No such file or directory");
  EXPECT_EQ(fake.open_fds(), 0u);
}

TEST(Chips, LinesShowHubGpiolibAndFirmwareHolders) {
  FakeSystem fake;
  auto& pl061 = fake.controller("gpiochip0");
  pl061.gpiolib[2] = "gpio-keys";
  pl061.firmware.insert(7);
  Hub hub = std::move(Hub::open(fake)).value();
  Result<Connection> c =
      hub.connect(OpenRequest::io("gpiochip0", {4}, Access::write).consumer("my-driver").pull(Pull::up));
  ASSERT_TRUE(c.ok());
  Result<Connection> d = hub.connect(OpenRequest::io("gpiochip0", {5}, Access::read).debounce(150));
  ASSERT_TRUE(d.ok());
  Result<ChipInfo> chip = find_chip(fake, "gpiochip0");
  Result<std::vector<LineInfo>> lines = line_infos(fake, chip.value());
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines.value().size(), 8u);
  const auto& l = lines.value();
  EXPECT_FALSE(l[0].used);
  EXPECT_EQ(l[0].consumer, "");
  EXPECT_TRUE(l[2].used);
  EXPECT_EQ(l[2].consumer, "gpio-keys");
  EXPECT_TRUE(l[4].used);
  EXPECT_EQ(l[4].consumer, "my-driver");
  EXPECT_EQ(l[4].direction, LineDirection::output);
  EXPECT_EQ(l[4].bias, LineBias::pull_up);
  EXPECT_EQ(l[5].consumer, "clxgpio");  // no consumer given: the process name
  EXPECT_EQ(l[5].direction, LineDirection::input);
  EXPECT_EQ(l[5].debounce_us, 1500u);
  EXPECT_TRUE(l[7].used);
  EXPECT_EQ(l[7].consumer, "firmware");
  EXPECT_EQ(l[3].offset, 3u);

  Result<LineInfo> one = line_info(fake, chip.value(), 4);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value().consumer, "my-driver");
  Result<LineInfo> past = line_info(fake, chip.value(), 8);
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.error().status(), CLX_STATUS_INVALID_PARAMETER);
  EXPECT_EQ(past.error().message(), "gpiochip0 has 8 lines, no line 8");
}

TEST(Chips, ADirectoryThatCannotBeListedIsAnError) {
  FakeSystem fake;
  Result<std::vector<ChipInfo>> chips = list_chips(fake, "/nonexistent");
  ASSERT_FALSE(chips.ok());
  EXPECT_EQ(chips.error().errno_value(), ENOENT);
  EXPECT_EQ(chips.error().message(), "list /nonexistent: No such file or directory");
}

}  // namespace

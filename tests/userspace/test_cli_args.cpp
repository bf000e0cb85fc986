// SPDX-License-Identifier: GPL-2.0
// The CLI's option parser and value parsers (userspace/cli/args.hpp).
#include <gtest/gtest.h>

#include "args.hpp"
#include "json.hpp"

using namespace clxgpio;
using namespace clxgpio::cli;

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"count", 'n', true}, {"json", 0, false}, {"shared", 's', false}, {"pull", 0, true}};

Args parse_ok(const std::vector<std::string>& words) {
  Result<Args> a = Args::parse(words, kSpecs);
  if (!a) ADD_FAILURE() << a.error().message();
  return std::move(a).value();
}

std::string parse_error(const std::vector<std::string>& words) {
  Result<Args> a = Args::parse(words, kSpecs);
  return a.ok() ? "(parsed)" : a.error().message();
}

TEST(CliArgs, OptionsInEverySpellingAndOperandsInAnyOrder) {
  Args a = parse_ok({"x:1", "--count=3", "--json", "y", "-s", "--pull", "up"});
  EXPECT_EQ(a.get("count").value(), "3");
  EXPECT_TRUE(a.has("json"));
  EXPECT_TRUE(a.has("shared"));
  EXPECT_EQ(a.get("pull").value(), "up");
  EXPECT_EQ(a.operands(), (std::vector<std::string>{"x:1", "y"}));
  EXPECT_FALSE(a.get("missing").has_value());
  EXPECT_EQ(parse_ok({"-n5"}).get("count").value(), "5");
  EXPECT_EQ(parse_ok({"-n", "6"}).get("count").value(), "6");
  EXPECT_EQ(parse_ok({"--count=1", "--count=2"}).get("count").value(), "2");  // the last one
  EXPECT_EQ(parse_ok({"--pull="}).get("pull").value(), "");
  // "--" ends the options; a lone "-" is an operand.
  EXPECT_EQ(parse_ok({"--", "--json", "-"}).operands(), (std::vector<std::string>{"--json", "-"}));
}

TEST(CliArgs, WrongOptionsAreNamed) {
  EXPECT_EQ(parse_error({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(parse_error({"--bogus=1"}), "unknown option '--bogus'");
  EXPECT_EQ(parse_error({"-x"}), "unknown option '-x'");
  EXPECT_EQ(parse_error({"-sx"}), "unknown option '-sx'");
  EXPECT_EQ(parse_error({"--count"}), "option '--count' needs a value");
  EXPECT_EQ(parse_error({"-n"}), "option '-n' needs a value");
  EXPECT_EQ(parse_error({"--json=1"}), "option '--json' takes no value");
}

TEST(CliArgs, Numbers) {
  EXPECT_EQ(parse_uint("0", 0, 9, "n").value(), 0u);
  EXPECT_EQ(parse_uint("18446744073709551", 0, UINT64_MAX, "n").value(), 18446744073709551ull);
  EXPECT_EQ(parse_uint("10", 0, 9, "--count").error().message(),
            "--count '10': expected a number from 0 to 9");
  for (const char* bad : {"", "-1", "+1", "1x", " 1", "0x10", "12345678901234567890"})
    EXPECT_FALSE(parse_uint(bad, 0, UINT64_MAX, "n").ok()) << bad;
}

TEST(CliArgs, FixedPointInHundredthsAndThousandths) {
  EXPECT_EQ(parse_fixed("2.5", 2, 65535, "d").value(), 250u);
  EXPECT_EQ(parse_fixed("5.84", 2, 65535, "d").value(), 584u);
  EXPECT_EQ(parse_fixed("0.01", 2, 65535, "d").value(), 1u);
  EXPECT_EQ(parse_fixed("7", 2, 65535, "d").value(), 700u);
  EXPECT_EQ(parse_fixed("655.35", 2, 65535, "d").value(), 65535u);
  EXPECT_EQ(parse_fixed("1.5", 3, 1000000, "s").value(), 1500u);
  EXPECT_EQ(parse_fixed("0", 3, 1000000, "s").value(), 0u);
  EXPECT_EQ(parse_fixed("655.36", 2, 65535, "--drive").error().message(),
            "--drive '655.36': expected a number from 0 to 655.35 with at most 2 decimals");
  EXPECT_EQ(parse_fixed("1", 2, 5, "x").error().message(),
            "x '1': expected a number from 0 to 0.05 with at most 2 decimals");
  for (const char* bad : {"", ".5", "5.", "1.234", "1,5", "-1", "1e3", "1.2.3", "9999999999999"})
    EXPECT_FALSE(parse_fixed(bad, 2, UINT64_MAX, "d").ok()) << bad;
}

TEST(CliArgs, ResourcesAreChipColonPinTables) {
  Result<ResourceSpec> r = parse_resource("gpio-sim.0-node0:7,8,23");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().controller, "gpio-sim.0-node0");
  EXPECT_EQ(r.value().pins, (std::vector<std::uint16_t>{7, 8, 23}));
  EXPECT_EQ(parse_resource("0:3-5,1,9-9").value().pins, (std::vector<std::uint16_t>{3, 4, 5, 1, 9}));
  EXPECT_EQ(parse_resource("0:1").value().controller, "gpiochip0");
  EXPECT_EQ(parse_resource("/dev/gpiochip12:1").value().controller, "gpiochip12");
  EXPECT_EQ(parse_resource("\\_SB.GPI0:1").value().controller, "\\_SB.GPI0");
  EXPECT_EQ(parse_resource("a:b:1").value().controller, "a:b");  // the last ':' splits
  // Duplicates go to the hub, which refuses them with its status.
  EXPECT_EQ(parse_resource("c:1,1").value().pins.size(), 2u);
  EXPECT_EQ(parse_resource("c:0-63").value().pins.size(), 64u);
  EXPECT_EQ(parse_resource("c:0-64").error().message(),
            "resource 'c:0-64': more than 64 pins (a table holds 1 to 64)");
  EXPECT_EQ(parse_resource("gpiochip0").error().message(),
            "resource 'gpiochip0': expected CHIP:PIN[,PIN...]");
  EXPECT_EQ(parse_resource("c:3-1").error().message(),
            "resource 'c:3-1': last pin of a range '1': expected a number from 3 to 65535");
  EXPECT_EQ(parse_resource("c:65536").error().message(),
            "resource 'c:65536': pin '65536': expected a number from 0 to 65535");
  for (const char* bad : {":1", "c:", "c:1,", "c:,1", "c:x", "c:1-", "c:-1"})
    EXPECT_FALSE(parse_resource(bad).ok()) << bad;
}

TEST(CliArgs, ControllerNames) {
  EXPECT_EQ(controller_name("3"), "gpiochip3");
  EXPECT_EQ(controller_name("/dev/gpiochip3"), "gpiochip3");
  EXPECT_EQ(controller_name("/dev/gpiochipX"), "/dev/gpiochipX");
  EXPECT_EQ(controller_name("9030000.pl061"), "9030000.pl061");
}

TEST(CliJson, WritesCompactEscapedJson) {
  Json j;
  j.begin_object().field("s", "a\"b\\c\n\t\x01").field("n", 7u).field("b", true).key("a").begin_array();
  j.value(1).value(std::uint64_t{18446744073709551615ull}).null().begin_object().end_object().end_array();
  j.key("e").begin_array().end_array().end_object();
  EXPECT_EQ(j.str(),
            R"({"s":"a\"b\\c\n\t\u0001","n":7,"b":true,"a":[1,18446744073709551615,null,{}],"e":[]})");
  EXPECT_EQ(json_quote("\\_SB.DEV0"), R"("\\_SB.DEV0")");
}

}  // namespace

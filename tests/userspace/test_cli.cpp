// SPDX-License-Identifier: GPL-2.0
// The clxgpio command against the fake hub: what each command prints (plain and JSON),
// every usage error and operation failure with its message and exit status, and what
// reached the hub.
#include <gtest/gtest.h>

#include <sstream>

#include "cli.hpp"
#include "clxgpio/hub.hpp"
#include "fake_hub.hpp"

using namespace clxgpio;
using clxtest::FakeSystem;

namespace {

struct Ran {
  int code;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  // Runs clxgpio with args; every descriptor it opened is closed when it returns.
  Ran run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const std::size_t before = fake.open_fds();
    int code = cli::run(args, fake, out, err);
    EXPECT_EQ(fake.open_fds(), before) << "clxgpio left a descriptor open";
    EXPECT_EQ(fake.bad_closes, 0);
    return {code, out.str(), err.str()};
  }
  // A usage error: status 2, the message and the hint, nothing printed on stdout, nothing
  // asked of the hub.
  void expect_usage(const std::vector<std::string>& args, const std::string& command,
                    const std::string& message) {
    fake.ioctls.clear();
    Ran r = run(args);
    EXPECT_EQ(r.code, cli::kExitUsage) << message;
    const std::string try_cmd = command.empty() ? "" : command + " ";
    const std::string prefix = command.empty() ? "" : command + ": ";
    EXPECT_EQ(r.err, "clxgpio: " + prefix + message + "\nTry 'clxgpio " + try_cmd + "--help'.\n");
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(fake.ioctls.empty()) << message;
  }
  void expect_failure(const std::vector<std::string>& args, const std::string& err) {
    Ran r = run(args);
    EXPECT_EQ(r.code, cli::kExitFailed) << err;
    EXPECT_EQ(r.err, err);
    EXPECT_EQ(r.out, "");
  }
  // A connection the test holds, as another process would.
  Connection hold(const OpenRequest& r) { return std::move(m_hub.connect(r)).value(); }
  void toggle_each_poll(unsigned pin) {
    fake.on_poll = [pin](FakeSystem& f) {
      f.set_level("gpiochip1", pin, !f.controller("gpiochip1").level[pin]);
    };
  }
  // A high pulse at each poll: one rising and one falling edge.
  void pulse_each_poll(unsigned pin) {
    fake.on_poll = [pin](FakeSystem& f) {
      f.set_level("gpiochip1", pin, true);
      f.set_level("gpiochip1", pin, false);
    };
  }

  FakeSystem fake;
  Hub m_hub = std::move(Hub::open(fake)).value();
};

// ---- help, usage -----------------------------------------------------------------------

TEST_F(CliTest, HelpForTheToolAndEachCommand) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    Ran r = run(args);
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, cli::help_text(""));
    EXPECT_EQ(r.err, "");
  }
  for (const char* cmd : {"list", "info", "read", "write", "monitor", "help"}) {
    ASSERT_NE(cli::help_text(cmd), nullptr);
    Ran own = run({cmd, "--help"});
    EXPECT_EQ(own.code, 0) << cmd;
    EXPECT_EQ(own.out, cli::help_text(cmd)) << cmd;
    EXPECT_EQ(run({"help", cmd}).out, cli::help_text(cmd)) << cmd;
    EXPECT_EQ(std::string(cli::help_text(cmd)).rfind(std::string("Usage: clxgpio ") + cmd, 0), 0u) << cmd;
  }
  EXPECT_EQ(run({"read", "x:1", "-h"}).out, cli::help_text("read"));  // --help wins over the rest
  EXPECT_TRUE(fake.ioctls.empty());
  EXPECT_EQ(cli::help_text("frob"), nullptr);
  // The documented spellings are in the help.
  EXPECT_NE(std::string(cli::help_text("read")).find("  0x5\t101\n"), std::string::npos);
  EXPECT_NE(std::string(cli::help_text("write")).find("are 0x3 (pins 7 and 8 high)"), std::string::npos);
  EXPECT_NE(std::string(cli::help_text("")).find("Exit status: 0 done, 1 an operation failed"),
            std::string::npos);
  Ran v = run({"--version"});
  EXPECT_EQ(v.out, "clxgpio 0.1 (resource hub uapi version 1)\n");
}

TEST_F(CliTest, UsageErrorsExitTwoAndOpenNothing) {
  static_assert(cli::kExitOk != cli::kExitFailed && cli::kExitFailed != cli::kExitUsage &&
                cli::kExitUsage != 0);
  expect_usage({}, "", "no command");
  expect_usage({"--json"}, "", "no command");
  expect_usage({"frob"}, "", "unknown command 'frob'");
  expect_usage({"--frob", "read"}, "", "unknown option '--frob'");
  expect_usage({"help", "frob"}, "", "help: no command 'frob'");
  expect_usage({"help", "read", "x"}, "", "help: no command 'x'");
  expect_usage({"read", "--bogus", "0:1"}, "read", "unknown option '--bogus'");
  expect_usage({"read"}, "read", "no resource: CHIP:PIN[,PIN...] or --device PATH");
  expect_usage({"read", "0:1", "0:2"}, "read", "unexpected '0:2'");
  expect_usage({"read", "gpiochip0"}, "read", "resource 'gpiochip0': expected CHIP:PIN[,PIN...]");
  expect_usage({"read", "--device", "\\_SB.DEV0", "0:1"}, "read", "unexpected '0:1'");
  expect_usage({"read", "--device=\\_SB.DEV0", "--pull=up"}, "read",
               "--pull with --device: the device's descriptor configures its pins");
  expect_usage({"read", "--device=\\_SB.DEV0", "--index=x"}, "read",
               "--index 'x': expected a number from 0 to 4294967295");
  expect_usage({"read", "--index=1", "0:1"}, "read", "--index goes with --device");
  expect_usage({"read", "0:1", "--pull=sideways"}, "read",
               "--pull='sideways': expected up|down|none|default");
  expect_usage({"read", "0:1", "--restriction=both"}, "read",
               "--restriction='both': expected none|input|output|preserve");
  expect_usage({"read", "0:1", "--drive=1.234"}, "read",
               "--drive '1.234': expected a number from 0 to 655.35 with at most 2 decimals");
  expect_usage({"read", "0:1", "--debounce=700"}, "read",
               "--debounce '700': expected a number from 0 to 655.35 with at most 2 decimals");
  expect_usage({"read", "0:1", "--size=-1"}, "read", "--size '-1': expected a number from 0 to 4294967295");
  expect_usage({"read", "0:1", "--consumer=" + std::string(32, 'c')}, "read", "--consumer: at most 31 bytes");
  expect_usage({"read", "0:1", "--hold=1"}, "read", "unknown option '--hold'");
  expect_usage({"write"}, "write", "no resource and value");
  expect_usage({"write", "0:1,2"}, "write", "no value to write");
  expect_usage({"write", "0:1", "1", "0"}, "write", "unexpected '0'");
  expect_usage({"write", "0:1,2", "0x4"}, "write",
               "value '0x4': a bit past the last pin is set (expected 0x<hex> below 2^2, or 2 digits 0/1 in "
               "table order, pin 0 first)");
  expect_usage(
      {"write", "0:1,2", "1"}, "write",
      "value '1': wrong number of digits (expected 0x<hex> below 2^2, or 2 digits 0/1 in table order, "
      "pin 0 first)");
  expect_usage({"write", "0:1", "1", "--hold=soon"}, "write",
               "--hold 'soon': expected a number from 0 to 4294967.295 with at most 3 decimals");
  expect_usage({"monitor", "1:5,6"}, "monitor", "'1:5,6': an interrupt resource is one pin, not 2");
  expect_usage({"monitor", "1:5", "--edge=up"}, "monitor", "--edge='up': expected both|rising|falling");
  expect_usage({"monitor", "1:5", "--level=mid"}, "monitor", "--level='mid': expected high|low");
  expect_usage({"monitor", "1:5", "--edge=both", "--level=high"}, "monitor", "--edge or --level, not both");
  expect_usage({"monitor", "1:5", "--count=0"}, "monitor",
               "--count '0': expected a number from 1 to 999999999999999999");
  expect_usage({"monitor", "1:5", "--timeout=-1"}, "monitor",
               "--timeout '-1': expected a number from 0 to 2147483.647 with at most 3 decimals");
  expect_usage({"monitor", "1:5", "--drive=1"}, "monitor", "unknown option '--drive'");
  expect_usage({"monitor", "1:5", "--write"}, "monitor", "unknown option '--write'");
  expect_usage({"monitor", "--device=\\_SB.DEV0", "--edge=rising"}, "monitor",
               "--edge with --device: the device's descriptor configures its pins");
  expect_usage({"info"}, "info", "no pin: CHIP:PIN");
  expect_usage({"info", "gpiochip0"}, "info", "'gpiochip0': expected CHIP:PIN");
  expect_usage({"info", "0:x"}, "info", "'0:x': pin 'x': expected a number from 0 to 4294967295");
  expect_usage({"info", "0:1", "0:2"}, "info", "unexpected '0:2'");
  expect_usage({"list", "--all"}, "list", "unknown option '--all'");
  EXPECT_EQ(fake.open_fds(), 1u);  // the test's own hub
}

// ---- read ------------------------------------------------------------------------------

TEST_F(CliTest, ReadPrintsHexAndBitsInTableOrder) {
  fake.set_level("gpiochip1", 7, true);
  fake.set_level("gpiochip1", 23, true);
  Ran r = run({"read", "gpiochip1:7,8,23"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "0x5\t101\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(fake.last_open.access, static_cast<__u32>(CLXHUB_ACCESS_READ));
  Ran j = run({"--json", "read", "gpio-sim.0-node0:7,8,23"});
  EXPECT_EQ(j.code, 0);
  EXPECT_EQ(j.out,
            R"({"controller":"gpio-sim.0-node0","pins":[7,8,23],"hex":"0x5","bits":"101","values":[1,0,1]})"
            "\n");
  EXPECT_EQ(run({"read", "--json", "1:23,8,7"}).out,
            R"({"controller":"gpiochip1","pins":[23,8,7],"hex":"0x5","bits":"101","values":[1,0,1]})"
            "\n");
  EXPECT_EQ(run({"read", "1:8,7,22-23"}).out, "0xa\t0101\n");
}

TEST_F(CliTest, ReadOnAWriteConnectionReturnsTheLatches) {
  fake.controller("gpiochip1").latch[8] = true;
  fake.set_level("gpiochip1", 7, true);  // an input level, not a latch
  EXPECT_EQ(run({"read", "--write", "1:7,8,23"}).out, "0x2\t010\n");
  EXPECT_EQ(fake.last_open.access, static_cast<__u32>(CLXHUB_ACCESS_WRITE));
  EXPECT_EQ(run({"read", "-r", "-w", "1:7,8,23"}).out, "0x2\t010\n");
  EXPECT_EQ(fake.last_open.access, static_cast<__u32>(CLXHUB_ACCESS_READ_WRITE));
}

TEST_F(CliTest, ResourceOptionsReachTheHub) {
  Ran r = run({"read", "9030000.pl061:1", "--shared", "--pull=up", "--drive=2.5", "--debounce", "5.84",
               "--restriction=input", "--consumer=me"});
  ASSERT_EQ(r.code, 0) << r.err;
  const struct clxhub_open& o = fake.last_open;
  EXPECT_STREQ(o.controller, "9030000.pl061");
  EXPECT_EQ(o.flags, CLXHUB_OPEN_SHARED);
  EXPECT_EQ(o.pull, CLXHUB_PULL_UP);
  EXPECT_EQ(o.drive_strength, 250);
  EXPECT_EQ(o.debounce_timeout, 584);
  EXPECT_EQ(o.io_restriction, CLXHUB_IO_INPUT_ONLY);
  EXPECT_STREQ(o.consumer, "me");
  for (const char* pull : {"down", "none", "default"})
    ASSERT_EQ(run({"read", "0:1", std::string("--pull=") + pull}).code, 0);
  EXPECT_EQ(fake.last_open.pull, CLXHUB_PULL_DEFAULT);
  ASSERT_EQ(run({"read", "/dev/gpiochip0:1"}).code, 0);
  EXPECT_STREQ(fake.last_open.controller, "gpiochip0");
  ASSERT_EQ(run({"read", "\\_SB.GPI0:1"}).code, 0);
  EXPECT_STREQ(fake.last_open.controller, "\\_SB.GPI0");
}

TEST_F(CliTest, ReadADevicesResource) {
  fake.set_level("gpiochip1", 7, true);
  fake.set_level("gpiochip1", 23, true);
  Ran r = run({"read", "--device", "\\_SB.DEV0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "0x5\t101\n");
  EXPECT_EQ(fake.last_open.flags, CLXHUB_OPEN_BY_RESOURCE);
  EXPECT_EQ(run({"--json", "read", "--device=\\_SB.DEV0", "--index=0"}).out,
            R"({"controller":"gpiochip1","pins":[7,8,23],"hex":"0x5","bits":"101","values":[1,0,1]})"
            "\n");
  expect_failure(
      {"read", "--device", "\\_SB.DEV0", "--index", "4"},
      "clxgpio: read --device \\_SB.DEV0 --index 4: STATUS_NO_SUCH_DEVICE (ENODEV): CLXHUB_IOC_OPEN: "
      "No such device (no such controller or device resource: 'clxgpio list' shows the controllers)\n");
}

TEST_F(CliTest, ReadFailuresNameStatusAndErrno) {
  fake.controller("gpiochip0").firmware.insert(6);
  Connection held = hold(OpenRequest::io("gpiochip0", {2}, Access::write));
  expect_failure(
      {"read", "gpiochip0:2"},
      "clxgpio: read gpiochip0:2: STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (EBUSY): CLXHUB_IOC_OPEN: "
      "Device or resource busy (a pin is held by another connection or a gpiolib consumer, or shared "
      "in another mode: 'clxgpio list' shows the holder)\n");
  expect_failure(
      {"read", "0:6"},
      "clxgpio: read 0:6: STATUS_ACCESS_DENIED (EACCES): CLXHUB_IOC_OPEN: Permission denied (a pin is "
      "reserved for firmware)\n");
  expect_failure({"read", "0:8"},
                 "clxgpio: read 0:8: STATUS_INVALID_PARAMETER (EINVAL): CLXHUB_IOC_OPEN: Invalid argument\n");
  expect_failure(
      {"read", "0:1,1"},
      "clxgpio: read 0:1,1: STATUS_INVALID_PARAMETER (EINVAL): CLXHUB_IOC_OPEN: Invalid argument\n");
  expect_failure(
      {"read", "nochip:1"},
      "clxgpio: read nochip:1: STATUS_NO_SUCH_DEVICE (ENODEV): CLXHUB_IOC_OPEN: No such device (no "
      "such controller or device resource: 'clxgpio list' shows the controllers)\n");
  expect_failure({"read", "--write", "--restriction=input", "0:1"},
                 "clxgpio: read 0:1: STATUS_GPIO_OPERATION_DENIED (EPERM): CLXHUB_IOC_OPEN: Operation not "
                 "permitted (the resource's IoRestriction refuses this access)\n");
  expect_failure(
      {"read", "--size=0", "0:1"},
      "clxgpio: read 0:1: STATUS_BUFFER_TOO_SMALL (ENOBUFS): CLXHUB_IOC_READ_PINS: No buffer space "
      "available\n");
}

TEST_F(CliTest, NoHubOrNoPermission) {
  fake.hub_open_error = -ENOENT;
  expect_failure(
      {"read", "gpiochip0:1"},
      "clxgpio: read gpiochip0:1: STATUS_NOT_FOUND (ENOENT): open /dev/clxgpio-hub: No such file or "
      "directory (no resource hub: is the clxgpio module loaded?)\n");
  fake.hub_open_error = -EACCES;
  expect_failure(
      {"write", "gpiochip0:1", "1"},
      "clxgpio: write gpiochip0:1: STATUS_ACCESS_DENIED (EACCES): open /dev/clxgpio-hub: Permission "
      "denied (the hub is root-only unless the module's hub_mode or a udev rule widens it)\n");
}

TEST_F(CliTest, JsonFailuresAreAlsoAnObjectOnStdout) {
  Ran r = run({"--json", "write", "--read", "9030000.pl061:1,2", "0x3"});
  EXPECT_EQ(r.code, cli::kExitFailed);
  EXPECT_EQ(
      r.out,
      R"({"error":{"command":"write","target":"9030000.pl061:1,2","status":"STATUS_GPIO_OPERATION_DENIED",)"
      R"("ntstatus":"0xc000a125","errno":"EPERM","errno_value":1,"message":"CLXHUB_IOC_WRITE_PINS: )"
      R"x(Operation not permitted (a read connection cannot write: drop --read, or add --write)"}})x"
      "\n");
  EXPECT_FALSE(r.err.empty());
}

// ---- write -----------------------------------------------------------------------------

TEST_F(CliTest, WriteHexAndBitsInTableOrder) {
  auto& sim = fake.controller("gpiochip1");
  Ran r = run({"write", "gpiochip1:7,8,23", "0x5"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(fake.last_open.access, static_cast<__u32>(CLXHUB_ACCESS_WRITE));
  for (unsigned p = 0; p < 32; ++p) EXPECT_EQ(sim.latch[p], p == 7 || p == 23) << p;
  // Closed on exit: the pins are inputs again (the latch keeps what was written).
  EXPECT_FALSE(sim.output[7]);
  ASSERT_EQ(run({"write", "1:7,8,23", "110"}).code, 0);
  EXPECT_TRUE(sim.latch[7]);
  EXPECT_TRUE(sim.latch[8]);
  EXPECT_FALSE(sim.latch[23]);
  Ran j = run({"write", "--json", "1:7,8,23", "0X4"});
  EXPECT_EQ(j.out, R"({"controller":"gpiochip1","pins":[7,8,23],"hex":"0x4","bits":"001","values":[0,0,1]})"
                   "\n");
  EXPECT_TRUE(sim.latch[23]);
}

TEST_F(CliTest, WritePreserveAndHold) {
  auto& pl061 = fake.controller("gpiochip0");
  ASSERT_EQ(run({"write", "--restriction=preserve", "0:3", "1"}).code, 0);
  EXPECT_TRUE(pl061.output[3]);  // NoneAndPreserve: still driven after clxgpio exits
  EXPECT_TRUE(pl061.level[3]);
  ASSERT_EQ(run({"write", "--hold=1.5", "0:4", "1"}).code, 0);
  EXPECT_EQ(fake.slept_ms, 1500u);
  EXPECT_FALSE(pl061.output[4]);
}

TEST_F(CliTest, WriteDenials) {
  auto& pl061 = fake.controller("gpiochip0");
  expect_failure(
      {"write", "--read", "9030000.pl061:1,2", "0x3"},
      "clxgpio: write 9030000.pl061:1,2: STATUS_GPIO_OPERATION_DENIED (EPERM): CLXHUB_IOC_WRITE_PINS: "
      "Operation not permitted (a read connection cannot write: drop --read, or add --write)\n");
  EXPECT_FALSE(pl061.latch[1]);
  expect_failure(
      {"write", "--size=0", "0:1", "1"},
      "clxgpio: write 0:1: STATUS_BUFFER_TOO_SMALL (ENOBUFS): CLXHUB_IOC_WRITE_PINS: No buffer space "
      "available\n");
  EXPECT_FALSE(pl061.latch[1]);
  Connection held = hold(OpenRequest::io("gpiochip0", {1}, Access::read).shared());
  expect_failure(
      {"write", "--shared", "0:1", "1"},
      "clxgpio: write 0:1: STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (EBUSY): CLXHUB_IOC_OPEN: Device or "
      "resource busy (a pin is held by another connection or a gpiolib consumer, or shared in another "
      "mode: 'clxgpio list' shows the holder)\n");
  EXPECT_EQ(run({"read", "--shared", "0:1"}).code, 0);  // the same mode joins
}

TEST_F(CliTest, WriteADevicesResource) {
  ASSERT_EQ(run({"write", "--device", "\\_SB.DEV0", "101"}).code, 0);
  EXPECT_TRUE(fake.controller("gpiochip1").latch[23]);
  // The table's size is known once connected: a wrong value is still a usage error, and
  // nothing is written.
  fake.ioctls.clear();
  Ran r = run({"write", "--device", "\\_SB.DEV0", "0x0f"});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_EQ(r.err,
            "clxgpio: write: value '0x0f': a bit past the last pin is set (expected 0x<hex> below 2^3, or 3 "
            "digits 0/1 in table order, pin 0 first)\nTry 'clxgpio write --help'.\n");
  EXPECT_EQ(std::count(fake.ioctls.begin(), fake.ioctls.end(), CLXHUB_IOC_WRITE_PINS), 0);
}

// ---- monitor ---------------------------------------------------------------------------

TEST_F(CliTest, MonitorActiveBothAlternatesFromAsserted) {
  toggle_each_poll(5);
  Ran r = run({"monitor", "gpiochip1:5", "--count", "4"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "event\t1000000000\t1\t5\tasserted\n"
            "event\t1000001000\t2\t5\tdeasserted\n"
            "event\t1000002000\t3\t5\tasserted\n"
            "event\t1000003000\t4\t5\tdeasserted\n");
  EXPECT_EQ(fake.last_open.int_mode, CLXHUB_EDGE);
  EXPECT_EQ(fake.last_open.polarity, CLXHUB_ACTIVE_BOTH);
  EXPECT_EQ(fake.last_poll_timeout, -1);
}

TEST_F(CliTest, MonitorReportsLossesFromSeqnoGaps) {
  fake.queue_capacity = 2;
  int polls = 0;
  fake.on_poll = [&polls](FakeSystem& f) {
    const int toggles = ++polls == 1 ? 5 : 1;  // a burst the queue cannot hold, then one
    for (int i = 0; i < toggles; ++i) f.set_level("gpiochip1", 5, !f.controller("gpiochip1").level[5]);
  };
  Ran r = run({"monitor", "1:5", "-n", "3"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "lost\t4\t1\t4\n"
            "event\t1000004000\t5\t5\tasserted\n"
            "event\t1000005000\t6\t5\tdeasserted\n"
            "event\t1000006000\t7\t5\tasserted\n");
  polls = 0;
  Ran j = run({"--json", "monitor", "1:5", "-n", "3"});
  EXPECT_EQ(j.out, R"({"type":"lost","count":4,"first_seqno":1,"last_seqno":4})"
                   "\n"
                   R"({"type":"event","event":"asserted","kind":"falling",)"
                   R"("timestamp_ns":1000011000,"seqno":5,"pin":5,"pin_index":0})"
                   "\n"
                   R"({"type":"event","event":"deasserted","kind":"rising",)"
                   R"("timestamp_ns":1000012000,"seqno":6,"pin":5,"pin_index":0})"
                   "\n"
                   R"({"type":"event","event":"asserted","kind":"falling",)"
                   R"("timestamp_ns":1000013000,"seqno":7,"pin":5,"pin_index":0})"
                   "\n");
}

TEST_F(CliTest, MonitorEdgesAndLevels) {
  pulse_each_poll(10);
  EXPECT_EQ(run({"monitor", "1:10", "--edge=rising", "-n2"}).out,
            "event\t1000000000\t1\t10\trising\nevent\t1000001000\t2\t10\trising\n");
  EXPECT_EQ(fake.last_open.polarity, CLXHUB_ACTIVE_HIGH);
  EXPECT_EQ(run({"monitor", "1:10", "--edge=falling", "-n1"}).out, "event\t1000002000\t1\t10\tfalling\n");
  EXPECT_EQ(fake.last_open.polarity, CLXHUB_ACTIVE_LOW);
  Ran l = run({"monitor", "1:10", "--level=low", "-n1"});
  EXPECT_EQ(l.out, "event\t1000003000\t1\t10\tlevel\n");
  EXPECT_EQ(fake.last_open.int_mode, CLXHUB_LEVEL);
  EXPECT_EQ(fake.last_open.polarity, CLXHUB_ACTIVE_LOW);
  ASSERT_EQ(run({"monitor", "1:10", "--level=high", "-n1", "--wake", "-s", "--pull=down", "--debounce=1",
                 "--consumer=watcher"})
                .code,
            0);
  const struct clxhub_open& o = fake.last_open;
  EXPECT_EQ(o.flags, CLXHUB_OPEN_WAKE | CLXHUB_OPEN_SHARED);
  EXPECT_EQ(o.pull, CLXHUB_PULL_DOWN);
  EXPECT_EQ(o.debounce_timeout, 100);
  EXPECT_STREQ(o.consumer, "watcher");
}

TEST_F(CliTest, MonitorTimeoutEndsQuietly) {
  fake.set_level("gpiochip1", 5, true);  // not asserted: no first event
  Ran r = run({"monitor", "1:5", "--timeout=0.25"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(fake.last_poll_timeout, 250);
}

TEST_F(CliTest, MonitorADevicesInterruptAndFailures) {
  Ran r = run({"monitor", "--device", "\\_SB.DEV0", "--index", "1", "-n", "1"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "event\t1000000000\t1\t5\tasserted\n");  // INFO: the descriptor is ActiveBoth
  // A wait that fails (here the fake's "would block forever") ends with its errno.
  fake.set_level("gpiochip1", 5, true);
  expect_failure({"monitor", "1:5"},
                 "clxgpio: monitor 1:5: STATUS_UNSUCCESSFUL (EDEADLK): poll: Resource deadlock avoided\n");
  Connection held = hold(OpenRequest::interrupt("gpiochip1", 5, Trigger::both));
  expect_failure(
      {"monitor", "1:5"},
      "clxgpio: monitor 1:5: STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (EBUSY): CLXHUB_IOC_OPEN: Device or "
      "resource busy (a pin is held by another connection or a gpiolib consumer, or shared in another "
      "mode: 'clxgpio list' shows the holder)\n");
}

// ---- list, info ------------------------------------------------------------------------

TEST_F(CliTest, ListShowsWhoHoldsEachPin) {
  auto& pl061 = fake.controller("gpiochip0");
  pl061.gpiolib[2] = "gpio-keys";
  pl061.firmware.insert(7);
  Connection held = hold(OpenRequest::io("9030000.pl061", {3}, Access::write).consumer("my-driver"));
  Connection pulled = hold(OpenRequest::io("gpiochip0", {4}, Access::read).pull(Pull::up).debounce(150));
  Ran r = run({"list", "gpiochip0"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "gpiochip0\t9030000.pl061\t0\t-\tfree\t-\tinput\t-\n"
            "gpiochip0\t9030000.pl061\t1\t-\tfree\t-\tinput\t-\n"
            "gpiochip0\t9030000.pl061\t2\t-\tused\tgpio-keys\tinput\t-\n"
            "gpiochip0\t9030000.pl061\t3\t-\tused\tmy-driver\toutput\t-\n"
            "gpiochip0\t9030000.pl061\t4\t-\tused\tclxgpio\tinput\tpull-up,debounce=1500us\n"
            "gpiochip0\t9030000.pl061\t5\t-\tfree\t-\tinput\t-\n"
            "gpiochip0\t9030000.pl061\t6\t-\tfree\t-\tinput\t-\n"
            "gpiochip0\t9030000.pl061\t7\t-\tused\tfirmware\tinput\t-\n");
  Ran all = run({"list"});
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 40);
  EXPECT_NE(all.out.find("gpiochip1\tgpio-sim.0-node0\t5\tbutton\tfree\t-\tinput\t-\n"), std::string::npos);
  EXPECT_EQ(all.out.rfind(r.out, 0), 0u);  // gpiochip0 first
  EXPECT_EQ(run({"list", "--chips"}).out, "gpiochip0\t9030000.pl061\t8\ngpiochip1\tgpio-sim.0-node0\t32\n");
  EXPECT_EQ(run({"--json", "list", "--chips"}).out,
            R"([{"chip":"gpiochip0","path":"/dev/gpiochip0","label":"9030000.pl061","lines":8},)"
            R"({"chip":"gpiochip1","path":"/dev/gpiochip1","label":"gpio-sim.0-node0","lines":32}])"
            "\n");
  Ran j = run({"list", "--json", "9030000.pl061"});
  EXPECT_EQ(
      j.out.rfind(
          R"([{"chip":"gpiochip0","path":"/dev/gpiochip0","label":"9030000.pl061","lines":8,"pins":[)", 0),
      0u);
  EXPECT_NE(
      j.out.find(R"({"offset":3,"name":"","used":true,"consumer":"my-driver","direction":"output",)"
                 R"("active_low":false,"bias":"as-is","drive":"push-pull","edge":"none","debounce_us":0})"),
      std::string::npos);
  EXPECT_NE(j.out.find(R"("bias":"pull-up","drive":"push-pull","edge":"none","debounce_us":1500})"),
            std::string::npos);
  EXPECT_EQ(j.out.substr(j.out.size() - 5), "}]}]\n");
}

TEST_F(CliTest, ListAndInfoFailures) {
  expect_failure({"list", "nothing"},
                 "clxgpio: list nothing: STATUS_OBJECT_NAME_NOT_FOUND (ENOENT): no GPIO controller named or "
                 "labelled 'nothing' in /dev\n");
  expect_failure({"info", "0:8"},
                 "clxgpio: info 0:8: STATUS_INVALID_PARAMETER (EINVAL): gpiochip0 has 8 lines, no line 8\n");
  expect_failure({"info", "gpiochip9:1"},
                 "clxgpio: info gpiochip9:1: STATUS_NOT_FOUND (ENOENT): open /dev/gpiochip9: No such file or "
                 "directory\n");
}

TEST_F(CliTest, InfoIsOneLineOfList) {
  Connection held = hold(OpenRequest::io("gpiochip1", {5}, Access::write).consumer("led"));
  Ran r = run({"info", "gpio-sim.0-node0:5"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "gpiochip1\tgpio-sim.0-node0\t5\tbutton\tused\tled\toutput\t-\n");
  EXPECT_EQ(run({"info", "/dev/gpiochip1:5"}).out, r.out);
  EXPECT_EQ(run({"info", "1:5"}).out, r.out);
  EXPECT_EQ(
      run({"--json", "info", "gpiochip1:5"}).out,
      R"({"chip":"gpiochip1","path":"/dev/gpiochip1","label":"gpio-sim.0-node0","offset":5,"name":"button",)"
      R"("used":true,"consumer":"led","direction":"output","active_low":false,"bias":"as-is",)"
      R"("drive":"push-pull","edge":"none","debounce_us":0})"
      "\n");
}

}  // namespace

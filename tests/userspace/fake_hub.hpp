// SPDX-License-Identifier: GPL-2.0
// A resource hub and GPIO character devices in memory, behind the library's Os seam: the
// uapi of compat/include/uapi/clxgpio_hub.h as the header specifies it (the open and I/O
// rules from compat/core's resource rules, the NTSTATUS table from compat/core/ntstatus),
// and enough of the GPIO v2 uAPI for list and info. Tests drive the lines from outside
// (set_level) and the hub raises the events a connection's mode and polarity call for,
// numbering every event and dropping the oldest on a full queue (in pairs for ActiveBoth)
// as the header says and compat/kernel/clxcompat_hub.c does.
//
// Limits: nothing blocks. read() of an empty queue is -EAGAIN, and poll() with no
// timeout and nothing queued (after on_poll) is -EDEADLK, so that a test that waits for
// an event that never comes fails instead of hanging.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clxgpio/os.hpp"
#include "clxgpio_hub.h"

namespace clxtest {

struct FakeController {
  std::string name;       // "gpiochip1"
  std::string label;      // "gpio-sim.0-node0"
  std::string acpi_path;  // "" or "\\_SB.GPI0"
  unsigned pin_count = 0;
  std::vector<bool> level;          // the line as an input reads it
  std::vector<bool> latch;          // the output latch
  std::vector<bool> output;         // configured as an output
  std::vector<bool> asserted_high;  // ActiveBoth asserted level (_DSM function 1)
  std::vector<std::string> line_names;
  std::set<unsigned> firmware;              // reserved for firmware
  std::map<unsigned, std::string> gpiolib;  // requested through gpiolib, by consumer
};

struct FakeConnection {
  std::uint32_t kind = 0, access = 0, flags = 0;
  std::size_t controller = 0;
  std::vector<std::uint16_t> pins;
  std::uint8_t restriction = 0, pull = 0, int_mode = 0, polarity = 0;
  std::uint16_t drive = 0, debounce = 0;
  std::string consumer;
  bool output_mode = false;  // I/O: the pins were made outputs
  std::deque<struct clxhub_event> queue;
  std::uint64_t seqno = 0, events = 0, dropped = 0;
};

// A device's GPIO resource, as firmware would describe it.
struct FakeDeviceResource {
  std::string device;
  std::uint32_t index = 0;
  std::uint32_t kind = CLXHUB_KIND_IO;
  std::string controller;
  std::vector<std::uint16_t> pins;
  std::uint8_t restriction = CLXHUB_IO_NONE, int_mode = CLXHUB_EDGE, polarity = CLXHUB_ACTIVE_BOTH;
};

class FakeSystem : public clxgpio::Os {
 public:
  // gpiochip0 "9030000.pl061" (8 pins, a PL061) and gpiochip1 "gpio-sim.0-node0"
  // (32 pins, ACPI path \_SB.GPI0); one device \_SB.DEV0 with an I/O resource (gpiochip1
  // pins 7, 8, 23) and an interrupt resource (gpiochip1 pin 5, ActiveBoth).
  FakeSystem();

  // ---- Os ----
  int open(const std::string& path, int flags) override;
  int ioctl(int fd, unsigned long request, void* arg) override;
  long read(int fd, void* buf, std::size_t len) override;
  int poll(int fd, int timeout_ms) override;
  int close(int fd) override;
  int list_dir(const std::string& dir, std::vector<std::string>& names) override;
  void sleep_ms(unsigned long ms) override { slept_ms += ms; }

  // ---- the world ----
  std::size_t add_controller(const std::string& name, const std::string& label, unsigned pins);
  FakeController& controller(const std::string& name);
  // Drives a line from outside: an input reads it, interrupt connections see the edge.
  void set_level(const std::string& controller, unsigned pin, bool high);
  // The connection behind a connection fd (nullptr for another fd).
  FakeConnection* connection(int fd);

  // ---- knobs ----
  int hub_open_error = 0;                    // e.g. -ENOENT: no hub; -EACCES: not root
  std::size_t queue_capacity = 64;           // at least 2
  int fail_next_ioctl = 0;                   // -errno for the next ioctl, no status written
  long short_read = -1;                      // >= 0: read() returns this many bytes once
  std::function<void(FakeSystem&)> on_poll;  // runs at each poll(), before it answers
  std::vector<FakeDeviceResource> devices;

  // ---- what happened ----
  std::size_t open_fds() const { return m_fds.size(); }
  int bad_closes = 0;  // close() of a descriptor that was not open
  unsigned long slept_ms = 0;
  std::vector<unsigned long> ioctls;  // every request, in order
  struct clxhub_open last_open {};    // the last CLXHUB_IOC_OPEN as received, with fd and status as answered
  int last_open_flags = 0;            // open(2) flags of the last open
  int last_poll_timeout = 0;
  std::uint64_t now_ns = 1000000000;  // the clock events are stamped with

 private:
  enum class Type { hub, connection, chip };
  struct Handle {
    Type type;
    std::size_t index;  // connection id or controller index
  };

  int add_fd(Handle h);
  int do_open(struct clxhub_open& o);  // records last_open
  int open_connection(struct clxhub_open& o);
  int do_pins(FakeConnection& c, struct clxhub_pins& p, bool write);
  int do_info(FakeConnection& c, struct clxhub_info& in);
  int do_line_info(const FakeController& ctl, void* arg);
  void push(FakeConnection& c, std::uint16_t pin_index, std::uint8_t kind, bool asserted);
  void release(std::size_t id);
  // Who holds a pin through the hub: the connection ids.
  std::vector<std::size_t> holders(std::size_t controller, unsigned pin) const;

  std::vector<FakeController> m_controllers;
  std::map<std::size_t, FakeConnection> m_connections;
  std::map<int, Handle> m_fds;
  std::size_t m_next_connection = 1;
  int m_next_fd = 100;
};

}  // namespace clxtest

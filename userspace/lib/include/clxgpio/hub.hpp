// SPDX-License-Identifier: GPL-2.0
// clxgpio::Hub and clxgpio::Connection: the resource hub (/dev/clxgpio-hub, the uapi in
// compat/include/uapi/clxgpio_hub.h) from C++. A Hub opens connections; a Connection holds
// exactly its pins until it is destroyed (or closed), like a Windows handle to a GPIO
// resource: READ_PINS/WRITE_PINS on an I/O connection, events from an interrupt one.
//
//   auto hub = clxgpio::Hub::open();
//   if (!hub) { std::cerr << hub.error().to_string() << "\n"; return 1; }
//   auto io = hub.value().connect(
//       clxgpio::OpenRequest::io("gpio-sim.0-node0", {7, 8, 23}, clxgpio::Access::write));
//   if (io) (void)io.value().write_pins(clxgpio::Bits(3, 0x5));  // 7 high, 8 low, 23 high
//
// Both types are move-only and own one file descriptor each. Nothing here is safe to call
// on one object from two threads at once; two objects are independent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clxgpio/bits.hpp"
#include "clxgpio/error.hpp"
#include "clxgpio/os.hpp"

namespace clxgpio {

// GENERIC_READ, GENERIC_WRITE or both (CLXHUB_ACCESS_*).
enum class Access : std::uint8_t { read = 1, write = 2, read_write = 3 };

// The GpioIo descriptor's IoRestriction (CLXHUB_IO_*): what the pins may be used for,
// and whether closing leaves them as they are (none_and_preserve).
enum class IoRestriction : std::uint8_t {
  none = 1,
  input_only = 2,
  output_only = 3,
  none_and_preserve = 4,
};

// PinConfig (CLXHUB_PULL_*): default leaves the controller's setting.
enum class Pull : std::uint8_t { as_is = 1, up = 2, down = 3, none = 4 };

// An interrupt's mode and polarity in one: Edge + ActiveHigh/ActiveLow/ActiveBoth, or
// Level + ActiveHigh/ActiveLow.
enum class Trigger : std::uint8_t {
  rising = 1,
  falling = 2,
  both = 3,  // ActiveBoth: asserted / deasserted events
  level_high = 4,
  level_low = 5,
};

enum class ConnectionKind : std::uint8_t { io = 1, interrupt = 2 };

// What CLXHUB_IOC_OPEN is asked for. Build one with a factory, then the setters:
//   OpenRequest::io("9030000.pl061", {1, 2}, Access::read).shared().pull(Pull::up)
struct OpenRequest {
  // A controller's pins (the chip label, gpiochip name or ACPI path; pins in table order).
  static OpenRequest io(std::string controller, std::vector<std::uint16_t> pins, Access access);
  static OpenRequest interrupt(std::string controller, std::uint16_t pin, Trigger trigger);
  // Resource `index` of a device (an ACPI path or a device-tree node path): the
  // descriptor gives pins, restriction, pull, drive, debounce, mode and polarity.
  static OpenRequest device_io(std::string device, std::uint32_t index, Access access);
  static OpenRequest device_interrupt(std::string device, std::uint32_t index);

  OpenRequest& shared(bool on = true) {
    m_shared = on;
    return *this;
  }
  OpenRequest& wake(bool on = true) {
    m_wake = on;
    return *this;
  }
  OpenRequest& restriction(IoRestriction r) {
    m_restriction = r;
    return *this;
  }
  OpenRequest& pull(Pull p) {
    m_pull = p;
    return *this;
  }
  OpenRequest& drive_strength(std::uint16_t hundredths_ma) {
    m_drive = hundredths_ma;
    return *this;
  }
  OpenRequest& debounce(std::uint16_t hundredths_ms) {
    m_debounce = hundredths_ms;
    return *this;
  }
  OpenRequest& consumer(std::string name) {
    m_consumer = std::move(name);
    return *this;
  }

  ConnectionKind m_kind = ConnectionKind::io;
  Access m_access = Access::read;
  bool m_by_device = false;
  std::string m_controller;  // by controller
  std::vector<std::uint16_t> m_pins;
  std::string m_device;  // by device
  std::uint32_t m_index = 0;
  bool m_shared = false;
  bool m_wake = false;
  IoRestriction m_restriction = IoRestriction::none;
  Pull m_pull = Pull::as_is;
  std::uint16_t m_drive = 0;     // 1/100 mA, 0 = default
  std::uint16_t m_debounce = 0;  // 1/100 ms, 0 = none
  Trigger m_trigger = Trigger::both;
  std::string m_consumer;  // "" = the process name
};

// CLXHUB_IOC_INFO: what a connection is and holds.
struct ConnectionInfo {
  ConnectionKind kind = ConnectionKind::io;
  std::uint32_t access = 0;         // CLXHUB_ACCESS_* (0 for an interrupt)
  std::uint32_t flags = 0;          // CLXHUB_OPEN_*
  std::string controller;           // the host's name
  std::vector<std::uint16_t> pins;  // table order
  std::uint8_t int_mode = 0;        // interrupt: CLXHUB_LEVEL / CLXHUB_EDGE
  std::uint8_t polarity = 0;        // interrupt: CLXHUB_ACTIVE_* (BOTH: events say asserted)
  std::uint64_t events = 0;         // interrupt: queued so far
  std::uint64_t dropped = 0;        // interrupt: dropped on a full queue
};

// An event's kind (CLXHUB_EVENT_*); another value from a newer hub is kept as it is.
enum class EventKind : std::uint8_t { level = 1, rising = 2, falling = 3 };

struct Event {
  std::uint64_t timestamp_ns = 0;  // CLOCK_MONOTONIC, when the engine serviced the pin
  std::uint64_t seqno = 0;
  std::uint16_t pin_index = 0;
  std::uint16_t pin = 0;  // controller-relative
  EventKind kind = EventKind::level;
  bool active_both = false;  // the connection is ActiveBoth: `asserted` means it
  bool asserted = false;
  std::uint64_t lost_before = 0;  // seqnos skipped since the previous event: dropped
};

class Connection {
 public:
  Connection(Connection&& o) noexcept;
  Connection& operator=(Connection&& o) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  ConnectionKind kind() const { return m_kind; }
  // The pins in table order (a device resource's from CLXHUB_IOC_INFO at connect).
  const std::vector<std::uint16_t>& pins() const { return m_pins; }
  const std::string& controller() const { return m_controller; }
  int fd() const { return m_fd; }  // for the caller's own poll(); stays owned here

  // IOCTL_GPIO_READ_PINS: the pins' levels (read connection) or output latches (write).
  // buffer_size: the request's size field, ceil(N/8) unless given (a smaller one is the
  // hub's STATUS_BUFFER_TOO_SMALL; there for tests of the hub).
  Result<Bits> read_pins(std::optional<std::uint32_t> buffer_size = std::nullopt) const;
  // IOCTL_GPIO_WRITE_PINS: bits.size() must be the table's size (else
  // STATUS_INVALID_PARAMETER, nothing sent).
  Result<void> write_pins(const Bits& bits, std::optional<std::uint32_t> buffer_size = std::nullopt) const;
  Result<ConnectionInfo> info() const;

  // Interrupt connections: waits up to timeout_ms (-1: forever, 0: not at all) for events
  // and returns up to max of them, oldest first; none when the time ran out (or a signal
  // came). Each event's lost_before counts the seqnos missing before it, the events the
  // hub dropped on a full queue; lost() adds them up.
  Result<std::vector<Event>> read_events(int timeout_ms, std::size_t max = 16);
  std::uint64_t lost() const { return m_lost; }

  // Releases the pins now; the destructor does the same and ignores the result.
  Result<void> close();

 private:
  friend class Hub;
  Connection(Os& os, int fd, const OpenRequest& request);

  Os* m_os;
  int m_fd;
  ConnectionKind m_kind;
  std::vector<std::uint16_t> m_pins;
  std::string m_controller;
  std::optional<bool> m_active_both;  // unknown for a device's interrupt resource
  std::uint64_t m_last_seqno = 0;
  std::uint64_t m_lost = 0;
};

class Hub {
 public:
  // Opens the hub device. ENOENT: the module is not loaded; EACCES: the hub is root-only.
  static Result<Hub> open(Os& os = system_os(), const std::string& path = kDefaultPath);
  static const char* const kDefaultPath;  // "/dev/clxgpio-hub"

  Hub(Hub&& o) noexcept;
  Hub& operator=(Hub&& o) noexcept;
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;
  ~Hub();

  // CLXHUB_IOC_OPEN. The request is checked first (names that do not fit, 1..64 pins,
  // an interrupt has one): STATUS_INVALID_PARAMETER (EINVAL) without asking the hub.
  Result<Connection> connect(const OpenRequest& request);

 private:
  Hub(Os& os, int fd) : m_os(&os), m_fd(fd) {}
  Os* m_os;
  int m_fd;
};

}  // namespace clxgpio

// SPDX-License-Identifier: GPL-2.0
// clxgpio::Hub and clxgpio::Connection over the uapi (compat/include/uapi/clxgpio_hub.h):
// the library's enums become the header's numbers here and nowhere else.
#include "clxgpio/hub.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

#include "clx_ntstatus.h"
#include "clxgpio_hub.h"

// The sizes the header promises, the same on x86-64 and arm64 (no padding).
static_assert(sizeof(struct clxhub_open) == 360, "struct clxhub_open");
static_assert(sizeof(struct clxhub_pins) == 40, "struct clxhub_pins");
static_assert(sizeof(struct clxhub_info) == 272, "struct clxhub_info");
static_assert(sizeof(struct clxhub_event) == 32, "struct clxhub_event");
static_assert(CLXHUB_MAX_PINS == clxgpio::Bits::kMaxSize, "a Bits holds every pin of a table");

namespace clxgpio {
namespace {

constexpr std::size_t kEventSize = sizeof(struct clxhub_event);

std::uint32_t buffer_bytes(std::size_t pins) { return static_cast<std::uint32_t>((pins + 7) / 8); }

std::string what(const char* op, int err) { return std::string(op) + ": " + std::strerror(err); }

Error invalid(std::string message) {
  return Error::from_status(CLX_STATUS_INVALID_PARAMETER, std::move(message));
}

std::uint8_t uapi_restriction(IoRestriction r) {
  switch (r) {
    case IoRestriction::input_only: return CLXHUB_IO_INPUT_ONLY;
    case IoRestriction::output_only: return CLXHUB_IO_OUTPUT_ONLY;
    case IoRestriction::none_and_preserve: return CLXHUB_IO_NONE_AND_PRESERVE;
    case IoRestriction::none: break;
  }
  return CLXHUB_IO_NONE;
}

std::uint8_t uapi_pull(Pull p) {
  switch (p) {
    case Pull::up: return CLXHUB_PULL_UP;
    case Pull::down: return CLXHUB_PULL_DOWN;
    case Pull::none: return CLXHUB_PULL_NONE;
    case Pull::as_is: break;
  }
  return CLXHUB_PULL_DEFAULT;
}

void uapi_trigger(Trigger t, struct clxhub_open& o) {
  o.int_mode = (t == Trigger::level_high || t == Trigger::level_low) ? CLXHUB_LEVEL : CLXHUB_EDGE;
  switch (t) {
    case Trigger::falling:
    case Trigger::level_low: o.polarity = CLXHUB_ACTIVE_LOW; break;
    case Trigger::both: o.polarity = CLXHUB_ACTIVE_BOTH; break;
    case Trigger::rising:
    case Trigger::level_high: o.polarity = CLXHUB_ACTIVE_HIGH; break;
  }
}

// Copies name into a NUL-terminated field of n bytes: false when it does not fit.
bool put_name(char* field, std::size_t n, const std::string& name) {
  if (name.size() >= n || name.find('\0') != std::string::npos) return false;
  std::memcpy(field, name.c_str(), name.size() + 1);
  return true;
}

Result<struct clxhub_open> build_open(const OpenRequest& r) {
  struct clxhub_open o;
  std::memset(&o, 0, sizeof(o));
  o.version = CLXHUB_VERSION;
  o.kind = r.m_kind == ConnectionKind::io ? CLXHUB_KIND_IO : CLXHUB_KIND_INTERRUPT;
  o.access = r.m_kind == ConnectionKind::io ? static_cast<std::uint32_t>(r.m_access) : 0;
  o.flags = (r.m_shared ? CLXHUB_OPEN_SHARED : 0) | (r.m_wake ? CLXHUB_OPEN_WAKE : 0);
  if (!put_name(o.consumer, sizeof(o.consumer), r.m_consumer))
    return invalid("consumer '" + r.m_consumer + "' is longer than 31 bytes");
  if (r.m_by_device) {
    // The descriptor gives pins and configuration; the header wants those fields 0.
    o.flags |= CLXHUB_OPEN_BY_RESOURCE;
    if (r.m_device.empty() || !put_name(o.device, sizeof(o.device), r.m_device))
      return invalid("device path '" + r.m_device + "' is empty or longer than 63 bytes");
    o.resource_index = r.m_index;
    return o;
  }
  if (r.m_controller.empty() || !put_name(o.controller, sizeof(o.controller), r.m_controller))
    return invalid("controller '" + r.m_controller + "' is empty or longer than 63 bytes");
  if (r.m_pins.empty() || r.m_pins.size() > CLXHUB_MAX_PINS)
    return invalid(std::to_string(r.m_pins.size()) + " pins: a table has 1 to 64");
  if (r.m_kind == ConnectionKind::interrupt && r.m_pins.size() != 1)
    return invalid("an interrupt resource has one pin");
  o.pin_count = static_cast<std::uint16_t>(r.m_pins.size());
  std::memcpy(o.pins, r.m_pins.data(), r.m_pins.size() * sizeof(o.pins[0]));
  o.pull = uapi_pull(r.m_pull);
  o.debounce_timeout = r.m_debounce;
  if (r.m_kind == ConnectionKind::io) {
    o.io_restriction = uapi_restriction(r.m_restriction);
    o.drive_strength = r.m_drive;
  } else {
    uapi_trigger(r.m_trigger, o);
  }
  return o;
}

}  // namespace

// ---- OpenRequest ---------------------------------------------------------------------

OpenRequest OpenRequest::io(std::string controller, std::vector<std::uint16_t> pins, Access access) {
  OpenRequest r;
  r.m_controller = std::move(controller);
  r.m_pins = std::move(pins);
  r.m_access = access;
  return r;
}

OpenRequest OpenRequest::interrupt(std::string controller, std::uint16_t pin, Trigger trigger) {
  OpenRequest r;
  r.m_kind = ConnectionKind::interrupt;
  r.m_controller = std::move(controller);
  r.m_pins = {pin};
  r.m_trigger = trigger;
  return r;
}

OpenRequest OpenRequest::device_io(std::string device, std::uint32_t index, Access access) {
  OpenRequest r;
  r.m_by_device = true;
  r.m_device = std::move(device);
  r.m_index = index;
  r.m_access = access;
  return r;
}

OpenRequest OpenRequest::device_interrupt(std::string device, std::uint32_t index) {
  OpenRequest r = device_io(std::move(device), index, Access::read);
  r.m_kind = ConnectionKind::interrupt;
  return r;
}

// ---- Connection ----------------------------------------------------------------------

Connection::Connection(Os& os, int fd, const OpenRequest& request)
    : m_os(&os),
      m_fd(fd),
      m_kind(request.m_kind),
      m_pins(request.m_pins),
      m_controller(request.m_controller) {
  if (m_kind == ConnectionKind::interrupt && !request.m_by_device)
    m_active_both = request.m_trigger == Trigger::both;
}

Connection::Connection(Connection&& o) noexcept
    : m_os(o.m_os),
      m_fd(o.m_fd),
      m_kind(o.m_kind),
      m_pins(std::move(o.m_pins)),
      m_controller(std::move(o.m_controller)),
      m_active_both(o.m_active_both),
      m_last_seqno(o.m_last_seqno),
      m_lost(o.m_lost) {
  o.m_fd = -1;
}

Connection& Connection::operator=(Connection&& o) noexcept {
  if (this != &o) {
    (void)close();
    m_os = o.m_os;
    m_fd = o.m_fd;
    m_kind = o.m_kind;
    m_pins = std::move(o.m_pins);
    m_controller = std::move(o.m_controller);
    m_active_both = o.m_active_both;
    m_last_seqno = o.m_last_seqno;
    m_lost = o.m_lost;
    o.m_fd = -1;
  }
  return *this;
}

Connection::~Connection() { (void)close(); }

Result<void> Connection::close() {
  if (m_fd < 0) return {};
  int r = m_os->close(m_fd);
  m_fd = -1;
  if (r < 0) return Error::from_errno(-r, what("close", -r));
  return {};
}

Result<Bits> Connection::read_pins(std::optional<std::uint32_t> buffer_size) const {
  struct clxhub_pins p;
  std::memset(&p, 0, sizeof(p));
  p.version = CLXHUB_VERSION;
  p.size = buffer_size.value_or(buffer_bytes(m_pins.size()));
  int r = m_os->ioctl(m_fd, CLXHUB_IOC_READ_PINS, &p);
  if (r < 0) return Error::from_reply(-r, p.status, what("CLXHUB_IOC_READ_PINS", -r));
  return Bits::from_buffer(p.buffer, buffer_bytes(m_pins.size()), static_cast<unsigned>(m_pins.size()));
}

Result<void> Connection::write_pins(const Bits& bits, std::optional<std::uint32_t> buffer_size) const {
  if (bits.size() != m_pins.size())
    return invalid(std::to_string(bits.size()) + " values for a table of " + std::to_string(m_pins.size()) +
                   " pins");
  struct clxhub_pins p;
  std::memset(&p, 0, sizeof(p));
  p.version = CLXHUB_VERSION;
  p.size = buffer_size.value_or(buffer_bytes(m_pins.size()));
  bits.to_buffer(p.buffer, buffer_bytes(m_pins.size()));
  int r = m_os->ioctl(m_fd, CLXHUB_IOC_WRITE_PINS, &p);
  if (r < 0) return Error::from_reply(-r, p.status, what("CLXHUB_IOC_WRITE_PINS", -r));
  return {};
}

Result<ConnectionInfo> Connection::info() const {
  struct clxhub_info in;
  std::memset(&in, 0, sizeof(in));
  in.version = CLXHUB_VERSION;
  int r = m_os->ioctl(m_fd, CLXHUB_IOC_INFO, &in);
  if (r < 0) return Error::from_reply(-r, in.status, what("CLXHUB_IOC_INFO", -r));
  if (in.pin_count > CLXHUB_MAX_PINS)
    return Error::from_errno(EPROTO, "CLXHUB_IOC_INFO: " + std::to_string(in.pin_count) + " pins");
  ConnectionInfo i;
  i.kind = in.kind == CLXHUB_KIND_INTERRUPT ? ConnectionKind::interrupt : ConnectionKind::io;
  i.access = in.access;
  i.flags = in.flags;
  i.controller.assign(in.controller, strnlen(in.controller, sizeof(in.controller)));
  i.pins.assign(in.pins, in.pins + in.pin_count);
  i.int_mode = in.int_mode;
  i.polarity = in.polarity;
  i.events = in.events;
  i.dropped = in.dropped;
  return i;
}

Result<std::vector<Event>> Connection::read_events(int timeout_ms, std::size_t max) {
  std::vector<Event> events;
  if (max == 0) return events;
  int r = m_os->poll(m_fd, timeout_ms);
  if (r < 0) return Error::from_errno(-r, what("poll", -r));
  if (r == 0) return events;
  std::vector<struct clxhub_event> raw(max);
  long n = m_os->read(m_fd, raw.data(), max * kEventSize);
  if (n == -EAGAIN) return events;
  if (n < 0) return Error::from_errno(static_cast<int>(-n), what("read", static_cast<int>(-n)));
  if (n == 0 || static_cast<std::size_t>(n) % kEventSize != 0)
    return Error::from_errno(EPROTO, "read: " + std::to_string(n) + " bytes, not whole " +
                                         std::to_string(kEventSize) + "-byte records");
  for (std::size_t k = 0; k < static_cast<std::size_t>(n) / kEventSize; ++k) {
    const struct clxhub_event& e = raw[k];
    Event ev;
    ev.timestamp_ns = e.timestamp_ns;
    ev.seqno = e.seqno;
    ev.pin_index = e.pin_index;
    ev.pin = e.pin;
    ev.kind = static_cast<EventKind>(e.kind);
    ev.active_both = m_active_both.value_or(false);
    ev.asserted = e.asserted != 0;
    // seqnos count every event, queued or dropped, from 1: a gap is what was dropped.
    if (e.seqno > m_last_seqno + 1) ev.lost_before = e.seqno - m_last_seqno - 1;
    if (e.seqno > m_last_seqno) m_last_seqno = e.seqno;
    m_lost += ev.lost_before;
    events.push_back(ev);
  }
  return events;
}

// ---- Hub -----------------------------------------------------------------------------

const char* const Hub::kDefaultPath = CLXHUB_DEVICE;

Result<Hub> Hub::open(Os& os, const std::string& path) {
  int fd = os.open(path, O_RDWR | O_CLOEXEC);
  if (fd < 0) return Error::from_errno(-fd, what(("open " + path).c_str(), -fd));
  return Hub(os, fd);
}

Hub::Hub(Hub&& o) noexcept : m_os(o.m_os), m_fd(o.m_fd) { o.m_fd = -1; }

Hub& Hub::operator=(Hub&& o) noexcept {
  if (this != &o) {
    if (m_fd >= 0) m_os->close(m_fd);
    m_os = o.m_os;
    m_fd = o.m_fd;
    o.m_fd = -1;
  }
  return *this;
}

Hub::~Hub() {
  if (m_fd >= 0) m_os->close(m_fd);
}

Result<Connection> Hub::connect(const OpenRequest& request) {
  Result<struct clxhub_open> built = build_open(request);
  if (!built) return built.error();
  struct clxhub_open& o = built.value();
  int r = m_os->ioctl(m_fd, CLXHUB_IOC_OPEN, &o);
  if (r < 0) return Error::from_reply(-r, o.status, what("CLXHUB_IOC_OPEN", -r));
  if (o.fd < 0) return Error::from_errno(EPROTO, "CLXHUB_IOC_OPEN: no file descriptor");
  Connection c(*m_os, o.fd, request);
  if (request.m_by_device) {
    // The descriptor chose the pins: ask the connection which.
    Result<ConnectionInfo> info = c.info();
    if (!info) return info.error();
    c.m_pins = info.value().pins;
    c.m_controller = info.value().controller;
    if (c.m_kind == ConnectionKind::interrupt)  // the descriptor chose the trigger too
      c.m_active_both = info.value().polarity == CLXHUB_ACTIVE_BOTH;
  }
  return c;
}

}  // namespace clxgpio

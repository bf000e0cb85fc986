// SPDX-License-Identifier: GPL-2.0
// The fake hub (fake_hub.hpp).
#include "fake_hub.hpp"

#include <fcntl.h>
#include <linux/gpio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "clx_ntstatus.h"
#include "clx_resource.h"

namespace clxtest {
namespace {

// Writes the status beside the -errno it returns, as the hub does on every ioctl.
template <class T>
int answer(T& s, std::uint32_t status) {
  s.status = status;
  return clx_ntstatus_to_errno(status);
}

template <std::size_t N>
bool all_zero(const __u32 (&a)[N]) {
  return std::all_of(a, a + N, [](__u32 v) { return v == 0; });
}

bool terminated(const char* s, std::size_t n) { return strnlen(s, n) < n; }

}  // namespace

FakeSystem::FakeSystem() {
  add_controller("gpiochip0", "9030000.pl061", 8);
  std::size_t sim = add_controller("gpiochip1", "gpio-sim.0-node0", 32);
  m_controllers[sim].acpi_path = "\\_SB.GPI0";
  m_controllers[sim].line_names[5] = "button";
  FakeDeviceResource io;
  io.device = "\\_SB.DEV0";
  io.controller = "gpiochip1";
  io.pins = {7, 8, 23};
  devices.push_back(io);
  FakeDeviceResource irq;
  irq.device = "\\_SB.DEV0";
  irq.index = 1;
  irq.kind = CLXHUB_KIND_INTERRUPT;
  irq.controller = "gpiochip1";
  irq.pins = {5};
  devices.push_back(irq);
}

std::size_t FakeSystem::add_controller(const std::string& name, const std::string& label, unsigned pins) {
  FakeController c;
  c.name = name;
  c.label = label;
  c.pin_count = pins;
  c.level.assign(pins, false);
  c.latch.assign(pins, false);
  c.output.assign(pins, false);
  c.asserted_high.assign(pins, false);
  c.line_names.assign(pins, "");
  m_controllers.push_back(c);
  return m_controllers.size() - 1;
}

FakeController& FakeSystem::controller(const std::string& name) {
  for (FakeController& c : m_controllers)
    if (c.name == name) return c;
  throw std::out_of_range("no fake controller " + name);
}

FakeConnection* FakeSystem::connection(int fd) {
  auto it = m_fds.find(fd);
  if (it == m_fds.end() || it->second.type != Type::connection) return nullptr;
  return &m_connections.at(it->second.index);
}

int FakeSystem::add_fd(Handle h) {
  int fd = m_next_fd++;
  m_fds[fd] = h;
  return fd;
}

// ---- Os ------------------------------------------------------------------------------

int FakeSystem::open(const std::string& path, int flags) {
  last_open_flags = flags;
  if (path == CLXHUB_DEVICE) {
    if (hub_open_error) return hub_open_error;
    return add_fd({Type::hub, 0});
  }
  for (std::size_t i = 0; i < m_controllers.size(); ++i)
    if (path == "/dev/" + m_controllers[i].name) return add_fd({Type::chip, i});
  return -ENOENT;
}

int FakeSystem::close(int fd) {
  auto it = m_fds.find(fd);
  if (it == m_fds.end()) {
    ++bad_closes;
    return -EBADF;
  }
  if (it->second.type == Type::connection) release(it->second.index);
  m_fds.erase(it);
  return 0;
}

int FakeSystem::list_dir(const std::string& dir, std::vector<std::string>& names) {
  if (dir != "/dev") return -ENOENT;
  names = {"null", "clxgpio-hub", "gpiochipX", "tty0"};
  // Newest first, as a directory may list them: the library sorts.
  for (std::size_t i = m_controllers.size(); i-- > 0;) names.push_back(m_controllers[i].name);
  return 0;
}

int FakeSystem::ioctl(int fd, unsigned long request, void* arg) {
  ioctls.push_back(request);
  if (fail_next_ioctl) {
    int e = fail_next_ioctl;
    fail_next_ioctl = 0;
    return e;
  }
  auto it = m_fds.find(fd);
  if (it == m_fds.end()) return -EBADF;
  const Handle h = it->second;
  switch (h.type) {
    case Type::hub:
      if (request == CLXHUB_IOC_OPEN) return do_open(*static_cast<struct clxhub_open*>(arg));
      return -ENOTTY;
    case Type::connection: {
      FakeConnection& c = m_connections.at(h.index);
      if (request == CLXHUB_IOC_READ_PINS) return do_pins(c, *static_cast<struct clxhub_pins*>(arg), false);
      if (request == CLXHUB_IOC_WRITE_PINS) return do_pins(c, *static_cast<struct clxhub_pins*>(arg), true);
      if (request == CLXHUB_IOC_INFO) return do_info(c, *static_cast<struct clxhub_info*>(arg));
      return -ENOTTY;
    }
    case Type::chip: {
      const FakeController& ctl = m_controllers[h.index];
      if (request == GPIO_GET_CHIPINFO_IOCTL) {
        auto* ci = static_cast<struct gpiochip_info*>(arg);
        std::memset(ci, 0, sizeof(*ci));
        std::strncpy(ci->name, ctl.name.c_str(), sizeof(ci->name) - 1);
        std::strncpy(ci->label, ctl.label.c_str(), sizeof(ci->label) - 1);
        ci->lines = ctl.pin_count;
        return 0;
      }
      if (request == GPIO_V2_GET_LINEINFO_IOCTL) return do_line_info(ctl, arg);
      return -ENOTTY;
    }
  }
  return -ENOTTY;
}

long FakeSystem::read(int fd, void* buf, std::size_t len) {
  FakeConnection* c = connection(fd);
  if (!c) return m_fds.count(fd) ? -EINVAL : -EBADF;
  if (c->kind != CLXHUB_KIND_INTERRUPT) return -EPERM;  // no events on an I/O connection
  if (len < sizeof(struct clxhub_event)) return -EINVAL;
  if (c->queue.empty()) return -EAGAIN;
  std::size_t n = std::min(len / sizeof(struct clxhub_event), c->queue.size());
  auto* out = static_cast<struct clxhub_event*>(buf);
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = c->queue.front();
    c->queue.pop_front();
  }
  long bytes = static_cast<long>(n * sizeof(struct clxhub_event));
  if (short_read >= 0) {
    bytes = short_read;
    short_read = -1;
  }
  return bytes;
}

int FakeSystem::poll(int fd, int timeout_ms) {
  last_poll_timeout = timeout_ms;
  if (on_poll) on_poll(*this);
  FakeConnection* c = connection(fd);
  if (!c) return m_fds.count(fd) ? 1 : -EBADF;
  if (c->kind != CLXHUB_KIND_INTERRUPT) return 1;  // EPOLLERR: read() says why
  if (!c->queue.empty()) return 1;
  return timeout_ms < 0 ? -EDEADLK : 0;
}

// ---- the hub -------------------------------------------------------------------------

std::vector<std::size_t> FakeSystem::holders(std::size_t controller, unsigned pin) const {
  std::vector<std::size_t> ids;
  for (const auto& [id, c] : m_connections)
    if (c.controller == controller && std::find(c.pins.begin(), c.pins.end(), pin) != c.pins.end())
      ids.push_back(id);
  return ids;
}

int FakeSystem::do_open(struct clxhub_open& o) {
  // The hub works on its copy and writes back only what is out: fd and status.
  struct clxhub_open copy = o;
  int r = open_connection(copy);
  o.fd = copy.fd;
  o.status = copy.status;
  last_open = o;
  return r;
}

int FakeSystem::open_connection(struct clxhub_open& o) {
  if (o.version != CLXHUB_VERSION || o.reserved0 || !all_zero(o.reserved) ||
      (o.flags & ~CLXHUB_OPEN_FLAGS_MASK) || (o.kind != CLXHUB_KIND_IO && o.kind != CLXHUB_KIND_INTERRUPT) ||
      !terminated(o.controller, sizeof(o.controller)) || !terminated(o.device, sizeof(o.device)) ||
      !terminated(o.consumer, sizeof(o.consumer)))
    return answer(o, CLX_STATUS_INVALID_PARAMETER);
  if (o.flags & CLXHUB_OPEN_BY_RESOURCE) {
    // The descriptor's fields are used; the request's must be 0.
    if (o.controller[0] || o.pin_count || o.io_restriction || o.pull || o.drive_strength ||
        o.debounce_timeout || o.int_mode || o.polarity)
      return answer(o, CLX_STATUS_INVALID_PARAMETER);
    bool device_known = false;
    const FakeDeviceResource* res = nullptr;
    for (const FakeDeviceResource& d : devices) {
      if (d.device != o.device) continue;
      device_known = true;
      if (d.index == o.resource_index) res = &d;
    }
    // As the hub answers a device path or resource it cannot find (clxcompat_hub.c).
    if (!device_known || !res || res->kind != o.kind) return answer(o, CLX_STATUS_NO_SUCH_DEVICE);
    std::strncpy(o.controller, res->controller.c_str(), sizeof(o.controller) - 1);
    o.pin_count = static_cast<__u16>(res->pins.size());
    std::copy(res->pins.begin(), res->pins.end(), o.pins);
    if (res->kind == CLXHUB_KIND_IO) {
      o.io_restriction = res->restriction;
    } else {
      o.int_mode = res->int_mode;
      o.polarity = res->polarity;
    }
  } else if (o.device[0] || o.resource_index) {
    return answer(o, CLX_STATUS_INVALID_PARAMETER);
  }

  std::size_t ci = m_controllers.size();
  for (std::size_t i = 0; i < m_controllers.size(); ++i) {
    const FakeController& c = m_controllers[i];
    if (o.controller == c.name || o.controller == c.label ||
        (!c.acpi_path.empty() && o.controller == c.acpi_path))
      ci = i;
  }
  if (ci == m_controllers.size()) return answer(o, CLX_STATUS_NO_SUCH_DEVICE);
  FakeController& ctl = m_controllers[ci];
  const bool is_io = o.kind == CLXHUB_KIND_IO;
  if (o.pin_count == 0 || o.pin_count > CLXHUB_MAX_PINS || (!is_io && o.pin_count != 1) ||
      (is_io && (o.access < CLXHUB_ACCESS_READ || o.access > CLXHUB_ACCESS_READ_WRITE)) ||
      (!is_io && o.access) || o.io_restriction > CLXHUB_IO_NONE_AND_PRESERVE || o.pull > CLXHUB_PULL_NONE ||
      o.int_mode > CLXHUB_EDGE || o.polarity > CLXHUB_ACTIVE_BOTH ||
      (o.int_mode == CLXHUB_LEVEL && o.polarity == CLXHUB_ACTIVE_BOTH) ||
      (!is_io && (o.io_restriction || o.drive_strength)) ||
      (is_io && (o.int_mode || o.polarity || (o.flags & CLXHUB_OPEN_WAKE))))
    return answer(o, CLX_STATUS_INVALID_PARAMETER);
  std::set<unsigned> seen;
  for (unsigned i = 0; i < o.pin_count; ++i)
    if (o.pins[i] >= ctl.pin_count || !seen.insert(o.pins[i]).second)
      return answer(o, CLX_STATUS_INVALID_PARAMETER);

  bool output_mode = false;
  if (is_io) {
    int mode = clx_res_open_mode(o.io_restriction, o.access);
    if (mode < 0) return answer(o, clx_res_error_status(mode));
    output_mode = mode == CLX_RES_MODE_OUTPUT;
  }
  const bool shared = (o.flags & CLXHUB_OPEN_SHARED) != 0;
  for (unsigned i = 0; i < o.pin_count; ++i) {
    if (ctl.firmware.count(o.pins[i])) return answer(o, CLX_STATUS_ACCESS_DENIED);
    if (ctl.gpiolib.count(o.pins[i])) return answer(o, CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
    for (std::size_t id : holders(ci, o.pins[i])) {
      const FakeConnection& h = m_connections.at(id);
      const bool same_mode = h.kind == o.kind && h.output_mode == output_mode;
      if (!shared || !(h.flags & CLXHUB_OPEN_SHARED) || !same_mode)
        return answer(o, CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
    }
  }

  FakeConnection c;
  c.kind = o.kind;
  c.access = o.access;
  c.flags = o.flags;
  c.controller = ci;
  c.pins.assign(o.pins, o.pins + o.pin_count);
  c.restriction = o.io_restriction;
  c.pull = o.pull;
  c.int_mode = o.int_mode;
  c.polarity = o.polarity;
  c.drive = o.drive_strength;
  c.debounce = o.debounce_timeout;
  c.consumer = o.consumer[0] ? o.consumer : "clxgpio";  // "" = the process name
  c.output_mode = output_mode;
  if (is_io)
    for (std::uint16_t p : c.pins) ctl.output[p] = output_mode;
  const std::size_t id = m_next_connection++;
  FakeConnection& added = m_connections[id] = c;
  // ActiveBoth: the first event is the asserted state, at once if the pin already is.
  if (!is_io && o.polarity == CLXHUB_ACTIVE_BOTH) {
    const unsigned p = o.pins[0];
    if (ctl.level[p] == ctl.asserted_high[p])
      push(added, 0, ctl.level[p] ? CLXHUB_EVENT_RISING : CLXHUB_EVENT_FALLING, true);
  }
  o.fd = add_fd({Type::connection, id});
  return answer(o, CLX_STATUS_SUCCESS);
}

int FakeSystem::do_pins(FakeConnection& c, struct clxhub_pins& p, bool write) {
  if (p.version != CLXHUB_VERSION || !all_zero(p.reserved) || p.padding || p.size > CLXHUB_BUFFER_BYTES)
    return answer(p, CLX_STATUS_INVALID_PARAMETER);
  if (c.kind != CLXHUB_KIND_IO) return answer(p, CLX_STATUS_GPIO_OPERATION_DENIED);
  const std::uint32_t n = static_cast<std::uint32_t>(c.pins.size());
  int e = clx_res_check_io(write ? CLX_RES_WRITE_PINS : CLX_RES_READ_PINS, c.access, n, p.size, 0);
  if (e < 0) return answer(p, clx_res_error_status(e));
  FakeController& ctl = m_controllers[c.controller];
  const std::uint32_t bytes = (n + 7) / 8;
  if (write) {
    for (std::uint32_t i = 0; i < n; ++i) {
      const bool bit = (p.buffer[i / 8] >> (i % 8)) & 1u;
      const unsigned pin = c.pins[i];
      ctl.latch[pin] = bit;
      if (ctl.output[pin]) ctl.level[pin] = bit;
    }
  } else {
    std::memset(p.buffer, 0, bytes);
    for (std::uint32_t i = 0; i < n; ++i) {
      const unsigned pin = c.pins[i];
      const bool bit = c.access == CLXHUB_ACCESS_READ ? ctl.level[pin] : ctl.latch[pin];
      if (bit) p.buffer[i / 8] = static_cast<__u8>(p.buffer[i / 8] | (1u << (i % 8)));
    }
  }
  p.size = bytes;
  return answer(p, CLX_STATUS_SUCCESS);
}

int FakeSystem::do_info(FakeConnection& c, struct clxhub_info& in) {
  if (in.version != CLXHUB_VERSION) return answer(in, CLX_STATUS_INVALID_PARAMETER);
  const FakeController& ctl = m_controllers[c.controller];
  in.kind = c.kind;
  in.access = c.access;
  in.flags = c.flags;
  std::memset(in.controller, 0, sizeof(in.controller));
  std::strncpy(in.controller, ctl.name.c_str(), sizeof(in.controller) - 1);
  in.pin_count = static_cast<__u16>(c.pins.size());
  in.int_mode = c.kind == CLXHUB_KIND_INTERRUPT ? c.int_mode : 0;
  in.polarity = c.kind == CLXHUB_KIND_INTERRUPT ? c.polarity : 0;
  std::copy(c.pins.begin(), c.pins.end(), in.pins);
  in.events = c.events;
  in.dropped = c.dropped;
  return answer(in, CLX_STATUS_SUCCESS);
}

int FakeSystem::do_line_info(const FakeController& ctl, void* arg) {
  auto* li = static_cast<struct gpio_v2_line_info*>(arg);
  const unsigned offset = li->offset;
  if (offset >= ctl.pin_count) return -EINVAL;
  std::memset(li, 0, sizeof(*li));
  li->offset = offset;
  std::strncpy(li->name, ctl.line_names[offset].c_str(), sizeof(li->name) - 1);
  std::string consumer;
  std::uint64_t flags = ctl.output[offset] ? GPIO_V2_LINE_FLAG_OUTPUT : GPIO_V2_LINE_FLAG_INPUT;
  const std::size_t ci = static_cast<std::size_t>(&ctl - m_controllers.data());
  std::vector<std::size_t> ids = holders(ci, offset);
  if (!ids.empty()) {
    const FakeConnection& h = m_connections.at(ids.front());
    consumer = h.consumer;
    if (h.pull == CLXHUB_PULL_UP) flags |= GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
    if (h.pull == CLXHUB_PULL_DOWN) flags |= GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN;
    if (h.pull == CLXHUB_PULL_NONE) flags |= GPIO_V2_LINE_FLAG_BIAS_DISABLED;
    if (h.debounce) {
      li->num_attrs = 1;
      li->attrs[0].id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
      li->attrs[0].debounce_period_us = h.debounce * 10u;
    }
  } else if (ctl.firmware.count(offset)) {
    consumer = "firmware";
  } else if (ctl.gpiolib.count(offset)) {
    consumer = ctl.gpiolib.at(offset);
  }
  if (!ids.empty() || ctl.firmware.count(offset) || ctl.gpiolib.count(offset))
    flags |= GPIO_V2_LINE_FLAG_USED;
  std::strncpy(li->consumer, consumer.c_str(), sizeof(li->consumer) - 1);
  li->flags = flags;
  return 0;
}

void FakeSystem::release(std::size_t id) {
  FakeConnection& c = m_connections.at(id);
  FakeController& ctl = m_controllers[c.controller];
  // Close: the pins go back to their default (inputs) unless NoneAndPreserve. A pin
  // another connection still holds (Shared) keeps its mode.
  if (c.kind == CLXHUB_KIND_IO && c.restriction != CLXHUB_IO_NONE_AND_PRESERVE)
    for (std::uint16_t p : c.pins)
      if (holders(c.controller, p).size() == 1) ctl.output[p] = false;
  m_connections.erase(id);
}

void FakeSystem::push(FakeConnection& c, std::uint16_t pin_index, std::uint8_t kind, bool asserted) {
  struct clxhub_event e {};
  e.timestamp_ns = now_ns;
  now_ns += 1000;
  e.seqno = ++c.seqno;
  e.pin_index = pin_index;
  e.pin = c.pins[pin_index];
  e.kind = kind;
  e.asserted = asserted ? 1 : 0;
  // As the hub's ring does (clxcompat_hub.c): a full queue drops its oldest event, or
  // its oldest two for ActiveBoth, so what is left still alternates.
  if (c.queue.size() >= queue_capacity) {
    const std::size_t drop = c.polarity == CLXHUB_ACTIVE_BOTH ? 2 : 1;
    for (std::size_t i = 0; i < drop && !c.queue.empty(); ++i) c.queue.pop_front();
    c.dropped += drop;
  }
  c.queue.push_back(e);
  ++c.events;
}

void FakeSystem::set_level(const std::string& controller_name, unsigned pin, bool high) {
  FakeController& ctl = controller(controller_name);
  const std::size_t ci = static_cast<std::size_t>(&ctl - m_controllers.data());
  const bool was = ctl.level[pin];
  ctl.level[pin] = high;
  if (was == high) return;
  for (std::size_t id : holders(ci, pin)) {
    FakeConnection& c = m_connections.at(id);
    if (c.kind != CLXHUB_KIND_INTERRUPT) continue;
    const std::uint8_t edge = high ? CLXHUB_EVENT_RISING : CLXHUB_EVENT_FALLING;
    if (c.polarity == CLXHUB_ACTIVE_BOTH)
      push(c, 0, edge, high == ctl.asserted_high[pin]);
    else if (c.int_mode == CLXHUB_LEVEL && high == (c.polarity == CLXHUB_ACTIVE_HIGH))
      push(c, 0, CLXHUB_EVENT_LEVEL, false);
    else if (c.int_mode == CLXHUB_EDGE && high == (c.polarity == CLXHUB_ACTIVE_HIGH))
      push(c, 0, edge, false);
  }
}

}  // namespace clxtest

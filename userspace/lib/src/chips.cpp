// SPDX-License-Identifier: GPL-2.0
// The kernel's GPIO character devices through the v2 uAPI: chip info and line info.
#include "clxgpio/chips.hpp"

#include <fcntl.h>
#include <linux/gpio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "clx_ntstatus.h"

namespace clxgpio {
namespace {

// One open chip, closed when it goes out of scope.
class ChipFd {
 public:
  ChipFd(Os& os, const std::string& path) : m_os(os), m_fd(os.open(path, O_RDWR | O_CLOEXEC)) {}
  ~ChipFd() {
    if (m_fd >= 0) m_os.close(m_fd);
  }
  ChipFd(const ChipFd&) = delete;
  ChipFd& operator=(const ChipFd&) = delete;
  int fd() const { return m_fd; }

 private:
  Os& m_os;
  int m_fd;
};

std::string field(const char* s, std::size_t n) { return std::string(s, strnlen(s, n)); }

std::string what(const std::string& op, int err) { return op + ": " + std::strerror(err); }

// "gpiochip12" -> 12; -1 for any other name.
long chip_number(const std::string& name) {
  static const char kPrefix[] = "gpiochip";
  const std::size_t n = sizeof(kPrefix) - 1;
  if (name.size() <= n || name.compare(0, n, kPrefix) != 0 || name.size() > n + 9) return -1;
  long v = 0;
  for (std::size_t i = n; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    v = v * 10 + (name[i] - '0');
  }
  return v;
}

Result<ChipInfo> chip_at(Os& os, const std::string& path) {
  ChipFd chip(os, path);
  if (chip.fd() < 0) return Error::from_errno(-chip.fd(), what("open " + path, -chip.fd()));
  struct gpiochip_info ci;
  std::memset(&ci, 0, sizeof(ci));
  int r = os.ioctl(chip.fd(), GPIO_GET_CHIPINFO_IOCTL, &ci);
  if (r < 0) return Error::from_errno(-r, what("GPIO_GET_CHIPINFO_IOCTL " + path, -r));
  ChipInfo info;
  info.name = field(ci.name, sizeof(ci.name));
  info.path = path;
  info.label = field(ci.label, sizeof(ci.label));
  info.lines = ci.lines;
  return info;
}

LineInfo line_from(const struct gpio_v2_line_info& li) {
  LineInfo l;
  const std::uint64_t f = li.flags;
  l.offset = li.offset;
  l.name = field(li.name, sizeof(li.name));
  l.consumer = field(li.consumer, sizeof(li.consumer));
  l.used = (f & GPIO_V2_LINE_FLAG_USED) != 0;
  l.direction = (f & GPIO_V2_LINE_FLAG_OUTPUT) ? LineDirection::output : LineDirection::input;
  l.active_low = (f & GPIO_V2_LINE_FLAG_ACTIVE_LOW) != 0;
  if (f & GPIO_V2_LINE_FLAG_BIAS_PULL_UP)
    l.bias = LineBias::pull_up;
  else if (f & GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN)
    l.bias = LineBias::pull_down;
  else if (f & GPIO_V2_LINE_FLAG_BIAS_DISABLED)
    l.bias = LineBias::disabled;
  if (f & GPIO_V2_LINE_FLAG_OPEN_DRAIN)
    l.drive = LineDrive::open_drain;
  else if (f & GPIO_V2_LINE_FLAG_OPEN_SOURCE)
    l.drive = LineDrive::open_source;
  const bool rising = (f & GPIO_V2_LINE_FLAG_EDGE_RISING) != 0;
  const bool falling = (f & GPIO_V2_LINE_FLAG_EDGE_FALLING) != 0;
  l.edge = rising && falling ? LineEdge::both
           : rising          ? LineEdge::rising
           : falling         ? LineEdge::falling
                             : LineEdge::none;
  for (std::uint32_t i = 0; i < li.num_attrs && i < GPIO_V2_LINE_NUM_ATTRS_MAX; ++i)
    if (li.attrs[i].id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE) l.debounce_us = li.attrs[i].debounce_period_us;
  return l;
}

Result<LineInfo> ask_line(Os& os, int fd, const ChipInfo& chip, std::uint32_t offset) {
  struct gpio_v2_line_info li;
  std::memset(&li, 0, sizeof(li));
  li.offset = offset;
  int r = os.ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &li);
  if (r < 0)
    return Error::from_errno(
        -r, what("GPIO_V2_GET_LINEINFO_IOCTL " + chip.name + " line " + std::to_string(offset), -r));
  return line_from(li);
}

}  // namespace

Result<std::vector<ChipInfo>> list_chips(Os& os, const std::string& dir) {
  std::vector<std::string> names;
  int r = os.list_dir(dir, names);
  if (r < 0) return Error::from_errno(-r, what("list " + dir, -r));
  names.erase(
      std::remove_if(names.begin(), names.end(), [](const std::string& n) { return chip_number(n) < 0; }),
      names.end());
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return chip_number(a) < chip_number(b); });
  std::vector<ChipInfo> chips;
  for (const std::string& n : names) {
    Result<ChipInfo> c = chip_at(os, dir + "/" + n);
    if (!c) return c.error();
    chips.push_back(std::move(c).value());
  }
  return chips;
}

Result<ChipInfo> find_chip(Os& os, std::string_view spec, const std::string& dir) {
  const std::string s(spec);
  if (s.empty()) return Error::from_status(CLX_STATUS_OBJECT_NAME_NOT_FOUND, "no GPIO controller ''");
  if (s[0] == '/') return chip_at(os, s);
  if (s.find_first_not_of("0123456789") == std::string::npos && s.size() < 10)
    return chip_at(os, dir + "/gpiochip" + s);
  if (chip_number(s) >= 0) return chip_at(os, dir + "/" + s);
  Result<std::vector<ChipInfo>> chips = list_chips(os, dir);
  if (!chips) return chips.error();
  for (ChipInfo& c : chips.value())
    if (c.label == s) return std::move(c);
  return Error::from_status(CLX_STATUS_OBJECT_NAME_NOT_FOUND,
                            "no GPIO controller named or labelled '" + s + "' in " + dir);
}

Result<std::vector<LineInfo>> line_infos(Os& os, const ChipInfo& chip) {
  ChipFd fd(os, chip.path);
  if (fd.fd() < 0) return Error::from_errno(-fd.fd(), what("open " + chip.path, -fd.fd()));
  std::vector<LineInfo> lines;
  for (std::uint32_t i = 0; i < chip.lines; ++i) {
    Result<LineInfo> l = ask_line(os, fd.fd(), chip, i);
    if (!l) return l.error();
    lines.push_back(std::move(l).value());
  }
  return lines;
}

Result<LineInfo> line_info(Os& os, const ChipInfo& chip, std::uint32_t offset) {
  if (offset >= chip.lines)
    return Error::from_status(CLX_STATUS_INVALID_PARAMETER, chip.name + " has " + std::to_string(chip.lines) +
                                                                " lines, no line " + std::to_string(offset));
  ChipFd fd(os, chip.path);
  if (fd.fd() < 0) return Error::from_errno(-fd.fd(), what("open " + chip.path, -fd.fd()));
  return ask_line(os, fd.fd(), chip, offset);
}

}  // namespace clxgpio

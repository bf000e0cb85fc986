// SPDX-License-Identifier: GPL-2.0
// The kernel's GPIO character devices (/dev/gpiochipN) seen through the v2 uAPI
// (GPIO_GET_CHIPINFO_IOCTL, GPIO_V2_GET_LINEINFO_IOCTL): which controllers there are and
// who holds each pin. A pin held through the hub shows as used, with the connection's
// consumer name; so does one a gpiolib consumer or firmware holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clxgpio/error.hpp"
#include "clxgpio/os.hpp"

namespace clxgpio {

struct ChipInfo {
  std::string name;   // "gpiochip0"
  std::string path;   // "/dev/gpiochip0"
  std::string label;  // "9030000.pl061"
  std::uint32_t lines = 0;
};

enum class LineDirection : std::uint8_t { input = 1, output = 2 };
enum class LineBias : std::uint8_t { as_is = 1, pull_up = 2, pull_down = 3, disabled = 4 };
enum class LineDrive : std::uint8_t { push_pull = 1, open_drain = 2, open_source = 3 };
enum class LineEdge : std::uint8_t { none = 1, rising = 2, falling = 3, both = 4 };

struct LineInfo {
  std::uint32_t offset = 0;
  std::string name;      // "" when the line has none
  std::string consumer;  // "" when free (a used line may have none either)
  bool used = false;
  LineDirection direction = LineDirection::input;
  bool active_low = false;
  LineBias bias = LineBias::as_is;
  LineDrive drive = LineDrive::push_pull;
  LineEdge edge = LineEdge::none;
  std::uint32_t debounce_us = 0;
};

// The controllers in dir ("/dev"), by number (gpiochip2 before gpiochip10). A chip that
// cannot be opened or asked is an error: the list would be wrong without it.
Result<std::vector<ChipInfo>> list_chips(Os& os, const std::string& dir = "/dev");

// One controller by "gpiochipN", "/dev/gpiochipN" (or any path), a bare number N or its
// label. Not found: STATUS_OBJECT_NAME_NOT_FOUND (ENOENT).
Result<ChipInfo> find_chip(Os& os, std::string_view spec, const std::string& dir = "/dev");

// Every line of a chip, by offset; one line (offset >= lines: STATUS_INVALID_PARAMETER).
Result<std::vector<LineInfo>> line_infos(Os& os, const ChipInfo& chip);
Result<LineInfo> line_info(Os& os, const ChipInfo& chip, std::uint32_t offset);

}  // namespace clxgpio

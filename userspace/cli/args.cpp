// SPDX-License-Identifier: GPL-2.0
// The CLI's option parser and value parsers.
#include "args.hpp"

#include "clx_ntstatus.h"

namespace clxgpio::cli {
namespace {

Error usage(std::string message) {
  return Error::from_status(CLX_STATUS_INVALID_PARAMETER, std::move(message));
}

const OptionSpec* find_long(const std::vector<OptionSpec>& specs, std::string_view name) {
  for (const OptionSpec& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

const OptionSpec* find_short(const std::vector<OptionSpec>& specs, char c) {
  for (const OptionSpec& s : specs)
    if (s.short_name != 0 && s.short_name == c) return &s;
  return nullptr;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

Result<Args> Args::parse(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs) {
  Args a;
  bool options_done = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (options_done || w.size() < 2 || w[0] != '-') {
      a.m_operands.push_back(w);
      continue;
    }
    if (w == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* spec;
    std::optional<std::string> value;
    std::string shown;
    if (w[1] == '-') {
      std::size_t eq = w.find('=');
      std::string_view name =
          std::string_view(w).substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      shown = "--" + std::string(name);
      spec = find_long(specs, name);
      if (eq != std::string::npos) value = w.substr(eq + 1);
    } else {
      shown = w.substr(0, 2);
      spec = find_short(specs, w[1]);
      if (w.size() > 2) {
        if (!spec || !spec->takes_value) return usage("unknown option '" + w + "'");
        value = w.substr(2);
      }
    }
    if (!spec) return usage("unknown option '" + shown + "'");
    if (spec->takes_value && !value) {
      if (i + 1 >= words.size()) return usage("option '" + shown + "' needs a value");
      value = words[++i];
    }
    if (!spec->takes_value && value) return usage("option '" + shown + "' takes no value");
    a.m_options[std::string(spec->name)] = value.value_or("");
  }
  return a;
}

std::optional<std::string> Args::get(std::string_view name) const {
  auto it = m_options.find(std::string(name));
  if (it == m_options.end()) return std::nullopt;
  return it->second;
}

Result<std::uint64_t> parse_uint(std::string_view text, std::uint64_t min, std::uint64_t max,
                                 std::string_view what) {
  std::uint64_t v = 0;
  bool ok = all_digits(text) && text.size() <= 19;
  for (char c : text) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  if (!ok || v < min || v > max)
    return usage(std::string(what) + " '" + std::string(text) + "': expected a number from " +
                 std::to_string(min) + " to " + std::to_string(max));
  return v;
}

Result<std::uint64_t> parse_fixed(std::string_view text, unsigned decimals, std::uint64_t max,
                                  std::string_view what) {
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  std::uint64_t scale = 1;
  for (unsigned i = 0; i < decimals; ++i) scale *= 10;
  bool ok = all_digits(whole) && whole.size() <= 12 && frac.size() <= decimals &&
            (dot == std::string_view::npos || all_digits(frac));
  std::uint64_t v = 0;
  if (ok) {
    for (char c : whole) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    v *= scale;
    std::uint64_t f = 0, fs = scale;
    for (char c : frac) {
      fs /= 10;
      f += static_cast<std::uint64_t>(c - '0') * fs;
    }
    v += f;
  }
  if (!ok || v > max) {
    std::string limit = std::to_string(max / scale);
    if (decimals) {
      std::string rest = std::to_string(max % scale);
      limit += "." + std::string(decimals - rest.size(), '0') + rest;
    }
    return usage(std::string(what) + " '" + std::string(text) + "': expected a number from 0 to " + limit +
                 " with at most " + std::to_string(decimals) + " decimals");
  }
  return v;
}

std::string controller_name(std::string_view chip) {
  static constexpr std::string_view kDev = "/dev/gpiochip";
  if (chip.size() > kDev.size() && chip.substr(0, kDev.size()) == kDev &&
      all_digits(chip.substr(kDev.size())))
    return std::string(chip.substr(5));
  if (all_digits(chip) && chip.size() < 10) return "gpiochip" + std::string(chip);
  return std::string(chip);
}

Result<ResourceSpec> parse_resource(std::string_view text) {
  const std::string shown = "resource '" + std::string(text) + "'";
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
    return usage(shown + ": expected CHIP:PIN[,PIN...]");
  ResourceSpec r;
  r.controller = controller_name(text.substr(0, colon));
  std::string_view list = text.substr(colon + 1);
  while (true) {
    std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    std::size_t dash = item.find('-');
    Result<std::uint64_t> first = parse_uint(item.substr(0, dash), 0, 65535, "pin");
    if (!first) return usage(shown + ": " + first.error().message());
    std::uint64_t last = first.value();
    if (dash != std::string_view::npos) {
      Result<std::uint64_t> l =
          parse_uint(item.substr(dash + 1), first.value(), 65535, "last pin of a range");
      if (!l) return usage(shown + ": " + l.error().message());
      last = l.value();
    }
    for (std::uint64_t p = first.value(); p <= last; ++p) {
      if (r.pins.size() == 64) return usage(shown + ": more than 64 pins (a table holds 1 to 64)");
      r.pins.push_back(static_cast<std::uint16_t>(p));
    }
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
  }
  return r;
}

}  // namespace clxgpio::cli

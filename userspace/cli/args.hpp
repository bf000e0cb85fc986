// SPDX-License-Identifier: GPL-2.0
// The CLI's command lines: options in the GNU style (--name=value, --name value, -n value,
// -nvalue, flags, "--" ends them, options and operands in any order) and the values they
// take. Every failure here is a usage error (exit 2); its message says what was wrong.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clxgpio/error.hpp"

namespace clxgpio::cli {

struct OptionSpec {
  std::string_view name;  // "count" for --count
  char short_name;        // 'n' for -n, 0 for none
  bool takes_value;
};

class Args {
 public:
  // Parses words against specs. An unknown option, a value missing or given to a flag:
  // an error naming the option.
  static Result<Args> parse(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs);

  bool has(std::string_view name) const { return m_options.count(std::string(name)) != 0; }
  // The option's value (the last one given), or nothing.
  std::optional<std::string> get(std::string_view name) const;
  const std::vector<std::string>& operands() const { return m_operands; }

 private:
  std::map<std::string, std::string> m_options;
  std::vector<std::string> m_operands;
};

// A decimal number in [min, max], digits only.
Result<std::uint64_t> parse_uint(std::string_view text, std::uint64_t min, std::uint64_t max,
                                 std::string_view what);
// A decimal with up to `decimals` digits after the point, as an integer of 10^-decimals
// units ("2.5" with 2 decimals is 250), at most max units.
Result<std::uint64_t> parse_fixed(std::string_view text, unsigned decimals, std::uint64_t max,
                                  std::string_view what);

// CHIP:PIN[,PIN...] with A-B ranges, split at the last ':'. The controller is given to
// the hub as the user wrote it, but "/dev/gpiochipN" and "N" become "gpiochipN".
struct ResourceSpec {
  std::string controller;
  std::vector<std::uint16_t> pins;
};
Result<ResourceSpec> parse_resource(std::string_view text);
std::string controller_name(std::string_view chip);

}  // namespace clxgpio::cli

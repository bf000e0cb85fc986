// SPDX-License-Identifier: GPL-2.0
// A small JSON writer for the CLI's --json output: compact, keys in the order written,
// strings escaped (control characters as \u00XX, bytes >= 0x80 passed through as UTF-8).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace clxgpio::cli {

class Json {
 public:
  Json& begin_object() { return open('{'); }
  Json& end_object() { return close('}'); }
  Json& begin_array() { return open('['); }
  Json& end_array() { return close(']'); }
  // The key of the next value inside an object.
  Json& key(std::string_view k);
  Json& value(std::string_view s);
  Json& value(const char* s) { return value(std::string_view(s)); }
  Json& value(bool b);
  // Any integer type but bool (all the CLI writes are non-negative).
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Json& value(T n) {
    return number(static_cast<std::uint64_t>(n));
  }
  Json& number(std::uint64_t n);
  Json& null();
  // key(k).value(v)
  template <class T>
  Json& field(std::string_view k, const T& v) {
    return key(k).value(v);
  }

  const std::string& str() const { return m_out; }

 private:
  void separate();
  Json& open(char bracket);
  Json& close(char bracket);
  std::string m_out;
  std::vector<bool> m_first;  // one per open object or array: nothing written in it yet
  bool m_after_key = false;
};

std::string json_quote(std::string_view s);

}  // namespace clxgpio::cli

// SPDX-License-Identifier: GPL-2.0
#include "json.hpp"

#include <cstdio>

namespace clxgpio::cli {

std::string json_quote(std::string_view s) {
  std::string q = "\"";
  for (char c : s) {
    switch (c) {
      case '"': q += "\\\""; break;
      case '\\': q += "\\\\"; break;
      case '\n': q += "\\n"; break;
      case '\t': q += "\\t"; break;
      case '\r': q += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          q += buf;
        } else {
          q += c;
        }
    }
  }
  return q + "\"";
}

void Json::separate() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_first.empty()) {
    if (!m_first.back()) m_out += ',';
    m_first.back() = false;
  }
}

Json& Json::open(char bracket) {
  separate();
  m_out += bracket;
  m_first.push_back(true);
  return *this;
}

Json& Json::close(char bracket) {
  m_out += bracket;
  m_first.pop_back();
  return *this;
}

Json& Json::key(std::string_view k) {
  separate();
  m_out += json_quote(k);
  m_out += ':';
  m_after_key = true;
  return *this;
}

Json& Json::value(std::string_view s) {
  separate();
  m_out += json_quote(s);
  return *this;
}

Json& Json::number(std::uint64_t n) {
  separate();
  m_out += std::to_string(n);
  return *this;
}

Json& Json::value(bool b) {
  separate();
  m_out += b ? "true" : "false";
  return *this;
}

Json& Json::null() {
  separate();
  m_out += "null";
  return *this;
}

}  // namespace clxgpio::cli

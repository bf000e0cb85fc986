// SPDX-License-Identifier: GPL-2.0
// clxgpio::Error and clxgpio::Result: how every call of the library fails. An Error is a
// value: the NTSTATUS the hub reported (or the one the errno maps to when the hub could not
// say), the errno, and a message naming the operation. Nothing in the library throws
// (but std::bad_alloc, which it does not catch).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace clxgpio {

class Error {
 public:
  // status: an NTSTATUS (compat/include/clx_ntstatus.h); err: a positive errno.
  Error(std::uint32_t status, int err, std::string message)
      : m_status(status), m_errno(err), m_message(std::move(message)) {}

  // The hub did not report a status (the device could not be opened, an ioctl it does
  // not know, a read()): the errno's canonical status (clx_ntstatus_from_errno).
  static Error from_errno(int err, std::string message);
  // An ioctl's answer: its status field when the hub wrote one, else from_errno.
  static Error from_reply(int err, std::uint32_t status, std::string message);
  // A check the library makes before asking the hub: the status's errno.
  static Error from_status(std::uint32_t status, std::string message);

  std::uint32_t status() const { return m_status; }
  int errno_value() const { return m_errno; }
  const std::string& message() const { return m_message; }

  // "STATUS_GPIO_OPERATION_DENIED"; "STATUS_UNKNOWN" outside the table.
  const char* status_name() const;
  // "EPERM"; "E<n>" for an errno the C library does not name.
  std::string errno_name() const;
  // "STATUS_GPIO_OPERATION_DENIED (EPERM): CLXHUB_IOC_WRITE_PINS: Operation not
  // permitted"; a status outside the table is shown as "STATUS_UNKNOWN 0x...".
  std::string to_string() const;

 private:
  std::uint32_t m_status;
  int m_errno;
  std::string m_message;
};

// A value or the Error that stopped it.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit
  Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  const Error& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return !m_error; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *m_error; }

 private:
  std::optional<Error> m_error;
};

}  // namespace clxgpio

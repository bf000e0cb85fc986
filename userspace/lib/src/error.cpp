// SPDX-License-Identifier: GPL-2.0
// clxgpio::Error: names from the one NTSTATUS table (compat/core/ntstatus.cpp) and the C
// library's errno names.
#include "clxgpio/error.hpp"

#include <cstdio>
#include <cstring>

#include "clx_ntstatus.h"

namespace clxgpio {

Error Error::from_errno(int err, std::string message) {
  return Error(clx_ntstatus_from_errno(-err), err, std::move(message));
}

Error Error::from_reply(int err, std::uint32_t status, std::string message) {
  // A hub that failed before it could write the status (a fault copying the struct, an
  // ioctl it does not know) leaves it 0: the errno is all there is.
  if (status == CLX_STATUS_SUCCESS) return from_errno(err, std::move(message));
  return Error(status, err, std::move(message));
}

Error Error::from_status(std::uint32_t status, std::string message) {
  return Error(status, -clx_ntstatus_to_errno(status), std::move(message));
}

const char* Error::status_name() const { return clx_ntstatus_name(m_status); }

std::string Error::errno_name() const {
  const char* name = m_errno > 0 ? strerrorname_np(m_errno) : nullptr;
  if (name) return name;
  return "E" + std::to_string(m_errno);
}

std::string Error::to_string() const {
  std::string s = status_name();
  if (!clx_ntstatus_find(m_status)) {
    char hex[16];
    std::snprintf(hex, sizeof(hex), " 0x%08x", static_cast<unsigned>(m_status));
    s += hex;
  }
  s += " (" + errno_name() + ")";
  if (!m_message.empty()) s += ": " + m_message;
  return s;
}

}  // namespace clxgpio

// SPDX-License-Identifier: GPL-2.0
// Engine status: one enum inside C++, converted to -errno in exactly one place
// (to_errno, used only by c_abi.cpp).
#pragma once

#include "bits.hpp"

namespace clx {

enum class [[nodiscard]] Status : u8 {
  ok = 0,
  pin_out_of_range = 1,     // -ERANGE
  bank_out_of_range = 2,    // -ECHRNG
  unsupported = 3,          // -EOPNOTSUPP: the controller cannot do it
  invalid = 4,              // -EINVAL: malformed argument
  too_many_pins = 5,        // -E2BIG
  bank_too_wide = 6,        // -EMSGSIZE: pins per bank > 64
  bank_wider_than_chip = 7, // -EDOM: pins per bank > total pins
  incompatible_mode = 8,    // -EBUSY: STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE
  firmware_reserved = 9,    // -EACCES
  denied = 10,              // -EPERM: STATUS_GPIO_OPERATION_DENIED
  not_connected = 11,       // -ENOTCONN
  no_space = 12,            // -ENOBUFS
  io_error = 13,            // -EIO
};

inline bool failed(Status s) { return s != Status::ok; }

// Client callbacks return 0/-errno; anything negative becomes io_error unless it is
// one of ours (a client may legitimately say "unsupported").
inline Status from_client(int rc) {
  if (rc == 0) return Status::ok;
  if (rc == -static_cast<int>(CLX_EOPNOTSUPP)) return Status::unsupported;
  if (rc == -static_cast<int>(CLX_EINVAL)) return Status::invalid;
  return Status::io_error;
}

// Namespace scope, constant-initialised: a table local to to_errno() is rebuilt on
// the stack by every call (GCC -O2 copies all 14 entries).
inline constexpr int kErrnoOf[] = {
    0,           -CLX_ERANGE, -CLX_ECHRNG,  -CLX_EOPNOTSUPP, -CLX_EINVAL,
    -CLX_E2BIG,  -CLX_EMSGSIZE, -CLX_EDOM,  -CLX_EBUSY,      -CLX_EACCES,
    -CLX_EPERM,  -CLX_ENOTCONN, -CLX_ENOBUFS, -CLX_EIO,
};

constexpr int to_errno(Status s) { return kErrnoOf[static_cast<u8>(s)]; }

static_assert(to_errno(Status::io_error) == -CLX_EIO, "errno table out of step with Status");

}  // namespace clx

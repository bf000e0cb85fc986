// SPDX-License-Identifier: GPL-2.0
// The resource rules inside C++: the Error enum behind enum clx_res_error and the one
// conversion to the negative int the C ABI returns. resource_rules.cpp holds the open
// and I/O rules, resource_plan.cpp the pin-table planner. Freestanding: no library
// headers, no allocation, no statics with constructors.
#pragma once

#include "clx_resource.h"

namespace clx::res {

using u8 = clx_u8;
using u16 = clx_u16;
using u32 = clx_u32;
using u64 = clx_u64;
using usize = clx_size;

enum class [[nodiscard]] Error : u8 {
  ok = CLX_RES_OK,
  null_argument = CLX_RES_E_NULL_ARGUMENT,
  bad_geometry = CLX_RES_E_BAD_GEOMETRY,
  no_pins = CLX_RES_E_NO_PINS,
  too_many_pins = CLX_RES_E_TOO_MANY_PINS,
  pin_out_of_range = CLX_RES_E_PIN_OUT_OF_RANGE,
  duplicate_pin = CLX_RES_E_DUPLICATE_PIN,
  no_space = CLX_RES_E_NO_SPACE,
  bad_restriction = CLX_RES_E_BAD_RESTRICTION,
  bad_access = CLX_RES_E_BAD_ACCESS,
  bad_operation = CLX_RES_E_BAD_OPERATION,
  bad_flags = CLX_RES_E_BAD_FLAGS,
  input_only = CLX_RES_E_INPUT_ONLY,
  output_only = CLX_RES_E_OUTPUT_ONLY,
  write_denied = CLX_RES_E_WRITE_DENIED,
  read_denied = CLX_RES_E_READ_DENIED,
  buffer_too_small = CLX_RES_E_BUFFER_TOO_SMALL,
};

inline bool failed(Error e) { return e != Error::ok; }

// The C ABI's return value: 0, or the negative enum clx_res_error value.
constexpr int to_int(Error e) { return -static_cast<int>(e); }

// ceil(n / 8): the bytes of a READ_PINS/WRITE_PINS buffer.
constexpr usize buffer_bytes(u32 pin_count) { return (static_cast<usize>(pin_count) + 7u) / 8u; }

}  // namespace clx::res

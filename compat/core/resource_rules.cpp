// SPDX-License-Identifier: GPL-2.0
// The open and I/O rules of a GPIO I/O resource (clx_resource.h), each a constant table
// indexed by the request, and the error names and statuses. The tables are the rules:
// compat/README-resources.md gives the reasons, the header the same tables as text.
#include "clx_acpi.h"
#include "clx_ntstatus.h"
#include "resource_rules.hpp"

namespace clx::res {
namespace {  // nothing here is exported from the module

// ---- errors ----

struct ErrorInfo {
  const char* name;
  u32 status;
};

// Namespace scope and constant-initialised; indexed by enum clx_res_error.
constexpr ErrorInfo kErrors[] = {
    {"CLX_RES_OK", CLX_STATUS_SUCCESS},
    {"CLX_RES_E_NULL_ARGUMENT", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_BAD_GEOMETRY", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_NO_PINS", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_TOO_MANY_PINS", CLX_STATUS_NOT_SUPPORTED},  // our limit, not a bad table
    {"CLX_RES_E_PIN_OUT_OF_RANGE", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_DUPLICATE_PIN", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_NO_SPACE", CLX_STATUS_BUFFER_TOO_SMALL},
    {"CLX_RES_E_BAD_RESTRICTION", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_BAD_ACCESS", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_BAD_OPERATION", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_BAD_FLAGS", CLX_STATUS_INVALID_PARAMETER},
    {"CLX_RES_E_INPUT_ONLY", CLX_STATUS_GPIO_OPERATION_DENIED},
    {"CLX_RES_E_OUTPUT_ONLY", CLX_STATUS_GPIO_OPERATION_DENIED},
    {"CLX_RES_E_WRITE_DENIED", CLX_STATUS_GPIO_OPERATION_DENIED},
    {"CLX_RES_E_READ_DENIED", CLX_STATUS_GPIO_OPERATION_DENIED},
    {"CLX_RES_E_BUFFER_TOO_SMALL", CLX_STATUS_BUFFER_TOO_SMALL},
};
static_assert(sizeof(kErrors) / sizeof(kErrors[0]) == CLX_RES_E_COUNT,
              "one name and status per enum clx_res_error value");

constexpr ErrorInfo kUnknown = {"CLX_RES_E_UNKNOWN", CLX_STATUS_UNSUCCESSFUL};

const ErrorInfo& error_of(int err) {
  // CAST: -INT_MIN overflows; it is no error of ours anyway.
  const unsigned v = err < 0 ? 0u - static_cast<unsigned>(err) : static_cast<unsigned>(err);
  return v < CLX_RES_E_COUNT ? kErrors[v] : kUnknown;
}

// ---- the open decision ----

static_assert(CLX_ACPI_IO_NONE == 0 && CLX_ACPI_IO_INPUT_ONLY == 1 && CLX_ACPI_IO_OUTPUT_ONLY == 2 &&
                  CLX_ACPI_IO_NONE_AND_PRESERVE == 3,
              "kOpen is indexed by the descriptor's IoRestriction value");
static_assert(CLX_RES_READ == 1 && CLX_RES_WRITE == 2 && CLX_RES_READ_WRITE == 3,
              "kOpen and kIo are indexed by access - 1");

constexpr u32 kRestrictions = 4;
constexpr u32 kAccesses = 3;

// What an open makes the pins, or why it is refused. A pin is an input or an output,
// never both: READ_WRITE makes outputs, whose latches READ_PINS returns (seed 002:
// "reads the last values written to the output latches").
struct OpenRule {
  u8 mode;  // enum clx_res_mode, 0 when refused
  Error refusal;
};

constexpr OpenRule kIn = {CLX_RES_MODE_INPUT, Error::ok};
constexpr OpenRule kOut = {CLX_RES_MODE_OUTPUT, Error::ok};
constexpr OpenRule kNotOutput = {0, Error::input_only};
constexpr OpenRule kNotInput = {0, Error::output_only};

constexpr OpenRule kOpen[kRestrictions][kAccesses] = {
    //                       READ        WRITE       READ_WRITE
    /* None            */ {kIn, kOut, kOut},
    /* InputOnly       */ {kIn, kNotOutput, kNotOutput},
    /* OutputOnly      */ {kNotInput, kOut, kOut},
    /* NoneAndPreserve */ {kIn, kOut, kOut},
};

bool valid_access(u32 access) { return access >= CLX_RES_READ && access <= CLX_RES_READ_WRITE; }

// ---- the I/O rules ----

// May a connection of this access send this request? Allow::unless_strict: allowed unless the
// caller asked for CLX_RES_STRICT_READ (the IOCTL page's reading of READ_PINS on
// outputs; GPIOCLX-FACTS section 14).
enum class Allow : u8 { yes = 1, no = 2, unless_strict = 3 };

struct IoRule {
  Allow read_pins;
  Allow write_pins;
};

constexpr IoRule kIo[kAccesses] = {
    /* READ       */ {Allow::yes, Allow::no},
    /* WRITE      */ {Allow::unless_strict, Allow::yes},
    /* READ_WRITE */ {Allow::yes, Allow::yes},
};

Error check_io(u32 op, u32 access, u32 pin_count, usize buf_len, u32 flags) {
  if ((flags & ~CLX_RES_IO_FLAGS_MASK) != 0) return Error::bad_flags;
  if (op != CLX_RES_READ_PINS && op != CLX_RES_WRITE_PINS) return Error::bad_operation;
  if (!valid_access(access)) return Error::bad_access;
  if (pin_count == 0) return Error::no_pins;
  if (pin_count > CLX_RES_MAX_PINS) return Error::too_many_pins;

  const IoRule& rule = kIo[access - 1];
  const bool strict = (flags & CLX_RES_STRICT_READ) != 0;
  if (op == CLX_RES_WRITE_PINS) {
    if (rule.write_pins != Allow::yes) return Error::write_denied;
  } else if (rule.read_pins == Allow::no || (rule.read_pins == Allow::unless_strict && strict)) {
    return Error::read_denied;
  }
  if (buf_len < buffer_bytes(pin_count)) return Error::buffer_too_small;
  return Error::ok;
}

}  // namespace
}  // namespace clx::res

using namespace clx::res;

extern "C" {

const char* clx_res_error_name(int err) { return error_of(err).name; }

clx_u32 clx_res_error_status(int err) { return error_of(err).status; }

int clx_res_open_mode(clx_u8 io_restriction, clx_u32 access) {
  if (io_restriction >= kRestrictions) return to_int(Error::bad_restriction);
  if (!valid_access(access)) return to_int(Error::bad_access);
  const OpenRule& rule = kOpen[io_restriction][access - 1];
  return failed(rule.refusal) ? to_int(rule.refusal) : rule.mode;
}

int clx_res_close_preserves(clx_u8 io_restriction) {
  if (io_restriction >= kRestrictions) return to_int(Error::bad_restriction);
  return io_restriction == CLX_ACPI_IO_NONE_AND_PRESERVE ? 1 : 0;
}

clx_size clx_res_buffer_bytes(clx_u32 pin_count) { return buffer_bytes(pin_count); }

int clx_res_check_io(clx_u32 op, clx_u32 access, clx_u32 pin_count, clx_size buf_len, clx_u32 flags) {
  return to_int(check_io(op, access, pin_count, buf_len, flags));
}

}  // extern "C"

// SPDX-License-Identifier: GPL-2.0
// The NTSTATUS table (clx_ntstatus.h): each status with its errno, Win32 code and name,
// and each errno back to one canonical status. One table of statuses plus the errnos no
// status produces; static_asserts below hold them to that shape, so that an edit that
// gives an errno two canonical statuses, or a status two rows, does not compile.
// Freestanding: no library headers, no allocation, no statics with constructors.
#include "clx_ntstatus.h"

namespace clx::nt {
namespace {  // nothing here is exported from the module

using u32 = clx_u32;

// Linux errno values (include/uapi/asm-generic/errno-base.h and errno.h; the engine's
// CLX_E* in clxgpio_abi.h are the same numbers). This file cannot include either header:
// the compat core stands alone. tests/host/compat/test_ntstatus.cpp checks every one
// against the host's <cerrno> and the engine's CLX_E*.
namespace err {
constexpr int kEPERM = 1;
constexpr int kENOENT = 2;
constexpr int kENXIO = 6;
constexpr int kE2BIG = 7;
constexpr int kEIO = 5;
constexpr int kENOMEM = 12;
constexpr int kEACCES = 13;
constexpr int kEBUSY = 16;
constexpr int kENODEV = 19;
constexpr int kEINVAL = 22;
constexpr int kENOTTY = 25;
constexpr int kEDOM = 33;
constexpr int kERANGE = 34;
constexpr int kENOSYS = 38;
constexpr int kECHRNG = 44;
constexpr int kEMSGSIZE = 90;
constexpr int kEOPNOTSUPP = 95;
constexpr int kENOBUFS = 105;
constexpr int kENOTCONN = 107;
constexpr int kETIMEDOUT = 110;
constexpr int kEALREADY = 114;
constexpr int kEREMOTEIO = 121;
constexpr int kECANCELED = 125;
}  // namespace err

using namespace err;

constexpr int kCanonical = 1;
constexpr int kOneWay = 0;  // the errno maps back to another status (named in the comment)

// Namespace scope and constant-initialised: no constructor runs (a kernel module has
// none to run). Grouped as the header lists them.
constexpr clx_ntstatus_info kStatuses[] = {
    {CLX_STATUS_SUCCESS, 0, 0, "STATUS_SUCCESS", kCanonical},
    // Generic failure: -EIO is the device error below.
    {CLX_STATUS_UNSUCCESSFUL, -kEIO, 31, "STATUS_UNSUCCESSFUL", kOneWay},
    // No callback for it (IOCTL_GPIO_CONTROLLER_SPECIFIC_FUNCTION, reference section 7).
    {CLX_STATUS_NOT_IMPLEMENTED, -kENOSYS, 1, "STATUS_NOT_IMPLEMENTED", kCanonical},
    {CLX_STATUS_INVALID_PARAMETER, -kEINVAL, 87, "STATUS_INVALID_PARAMETER", kCanonical},
    {CLX_STATUS_NO_SUCH_DEVICE, -kENODEV, 2, "STATUS_NO_SUCH_DEVICE", kCanonical},
    // An IOCTL the device does not know: Linux answers an unknown ioctl with -ENOTTY.
    {CLX_STATUS_INVALID_DEVICE_REQUEST, -kENOTTY, 1, "STATUS_INVALID_DEVICE_REQUEST", kCanonical},
    // -ENOMEM is INSUFFICIENT_RESOURCES, what drivers return for a failed allocation.
    {CLX_STATUS_NO_MEMORY, -kENOMEM, 8, "STATUS_NO_MEMORY", kOneWay},
    // The engine's -EACCES: a pin reserved for firmware (GeneralPurposeIO OpRegion).
    {CLX_STATUS_ACCESS_DENIED, -kEACCES, 5, "STATUS_ACCESS_DENIED", kCanonical},
    {CLX_STATUS_BUFFER_TOO_SMALL, -kENOBUFS, 122, "STATUS_BUFFER_TOO_SMALL", kCanonical},
    // -ENOENT is the generic NOT_FOUND; a caller that knows it looked up a name (a
    // ResourceSource path) returns this status itself.
    {CLX_STATUS_OBJECT_NAME_NOT_FOUND, -kENOENT, 2, "STATUS_OBJECT_NAME_NOT_FOUND", kOneWay},
    // A user-mode open of a pin in use (ERROR_SHARING_VIOLATION, reference section 7);
    // -EBUSY is INCOMPATIBLE_CONNECT_MODE, the kernel-side conflict.
    {CLX_STATUS_SHARING_VIOLATION, -kEBUSY, 32, "STATUS_SHARING_VIOLATION", kOneWay},
    {CLX_STATUS_INSUFFICIENT_RESOURCES, -kENOMEM, 1450, "STATUS_INSUFFICIENT_RESOURCES", kCanonical},
    // The engine's -ENOTCONN: the pin is not connected the way the call needs.
    {CLX_STATUS_DEVICE_NOT_CONNECTED, -kENOTCONN, 1167, "STATUS_DEVICE_NOT_CONNECTED", kCanonical},
    // A sleeping controller's bus transfer timed out.
    {CLX_STATUS_IO_TIMEOUT, -kETIMEDOUT, 121, "STATUS_IO_TIMEOUT", kCanonical},
    {CLX_STATUS_NOT_SUPPORTED, -kEOPNOTSUPP, 50, "STATUS_NOT_SUPPORTED", kCanonical},
    {CLX_STATUS_CANCELLED, -kECANCELED, 995, "STATUS_CANCELLED", kCanonical},
    // The engine's -EIO: the controller reported a failure.
    {CLX_STATUS_IO_DEVICE_ERROR, -kEIO, 1117, "STATUS_IO_DEVICE_ERROR", kCanonical},
    {CLX_STATUS_NOT_FOUND, -kENOENT, 1168, "STATUS_NOT_FOUND", kCanonical},
    {CLX_STATUS_DEVICE_BUSY, -kEBUSY, 170, "STATUS_DEVICE_BUSY", kOneWay},
    // GpioClx's own (reference section 7). Registration and client-information failures
    // take the generic errno; the engine's geometry errnos come back to
    // CLIENT_INFORMATION_INVALID through kOneWayErrnos below.
    {CLX_STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED, -kENODEV, 15321,
     "STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED", kOneWay},
    {CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID, -kEINVAL, 15322,
     "STATUS_GPIO_CLIENT_INFORMATION_INVALID", kOneWay},
    {CLX_STATUS_GPIO_VERSION_NOT_SUPPORTED, -kEOPNOTSUPP, 15323, "STATUS_GPIO_VERSION_NOT_SUPPORTED",
     kOneWay},
    {CLX_STATUS_GPIO_INVALID_REGISTRATION_PACKET, -kEINVAL, 15324,
     "STATUS_GPIO_INVALID_REGISTRATION_PACKET", kOneWay},
    // The engine's -EPERM: wrong direction for this connection (WRITE_PINS on inputs).
    {CLX_STATUS_GPIO_OPERATION_DENIED, -kEPERM, 15325, "STATUS_GPIO_OPERATION_DENIED", kCanonical},
    // The engine's -EBUSY: Shared/Exclusive and mode conflicts (kernel/engine/ownership.cpp
    // decides them; this table only names the result).
    {CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, -kEBUSY, 15326, "STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE",
     kCanonical},
    {CLX_STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED, -kEALREADY, 15327,
     "STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED", kCanonical},
};

constexpr u32 kStatusCount = sizeof(kStatuses) / sizeof(kStatuses[0]);

// Errnos that no status above produces, each with the status it becomes.
struct OneWayErrno {
  int err;
  u32 status;
};

constexpr OneWayErrno kOneWayErrnos[] = {
    {-kERANGE, CLX_STATUS_INVALID_PARAMETER},                  // engine: pin out of range
    {-kECHRNG, CLX_STATUS_INVALID_PARAMETER},                  // engine: bank out of range
    {-kE2BIG, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},     // engine: total pins > CLX_MAX_PINS
    {-kEMSGSIZE, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},  // engine: pins per bank > 64
    {-kEDOM, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},      // engine: pins per bank > total
    {-kENXIO, CLX_STATUS_NO_SUCH_DEVICE},
    {-kEREMOTEIO, CLX_STATUS_IO_DEVICE_ERROR},                 // a bus transfer was refused
};

// ---- the table's shape, checked at compile time ----

constexpr int rows_with_status(u32 status) {
  int n = 0;
  for (const auto& s : kStatuses) n += s.status == status ? 1 : 0;
  return n;
}

constexpr int canonical_rows_for(int e) {
  int n = 0;
  for (const auto& s : kStatuses) n += (s.err == e && s.canonical == kCanonical) ? 1 : 0;
  for (const auto& o : kOneWayErrnos) n += o.err == e ? 1 : 0;
  return n;
}

constexpr bool table_is_well_formed() {
  for (const auto& s : kStatuses) {
    if (rows_with_status(s.status) != 1) return false;  // one row per status
    if (s.err > 0) return false;                        // 0 or -errno
    if (canonical_rows_for(s.err) != 1) return false;   // every errno it gives comes back
    if (s.canonical != kCanonical && s.canonical != kOneWay) return false;
    if (s.name == nullptr) return false;
  }
  for (const auto& o : kOneWayErrnos) {
    if (o.err >= 0 || canonical_rows_for(o.err) != 1) return false;
    if (rows_with_status(o.status) != 1) return false;  // it names a status of the table
  }
  return true;
}

static_assert(table_is_well_formed(),
              "each status once; each errno exactly one canonical status; one-way errnos name "
              "statuses of the table");

// ---- lookups ----

constexpr bool nt_success(u32 status) { return (status & 0x80000000u) == 0; }

const clx_ntstatus_info* find(u32 status) {
  for (const auto& s : kStatuses)
    if (s.status == status) return &s;
  return nullptr;
}

u32 status_of_errno(int e) {
  if (e > 0) return CLX_STATUS_UNSUCCESSFUL;  // not an errno return
  for (const auto& s : kStatuses)
    if (s.err == e && s.canonical == kCanonical) return s.status;
  for (const auto& o : kOneWayErrnos)
    if (o.err == e) return o.status;
  return CLX_STATUS_UNSUCCESSFUL;
}

int errno_of_status(u32 status) {
  const clx_ntstatus_info* s = find(status);
  if (s != nullptr) return s->err;
  return nt_success(status) ? 0 : -kEIO;
}

}  // namespace
}  // namespace clx::nt

using namespace clx::nt;

extern "C" {

clx_u32 clx_ntstatus_count(void) { return kStatusCount; }

const clx_ntstatus_info* clx_ntstatus_at(clx_u32 index) {
  return index < kStatusCount ? &kStatuses[index] : nullptr;
}

const clx_ntstatus_info* clx_ntstatus_find(clx_u32 status) { return find(status); }

const char* clx_ntstatus_name(clx_u32 status) {
  const clx_ntstatus_info* s = find(status);
  return s != nullptr ? s->name : "STATUS_UNKNOWN";
}

int clx_ntstatus_to_errno(clx_u32 status) { return errno_of_status(status); }

clx_u32 clx_ntstatus_from_errno(int err) { return status_of_errno(err); }

clx_u32 clx_ntstatus_to_win32(clx_u32 status) {
  const clx_ntstatus_info* s = find(status);
  return s != nullptr ? s->win32 : CLX_WIN32_NO_MAPPING;
}

int clx_ntstatus_is_success(clx_u32 status) { return nt_success(status) ? 1 : 0; }

clx_ntstatus_result clx_ntstatus_result_errno(int err) {
  if (err > 0) return {CLX_STATUS_UNSUCCESSFUL, -kEIO};
  return {status_of_errno(err), err};
}

clx_ntstatus_result clx_ntstatus_result_status(clx_u32 status) {
  return {status, errno_of_status(status)};
}

}  // extern "C"

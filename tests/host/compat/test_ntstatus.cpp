// The NTSTATUS table (compat/core/ntstatus.cpp): every value against the reference,
// every entry's errno and its way back, the engine's errnos, and the fallbacks for
// values outside the table.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "clx_ntstatus.h"
#include "clxgpio_abi.h"

namespace {

// What the table must say, written out independently of it: NTSTATUS values from
// Microsoft's ntstatus.h ([MS-ERREF] 2.3.1; STATUS_GPIO_* also GPIOCLX-FACTS section 7),
// Win32 codes from RtlNtStatusToDosError (GPIO: GPIOCLX-FACTS; others: Wine's table),
// errnos as the header documents. canonical: the errno maps back to this status.
struct Expected {
  uint32_t status;
  const char* name;
  uint32_t win32;
  int err;
  bool canonical;
};

const std::vector<Expected>& expected() {
  static const std::vector<Expected> rows = {
      {0x00000000, "STATUS_SUCCESS", 0, 0, true},
      {0xC0000001, "STATUS_UNSUCCESSFUL", 31, -EIO, false},
      {0xC0000002, "STATUS_NOT_IMPLEMENTED", 1, -ENOSYS, true},
      {0xC000000D, "STATUS_INVALID_PARAMETER", 87, -EINVAL, true},
      {0xC000000E, "STATUS_NO_SUCH_DEVICE", 2, -ENODEV, true},
      {0xC0000010, "STATUS_INVALID_DEVICE_REQUEST", 1, -ENOTTY, true},
      {0xC0000017, "STATUS_NO_MEMORY", 8, -ENOMEM, false},
      {0xC0000022, "STATUS_ACCESS_DENIED", 5, -EACCES, true},
      {0xC0000023, "STATUS_BUFFER_TOO_SMALL", 122, -ENOBUFS, true},
      {0xC0000034, "STATUS_OBJECT_NAME_NOT_FOUND", 2, -ENOENT, false},
      {0xC0000043, "STATUS_SHARING_VIOLATION", 32, -EBUSY, false},
      {0xC000009A, "STATUS_INSUFFICIENT_RESOURCES", 1450, -ENOMEM, true},
      {0xC000009D, "STATUS_DEVICE_NOT_CONNECTED", 1167, -ENOTCONN, true},
      {0xC00000B5, "STATUS_IO_TIMEOUT", 121, -ETIMEDOUT, true},
      {0xC00000BB, "STATUS_NOT_SUPPORTED", 50, -EOPNOTSUPP, true},
      {0xC0000120, "STATUS_CANCELLED", 995, -ECANCELED, true},
      {0xC0000185, "STATUS_IO_DEVICE_ERROR", 1117, -EIO, true},
      {0xC0000225, "STATUS_NOT_FOUND", 1168, -ENOENT, true},
      {0x80000011, "STATUS_DEVICE_BUSY", 170, -EBUSY, false},
      {0xC000A121, "STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED", 15321, -ENODEV, false},
      {0xC000A122, "STATUS_GPIO_CLIENT_INFORMATION_INVALID", 15322, -EINVAL, false},
      {0xC000A123, "STATUS_GPIO_VERSION_NOT_SUPPORTED", 15323, -EOPNOTSUPP, false},
      {0xC000A124, "STATUS_GPIO_INVALID_REGISTRATION_PACKET", 15324, -EINVAL, false},
      {0xC000A125, "STATUS_GPIO_OPERATION_DENIED", 15325, -EPERM, true},
      {0xC000A126, "STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE", 15326, -EBUSY, true},
      {0x8000A127, "STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED", 15327, -EALREADY, true},
  };
  return rows;
}

std::string hex(uint32_t v) {
  char buf[16];
  snprintf(buf, sizeof buf, "0x%08X", v);
  return buf;
}

}  // namespace

// ---- the table ----

TEST(NtstatusTable, MacrosHoldTheReferenceValues) {
  EXPECT_EQ(CLX_STATUS_SUCCESS, 0x00000000u);
  EXPECT_EQ(CLX_STATUS_UNSUCCESSFUL, 0xC0000001u);
  EXPECT_EQ(CLX_STATUS_NOT_IMPLEMENTED, 0xC0000002u);
  EXPECT_EQ(CLX_STATUS_INVALID_PARAMETER, 0xC000000Du);
  EXPECT_EQ(CLX_STATUS_NO_SUCH_DEVICE, 0xC000000Eu);
  EXPECT_EQ(CLX_STATUS_INVALID_DEVICE_REQUEST, 0xC0000010u);
  EXPECT_EQ(CLX_STATUS_NO_MEMORY, 0xC0000017u);
  EXPECT_EQ(CLX_STATUS_ACCESS_DENIED, 0xC0000022u);
  EXPECT_EQ(CLX_STATUS_BUFFER_TOO_SMALL, 0xC0000023u);
  EXPECT_EQ(CLX_STATUS_OBJECT_NAME_NOT_FOUND, 0xC0000034u);
  EXPECT_EQ(CLX_STATUS_SHARING_VIOLATION, 0xC0000043u);
  EXPECT_EQ(CLX_STATUS_INSUFFICIENT_RESOURCES, 0xC000009Au);
  EXPECT_EQ(CLX_STATUS_DEVICE_NOT_CONNECTED, 0xC000009Du);
  EXPECT_EQ(CLX_STATUS_IO_TIMEOUT, 0xC00000B5u);
  EXPECT_EQ(CLX_STATUS_NOT_SUPPORTED, 0xC00000BBu);
  EXPECT_EQ(CLX_STATUS_CANCELLED, 0xC0000120u);
  EXPECT_EQ(CLX_STATUS_IO_DEVICE_ERROR, 0xC0000185u);
  EXPECT_EQ(CLX_STATUS_NOT_FOUND, 0xC0000225u);
  EXPECT_EQ(CLX_STATUS_DEVICE_BUSY, 0x80000011u);
  EXPECT_EQ(CLX_STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED, 0xC000A121u);
  EXPECT_EQ(CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID, 0xC000A122u);
  EXPECT_EQ(CLX_STATUS_GPIO_VERSION_NOT_SUPPORTED, 0xC000A123u);
  EXPECT_EQ(CLX_STATUS_GPIO_INVALID_REGISTRATION_PACKET, 0xC000A124u);
  EXPECT_EQ(CLX_STATUS_GPIO_OPERATION_DENIED, 0xC000A125u);
  EXPECT_EQ(CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, 0xC000A126u);
  EXPECT_EQ(CLX_STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED, 0x8000A127u);
  EXPECT_EQ(CLX_WIN32_NO_MAPPING, 317u);  // ERROR_MR_MID_NOT_FOUND
}

TEST(NtstatusTable, EveryEntryAsTheReferenceSays) {
  ASSERT_EQ(clx_ntstatus_count(), expected().size());
  for (const Expected& e : expected()) {
    SCOPED_TRACE(e.name);
    const clx_ntstatus_info* info = clx_ntstatus_find(e.status);
    ASSERT_NE(info, nullptr) << hex(e.status) << " missing";
    EXPECT_EQ(info->status, e.status);
    EXPECT_STREQ(info->name, e.name);
    EXPECT_STREQ(clx_ntstatus_name(e.status), e.name);
    EXPECT_EQ(info->win32, e.win32);
    EXPECT_EQ(clx_ntstatus_to_win32(e.status), e.win32);
    EXPECT_EQ(info->err, e.err);
    EXPECT_EQ(clx_ntstatus_to_errno(e.status), e.err);
    EXPECT_EQ(info->canonical, e.canonical ? 1 : 0);
  }
}

TEST(NtstatusTable, EveryEntryRoundTrips) {
  for (const Expected& e : expected()) {
    SCOPED_TRACE(e.name);
    const uint32_t back = clx_ntstatus_from_errno(clx_ntstatus_to_errno(e.status));
    if (e.canonical) {
      EXPECT_EQ(back, e.status) << clx_ntstatus_name(back);
    } else {
      // The errno belongs to another status, which gives the same errno back.
      EXPECT_NE(back, e.status);
      EXPECT_EQ(clx_ntstatus_to_errno(back), e.err) << clx_ntstatus_name(back);
      const clx_ntstatus_info* owner = clx_ntstatus_find(back);
      ASSERT_NE(owner, nullptr);
      EXPECT_EQ(owner->canonical, 1);
    }
  }
}

TEST(NtstatusTable, IterationGivesEachStatusOnce) {
  std::set<uint32_t> seen;
  std::set<int> canonical_errnos;
  for (uint32_t i = 0; i < clx_ntstatus_count(); ++i) {
    const clx_ntstatus_info* info = clx_ntstatus_at(i);
    ASSERT_NE(info, nullptr);
    EXPECT_TRUE(seen.insert(info->status).second) << info->name << " twice";
    EXPECT_EQ(clx_ntstatus_find(info->status), info);
    EXPECT_EQ(std::string(info->name).rfind("STATUS_", 0), 0u) << info->name;
    if (info->canonical) {
      EXPECT_TRUE(canonical_errnos.insert(info->err).second) << info->err;
    }
  }
  EXPECT_EQ(clx_ntstatus_at(clx_ntstatus_count()), nullptr);
  EXPECT_EQ(clx_ntstatus_at(UINT32_MAX), nullptr);
}

TEST(NtstatusTable, TheBriefsPairs) {
  EXPECT_EQ(clx_ntstatus_from_errno(-EBUSY), CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
  EXPECT_EQ(clx_ntstatus_from_errno(-EPERM), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(clx_ntstatus_from_errno(-ENOBUFS), CLX_STATUS_BUFFER_TOO_SMALL);
  EXPECT_EQ(clx_ntstatus_from_errno(-EACCES), CLX_STATUS_ACCESS_DENIED);
  EXPECT_EQ(clx_ntstatus_from_errno(0), CLX_STATUS_SUCCESS);
  EXPECT_EQ(clx_ntstatus_from_errno(-ENOMEM), CLX_STATUS_INSUFFICIENT_RESOURCES);
  EXPECT_EQ(clx_ntstatus_from_errno(-ENOENT), CLX_STATUS_NOT_FOUND);
  EXPECT_EQ(clx_ntstatus_from_errno(-EIO), CLX_STATUS_IO_DEVICE_ERROR);
}

TEST(NtstatusTable, SuccessFollowsTheSeverityBits) {
  EXPECT_EQ(clx_ntstatus_is_success(CLX_STATUS_SUCCESS), 1);
  EXPECT_EQ(clx_ntstatus_is_success(0x00000103u), 1);  // STATUS_PENDING
  EXPECT_EQ(clx_ntstatus_is_success(0x40000000u), 1);  // informational
  EXPECT_EQ(clx_ntstatus_is_success(CLX_STATUS_DEVICE_BUSY), 0);  // warning
  EXPECT_EQ(clx_ntstatus_is_success(CLX_STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED), 0);
  EXPECT_EQ(clx_ntstatus_is_success(CLX_STATUS_GPIO_OPERATION_DENIED), 0);
}

// ---- errnos ----

TEST(NtstatusErrno, EngineErrnosAreLinuxs) {
  // The table's errno numbers are its own constants; the engine's must be the same.
  EXPECT_EQ(CLX_EPERM, EPERM);
  EXPECT_EQ(CLX_E2BIG, E2BIG);
  EXPECT_EQ(CLX_EACCES, EACCES);
  EXPECT_EQ(CLX_EBUSY, EBUSY);
  EXPECT_EQ(CLX_EINVAL, EINVAL);
  EXPECT_EQ(CLX_EDOM, EDOM);
  EXPECT_EQ(CLX_ERANGE, ERANGE);
  EXPECT_EQ(CLX_ECHRNG, ECHRNG);
  EXPECT_EQ(CLX_EMSGSIZE, EMSGSIZE);
  EXPECT_EQ(CLX_EOPNOTSUPP, EOPNOTSUPP);
  EXPECT_EQ(CLX_ENOBUFS, ENOBUFS);
  EXPECT_EQ(CLX_ENOTCONN, ENOTCONN);
  EXPECT_EQ(CLX_EIO, EIO);
}

TEST(NtstatusErrno, EveryEngineErrnoHasItsStatus) {
  struct Case {
    int err;
    uint32_t status;
  };
  const Case cases[] = {
      {-CLX_EPERM, CLX_STATUS_GPIO_OPERATION_DENIED},
      {-CLX_E2BIG, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},
      {-CLX_EACCES, CLX_STATUS_ACCESS_DENIED},
      {-CLX_EBUSY, CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE},
      {-CLX_EINVAL, CLX_STATUS_INVALID_PARAMETER},
      {-CLX_EDOM, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},
      {-CLX_ERANGE, CLX_STATUS_INVALID_PARAMETER},
      {-CLX_ECHRNG, CLX_STATUS_INVALID_PARAMETER},
      {-CLX_EMSGSIZE, CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID},
      {-CLX_EOPNOTSUPP, CLX_STATUS_NOT_SUPPORTED},
      {-CLX_ENOBUFS, CLX_STATUS_BUFFER_TOO_SMALL},
      {-CLX_ENOTCONN, CLX_STATUS_DEVICE_NOT_CONNECTED},
      {-CLX_EIO, CLX_STATUS_IO_DEVICE_ERROR},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(clx_ntstatus_from_errno(c.err), c.status)
        << c.err << " gave " << clx_ntstatus_name(clx_ntstatus_from_errno(c.err)) << ", want "
        << clx_ntstatus_name(c.status);
    // The pair keeps the engine's errno, the more precise half.
    const clx_ntstatus_result r = clx_ntstatus_result_errno(c.err);
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(r.err, c.err);
  }
}

TEST(NtstatusErrno, OneWayErrnosOfTheHost) {
  EXPECT_EQ(clx_ntstatus_from_errno(-ENXIO), CLX_STATUS_NO_SUCH_DEVICE);
  EXPECT_EQ(clx_ntstatus_from_errno(-EREMOTEIO), CLX_STATUS_IO_DEVICE_ERROR);
  EXPECT_EQ(clx_ntstatus_from_errno(-ETIMEDOUT), CLX_STATUS_IO_TIMEOUT);
  EXPECT_EQ(clx_ntstatus_from_errno(-ENOTTY), CLX_STATUS_INVALID_DEVICE_REQUEST);
}

TEST(NtstatusErrno, EveryErrnoHasExactlyOneStatus) {
  // Every errno from 0 to 4095 (the kernel's MAX_ERRNO) gives one status, and those
  // the table names give a status whose own errno is that errno or a one-way one.
  for (int e = 0; e <= 4095; ++e) {
    const uint32_t s = clx_ntstatus_from_errno(-e);
    ASSERT_NE(clx_ntstatus_find(s), nullptr) << -e;
    if (s != CLX_STATUS_UNSUCCESSFUL && clx_ntstatus_to_errno(s) != -e) {
      const std::set<int> one_way = {-ERANGE, -ECHRNG, -E2BIG, -EMSGSIZE, -EDOM, -ENXIO, -EREMOTEIO};
      EXPECT_TRUE(one_way.count(-e)) << -e << " -> " << clx_ntstatus_name(s);
    }
  }
}

// ---- fallbacks ----

TEST(NtstatusFallback, UnknownStatus) {
  const uint32_t unknown_error = 0xC0DE0001u;
  EXPECT_EQ(clx_ntstatus_find(unknown_error), nullptr);
  EXPECT_STREQ(clx_ntstatus_name(unknown_error), "STATUS_UNKNOWN");
  EXPECT_EQ(clx_ntstatus_to_errno(unknown_error), -EIO);
  EXPECT_EQ(clx_ntstatus_to_win32(unknown_error), CLX_WIN32_NO_MAPPING);
  EXPECT_EQ(clx_ntstatus_to_errno(0x80001234u), -EIO);  // an unknown warning fails too
  EXPECT_EQ(clx_ntstatus_to_errno(0x00000103u), 0);     // STATUS_PENDING: a success
  EXPECT_EQ(clx_ntstatus_to_errno(0x40000000u), 0);     // informational
  EXPECT_EQ(clx_ntstatus_to_errno(0xFFFFFFFFu), -EIO);
  const clx_ntstatus_result r = clx_ntstatus_result_status(unknown_error);
  EXPECT_EQ(r.status, unknown_error);
  EXPECT_EQ(r.err, -EIO);
}

TEST(NtstatusFallback, UnknownErrno) {
  EXPECT_EQ(clx_ntstatus_from_errno(-EXDEV), CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(clx_ntstatus_from_errno(-4096), CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(clx_ntstatus_from_errno(INT_MIN), CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(clx_ntstatus_from_errno(INT_MAX), CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(clx_ntstatus_from_errno(EBUSY), CLX_STATUS_UNSUCCESSFUL) << "positive: not an errno return";
  const clx_ntstatus_result kept = clx_ntstatus_result_errno(-EXDEV);
  EXPECT_EQ(kept.status, CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(kept.err, -EXDEV);
  const clx_ntstatus_result positive = clx_ntstatus_result_errno(5);
  EXPECT_EQ(positive.status, CLX_STATUS_UNSUCCESSFUL);
  EXPECT_EQ(positive.err, -EIO);
  const clx_ntstatus_result ok = clx_ntstatus_result_errno(0);
  EXPECT_EQ(ok.status, CLX_STATUS_SUCCESS);
  EXPECT_EQ(ok.err, 0);
}

TEST(NtstatusResult, StatusCarriesItsErrno) {
  for (const Expected& e : expected()) {
    const clx_ntstatus_result r = clx_ntstatus_result_status(e.status);
    EXPECT_EQ(r.status, e.status) << e.name;
    EXPECT_EQ(r.err, e.err) << e.name;
  }
}

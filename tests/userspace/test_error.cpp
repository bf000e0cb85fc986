// SPDX-License-Identifier: GPL-2.0
// clxgpio::Error and Result: statuses and errnos from the one table, the text the CLI shows.
#include <gtest/gtest.h>

#include <cerrno>

#include "clx_ntstatus.h"
#include "clxgpio/error.hpp"

using clxgpio::Error;

namespace {

TEST(Error, FromErrnoTakesTheCanonicalStatus) {
  Error e = Error::from_errno(EBUSY, "x");
  EXPECT_EQ(e.status(), CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
  EXPECT_EQ(e.errno_value(), EBUSY);
  EXPECT_EQ(Error::from_errno(ENOENT, "").status(), CLX_STATUS_NOT_FOUND);
  EXPECT_EQ(Error::from_errno(EACCES, "").status(), CLX_STATUS_ACCESS_DENIED);
  EXPECT_EQ(Error::from_errno(ENOTTY, "").status(), CLX_STATUS_INVALID_DEVICE_REQUEST);
  EXPECT_EQ(Error::from_errno(EPROTO, "").status(), CLX_STATUS_UNSUCCESSFUL);
}

TEST(Error, FromReplyKeepsTheHubsStatusAndErrno) {
  // The hub's status is more precise than the errno's canonical one (SHARING_VIOLATION
  // and INCOMPATIBLE_CONNECT_MODE are both EBUSY).
  Error e = Error::from_reply(EBUSY, CLX_STATUS_SHARING_VIOLATION, "m");
  EXPECT_EQ(e.status(), CLX_STATUS_SHARING_VIOLATION);
  EXPECT_EQ(e.errno_value(), EBUSY);
  // No status written (a fault, an ioctl the hub does not know): from the errno.
  Error f = Error::from_reply(ENOTTY, CLX_STATUS_SUCCESS, "m");
  EXPECT_EQ(f.status(), CLX_STATUS_INVALID_DEVICE_REQUEST);
}

TEST(Error, FromStatusTakesTheTablesErrno) {
  Error e = Error::from_status(CLX_STATUS_BUFFER_TOO_SMALL, "m");
  EXPECT_EQ(e.errno_value(), ENOBUFS);
  EXPECT_EQ(Error::from_status(CLX_STATUS_GPIO_OPERATION_DENIED, "").errno_value(), EPERM);
}

TEST(Error, TextNamesStatusErrnoAndMessage) {
  EXPECT_EQ(Error::from_status(CLX_STATUS_GPIO_OPERATION_DENIED, "CLXHUB_IOC_WRITE_PINS: no").to_string(),
            "STATUS_GPIO_OPERATION_DENIED (EPERM): CLXHUB_IOC_WRITE_PINS: no");
  EXPECT_EQ(Error(CLX_STATUS_ACCESS_DENIED, EACCES, "").to_string(), "STATUS_ACCESS_DENIED (EACCES)");
  EXPECT_EQ(Error(0xC0DE0001u, EIO, "m").to_string(), "STATUS_UNKNOWN 0xc0de0001 (EIO): m");
  EXPECT_EQ(Error(CLX_STATUS_UNSUCCESSFUL, 4000, "").errno_name(), "E4000");
  EXPECT_STREQ(Error(CLX_STATUS_NOT_FOUND, ENOENT, "").status_name(), "STATUS_NOT_FOUND");
}

TEST(Error, ResultHoldsOneOrTheOther) {
  clxgpio::Result<int> ok = 3;
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), 3);
  clxgpio::Result<int> bad = Error::from_errno(EINVAL, "m");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().errno_value(), EINVAL);
  clxgpio::Result<void> done;
  EXPECT_TRUE(done.ok());
  clxgpio::Result<void> failed = Error::from_errno(EIO, "m");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message(), "m");
}

}  // namespace

// The open and I/O rules of a GPIO I/O resource (compat/core/resource_rules.cpp): every
// IoRestriction x access combination, closing with and without NoneAndPreserve, every
// READ_PINS/WRITE_PINS decision, the ceil(N/8) buffer rule, and each error's name and
// status.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <set>
#include <string>

#include "clx_acpi.h"
#include "clx_ntstatus.h"
#include "clx_resource.h"
#include "clxgpio_abi.h"

namespace {

constexpr uint8_t kNone = CLX_ACPI_IO_NONE;
constexpr uint8_t kInputOnly = CLX_ACPI_IO_INPUT_ONLY;
constexpr uint8_t kOutputOnly = CLX_ACPI_IO_OUTPUT_ONLY;
constexpr uint8_t kPreserve = CLX_ACPI_IO_NONE_AND_PRESERVE;

constexpr int kIn = CLX_RES_MODE_INPUT;
constexpr int kOut = CLX_RES_MODE_OUTPUT;

// The functions are pure: evaluating expr twice only costs time.
std::string res_str(int v) { return v < 0 ? clx_res_error_name(v) : "result " + std::to_string(v); }
#define EXPECT_RES(expr, want) EXPECT_EQ((expr), (want)) << "got " << res_str(expr)

}  // namespace

// ---- open ----

TEST(ResourceOpen, ModesMatchTheEngines) {
  EXPECT_EQ(CLX_RES_MODE_INPUT, CLX_IO_INPUT);
  EXPECT_EQ(CLX_RES_MODE_OUTPUT, CLX_IO_OUTPUT);
}

TEST(ResourceOpen, EveryCombination) {
  struct Case {
    uint8_t restriction;
    uint32_t access;
    int want;
  };
  const Case cases[] = {
      {kNone, CLX_RES_READ, kIn},
      {kNone, CLX_RES_WRITE, kOut},
      {kNone, CLX_RES_READ_WRITE, kOut},
      {kInputOnly, CLX_RES_READ, kIn},
      {kInputOnly, CLX_RES_WRITE, -CLX_RES_E_INPUT_ONLY},
      {kInputOnly, CLX_RES_READ_WRITE, -CLX_RES_E_INPUT_ONLY},
      {kOutputOnly, CLX_RES_READ, -CLX_RES_E_OUTPUT_ONLY},
      {kOutputOnly, CLX_RES_WRITE, kOut},
      {kOutputOnly, CLX_RES_READ_WRITE, kOut},
      {kPreserve, CLX_RES_READ, kIn},
      {kPreserve, CLX_RES_WRITE, kOut},
      {kPreserve, CLX_RES_READ_WRITE, kOut},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("restriction " + std::to_string(c.restriction) + " access " + std::to_string(c.access));
    EXPECT_RES(clx_res_open_mode(c.restriction, c.access), c.want);
  }
}

TEST(ResourceOpen, RefusalsAreOperationDenied) {
  const int input_only = clx_res_open_mode(kInputOnly, CLX_RES_WRITE);
  const int output_only = clx_res_open_mode(kOutputOnly, CLX_RES_READ);
  EXPECT_EQ(clx_res_error_status(input_only), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(clx_res_error_status(output_only), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(clx_ntstatus_to_errno(clx_res_error_status(input_only)), -EPERM);
}

TEST(ResourceOpen, BadArguments) {
  EXPECT_RES(clx_res_open_mode(4, CLX_RES_READ), -CLX_RES_E_BAD_RESTRICTION);
  EXPECT_RES(clx_res_open_mode(0xFF, CLX_RES_READ), -CLX_RES_E_BAD_RESTRICTION);
  EXPECT_RES(clx_res_open_mode(kNone, 0), -CLX_RES_E_BAD_ACCESS);
  EXPECT_RES(clx_res_open_mode(kNone, 4), -CLX_RES_E_BAD_ACCESS);
  EXPECT_RES(clx_res_open_mode(kNone, 0x80000000u), -CLX_RES_E_BAD_ACCESS);  // GENERIC_READ itself
  EXPECT_RES(clx_res_open_mode(7, 9), -CLX_RES_E_BAD_RESTRICTION) << "restriction is checked first";
}

TEST(ResourceClose, OnlyNoneAndPreserveKeepsTheConfiguration) {
  EXPECT_EQ(clx_res_close_preserves(kNone), 0);
  EXPECT_EQ(clx_res_close_preserves(kInputOnly), 0);
  EXPECT_EQ(clx_res_close_preserves(kOutputOnly), 0);
  EXPECT_EQ(clx_res_close_preserves(kPreserve), 1);
  EXPECT_RES(clx_res_close_preserves(4), -CLX_RES_E_BAD_RESTRICTION);
}

// ---- I/O ----

TEST(ResourceIo, EveryAccessAndRequest) {
  struct Case {
    uint32_t access;
    uint32_t op;
    uint32_t flags;
    int want;
  };
  const Case cases[] = {
      {CLX_RES_READ, CLX_RES_READ_PINS, 0, 0},
      {CLX_RES_READ, CLX_RES_WRITE_PINS, 0, -CLX_RES_E_WRITE_DENIED},
      {CLX_RES_WRITE, CLX_RES_READ_PINS, 0, 0},  // the output latches
      {CLX_RES_WRITE, CLX_RES_WRITE_PINS, 0, 0},
      {CLX_RES_READ_WRITE, CLX_RES_READ_PINS, 0, 0},
      {CLX_RES_READ_WRITE, CLX_RES_WRITE_PINS, 0, 0},
      // The IOCTL page's reading: READ_PINS on outputs refused, unless opened read+write.
      {CLX_RES_READ, CLX_RES_READ_PINS, CLX_RES_STRICT_READ, 0},
      {CLX_RES_READ, CLX_RES_WRITE_PINS, CLX_RES_STRICT_READ, -CLX_RES_E_WRITE_DENIED},
      {CLX_RES_WRITE, CLX_RES_READ_PINS, CLX_RES_STRICT_READ, -CLX_RES_E_READ_DENIED},
      {CLX_RES_WRITE, CLX_RES_WRITE_PINS, CLX_RES_STRICT_READ, 0},
      {CLX_RES_READ_WRITE, CLX_RES_READ_PINS, CLX_RES_STRICT_READ, 0},
      {CLX_RES_READ_WRITE, CLX_RES_WRITE_PINS, CLX_RES_STRICT_READ, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("access " + std::to_string(c.access) + " op " + std::to_string(c.op) + " flags " +
                 std::to_string(c.flags));
    EXPECT_RES(clx_res_check_io(c.op, c.access, 3, 1, c.flags), c.want);
  }
}

TEST(ResourceIo, DenialsAreOperationDenied) {
  const int w = clx_res_check_io(CLX_RES_WRITE_PINS, CLX_RES_READ, 3, 1, 0);
  const int r = clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_WRITE, 3, 1, CLX_RES_STRICT_READ);
  EXPECT_EQ(clx_res_error_status(w), CLX_STATUS_GPIO_OPERATION_DENIED);
  EXPECT_EQ(clx_res_error_status(r), CLX_STATUS_GPIO_OPERATION_DENIED);
}

TEST(ResourceIo, BadArgumentsInOrder) {
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_READ, 3, 1, 2), -CLX_RES_E_BAD_FLAGS);
  EXPECT_RES(clx_res_check_io(0, CLX_RES_READ, 3, 1, 0), -CLX_RES_E_BAD_OPERATION);
  EXPECT_RES(clx_res_check_io(3, CLX_RES_READ, 3, 1, 0), -CLX_RES_E_BAD_OPERATION);
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, 0, 3, 1, 0), -CLX_RES_E_BAD_ACCESS);
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, 4, 3, 1, 0), -CLX_RES_E_BAD_ACCESS);
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_READ, 0, 1, 0), -CLX_RES_E_NO_PINS);
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_READ, CLX_RES_MAX_PINS + 1, 64, 0),
             -CLX_RES_E_TOO_MANY_PINS);
  EXPECT_RES(clx_res_check_io(0, 0, 0, 0, 0xFFFFFFFFu), -CLX_RES_E_BAD_FLAGS);
  EXPECT_RES(clx_res_check_io(0, 0, 0, 0, 0), -CLX_RES_E_BAD_OPERATION);
  EXPECT_RES(clx_res_check_io(CLX_RES_WRITE_PINS, 0, 0, 0, 0), -CLX_RES_E_BAD_ACCESS);
}

TEST(ResourceIo, DenialBeforeShortBuffer) {
  EXPECT_RES(clx_res_check_io(CLX_RES_WRITE_PINS, CLX_RES_READ, 9, 0, 0), -CLX_RES_E_WRITE_DENIED);
  EXPECT_RES(clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_WRITE, 9, 0, CLX_RES_STRICT_READ),
             -CLX_RES_E_READ_DENIED);
}

// ---- the buffer ----

TEST(ResourceBuffer, CeilOfNOverEight) {
  EXPECT_EQ(clx_res_buffer_bytes(0), 0u);
  EXPECT_EQ(clx_res_buffer_bytes(1), 1u);
  EXPECT_EQ(clx_res_buffer_bytes(7), 1u);
  EXPECT_EQ(clx_res_buffer_bytes(8), 1u);
  EXPECT_EQ(clx_res_buffer_bytes(9), 2u);
  EXPECT_EQ(clx_res_buffer_bytes(16), 2u);
  EXPECT_EQ(clx_res_buffer_bytes(17), 3u);
  EXPECT_EQ(clx_res_buffer_bytes(256), 32u);
  EXPECT_EQ(clx_res_buffer_bytes(UINT32_MAX), (size_t{UINT32_MAX} + 7) / 8) << "no overflow";
}

TEST(ResourceBuffer, EveryCountAtTheBoundary) {
  for (uint32_t n = 1; n <= CLX_RES_MAX_PINS; ++n) {
    const size_t need = (n + 7) / 8;
    for (uint32_t op : {CLX_RES_READ_PINS, CLX_RES_WRITE_PINS}) {
      SCOPED_TRACE("n " + std::to_string(n) + " op " + std::to_string(op));
      EXPECT_RES(clx_res_check_io(op, CLX_RES_READ_WRITE, n, need, 0), 0);
      EXPECT_RES(clx_res_check_io(op, CLX_RES_READ_WRITE, n, need + 100, 0), 0);
      EXPECT_RES(clx_res_check_io(op, CLX_RES_READ_WRITE, n, need - 1, 0), -CLX_RES_E_BUFFER_TOO_SMALL);
    }
  }
  const int short_buffer = clx_res_check_io(CLX_RES_READ_PINS, CLX_RES_READ, 9, 1, 0);
  EXPECT_EQ(clx_res_error_status(short_buffer), CLX_STATUS_BUFFER_TOO_SMALL);
  EXPECT_EQ(clx_ntstatus_to_errno(clx_res_error_status(short_buffer)), -ENOBUFS);
}

// ---- errors ----

TEST(ResourceErrors, EachHasANameAndAStatus) {
  std::set<std::string> names;
  for (int e = 0; e < CLX_RES_E_COUNT; ++e) {
    const std::string name = clx_res_error_name(-e);
    EXPECT_EQ(name, clx_res_error_name(e)) << "either sign";
    EXPECT_EQ(name.rfind("CLX_RES_", 0), 0u) << name;
    EXPECT_TRUE(names.insert(name).second) << name << " twice";
    EXPECT_NE(clx_ntstatus_find(clx_res_error_status(-e)), nullptr) << name;
    EXPECT_EQ(clx_ntstatus_is_success(clx_res_error_status(-e)), e == 0 ? 1 : 0) << name;
  }
  EXPECT_STREQ(clx_res_error_name(-CLX_RES_E_DUPLICATE_PIN), "CLX_RES_E_DUPLICATE_PIN");
  EXPECT_STREQ(clx_res_error_name(CLX_RES_E_COUNT), "CLX_RES_E_UNKNOWN");
  EXPECT_STREQ(clx_res_error_name(INT_MIN), "CLX_RES_E_UNKNOWN");
  EXPECT_EQ(clx_res_error_status(-CLX_RES_E_COUNT), CLX_STATUS_UNSUCCESSFUL);
}

TEST(ResourceErrors, StatusOfEach) {
  const std::pair<int, uint32_t> cases[] = {
      {CLX_RES_OK, CLX_STATUS_SUCCESS},
      {CLX_RES_E_NULL_ARGUMENT, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_BAD_GEOMETRY, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_NO_PINS, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_TOO_MANY_PINS, CLX_STATUS_NOT_SUPPORTED},
      {CLX_RES_E_PIN_OUT_OF_RANGE, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_DUPLICATE_PIN, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_NO_SPACE, CLX_STATUS_BUFFER_TOO_SMALL},
      {CLX_RES_E_BAD_RESTRICTION, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_BAD_ACCESS, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_BAD_OPERATION, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_BAD_FLAGS, CLX_STATUS_INVALID_PARAMETER},
      {CLX_RES_E_INPUT_ONLY, CLX_STATUS_GPIO_OPERATION_DENIED},
      {CLX_RES_E_OUTPUT_ONLY, CLX_STATUS_GPIO_OPERATION_DENIED},
      {CLX_RES_E_WRITE_DENIED, CLX_STATUS_GPIO_OPERATION_DENIED},
      {CLX_RES_E_READ_DENIED, CLX_STATUS_GPIO_OPERATION_DENIED},
      {CLX_RES_E_BUFFER_TOO_SMALL, CLX_STATUS_BUFFER_TOO_SMALL},
  };
  ASSERT_EQ(sizeof(cases) / sizeof(cases[0]), static_cast<size_t>(CLX_RES_E_COUNT));
  for (const auto& c : cases)
    EXPECT_EQ(clx_res_error_status(-c.first), c.second)
        << clx_res_error_name(c.first) << " gave " << clx_ntstatus_name(clx_res_error_status(-c.first));
}

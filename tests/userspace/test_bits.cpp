// SPDX-License-Identifier: GPL-2.0
// clxgpio::Bits: table order, the two spellings, the READ/WRITE_PINS buffer.
#include <gtest/gtest.h>

#include <cerrno>

#include "clx_ntstatus.h"
#include "clxgpio/bits.hpp"

using clxgpio::Bits;
using clxgpio::Result;

namespace {

TEST(Bits, HexIsBitIOfTheNumberForPinI) {
  Result<Bits> b = Bits::parse("0x5", 3);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b.value().test(0));
  EXPECT_FALSE(b.value().test(1));
  EXPECT_TRUE(b.value().test(2));
  EXPECT_EQ(b.value().to_u64(), 0x5u);
  EXPECT_EQ(b.value().to_string(), "101");
}

TEST(Bits, BitStringIsTableOrderFirstPinFirst) {
  // The reverse of a binary number: "110" is pins 0 and 1 high, 0x3.
  Result<Bits> b = Bits::parse("110", 3);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().to_u64(), 0x3u);
  EXPECT_EQ(b.value().to_hex(), "0x3");
  EXPECT_EQ(Bits::parse("0001", 4).value().to_u64(), 0x8u);
  EXPECT_EQ(Bits::parse("0X1f", 5).value().to_u64(), 0x1fu);
}

TEST(Bits, HexHasOneDigitPerFourPinsLeadingZerosKept) {
  EXPECT_EQ(Bits(1, 1).to_hex(), "0x1");
  EXPECT_EQ(Bits(3, 0x5).to_hex(), "0x5");
  EXPECT_EQ(Bits(4, 0x5).to_hex(), "0x5");
  EXPECT_EQ(Bits(8, 0x5).to_hex(), "0x05");
  EXPECT_EQ(Bits(9, 0x100).to_hex(), "0x100");
  EXPECT_EQ(Bits(12, 0x5).to_hex(), "0x005");
  EXPECT_EQ(Bits(64, ~0ull).to_hex(), "0xffffffffffffffff");
  EXPECT_EQ(Bits(64, 1).to_string(), "1" + std::string(63, '0'));
}

TEST(Bits, ValuesPastTheTableAreDropped) {
  EXPECT_EQ(Bits(3, 0xff).to_u64(), 0x7u);
  EXPECT_EQ(Bits(3, 0xff), Bits(3, 0x7));
  EXPECT_NE(Bits(3, 0x7), Bits(4, 0x7));
  Bits b(3, 0);
  b.set(7, true);  // past the table: ignored
  EXPECT_EQ(b.to_u64(), 0u);
  EXPECT_FALSE(b.test(7));
  b.set(2, true);
  b.set(0, true);
  b.set(0, false);
  EXPECT_EQ(b.to_u64(), 0x4u);
}

void expect_parse_error(const char* text, unsigned size, const char* why) {
  Result<Bits> b = Bits::parse(text, size);
  ASSERT_FALSE(b.ok()) << text;
  EXPECT_EQ(b.error().status(), CLX_STATUS_INVALID_PARAMETER) << text;
  EXPECT_EQ(b.error().errno_value(), EINVAL) << text;
  EXPECT_NE(b.error().message().find(why), std::string::npos) << b.error().message();
}

TEST(Bits, ParseRefusesWhatIsNotOneValuePerPin) {
  expect_parse_error("0x8", 3, "a bit past the last pin is set");
  expect_parse_error("10", 3, "wrong number of digits");
  expect_parse_error("1010", 3, "wrong number of digits");
  expect_parse_error("102", 3, "neither hex nor a bit string");
  expect_parse_error("", 3, "neither hex nor a bit string");
  expect_parse_error("0x", 3, "neither hex nor a bit string");
  expect_parse_error("5", 3, "neither hex nor a bit string");
  expect_parse_error("0xg", 3, "not a hex digit");
  expect_parse_error("0x10000000000000000", 64, "more than 64 bits");
  expect_parse_error("1", 0, "no table of that size");
  expect_parse_error("1", 65, "no table of that size");
  Result<Bits> b = Bits::parse("0x8", 3);
  EXPECT_EQ(b.error().message(),
            "'0x8': a bit past the last pin is set (expected 0x<hex> below 2^3, or 3 digits 0/1 in table "
            "order, pin 0 first)");
}

TEST(Bits, BufferIsBit0OfByte0First) {
  const std::uint8_t buf[3] = {0x01, 0x80, 0xff};
  Bits b = Bits::from_buffer(buf, 2, 16);
  EXPECT_TRUE(b.test(0));
  EXPECT_TRUE(b.test(15));
  EXPECT_EQ(b.to_u64(), 0x8001u);
  // Bits past the table are not the table's, even if the hub left them set.
  EXPECT_EQ(Bits::from_buffer(buf, 2, 9).to_u64(), 0x001u);
  std::uint8_t out[8] = {0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa};
  Bits(64, 0x0123456789abcdefull).to_buffer(out, 8);
  EXPECT_EQ(out[0], 0xef);
  EXPECT_EQ(out[7], 0x01);
  EXPECT_EQ(Bits::from_buffer(out, 8, 64).to_u64(), 0x0123456789abcdefull);
}

}  // namespace

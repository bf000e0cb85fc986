// Decoding GpioInt/GpioIo descriptors: every field from hand-built bytes, and every
// malformed case with its own error; a failed decode leaves the output untouched.
#include <gtest/gtest.h>

#include <cstring>

#include "acpi_bytes.hpp"

using namespace acpitest;

namespace {

std::string name_of(const clx_acpi_gpio& g) { return std::string(g.resource_source, g.resource_source_len); }

std::vector<uint16_t> pins_of(const clx_acpi_gpio& g) {
  std::vector<uint16_t> pins;
  for (uint16_t i = 0; i < g.pin_count; ++i) pins.push_back(clx_acpi_gpio_pin(&g, i));
  return pins;
}

clx_acpi_gpio decoded(const Bytes& b) {
  clx_acpi_gpio g{};
  EXPECT_EQ(decode(b, &g), 0) << clx_acpi_error_name(decode(b, &g));
  return g;
}

// The error decoding b gives; also checks that the output struct and size are untouched.
int error_of(const Bytes& b) {
  clx_acpi_gpio g;
  std::memset(&g, 0xA5, sizeof g);
  clx_acpi_gpio before = g;
  size_t size = 12345;
  int rc = decode(b, &g, &size);
  EXPECT_EQ(std::memcmp(&g, &before, sizeof g), 0) << "a failed decode wrote its output";
  EXPECT_EQ(size, 12345u) << "a failed decode wrote its size";
  return rc;
}

#define EXPECT_ACPI_ERROR(expr, err) \
  EXPECT_EQ(-(expr), err) << "got " << clx_acpi_error_name(expr) << ", want " << clx_acpi_error_name(err)

}  // namespace

// ---- fields ----

TEST(AcpiGpioDecode, FactsExampleEveryField) {
  clx_acpi_gpio g{};
  size_t size = 0;
  Bytes b = facts_example();
  ASSERT_EQ(decode(b, &g, &size), 0);
  EXPECT_EQ(size, 30u);
  EXPECT_EQ(g.revision, 1);
  EXPECT_EQ(g.type, CLX_ACPI_GPIO_INT);
  EXPECT_EQ(g.consumer, 1);
  EXPECT_EQ(g.int_mode, CLX_ACPI_EDGE);
  EXPECT_EQ(g.polarity, CLX_ACPI_ACTIVE_HIGH);
  EXPECT_EQ(g.shared, 0);
  EXPECT_EQ(g.wake, 0);
  EXPECT_EQ(g.io_restriction, 0);
  EXPECT_EQ(g.pin_config, CLX_ACPI_PULL_UP);
  EXPECT_EQ(g.drive_strength, 0);
  EXPECT_EQ(g.debounce_timeout, 0);
  EXPECT_EQ(g.resource_source_index, 0);
  EXPECT_EQ(pins_of(g), std::vector<uint16_t>{3});
  EXPECT_EQ(name_of(g), "GPO0");
  EXPECT_EQ(g.resource_source[g.resource_source_len], '\0');
  EXPECT_EQ(g.vendor_data_len, 0);
  EXPECT_EQ(g.vendor_data, nullptr);
  // Views point into the decoded buffer.
  EXPECT_EQ(g.pin_table, b.data() + 23);
  EXPECT_EQ(reinterpret_cast<const uint8_t*>(g.resource_source), b.data() + 25);
}

TEST(AcpiGpioDecode, HandBuiltMatchesFactsExample) {
  EXPECT_EQ(Desc{}.bytes(), facts_example());
}

TEST(AcpiGpioDecode, GpioIntModeAndPolarity) {
  struct Case { uint16_t flags; uint8_t mode, polarity; } cases[] = {
      {0x0000, CLX_ACPI_LEVEL, CLX_ACPI_ACTIVE_HIGH}, {0x0001, CLX_ACPI_EDGE, CLX_ACPI_ACTIVE_HIGH},
      {0x0002, CLX_ACPI_LEVEL, CLX_ACPI_ACTIVE_LOW},  {0x0003, CLX_ACPI_EDGE, CLX_ACPI_ACTIVE_LOW},
      {0x0004, CLX_ACPI_LEVEL, CLX_ACPI_ACTIVE_BOTH}, {0x0005, CLX_ACPI_EDGE, CLX_ACPI_ACTIVE_BOTH},
  };
  for (const Case& c : cases) {
    Desc d;
    d.flags = c.flags;
    clx_acpi_gpio g = decoded(d.bytes());
    EXPECT_EQ(g.int_mode, c.mode) << c.flags;
    EXPECT_EQ(g.polarity, c.polarity) << c.flags;
    EXPECT_EQ(g.shared, 0);
    EXPECT_EQ(g.wake, 0);
  }
}

TEST(AcpiGpioDecode, SharingAndWakeBothTypes) {
  for (uint8_t type : {uint8_t{CLX_ACPI_GPIO_INT}, uint8_t{CLX_ACPI_GPIO_IO}}) {
    struct Case { uint16_t bits; uint8_t shared, wake; } cases[] = {
        {0x00, 0, 0}, {0x08, 1, 0}, {0x10, 0, 1}, {0x18, 1, 1}};  // Exclusive, Shared, ...AndWake
    for (const Case& c : cases) {
      Desc d;
      d.type = type;
      d.flags = c.bits;
      clx_acpi_gpio g = decoded(d.bytes());
      EXPECT_EQ(g.type, type);
      EXPECT_EQ(g.shared, c.shared) << int(type) << " " << c.bits;
      EXPECT_EQ(g.wake, c.wake) << int(type) << " " << c.bits;
    }
  }
}

TEST(AcpiGpioDecode, GpioIoRestrictions) {
  const uint8_t want[] = {CLX_ACPI_IO_NONE, CLX_ACPI_IO_INPUT_ONLY, CLX_ACPI_IO_OUTPUT_ONLY,
                          CLX_ACPI_IO_NONE_AND_PRESERVE};
  for (uint16_t r = 0; r < 4; ++r) {
    Desc d;
    d.type = CLX_ACPI_GPIO_IO;
    d.flags = static_cast<uint16_t>(0x08 | r);
    clx_acpi_gpio g = decoded(d.bytes());
    EXPECT_EQ(g.type, CLX_ACPI_GPIO_IO);
    EXPECT_EQ(g.io_restriction, want[r]);
    EXPECT_EQ(g.shared, 1);
    EXPECT_EQ(g.int_mode, 0);
    EXPECT_EQ(g.polarity, 0);
  }
}

TEST(AcpiGpioDecode, ConsumerAndProducer) {
  Desc d;
  d.general = 0;
  EXPECT_EQ(decoded(d.bytes()).consumer, 0);
  d.general = 1;
  EXPECT_EQ(decoded(d.bytes()).consumer, 1);
}

TEST(AcpiGpioDecode, PinConfigStandardAndVendor) {
  for (int v : {0, 1, 2, 3, 0x80, 0x81, 0xC5, 0xFF}) {
    Desc d;
    d.pin_config = static_cast<uint8_t>(v);
    EXPECT_EQ(decoded(d.bytes()).pin_config, v);
  }
}

TEST(AcpiGpioDecode, DriveStrengthDebounceAndSourceIndex) {
  Desc d;
  d.type = CLX_ACPI_GPIO_IO;
  d.flags = 2;
  d.drive = 0xABCD;
  d.debounce = 0xFFFF;
  d.source_index = 0xFE;
  clx_acpi_gpio g = decoded(d.bytes());
  EXPECT_EQ(g.drive_strength, 0xABCD);
  EXPECT_EQ(g.debounce_timeout, 0xFFFF);
  EXPECT_EQ(g.resource_source_index, 0xFE);
}

TEST(AcpiGpioDecode, PinTableSeveralPinsAnyValue) {
  Desc d;
  d.pins = {0, 1, 7, 8, 23, 0x00FF, 0x0100, 0xFFFE, 0xFFFF};
  EXPECT_EQ(pins_of(decoded(d.bytes())), d.pins);
}

TEST(AcpiGpioDecode, UnalignedBufferAndTrailingBytes) {
  Desc d;
  d.pins = {0x1234, 0x5678};
  Bytes b = d.bytes();
  // One byte in front (odd address), an End Tag behind: bytes past the descriptor are
  // not looked at.
  Bytes shifted = concat({Bytes{0xEE}, b, end_tag()});
  clx_acpi_gpio g{};
  size_t size = 0;
  ASSERT_EQ(clx_acpi_gpio_decode(shifted.data() + 1, shifted.size() - 1, &g, &size), 0);
  EXPECT_EQ(size, b.size());
  EXPECT_EQ(pins_of(g), d.pins);
}

TEST(AcpiGpioDecode, LongAndShortResourceSource) {
  for (const std::string& name : {std::string("A"), std::string("\\_SB.PCI0.GPIO"),
                                  std::string("\\_SB.PC00.LPCB.EC0_.GPI0.") + std::string(300, 'X')}) {
    Desc d;
    d.name = name;
    EXPECT_EQ(name_of(decoded(d.bytes())), name);
  }
}

TEST(AcpiGpioDecode, VendorData) {
  Desc d;
  d.vendor = {0x01, 0x78, 0x56, 0x34, 0x12};  // imxgpio: tag 0x01 + ULONG PAD_CTL
  Bytes b = d.bytes();
  clx_acpi_gpio g = decoded(b);
  ASSERT_EQ(g.vendor_data_len, 5);
  EXPECT_EQ(Bytes(g.vendor_data, g.vendor_data + 5), d.vendor);
  EXPECT_EQ(g.vendor_data, b.data() + b.size() - 5);
  EXPECT_EQ(name_of(g), "GPO0");
}

TEST(AcpiGpioDecode, ZeroVendorLengthIgnoresItsOffset) {
  for (uint16_t off : {0, 5, 0x1E, 0xFFFF}) {
    Bytes b = Desc{}.bytes();
    put16(b, kVendorOff, off);
    clx_acpi_gpio g = decoded(b);
    EXPECT_EQ(g.vendor_data_len, 0);
    EXPECT_EQ(g.vendor_data, nullptr);
  }
}

TEST(AcpiGpioDecode, GapsBetweenRegionsAreSkipped) {
  // Pin table at 27 (4 gap bytes after the fixed part), two pad bytes after the name's
  // NUL, vendor data, then 3 trailing bytes inside Length.
  Bytes b(23, 0);
  b[0] = 0x8C;
  b[3] = 1;
  b[4] = CLX_ACPI_GPIO_IO;
  b[7] = 1;  // InputOnly
  b.insert(b.end(), {0xDE, 0xAD, 0xBE, 0xEF});
  put16(b, kPinOff, 27);
  b.insert(b.end(), {0x05, 0x00, 0x06, 0x00});
  put16(b, kNameOff, 31);
  b.insert(b.end(), {'G', 'P', '\0', 'z', 'z'});
  put16(b, kVendorOff, 36);
  put16(b, kVendorLen, 2);
  b.insert(b.end(), {0xAA, 0xBB, 0x11, 0x22, 0x33});
  fix_length(b);
  clx_acpi_gpio g = decoded(b);
  EXPECT_EQ(pins_of(g), (std::vector<uint16_t>{5, 6}));
  EXPECT_EQ(name_of(g), "GP");
  EXPECT_EQ(Bytes(g.vendor_data, g.vendor_data + g.vendor_data_len), (Bytes{0xAA, 0xBB}));
  EXPECT_EQ(g.io_restriction, CLX_ACPI_IO_INPUT_ONLY);
}

// ---- malformed: one error each ----

TEST(AcpiGpioDecodeErrors, TruncatedHeader) {
  EXPECT_ACPI_ERROR(error_of({}), CLX_ACPI_E_TRUNCATED_HEADER);
  EXPECT_ACPI_ERROR(error_of({0x8C}), CLX_ACPI_E_TRUNCATED_HEADER);
  EXPECT_ACPI_ERROR(error_of({0x8C, 0x1B}), CLX_ACPI_E_TRUNCATED_HEADER);
}

TEST(AcpiGpioDecodeErrors, NotGpio) {
  for (uint8_t tag : {0x00, 0x79, 0x86, 0x89, 0x8D, 0x0C, 0xFF}) {
    Bytes b = facts_example();
    b[0] = tag;
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NOT_GPIO) << int(tag);
  }
  EXPECT_ACPI_ERROR(error_of({0x79}), CLX_ACPI_E_NOT_GPIO);
}

TEST(AcpiGpioDecodeErrors, ItemTruncated) {
  Bytes b = facts_example();
  put16(b, kLength, 0x1C);  // one byte more than the buffer holds
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_ITEM_TRUNCATED);
  put16(b, kLength, 0xFFFF);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_ITEM_TRUNCATED);
}

TEST(AcpiGpioDecodeErrors, EveryPrefixFailsCleanly) {
  Desc d;
  d.pins = {1, 2, 3};
  d.vendor = {9, 8, 7};
  const Bytes full = d.bytes();
  for (size_t n = 0; n < full.size(); ++n) {
    Bytes prefix(full.begin(), full.begin() + static_cast<long>(n));  // exact size: ASan sees overreads
    int rc = error_of(prefix);
    EXPECT_TRUE(-rc == CLX_ACPI_E_TRUNCATED_HEADER || -rc == CLX_ACPI_E_ITEM_TRUNCATED)
        << n << ": " << clx_acpi_error_name(rc);
  }
}

TEST(AcpiGpioDecodeErrors, DescriptorTooShort) {
  for (size_t total : {3u, 10u, 22u}) {
    Bytes b = facts_example();
    b.resize(total);
    fix_length(b);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_DESCRIPTOR_TOO_SHORT) << total;
  }
}

TEST(AcpiGpioDecodeErrors, BadRevision) {
  for (uint8_t rev : {0, 2, 0xFF}) {
    Bytes b = facts_example();
    b[kRevision] = rev;
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_BAD_REVISION) << int(rev);
  }
}

TEST(AcpiGpioDecodeErrors, BadConnectionType) {
  for (uint8_t type : {2, 3, 0x80, 0xFF}) {
    Bytes b = facts_example();
    b[kType] = type;
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_BAD_CONNECTION_TYPE) << int(type);
  }
}

TEST(AcpiGpioDecodeErrors, ReservedGeneralFlags) {
  for (int bit = 1; bit < 16; ++bit) {
    Bytes b = facts_example();
    put16(b, kGeneral, static_cast<uint16_t>(1u | (1u << bit)));
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_RESERVED_GENERAL_FLAGS) << bit;
  }
}

TEST(AcpiGpioDecodeErrors, ReservedIntFlags) {
  for (int bit = 5; bit < 16; ++bit) {
    Bytes b = facts_example();
    put16(b, kFlags, static_cast<uint16_t>(1u | (1u << bit)));
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_RESERVED_INT_FLAGS) << bit;
  }
}

TEST(AcpiGpioDecodeErrors, BadPolarity) {
  for (uint16_t flags : {0x0006, 0x0007, 0x001F}) {
    Bytes b = facts_example();
    put16(b, kFlags, flags);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_BAD_POLARITY) << flags;
  }
}

TEST(AcpiGpioDecodeErrors, ReservedIoFlags) {
  for (int bit : {2, 5, 6, 7, 8, 12, 15}) {
    Desc d;
    d.type = CLX_ACPI_GPIO_IO;
    d.flags = static_cast<uint16_t>(0x0001 | (1u << bit));
    EXPECT_ACPI_ERROR(error_of(d.bytes()), CLX_ACPI_E_RESERVED_IO_FLAGS) << bit;
  }
}

TEST(AcpiGpioDecodeErrors, ReservedPinConfig) {
  for (int v : {4, 5, 0x40, 0x7F}) {
    Bytes b = facts_example();
    b[kPinConfig] = static_cast<uint8_t>(v);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_RESERVED_PIN_CONFIG) << v;
  }
}

TEST(AcpiGpioDecodeErrors, PinTableInHeader) {
  for (uint16_t off : {0, 3, 21, 22}) {
    Bytes b = facts_example();
    put16(b, kPinOff, off);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_PIN_TABLE_IN_HEADER) << off;
  }
}

TEST(AcpiGpioDecodeErrors, PinTableOutside) {
  for (uint16_t off : {30, 31, 0xFFFF}) {  // the descriptor is 30 bytes
    Bytes b = facts_example();
    put16(b, kPinOff, off);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_PIN_TABLE_OUTSIDE) << off;
  }
}

TEST(AcpiGpioDecodeErrors, NameBeforePinTable) {
  Bytes b = facts_example();
  put16(b, kPinOff, 25);
  put16(b, kNameOff, 23);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NAME_BEFORE_PIN_TABLE);
  put16(b, kNameOff, 0);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NAME_BEFORE_PIN_TABLE);
}

TEST(AcpiGpioDecodeErrors, NameOutside) {
  for (uint16_t off : {30, 0xFFFF}) {
    Bytes b = facts_example();
    put16(b, kNameOff, off);
    EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NAME_OUTSIDE) << off;
  }
}

TEST(AcpiGpioDecodeErrors, PinTableOdd) {
  Bytes b = facts_example();
  put16(b, kNameOff, 24);  // one byte of pin table; "\0GPO0" would still end in a NUL
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_PIN_TABLE_ODD);
  put16(b, kNameOff, 26);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_PIN_TABLE_ODD);
}

TEST(AcpiGpioDecodeErrors, NoPins) {
  Bytes b = facts_example();
  put16(b, kNameOff, 23);  // name at the pin table's start: zero pins
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NO_PINS);
}

TEST(AcpiGpioDecodeErrors, VendorDataOutside) {
  Desc d;
  d.vendor = {1, 2, 3};
  Bytes b = d.bytes();
  put16(b, kVendorLen, 4);  // one past the end
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_VENDOR_DATA_OUTSIDE);
  put16(b, kVendorLen, 1);
  put16(b, kVendorOff, static_cast<uint16_t>(b.size()));  // starts at the end
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_VENDOR_DATA_OUTSIDE);
  put16(b, kVendorOff, 0xFFFF);  // offset + length past 16 bits
  put16(b, kVendorLen, 0xFFFF);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_VENDOR_DATA_OUTSIDE);
}

TEST(AcpiGpioDecodeErrors, VendorDataOverlaps) {
  Desc d;
  d.vendor = {1, 2, 3};
  Bytes b = d.bytes();
  put16(b, kVendorOff, 25);  // at the name
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_VENDOR_DATA_OVERLAPS);
  put16(b, kVendorOff, 23);  // in the pin table
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_VENDOR_DATA_OVERLAPS);
}

TEST(AcpiGpioDecodeErrors, NameNotTerminated) {
  Bytes b = facts_example();
  b.back() = 'X';  // "GPO0X" runs to the end
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NAME_NOT_TERMINATED);

  Desc d;
  d.vendor = {1, 2};
  b = d.bytes();
  put16(b, kVendorOff, 29);  // vendor data starts at the NUL: the name has none before it
  put16(b, kVendorLen, 3);
  EXPECT_ACPI_ERROR(error_of(b), CLX_ACPI_E_NAME_NOT_TERMINATED);
}

TEST(AcpiGpioDecodeErrors, NameEmpty) {
  Desc d;
  d.name = "";
  EXPECT_ACPI_ERROR(error_of(d.bytes()), CLX_ACPI_E_NAME_EMPTY);
}

TEST(AcpiGpioDecodeErrors, NullArguments) {
  Bytes b = facts_example();
  EXPECT_ACPI_ERROR(clx_acpi_gpio_decode(b.data(), b.size(), nullptr, nullptr), CLX_ACPI_E_NULL_ARGUMENT);
  clx_acpi_gpio g{};
  EXPECT_ACPI_ERROR(clx_acpi_gpio_decode(nullptr, 30, &g, nullptr), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_gpio_decode(nullptr, 0, &g, nullptr), CLX_ACPI_E_TRUNCATED_HEADER);
}

// ---- error names ----

TEST(AcpiErrorNames, OneDistinctNameAndTextEach) {
  std::vector<std::string> seen;
  for (int e = 0; e < CLX_ACPI_E_COUNT; ++e) {
    std::string name = clx_acpi_error_name(-e);
    EXPECT_EQ(name, clx_acpi_error_name(e));
    EXPECT_EQ(name.rfind(e == 0 ? "CLX_ACPI_OK" : "CLX_ACPI_E_", 0), 0u) << name;
    EXPECT_NE(name, "CLX_ACPI_E_UNKNOWN");
    EXPECT_GT(std::strlen(clx_acpi_error_text(-e)), 5u);
    for (const std::string& s : seen) EXPECT_NE(s, name);
    seen.push_back(name);
  }
  EXPECT_STREQ(clx_acpi_error_name(-CLX_ACPI_E_PIN_TABLE_ODD), "CLX_ACPI_E_PIN_TABLE_ODD");
  EXPECT_STREQ(clx_acpi_error_name(CLX_ACPI_E_COUNT), "CLX_ACPI_E_UNKNOWN");
  EXPECT_STREQ(clx_acpi_error_name(-2147483647 - 1), "CLX_ACPI_E_UNKNOWN");
}

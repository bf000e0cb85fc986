// Encoding: the bytes iasl's layout gives (compared with hand-built bytes), the size
// query, every refusal with its own error and nothing written; and the round trip
// decode(encode(x)) == x over varied values, including the largest descriptor.
#include <gtest/gtest.h>

#include <cstring>

#include "acpi_bytes.hpp"

using namespace acpitest;

namespace {

// A value to encode, holding the storage its views point at.
struct Value {
  std::vector<uint8_t> pin_bytes;
  std::string name = "\\_SB.GPO0";
  Bytes vendor;
  clx_acpi_gpio g{};

  explicit Value(uint8_t type = CLX_ACPI_GPIO_INT, std::vector<uint16_t> pins = {3}) {
    for (uint16_t p : pins) {
      pin_bytes.push_back(static_cast<uint8_t>(p));
      pin_bytes.push_back(static_cast<uint8_t>(p >> 8));
    }
    g.revision = 1;
    g.type = type;
    g.consumer = 1;
    refresh();
  }
  Value(const Value& o) : pin_bytes(o.pin_bytes), name(o.name), vendor(o.vendor), g(o.g) { refresh(); }
  Value& operator=(const Value& o) {
    pin_bytes = o.pin_bytes;
    name = o.name;
    vendor = o.vendor;
    g = o.g;
    refresh();
    return *this;
  }
  // Re-points the views after a test changed the storage.
  clx_acpi_gpio& refresh() {
    g.pin_table = pin_bytes.data();
    g.pin_count = static_cast<uint16_t>(pin_bytes.size() / 2);
    g.resource_source = name.data();
    g.resource_source_len = static_cast<uint16_t>(name.size());
    g.vendor_data = vendor.empty() ? nullptr : vendor.data();
    g.vendor_data_len = static_cast<uint16_t>(vendor.size());
    return g;
  }
};

Bytes encoded(const clx_acpi_gpio& g) {
  size_t need = 0;
  EXPECT_EQ(-clx_acpi_gpio_encode(&g, nullptr, 0, &need), CLX_ACPI_E_NO_SPACE);
  Bytes out(need);
  size_t size = 0;
  int rc = clx_acpi_gpio_encode(&g, out.data(), out.size(), &size);
  EXPECT_EQ(rc, 0) << clx_acpi_error_name(rc);
  EXPECT_EQ(size, need);
  return out;
}

// The error encoding g gives; checks that nothing was written, not even the size.
int refusal(const clx_acpi_gpio& g) {
  Bytes out(0x10010, 0xA5);
  size_t size = 777;
  int rc = clx_acpi_gpio_encode(&g, out.data(), out.size(), &size);
  EXPECT_EQ(size, 777u) << "a refused encode reported a size";
  for (uint8_t b : out)
    if (b != 0xA5) {
      ADD_FAILURE() << "a refused encode wrote bytes";
      break;
    }
  return rc;
}

void expect_round_trip(const clx_acpi_gpio& x) {
  Bytes b = encoded(x);
  clx_acpi_gpio y{};
  size_t size = 0;
  ASSERT_EQ(clx_acpi_gpio_decode(b.data(), b.size(), &y, &size), 0);
  EXPECT_EQ(size, b.size());
  EXPECT_TRUE(clx_acpi_gpio_equal(&x, &y));
  EXPECT_EQ(encoded(y), b);  // and the bytes are stable
}

#define EXPECT_ACPI_ERROR(expr, err) \
  EXPECT_EQ(-(expr), err) << "got " << clx_acpi_error_name(expr) << ", want " << clx_acpi_error_name(err)

}  // namespace

// ---- bytes ----

TEST(AcpiGpioEncode, FactsExampleBytes) {
  Value v;
  v.name = "GPO0";
  v.g.int_mode = CLX_ACPI_EDGE;
  v.g.pin_config = CLX_ACPI_PULL_UP;
  EXPECT_EQ(encoded(v.refresh()), facts_example());
}

TEST(AcpiGpioEncode, EveryFieldLandsWhereTheTableSays) {
  Value v(CLX_ACPI_GPIO_IO, {1, 2, 0xFFFF});
  v.name = "\\_SB.GPI0";
  v.vendor = {1, 2, 3};
  v.g.consumer = 0;
  v.g.shared = 1;
  v.g.wake = 1;
  v.g.io_restriction = CLX_ACPI_IO_OUTPUT_ONLY;
  v.g.pin_config = CLX_ACPI_PULL_DOWN;
  v.g.drive_strength = 0x20;
  v.g.debounce_timeout = 0x10;
  v.g.resource_source_index = 5;
  Desc d;
  d.type = CLX_ACPI_GPIO_IO;
  d.general = 0;
  d.flags = 0x001A;  // wake | shared | OutputOnly
  d.pin_config = 2;
  d.drive = 0x20;
  d.debounce = 0x10;
  d.source_index = 5;
  d.pins = {1, 2, 0xFFFF};
  d.name = "\\_SB.GPI0";
  d.vendor = {1, 2, 3};
  EXPECT_EQ(encoded(v.refresh()), d.bytes());
}

TEST(AcpiGpioEncode, GpioIntFlags) {
  struct Case { uint8_t mode, polarity, shared, wake; uint16_t flags; } cases[] = {
      {0, 0, 0, 0, 0x00}, {1, 0, 0, 0, 0x01}, {0, 1, 0, 0, 0x02}, {1, 2, 0, 0, 0x05},
      {0, 0, 1, 0, 0x08}, {0, 0, 0, 1, 0x10}, {1, 2, 1, 1, 0x1D},
  };
  for (const Case& c : cases) {
    Value v;
    v.g.int_mode = c.mode;
    v.g.polarity = c.polarity;
    v.g.shared = c.shared;
    v.g.wake = c.wake;
    Bytes b = encoded(v.refresh());
    EXPECT_EQ(get16(b, kFlags), c.flags);
    EXPECT_EQ(b[kType], 0);
  }
}

TEST(AcpiGpioEncode, NoVendorDataOffsetIsTheEnd) {
  Value v;
  Bytes b = encoded(v.refresh());
  EXPECT_EQ(get16(b, kVendorOff), b.size());
  EXPECT_EQ(get16(b, kVendorLen), 0);
  EXPECT_EQ(get16(b, kPinOff), 23);
  EXPECT_EQ(get16(b, kNameOff), 25);
}

TEST(AcpiGpioEncode, ShortBufferReportsSizeAndWritesNothing) {
  Value v;
  const size_t need = encoded(v.refresh()).size();
  Bytes out(need - 1, 0xA5);
  size_t size = 0;
  EXPECT_ACPI_ERROR(clx_acpi_gpio_encode(&v.g, out.data(), out.size(), &size), CLX_ACPI_E_NO_SPACE);
  EXPECT_EQ(size, need);
  EXPECT_EQ(out, Bytes(need - 1, 0xA5));
}

// ---- refusals: what decoding would refuse, and what it could never produce ----

TEST(AcpiGpioEncodeErrors, SameErrorsAsDecoding) {
  Value v;
  v.g.revision = 2;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_BAD_REVISION);
  v = Value();
  v.g.type = 2;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_BAD_CONNECTION_TYPE);
  v = Value();
  v.g.polarity = 3;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_BAD_POLARITY);
  for (int pc : {4, 0x7F}) {
    v = Value();
    v.g.pin_config = static_cast<uint8_t>(pc);
    EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_RESERVED_PIN_CONFIG);
  }
  v = Value(CLX_ACPI_GPIO_INT, {});
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_NO_PINS);
  v = Value();
  v.name = "";
  EXPECT_ACPI_ERROR(refusal(v.refresh()), CLX_ACPI_E_NAME_EMPTY);
}

TEST(AcpiGpioEncodeErrors, BadFieldValue) {
  auto with = [](auto set) {
    Value v;
    set(v.g);
    return refusal(v.g);
  };
  EXPECT_ACPI_ERROR(with([](clx_acpi_gpio& g) { g.consumer = 2; }), CLX_ACPI_E_BAD_FIELD_VALUE);
  EXPECT_ACPI_ERROR(with([](clx_acpi_gpio& g) { g.shared = 2; }), CLX_ACPI_E_BAD_FIELD_VALUE);
  EXPECT_ACPI_ERROR(with([](clx_acpi_gpio& g) { g.wake = 0xFF; }), CLX_ACPI_E_BAD_FIELD_VALUE);
  EXPECT_ACPI_ERROR(with([](clx_acpi_gpio& g) { g.int_mode = 2; }), CLX_ACPI_E_BAD_FIELD_VALUE);
  EXPECT_ACPI_ERROR(with([](clx_acpi_gpio& g) { g.polarity = 4; }), CLX_ACPI_E_BAD_FIELD_VALUE);
  Value io(CLX_ACPI_GPIO_IO);
  io.g.io_restriction = 4;
  EXPECT_ACPI_ERROR(refusal(io.g), CLX_ACPI_E_BAD_FIELD_VALUE);
}

TEST(AcpiGpioEncodeErrors, FieldForOtherType) {
  Value v;
  v.g.io_restriction = CLX_ACPI_IO_INPUT_ONLY;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_FIELD_FOR_OTHER_TYPE);
  Value io(CLX_ACPI_GPIO_IO);
  io.g.polarity = CLX_ACPI_ACTIVE_LOW;
  EXPECT_ACPI_ERROR(refusal(io.g), CLX_ACPI_E_FIELD_FOR_OTHER_TYPE);
  io.g.polarity = 0;
  io.g.int_mode = CLX_ACPI_EDGE;
  EXPECT_ACPI_ERROR(refusal(io.g), CLX_ACPI_E_FIELD_FOR_OTHER_TYPE);
}

TEST(AcpiGpioEncodeErrors, NameHasNul) {
  Value v;
  v.name = std::string("GP\0O", 4);
  EXPECT_ACPI_ERROR(refusal(v.refresh()), CLX_ACPI_E_NAME_HAS_NUL);
}

TEST(AcpiGpioEncodeErrors, NullArguments) {
  Value v;
  size_t size = 0;
  Bytes out(64);
  EXPECT_ACPI_ERROR(clx_acpi_gpio_encode(nullptr, out.data(), out.size(), &size), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_gpio_encode(&v.g, out.data(), out.size(), nullptr), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_gpio_encode(&v.g, nullptr, 64, &size), CLX_ACPI_E_NULL_ARGUMENT);
  v.g.pin_table = nullptr;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_NULL_ARGUMENT);
  v.refresh().resource_source = nullptr;
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_NULL_ARGUMENT);
  v.refresh().vendor_data_len = 1;  // with vendor_data NULL
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_NULL_ARGUMENT);
}

TEST(AcpiGpioEncodeErrors, TooLong) {
  // 23 + 2n + name + 1 + vendor must stay within 3 + 0xFFFF = 0x10002.
  Value v(CLX_ACPI_GPIO_IO, std::vector<uint16_t>(0x7FE0, 7));
  v.name = std::string(0x29, 'N');  // vendor offset 23 + 0xFFC0 + 0x29 + 1 = 0x10001
  v.vendor = {0xAB};                // total 0x10002 fits, the vendor offset does not
  EXPECT_ACPI_ERROR(refusal(v.refresh()), CLX_ACPI_E_TOO_LONG);
  v.vendor = {0xAB, 0xCD, 0xEF};    // 0x10004
  EXPECT_ACPI_ERROR(refusal(v.refresh()), CLX_ACPI_E_TOO_LONG);
  v = Value(CLX_ACPI_GPIO_INT, std::vector<uint16_t>(0xFFFF, 1));
  EXPECT_ACPI_ERROR(refusal(v.g), CLX_ACPI_E_TOO_LONG);
}

// ---- round trip ----

TEST(AcpiGpioRoundTrip, VariedValues) {
  for (uint8_t type : {uint8_t{CLX_ACPI_GPIO_INT}, uint8_t{CLX_ACPI_GPIO_IO}})
    for (int variant = 0; variant < 16; ++variant) {
      Value v(type, variant % 3 == 0 ? std::vector<uint16_t>{0}
                                     : std::vector<uint16_t>{7, 8, 23, static_cast<uint16_t>(variant * 4099)});
      v.name = std::string("\\_SB.G") + std::string(static_cast<size_t>(variant * 7), 'P');
      if (variant % 2) v.vendor = Bytes(static_cast<size_t>(variant), static_cast<uint8_t>(variant));
      v.g.consumer = variant & 1;
      v.g.shared = (variant >> 1) & 1;
      v.g.wake = (variant >> 2) & 1;
      if (type == CLX_ACPI_GPIO_INT) {
        v.g.int_mode = (variant >> 3) & 1;
        v.g.polarity = static_cast<uint8_t>(variant % 3);
      } else {
        v.g.io_restriction = static_cast<uint8_t>(variant % 4);
      }
      const uint8_t configs[] = {0, 1, 2, 3, 0x80, 0xFF};
      v.g.pin_config = configs[variant % 6];
      v.g.drive_strength = static_cast<uint16_t>(variant * 1000);
      v.g.debounce_timeout = static_cast<uint16_t>(0xFFFF - variant);
      v.g.resource_source_index = static_cast<uint8_t>(variant * 17);
      SCOPED_TRACE(variant);
      expect_round_trip(v.refresh());
    }
}

TEST(AcpiGpioRoundTrip, LargestDescriptor) {
  Value v(CLX_ACPI_GPIO_IO, std::vector<uint16_t>(0x7FE0, 0xBEEF));
  v.name = std::string(0x2A, 'N');  // 23 + 0xFFC0 + 0x2A + 1 = 0x10002, no vendor data
  Bytes b = encoded(v.refresh());
  ASSERT_EQ(b.size(), 0x10002u);
  EXPECT_EQ(get16(b, kLength), 0xFFFF);
  EXPECT_EQ(get16(b, kVendorOff), 0xFFFF);  // the end does not fit; unused when length is 0
  expect_round_trip(v.g);
}

TEST(AcpiGpioRoundTrip, NonCanonicalLayoutDecodesToTheSameValue) {
  // Gaps after the fixed part and after the name: decoding skips them, encoding
  // writes the canonical layout, and both decode to the same value.
  Desc d;
  d.vendor = {0x42};
  Bytes canonical = d.bytes();
  Bytes gappy(canonical.begin(), canonical.begin() + 23);
  gappy.insert(gappy.end(), {0xEE, 0xEE});
  gappy.insert(gappy.end(), canonical.begin() + 23, canonical.end() - 1);
  gappy.insert(gappy.end(), {0xEE, 0x42, 0xEE});
  put16(gappy, kPinOff, 25);
  put16(gappy, kNameOff, 27);
  put16(gappy, kVendorOff, static_cast<uint16_t>(gappy.size() - 2));
  fix_length(gappy);
  clx_acpi_gpio a{}, b{};
  ASSERT_EQ(decode(gappy, &a), 0);
  ASSERT_EQ(decode(canonical, &b), 0);
  EXPECT_TRUE(clx_acpi_gpio_equal(&a, &b));
  EXPECT_EQ(encoded(a), canonical);
}

TEST(AcpiGpioRoundTrip, EqualComparesContentsNotViews) {
  Value x, y;
  EXPECT_TRUE(clx_acpi_gpio_equal(&x.g, &y.g));
  y.pin_bytes[0] = 4;
  EXPECT_FALSE(clx_acpi_gpio_equal(&x.g, &y.g));
  y = Value();
  y.name[5] = 'Q';
  EXPECT_FALSE(clx_acpi_gpio_equal(&x.g, &y.refresh()));
  y = Value();
  y.g.debounce_timeout = 1;
  EXPECT_FALSE(clx_acpi_gpio_equal(&x.g, &y.g));
  EXPECT_FALSE(clx_acpi_gpio_equal(&x.g, nullptr));
}

// Walking resource templates: GPIO descriptors found among small and large items with
// their indices and offsets, the End Tag and checksum, and every malformed template
// refused whole (with the offset of the bad item) before any descriptor is handed out.
#include <gtest/gtest.h>

#include <cstring>

#include "acpi_bytes.hpp"

using namespace acpitest;

namespace {

Desc gpio_io(std::vector<uint16_t> pins, std::string name) {
  Desc d;
  d.type = CLX_ACPI_GPIO_IO;
  d.flags = 0x0002;  // OutputOnly
  d.pins = std::move(pins);
  d.name = std::move(name);
  return d;
}

Desc gpio_int(uint16_t pin, uint16_t flags) {
  Desc d;
  d.pins = {pin};
  d.flags = flags;
  return d;
}

// IRQNoFlags, GpioInt, Memory32Fixed, GpioIo, IO, GpioInt, End Tag.
Bytes mixed(uint8_t checksum_mode = 0) {
  Bytes b = concat({irq_no_flags(1u << 5), gpio_int(3, 0x0001).bytes(), memory32_fixed(0x09030000, 0x1000),
                    gpio_io({7, 8, 23}, "\\_SB.GPI1").bytes(), io16(0x60), gpio_int(9, 0x0005).bytes(),
                    end_tag()});
  if (checksum_mode) set_checksum(b);
  return b;
}

struct Walk {
  int rc;
  std::vector<clx_acpi_gpio_entry> entries;
};

Walk walk(const Bytes& b) {
  Walk w{};
  clx_acpi_template t{};
  w.rc = clx_acpi_template_open(&t, b.data(), b.size(), nullptr);
  if (w.rc != 0) return w;
  clx_acpi_gpio_entry e{};
  while (clx_acpi_template_next_gpio(&t, &e) == 1) w.entries.push_back(e);
  return w;
}

// Opening b must fail: returns the error and checks the template struct is untouched
// and the bad offset is `at`.
int open_error(const Bytes& b, size_t at) {
  clx_acpi_template t;
  std::memset(&t, 0x5A, sizeof t);
  clx_acpi_template before = t;
  size_t bad = 999999;
  int rc = clx_acpi_template_open(&t, b.data(), b.size(), &bad);
  EXPECT_NE(rc, 0);
  EXPECT_EQ(std::memcmp(&t, &before, sizeof t), 0) << "a failed open changed the walk";
  EXPECT_EQ(bad, at) << clx_acpi_error_name(rc);
  return rc;
}

#define EXPECT_ACPI_ERROR(expr, err) \
  EXPECT_EQ(-(expr), err) << "got " << clx_acpi_error_name(expr) << ", want " << clx_acpi_error_name(err)

}  // namespace

TEST(AcpiTemplateWalk, FindsGpioDescriptorsAmongOtherItems) {
  Bytes b = mixed();
  clx_acpi_template t{};
  ASSERT_EQ(clx_acpi_template_open(&t, b.data(), b.size(), nullptr), 0);
  EXPECT_EQ(t.size, b.size());
  EXPECT_EQ(t.gpio_count, 3u);
  EXPECT_EQ(t.int_count, 2u);

  Walk w = walk(b);
  ASSERT_EQ(w.entries.size(), 3u);
  const size_t int0 = 3, io0 = int0 + 30 + 12, int1 = io0 + gpio_io({7, 8, 23}, "\\_SB.GPI1").bytes().size() + 8;
  EXPECT_EQ(w.entries[0].offset, int0);
  EXPECT_EQ(w.entries[0].size, 30u);
  EXPECT_EQ(w.entries[0].index, 0u);
  EXPECT_EQ(w.entries[0].type_index, 0u);
  EXPECT_EQ(w.entries[0].gpio.type, CLX_ACPI_GPIO_INT);
  EXPECT_EQ(clx_acpi_gpio_pin(&w.entries[0].gpio, 0), 3);

  EXPECT_EQ(w.entries[1].offset, io0);
  EXPECT_EQ(w.entries[1].index, 1u);
  EXPECT_EQ(w.entries[1].type_index, 0u);
  EXPECT_EQ(w.entries[1].gpio.type, CLX_ACPI_GPIO_IO);
  EXPECT_EQ(w.entries[1].gpio.pin_count, 3);
  EXPECT_EQ(clx_acpi_gpio_pin(&w.entries[1].gpio, 2), 23);
  EXPECT_EQ(std::string(w.entries[1].gpio.resource_source), "\\_SB.GPI1");

  EXPECT_EQ(w.entries[2].offset, int1);
  EXPECT_EQ(w.entries[2].index, 2u);
  EXPECT_EQ(w.entries[2].type_index, 1u);
  EXPECT_EQ(w.entries[2].gpio.polarity, CLX_ACPI_ACTIVE_BOTH);

  // The walk's view of a descriptor is what decoding its bytes alone gives.
  clx_acpi_gpio alone{};
  ASSERT_EQ(clx_acpi_gpio_decode(b.data() + io0, b.size() - io0, &alone, nullptr), 0);
  EXPECT_TRUE(clx_acpi_gpio_equal(&alone, &w.entries[1].gpio));
}

TEST(AcpiTemplateWalk, NextAfterTheLastKeepsSayingNone) {
  Bytes b = mixed();
  clx_acpi_template t{};
  ASSERT_EQ(clx_acpi_template_open(&t, b.data(), b.size(), nullptr), 0);
  clx_acpi_gpio_entry e{};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(clx_acpi_template_next_gpio(&t, &e), 1);
  EXPECT_EQ(clx_acpi_template_next_gpio(&t, &e), 0);
  EXPECT_EQ(clx_acpi_template_next_gpio(&t, &e), 0);
}

TEST(AcpiTemplateWalk, EndTagOnlyHasNoGpio) {
  Walk w = walk(end_tag());
  EXPECT_EQ(w.rc, 0);
  EXPECT_TRUE(w.entries.empty());
  Bytes other = concat({irq_no_flags(1), memory32_fixed(0, 4), end_tag()});
  w = walk(other);
  EXPECT_EQ(w.rc, 0);
  EXPECT_TRUE(w.entries.empty());
}

TEST(AcpiTemplateWalk, BytesAfterTheChecksumAreIgnored) {
  Bytes b = mixed();
  const size_t size = b.size();
  b.insert(b.end(), {0xFF, 0x8C, 0x00});  // a _CRS buffer larger than its template
  clx_acpi_template t{};
  ASSERT_EQ(clx_acpi_template_open(&t, b.data(), b.size(), nullptr), 0);
  EXPECT_EQ(t.size, size);
  EXPECT_EQ(walk(b).entries.size(), 3u);
}

TEST(AcpiTemplateWalk, ChecksumZeroOrCorrect) {
  EXPECT_EQ(walk(mixed(0)).rc, 0);
  Bytes b = mixed(1);
  ASSERT_NE(b.back(), 0);
  EXPECT_EQ(walk(b).rc, 0);
}

TEST(AcpiTemplateWalk, GpioAtResolvesResourceIndex) {
  Bytes b = mixed();
  clx_acpi_gpio_entry e{};
  for (uint32_t i = 0; i < 3; ++i) {
    ASSERT_EQ(clx_acpi_template_gpio_at(b.data(), b.size(), i, &e), 0);
    EXPECT_EQ(e.index, i);
  }
  EXPECT_EQ(clx_acpi_gpio_pin(&e.gpio, 0), 9);
  clx_acpi_gpio_entry untouched{};
  untouched.index = 77;
  EXPECT_ACPI_ERROR(clx_acpi_template_gpio_at(b.data(), b.size(), 3, &untouched), CLX_ACPI_E_NO_SUCH_GPIO);
  EXPECT_EQ(untouched.index, 77u);
  b[3 + kRevision] = 0;  // first GpioInt malformed: the template is refused whole
  EXPECT_ACPI_ERROR(clx_acpi_template_gpio_at(b.data(), b.size(), 2, &untouched), CLX_ACPI_E_BAD_REVISION);
  EXPECT_EQ(untouched.index, 77u);
}

// ---- malformed templates ----

TEST(AcpiTemplateWalkErrors, NoEndTag) {
  Bytes b = mixed();
  b.resize(b.size() - 2);
  EXPECT_ACPI_ERROR(open_error(b, b.size()), CLX_ACPI_E_NO_END_TAG);
  EXPECT_ACPI_ERROR(open_error({}, 0), CLX_ACPI_E_NO_END_TAG);
}

TEST(AcpiTemplateWalkErrors, BadEndTag) {
  for (uint8_t tag : {0x78, 0x7A, 0x7F}) {
    Bytes b = concat({irq_no_flags(2), Bytes{tag, 0, 0, 0, 0, 0, 0, 0}});
    EXPECT_ACPI_ERROR(open_error(b, 3), CLX_ACPI_E_BAD_END_TAG) << int(tag);
  }
}

TEST(AcpiTemplateWalkErrors, EndTagWithoutChecksumByte) {
  Bytes b = concat({irq_no_flags(2), Bytes{0x79}});
  EXPECT_ACPI_ERROR(open_error(b, 3), CLX_ACPI_E_ITEM_TRUNCATED);
}

TEST(AcpiTemplateWalkErrors, BadChecksum) {
  Bytes b = mixed(1);
  b.back() = static_cast<uint8_t>(b.back() + 1);
  EXPECT_ACPI_ERROR(open_error(b, b.size() - 2), CLX_ACPI_E_BAD_CHECKSUM);
}

TEST(AcpiTemplateWalkErrors, TruncatedSmallItem) {
  Bytes b = io16(0x60);
  b.resize(5);  // IO needs 8 bytes
  EXPECT_ACPI_ERROR(open_error(b, 0), CLX_ACPI_E_ITEM_TRUNCATED);
}

TEST(AcpiTemplateWalkErrors, TruncatedLargeHeader) {
  Bytes b = concat({irq_no_flags(2), Bytes{0x86, 0x09}});
  EXPECT_ACPI_ERROR(open_error(b, 3), CLX_ACPI_E_TRUNCATED_HEADER);
}

TEST(AcpiTemplateWalkErrors, LargeItemPastTheBuffer) {
  Bytes b = concat({memory32_fixed(0, 4), end_tag()});
  put16(b, 1, 0x0100);  // Length 256
  EXPECT_ACPI_ERROR(open_error(b, 0), CLX_ACPI_E_ITEM_TRUNCATED);
  // A GPIO descriptor whose Length swallows the End Tag and more.
  b = concat({gpio_int(1, 0).bytes(), end_tag()});
  put16(b, 1, static_cast<uint16_t>(b.size()));
  EXPECT_ACPI_ERROR(open_error(b, 0), CLX_ACPI_E_ITEM_TRUNCATED);
}

TEST(AcpiTemplateWalkErrors, MalformedGpioDescriptorInside) {
  Bytes b = mixed();
  const size_t io0 = 3 + 30 + 12;
  put16(b, io0 + kNameOff, static_cast<uint16_t>(get16(b, io0 + kNameOff) - 1));  // odd pin table
  EXPECT_ACPI_ERROR(open_error(b, io0), CLX_ACPI_E_PIN_TABLE_ODD);
  b = mixed();
  b[io0 + kFlags] = 0x04;  // GpioIo reserved bit 2
  EXPECT_ACPI_ERROR(open_error(b, io0), CLX_ACPI_E_RESERVED_IO_FLAGS);
  // A GPIO tag on an item too short for the fixed fields.
  b = concat({Bytes{0x8C, 0x02, 0x00, 0x01, 0x00}, end_tag()});
  EXPECT_ACPI_ERROR(open_error(b, 0), CLX_ACPI_E_DESCRIPTOR_TOO_SHORT);
}

TEST(AcpiTemplateWalkErrors, EveryPrefixIsRefused) {
  const Bytes full = mixed(1);
  for (size_t n = 0; n < full.size(); ++n) {
    Bytes prefix(full.begin(), full.begin() + static_cast<long>(n));  // exact size for ASan
    clx_acpi_template t{};
    int rc = clx_acpi_template_open(&t, prefix.data(), prefix.size(), nullptr);
    EXPECT_TRUE(-rc == CLX_ACPI_E_NO_END_TAG || -rc == CLX_ACPI_E_ITEM_TRUNCATED ||
                -rc == CLX_ACPI_E_TRUNCATED_HEADER)
        << n << ": " << clx_acpi_error_name(rc);
  }
}

TEST(AcpiTemplateWalkErrors, NullArguments) {
  Bytes b = mixed();
  clx_acpi_template t{};
  clx_acpi_gpio_entry e{};
  EXPECT_ACPI_ERROR(clx_acpi_template_open(nullptr, b.data(), b.size(), nullptr), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_template_open(&t, nullptr, 4, nullptr), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_template_next_gpio(nullptr, &e), CLX_ACPI_E_NULL_ARGUMENT);
  EXPECT_ACPI_ERROR(clx_acpi_template_gpio_at(b.data(), b.size(), 0, nullptr), CLX_ACPI_E_NULL_ARGUMENT);
}

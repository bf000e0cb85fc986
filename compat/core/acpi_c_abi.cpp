// SPDX-License-Identifier: GPL-2.0
// The codec's C ABI (clx_acpi.h): pointer checks, and the one place where an Error
// becomes the negative int C callers see. Outputs are written only on success (and
// the two reports the header documents).
#include "acpi_gpio.hpp"

using clx::acpi::Error;
using clx::acpi::failed;
using clx::acpi::u8;
using clx::acpi::usize;

namespace {

int to_int(Error e) { return -static_cast<int>(e); }

struct ErrorName {
  const char* name;
  const char* text;
};

// Namespace scope and constant-initialised (no constructor runs in a kernel module);
// indexed by enum clx_acpi_error.
constexpr ErrorName kErrors[] = {
    {"CLX_ACPI_OK", "success"},
    {"CLX_ACPI_E_TRUNCATED_HEADER", "buffer ends inside an item's tag or length field"},
    {"CLX_ACPI_E_NOT_GPIO", "not a GPIO connection descriptor (tag is not 0x8C)"},
    {"CLX_ACPI_E_ITEM_TRUNCATED", "item's length runs past the end of the buffer"},
    {"CLX_ACPI_E_DESCRIPTOR_TOO_SHORT", "descriptor length too short for the fixed fields"},
    {"CLX_ACPI_E_BAD_REVISION", "revision is not 1"},
    {"CLX_ACPI_E_BAD_CONNECTION_TYPE", "connection type is neither GpioInt (0) nor GpioIo (1)"},
    {"CLX_ACPI_E_RESERVED_GENERAL_FLAGS", "reserved general flag bits (15:1) are set"},
    {"CLX_ACPI_E_RESERVED_INT_FLAGS", "reserved GpioInt flag bits (15:5) are set"},
    {"CLX_ACPI_E_BAD_POLARITY", "GpioInt polarity is the reserved value 3"},
    {"CLX_ACPI_E_RESERVED_IO_FLAGS", "reserved GpioIo flag bits (15:5 or 2) are set"},
    {"CLX_ACPI_E_RESERVED_PIN_CONFIG", "PinConfig is reserved (0x04..0x7F)"},
    {"CLX_ACPI_E_PIN_TABLE_IN_HEADER", "pin table offset lies inside the fixed fields"},
    {"CLX_ACPI_E_PIN_TABLE_OUTSIDE", "pin table offset is at or past the descriptor's end"},
    {"CLX_ACPI_E_NAME_BEFORE_PIN_TABLE", "ResourceSource offset lies before the pin table"},
    {"CLX_ACPI_E_NAME_OUTSIDE", "ResourceSource offset is at or past the descriptor's end"},
    {"CLX_ACPI_E_PIN_TABLE_ODD", "pin table has an odd number of bytes"},
    {"CLX_ACPI_E_NO_PINS", "pin table is empty"},
    {"CLX_ACPI_E_VENDOR_DATA_OUTSIDE", "vendor data runs past the descriptor's end"},
    {"CLX_ACPI_E_VENDOR_DATA_OVERLAPS", "vendor data starts at or before the ResourceSource name"},
    {"CLX_ACPI_E_NAME_NOT_TERMINATED", "ResourceSource name has no NUL before the vendor data or the end"},
    {"CLX_ACPI_E_NAME_EMPTY", "ResourceSource name is empty"},
    {"CLX_ACPI_E_NULL_ARGUMENT", "a required pointer is NULL"},
    {"CLX_ACPI_E_BAD_FIELD_VALUE", "a field holds a value its bits cannot encode"},
    {"CLX_ACPI_E_FIELD_FOR_OTHER_TYPE", "a field of the other connection type is set"},
    {"CLX_ACPI_E_NAME_HAS_NUL", "ResourceSource name contains a NUL"},
    {"CLX_ACPI_E_TOO_LONG", "descriptor would exceed the 16-bit length or offsets"},
    {"CLX_ACPI_E_NO_SPACE", "output buffer too small"},
    {"CLX_ACPI_E_NO_END_TAG", "resource template has no End Tag"},
    {"CLX_ACPI_E_BAD_END_TAG", "End Tag length is not 1"},
    {"CLX_ACPI_E_BAD_CHECKSUM", "resource template checksum does not sum to 0"},
    {"CLX_ACPI_E_NO_SUCH_GPIO", "no GPIO descriptor with that index"},
};
static_assert(sizeof(kErrors) / sizeof(kErrors[0]) == CLX_ACPI_E_COUNT,
              "one name per enum clx_acpi_error value");

constexpr ErrorName kUnknown = {"CLX_ACPI_E_UNKNOWN", "not a clx_acpi error"};

const ErrorName& error_of(int err) {
  // CAST: -INT_MIN overflows; it is no error of ours anyway.
  const unsigned v = err < 0 ? 0u - static_cast<unsigned>(err) : static_cast<unsigned>(err);
  return v < CLX_ACPI_E_COUNT ? kErrors[v] : kUnknown;
}

// CAST: the C ABI takes untyped buffers; the codec reads and writes bytes.
const u8* bytes(const void* p) { return static_cast<const u8*>(p); }

}  // namespace

extern "C" {

const char* clx_acpi_error_name(int err) { return error_of(err).name; }

const char* clx_acpi_error_text(int err) { return error_of(err).text; }

int clx_acpi_gpio_decode(const void* buf, clx_size len, clx_acpi_gpio* gpio, clx_size* size) {
  if (gpio == nullptr || (buf == nullptr && len != 0)) return to_int(Error::null_argument);
  clx_acpi_gpio g{};
  usize used = 0;
  Error e = clx::acpi::decode(bytes(buf), len, g, used);
  if (failed(e)) return to_int(e);
  *gpio = g;
  if (size != nullptr) *size = used;
  return 0;
}

int clx_acpi_gpio_encode(const clx_acpi_gpio* gpio, void* buf, clx_size len, clx_size* size) {
  if (gpio == nullptr || size == nullptr || (buf == nullptr && len != 0))
    return to_int(Error::null_argument);
  Error e = clx::acpi::validate(*gpio);
  if (failed(e)) return to_int(e);
  const usize need = clx::acpi::encoded_size(*gpio);
  *size = need;
  if (len < need) return to_int(Error::no_space);
  clx::acpi::write(*gpio, static_cast<u8*>(buf));
  return 0;
}

int clx_acpi_gpio_equal(const clx_acpi_gpio* a, const clx_acpi_gpio* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return clx::acpi::equal(*a, *b);
}

int clx_acpi_template_open(clx_acpi_template* t, const void* buf, clx_size len, clx_size* bad_offset) {
  if (t == nullptr || (buf == nullptr && len != 0)) return to_int(Error::null_argument);
  clx_acpi_template opened{};
  usize bad = 0;
  Error e = clx::acpi::open_template(bytes(buf), len, opened, bad);
  if (failed(e)) {
    if (bad_offset != nullptr) *bad_offset = bad;
    return to_int(e);
  }
  *t = opened;
  return 0;
}

int clx_acpi_template_next_gpio(clx_acpi_template* t, clx_acpi_gpio_entry* entry) {
  if (t == nullptr || entry == nullptr) return to_int(Error::null_argument);
  return clx::acpi::next_gpio(*t, *entry) ? 1 : 0;
}

int clx_acpi_template_gpio_at(const void* buf, clx_size len, clx_u32 index, clx_acpi_gpio_entry* entry) {
  if (entry == nullptr) return to_int(Error::null_argument);
  clx_acpi_template t{};
  int rc = clx_acpi_template_open(&t, buf, len, nullptr);
  if (rc != 0) return rc;
  clx_acpi_gpio_entry e{};
  while (clx::acpi::next_gpio(t, e))
    if (e.index == index) {
      *entry = e;
      return 0;
    }
  return to_int(Error::no_such_gpio);
}

}  // extern "C"

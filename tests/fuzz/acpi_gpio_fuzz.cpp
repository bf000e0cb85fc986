// libFuzzer target for the ACPI GPIO descriptor codec (compat/include/clx_acpi.h),
// built with -fsanitize=fuzzer,address,undefined by tests/fuzz/run-fuzz.sh. Every input
// is used three ways:
//   1. as one descriptor: decode; what it accepts must lie inside the input and must
//      round-trip (decode(encode(x)) == x, encoding canonical and stable, the size
//      query and a one-byte-short buffer agreeing and writing nothing);
//   2. as a resource template: open + walk; every descriptor found lies inside the
//      template, round-trips, and resolves again by its index;
//   3. as a value to encode (fields from the first bytes, pins, name and vendor data
//      from the rest): whatever encoding accepts must decode to the same value.
// Any broken property aborts, which libFuzzer reports as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "clx_acpi.h"

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "acpi_gpio_fuzz: %s\n", what);
  std::abort();
}

bool inside(const void* p, size_t n, const uint8_t* base, size_t len) {
  const uint8_t* b = static_cast<const uint8_t*>(p);
  return n == 0 || (b >= base && b <= base + len && n <= static_cast<size_t>(base + len - b));
}

// The views of a decoded descriptor lie inside the bytes it was decoded from.
void check_views(const clx_acpi_gpio& g, const uint8_t* base, size_t len) {
  if (!inside(g.pin_table, 2u * g.pin_count, base, len)) broken("pin table outside the descriptor");
  if (!inside(g.resource_source, g.resource_source_len + 1u, base, len)) broken("name outside the descriptor");
  if (g.resource_source[g.resource_source_len] != '\0') broken("name not terminated where it says");
  if (std::memchr(g.resource_source, 0, g.resource_source_len) != nullptr) broken("NUL inside the name");
  if (!inside(g.vendor_data, g.vendor_data_len, base, len)) broken("vendor data outside the descriptor");
  if (g.pin_count == 0 || g.resource_source_len == 0) broken("accepted without pins or name");
}

// Heap buffers of the exact size, so that ASan sees a write one past the end.
uint8_t* exact(size_t n) {
  uint8_t* p = static_cast<uint8_t*>(std::malloc(n ? n : 1));
  if (p == nullptr) broken("out of memory");
  return p;
}

void round_trip(const clx_acpi_gpio& g) {
  size_t need = 0;
  if (clx_acpi_gpio_encode(&g, nullptr, 0, &need) != -CLX_ACPI_E_NO_SPACE) broken("size query");
  uint8_t* buf = exact(need);
  std::memset(buf, 0xA5, need);
  size_t size = 0;
  if (clx_acpi_gpio_encode(&g, buf, need - 1, &size) != -CLX_ACPI_E_NO_SPACE || size != need)
    broken("one-short buffer not refused with the needed size");
  for (size_t i = 0; i < need; ++i)
    if (buf[i] != 0xA5) broken("refused encode wrote bytes");
  if (clx_acpi_gpio_encode(&g, buf, need, &size) != 0 || size != need) broken("encode(x) refused");

  clx_acpi_gpio back{};
  size_t used = 0;
  if (clx_acpi_gpio_decode(buf, need, &back, &used) != 0 || used != need) broken("decode(encode(x)) refused");
  check_views(back, buf, need);
  if (!clx_acpi_gpio_equal(&g, &back)) broken("decode(encode(x)) != x");

  uint8_t* again = exact(need);
  if (clx_acpi_gpio_encode(&back, again, need, &size) != 0 || size != need ||
      std::memcmp(buf, again, need) != 0)
    broken("encoding not canonical");
  std::free(again);
  std::free(buf);
}

void as_descriptor(const uint8_t* data, size_t size) {
  clx_acpi_gpio g{};
  size_t used = 0;
  int rc = clx_acpi_gpio_decode(data, size, &g, &used);
  if (rc > 0 || rc <= -CLX_ACPI_E_COUNT) broken("decode returned no clx_acpi error");
  if (rc != 0) return;
  if (used < CLX_ACPI_GPIO_FIXED_SIZE || used > size) broken("decoded size outside the input");
  check_views(g, data, used);
  round_trip(g);
}

void as_template(const uint8_t* data, size_t size) {
  clx_acpi_template t{};
  size_t bad = 0;
  if (clx_acpi_template_open(&t, data, size, &bad) != 0) {
    if (bad > size) broken("bad offset outside the input");
    return;
  }
  if (t.size < 2 || t.size > size) broken("template size outside the input");
  clx_acpi_gpio_entry e{};
  uint32_t n = 0, ints = 0;
  while (clx_acpi_template_next_gpio(&t, &e) == 1) {
    if (e.index != n) broken("indices not consecutive");
    if (e.offset + e.size > t.size) broken("descriptor outside the template");
    check_views(e.gpio, data + e.offset, e.size);
    round_trip(e.gpio);
    if (e.gpio.type == CLX_ACPI_GPIO_INT) ++ints;
    if (n < 4) {  // a few: gpio_at walks the template again
      clx_acpi_gpio_entry again{};
      if (clx_acpi_template_gpio_at(data, size, n, &again) != 0 || again.offset != e.offset ||
          !clx_acpi_gpio_equal(&again.gpio, &e.gpio))
        broken("gpio_at disagrees with the walk");
    }
    ++n;
  }
  if (n != t.gpio_count || ints != t.int_count) broken("walk count differs from open's");
  if (clx_acpi_template_next_gpio(&t, &e) != 0) broken("walk resumed after its end");
}

void as_value(const uint8_t* data, size_t size) {
  if (size < 16) return;
  clx_acpi_gpio g{};
  // Mostly in range, sometimes not: the encoder must refuse the rest.
  g.revision = data[0] % 3;
  g.type = data[1] % 3;
  g.consumer = data[2] % 3;
  g.shared = data[3] % 3;
  g.wake = data[4] % 3;
  g.int_mode = data[5] % 3;
  g.polarity = data[6] % 5;
  g.io_restriction = data[7] % 5;
  g.pin_config = data[8];
  g.resource_source_index = data[9];
  g.drive_strength = static_cast<uint16_t>(data[10] | data[11] << 8);
  g.debounce_timeout = static_cast<uint16_t>(data[12] | data[13] << 8);
  const uint8_t* rest = data + 16;
  size_t left = size - 16;
  size_t pins = data[14] % 64;
  if (2 * pins > left) pins = left / 2;
  g.pin_count = static_cast<uint16_t>(pins);
  g.pin_table = pins ? rest : nullptr;
  rest += 2 * pins;
  left -= 2 * pins;
  size_t name = data[15] % 64;
  if (name > left) name = left;
  g.resource_source = name ? reinterpret_cast<const char*>(rest) : nullptr;
  g.resource_source_len = static_cast<uint16_t>(name);
  rest += name;
  left -= name;
  g.vendor_data = left ? rest : nullptr;
  g.vendor_data_len = static_cast<uint16_t>(left);

  size_t need = 0;
  int rc = clx_acpi_gpio_encode(&g, nullptr, 0, &need);
  if (rc == -CLX_ACPI_E_NO_SPACE) {
    round_trip(g);
  } else if (rc == 0 || rc > 0 || rc <= -CLX_ACPI_E_COUNT) {
    broken("size query neither refused nor asked for space");
  } else if (need != 0) {
    broken("refused value reported a size");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  as_descriptor(data, size);
  as_template(data, size);
  as_value(data, size);
  return 0;
}

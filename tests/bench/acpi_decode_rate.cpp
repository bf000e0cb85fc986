// The ACPI GPIO descriptor codec's decode rate on the host (compat/core built at -O2
// as for the kernel), reported by `make bench-host` after the engine table
// (tests/bench/run-bench-host.sh). Wall clock, median of several repetitions, each
// long enough to dwarf the clock's cost; a report, not a target.
//
//   clxacpi_decode_rate [--min-time=SECONDS] [--reps=N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "clx_acpi.h"

namespace {

using Bytes = std::vector<unsigned char>;
using Clock = std::chrono::steady_clock;

// Hides p from the optimiser: the loop cannot be folded into one decode.
inline void opaque(const void* p) { asm volatile("" : : "r"(p) : "memory"); }

Bytes encode(clx_u8 type, unsigned pins, const char* name, const Bytes& vendor) {
  std::vector<clx_u8> table;
  for (unsigned i = 0; i < pins; ++i) {
    table.push_back(static_cast<clx_u8>(i * 3));
    table.push_back(0);
  }
  clx_acpi_gpio g{};
  g.revision = 1;
  g.type = type;
  g.consumer = 1;
  g.pin_config = CLX_ACPI_PULL_UP;
  g.pin_count = static_cast<clx_u16>(pins);
  g.pin_table = table.data();
  g.resource_source = name;
  g.resource_source_len = static_cast<clx_u16>(std::strlen(name));
  g.vendor_data = vendor.empty() ? nullptr : vendor.data();
  g.vendor_data_len = static_cast<clx_u16>(vendor.size());
  Bytes out(512);
  size_t size = 0;
  if (clx_acpi_gpio_encode(&g, out.data(), out.size(), &size) != 0) {
    std::fprintf(stderr, "acpi-decode: cannot build the case\n");
    std::exit(1);
  }
  out.resize(size);
  return out;
}

struct Case {
  std::string name;
  unsigned per_call;                 // descriptors one call decodes
  std::function<bool(long)> run;     // n calls; false if a decode failed
};

// Descriptors per second: the median of reps timed runs of at least min_time each.
double rate(const Case& c, double min_time, int reps) {
  long n = 1000;
  for (;;) {  // calibrate
    auto t0 = Clock::now();
    if (!c.run(n)) {
      std::fprintf(stderr, "acpi-decode: %s: decode failed\n", c.name.c_str());
      std::exit(1);
    }
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (s >= min_time / 4) {
      n = static_cast<long>(n * (min_time / s)) + 1;
      break;
    }
    n *= 4;
  }
  std::vector<double> rates;
  for (int r = 0; r < reps; ++r) {
    auto t0 = Clock::now();
    c.run(n);
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    rates.push_back(static_cast<double>(n) * c.per_call / s);
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  double min_time = 0.2;
  int reps = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--min-time=", 11) == 0) min_time = std::atof(argv[i] + 11);
    else if (std::strncmp(argv[i], "--reps=", 7) == 0) reps = std::max(1, std::atoi(argv[i] + 7));
    else {
      std::fprintf(stderr, "usage: clxacpi_decode_rate [--min-time=SECONDS] [--reps=N]\n");
      return 2;
    }
  }

  const Bytes small = encode(CLX_ACPI_GPIO_INT, 1, "GPO0", {});  // GPIOCLX-FACTS §11's example
  const Bytes io8 = encode(CLX_ACPI_GPIO_IO, 8, "\\_SB.PCI0.GPIO", {0x01, 0x78, 0x56, 0x34, 0x12});
  // A _CRS: IRQNoFlags, GpioInt, Memory32Fixed, GpioIo(8 pins), IO, GpioInt, End Tag.
  Bytes crs = {0x22, 0x20, 0x00};
  crs.insert(crs.end(), small.begin(), small.end());
  crs.insert(crs.end(), {0x86, 0x09, 0x00, 0x01, 0x00, 0x00, 0x03, 0x09, 0x00, 0x10, 0x00, 0x00});
  crs.insert(crs.end(), io8.begin(), io8.end());
  crs.insert(crs.end(), {0x47, 0x01, 0x60, 0x00, 0x60, 0x00, 0x01, 0x01});
  crs.insert(crs.end(), small.begin(), small.end());
  crs.insert(crs.end(), {0x79, 0x00});

  auto decode_loop = [](const Bytes& b) {
    return [&b](long n) {
      for (long i = 0; i < n; ++i) {
        opaque(b.data());
        clx_acpi_gpio g;
        if (clx_acpi_gpio_decode(b.data(), b.size(), &g, nullptr) != 0) return false;
        opaque(&g);
      }
      return true;
    };
  };
  const Case cases[] = {
      {"GpioInt, 1 pin, " + std::to_string(small.size()) + " bytes", 1, decode_loop(small)},
      {"GpioIo, 8 pins + 5 vendor bytes, " + std::to_string(io8.size()) + " bytes", 1, decode_loop(io8)},
      {"_CRS walk (open + next), 3 GPIO of 6 items, " + std::to_string(crs.size()) + " bytes", 3,
       [&crs](long n) {
         for (long i = 0; i < n; ++i) {
           opaque(crs.data());
           clx_acpi_template t;
           if (clx_acpi_template_open(&t, crs.data(), crs.size(), nullptr) != 0) return false;
           clx_acpi_gpio_entry e;
           int found = 0;
           while (clx_acpi_template_next_gpio(&t, &e) == 1) {
             opaque(&e);
             ++found;
           }
           if (found != 3) return false;
         }
         return true;
       }},
  };

  std::printf("ACPI GPIO descriptor decode rate (compat/core, host, -O2; median of %d runs of >= %.2f s)\n",
              reps, min_time);
  for (const Case& c : cases) {
    double r = rate(c, min_time, reps);
    std::printf("  acpi-decode  %-52s %8.2f M descriptors/s  (%6.1f ns each)\n", c.name.c_str(), r / 1e6,
                1e9 / r);
  }
  return 0;
}

// Host build of the engine shim: what the kernel's kernel/host/clx_shim.c provides.
#include "shim_host.hpp"

#include <cstdio>

namespace clxtest {

std::vector<std::string>& shim_warnings() {
  static std::vector<std::string> warnings;
  return warnings;
}

}  // namespace clxtest

extern "C" {

clx_u32 clx_shim_mmio_read32(void* base, clx_u32 offset) {
  auto* w = static_cast<clxtest::MmioWindow*>(base);
  return w->bus->read32(w->model, offset);
}

void clx_shim_mmio_write32(void* base, clx_u32 offset, clx_u32 value) {
  auto* w = static_cast<clxtest::MmioWindow*>(base);
  w->bus->write32(w->model, offset, value);
}

void clx_shim_warn(const char* what, clx_u32 a, clx_u32 b) {
  char line[160];
  std::snprintf(line, sizeof line, "%s (%u, %u)", what, a, b);
  clxtest::shim_warnings().push_back(line);
}

}  // extern "C"

// Host build of the engine shim: what the kernel's clxgpio_shim.c provides.
#include <cstdio>
#include <cstring>

#include "clxgpio_abi.h"

extern "C" {

static clx_u32 host_mmio_read32(void* base, clx_u32 off) {
  clx_u32 v;
  std::memcpy(&v, static_cast<char*>(base) + off, sizeof v);
  return v;
}
static void host_mmio_write32(void* base, clx_u32 off, clx_u32 v) {
  std::memcpy(static_cast<char*>(base) + off, &v, sizeof v);
}

const clx_bus_ops clx_shim_mmio_bus = {host_mmio_read32, host_mmio_write32};

void clx_shim_warn(const char* what, clx_u32 a, clx_u32 b) {
  std::fprintf(stderr, "clxgpio: %s (%u, %u)\n", what, a, b);
}

}  // extern "C"

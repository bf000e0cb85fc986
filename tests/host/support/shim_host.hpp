// Host build of the engine shim (shim_host.cpp): what the kernel's kernel/host/clx_shim.c
// provides, with MMIO reaching a register model and warnings kept for the tests.
#pragma once

#include <string>
#include <vector>

#include "clxgpio_abi.h"

namespace clxtest {

// A register model mapped as MMIO: a controller whose base is &window has its
// clx_shim_mmio_read32/write32(base, offset) calls go to bus->read32/write32(model, offset).
struct MmioWindow {
  const clx_bus_ops* bus;
  void* model;
};

// What clx_shim_warn() reported, oldest first ("what (a, b)"); tests clear it.
std::vector<std::string>& shim_warnings();

}  // namespace clxtest

// Host test support: register names of the simulated controller (from its datasheet
// comment in simgpio_regs.hpp, written out here so the tests do not borrow the
// implementation's constants), direct register access that bypasses the Recorder,
// printers for gtest, and a scriptable fake client.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "clxgpio_abi.h"
#include "rigs.hpp"

namespace clxtest {

// ---- simulated controller register map (one 0x80 window per bank) ----
namespace sim {
constexpr uint32_t MODE = 0x00;
constexpr uint32_t POLARITY = 0x08;
constexpr uint32_t ENABLE = 0x10;
constexpr uint32_t STATUS = 0x18;
constexpr uint32_t DIRECTION = 0x20;
constexpr uint32_t LEVEL = 0x28;
constexpr uint32_t OUT_SET = 0x30;
constexpr uint32_t OUT_CLEAR = 0x38;
constexpr uint32_t PULL = 0x40;
constexpr uint32_t PULL_SET = 0x48;
constexpr uint32_t PULL_CLEAR = 0x50;
constexpr uint32_t HI = 4;
constexpr uint32_t STRIDE = 0x80;
constexpr uint32_t at(uint16_t bank, uint32_t reg) { return bank * STRIDE + reg; }
}  // namespace sim

// ---- PL061 register map (ARM DDI 0190) ----
namespace pl {
constexpr uint32_t DATA_ALL = 0x3FC;
constexpr uint32_t DIR = 0x400;
constexpr uint32_t IS = 0x404;
constexpr uint32_t IBE = 0x408;
constexpr uint32_t IEV = 0x40C;
constexpr uint32_t IE = 0x410;
constexpr uint32_t RIS = 0x414;
constexpr uint32_t MIS = 0x418;
constexpr uint32_t IC = 0x41C;
constexpr uint32_t data(uint32_t pin_mask) { return (pin_mask & 0xFF) << 2; }
}  // namespace pl

// 64-bit value of a sim register, read straight from the hardware model (not
// recorded, no side effects on the log).
uint64_t sim_peek(const SimRig& r, uint16_t bank, uint32_t reg);
// Write a sim register behind the engine's back (not recorded).
void sim_poke(SimRig& r, uint16_t bank, uint32_t reg, uint64_t value);
// Power-on reset of the simulated hardware (same storage, same clx_simhw*).
void sim_reset(SimRig& r);

// Shorthands.
inline clx_irq_config irq_cfg(clx_irq_mode mode, clx_polarity pol, uint16_t debounce = 0,
                              clx_pull pull = CLX_PULL_DEFAULT) {
  return clx_irq_config{mode, pol, pull, debounce};
}
inline clx_io_config io_cfg(clx_io_mode mode, clx_pull pull = CLX_PULL_DEFAULT, uint16_t drive = 0,
                            uint16_t debounce = 0) {
  return clx_io_config{mode, pull, drive, debounce};
}
constexpr uint64_t B(unsigned n) { return uint64_t{1} << n; }

// Sequence of accesses, written compactly in expectations.
inline Access R(uint32_t off, uint32_t v) { return Access{'R', off, v}; }
inline Access W(uint32_t off, uint32_t v) { return Access{'W', off, v}; }

// Writes in a log whose offset is in [lo, hi].
std::vector<Access> writes_to(const std::vector<Access>& log, uint32_t lo, uint32_t hi);

// gtest printers (found by ADL).
void PrintTo(const Access& a, std::ostream* os);
void PrintTo(const Event& e, std::ostream* os);

// Events of a dispatch made of (pin, kind, flags) triples, for readable expectations.
inline Event rising(uint16_t pin, uint8_t flags = 0) { return Event{pin, CLX_EVENT_RISING, flags}; }
inline Event falling(uint16_t pin, uint8_t flags = 0) { return Event{pin, CLX_EVENT_FALLING, flags}; }
inline Event edge(uint16_t pin) { return Event{pin, CLX_EVENT_EDGE, 0}; }
inline Event level(uint16_t pin) { return Event{pin, CLX_EVENT_LEVEL, 0}; }
constexpr uint8_t ASSERTED = CLX_EVENT_ASSERTED;

// clx_pin_debounce()'s value, or its -errno.
inline int debounce_of(clx_chip* chip, uint16_t pin) {
  clx_u16 centi_ms = 0;
  int rc = clx_pin_debounce(chip, pin, &centi_ms);
  return rc != 0 ? rc : centi_ms;
}

// Events of a debounce expiry.
std::vector<Event> expire(clx_chip* chip, uint16_t bank, uint64_t mask, clx_dispatch* raw = nullptr);

// ---- a scriptable client for rules that need a controller the real ones are not ----
// Every callback is present and returns 0 unless told otherwise; calls are logged by
// name. Pins: one bank of `pins` pins unless the desc is changed.
struct FakeClient {
  enum Op {
    kStart, kStop, kConnectIo, kDisconnectIo, kReadPins, kWritePins, kEnableIrq, kDisableIrq,
    kMaskIrqs, kUnmaskIrq, kQueryActive, kClearActive, kQueryEnabled, kReconfigureIrq,
    kSaveBank, kRestoreBank, kQueryOutputs, kReconfigureIrqs, kUnmaskIrqs, kOpCount
  };
  static const clx_client_ops kAllOps;

  clx_client_ops ops = kAllOps;
  clx_controller_desc desc{};
  int fail[kOpCount] = {};       // return value of each callback (0 = success)
  uint64_t read_value = 0;       // what read_pins reports
  uint64_t active_value = 0;     // what query_active reports
  uint64_t outputs_value = 0;    // what query_outputs reports
  std::vector<std::string> calls;
  // Arguments of the last call that carried them.
  clx_io_config last_io{};
  clx_irq_config last_irq{};
  uint64_t last_mask = 0;
  uint64_t last_high = 0;        // reconfigure_irqs: pins armed for the high level
  uint16_t last_pin = 0xFFFF;

  explicit FakeClient(uint16_t total = 8, uint8_t per_bank = 8,
                      uint32_t caps = CLX_CAP_LEVEL | CLX_CAP_EDGE | CLX_CAP_ACTIVE_HIGH |
                                      CLX_CAP_ACTIVE_LOW | CLX_CAP_MEMORY_MAPPED);
  // Creates a chip on this client (storage owned by the FakeClient) and starts it.
  clx_chip* make_chip();
  ~FakeClient();

  std::unique_ptr<Storage> mem;
  clx_chip* chip = nullptr;
};

}  // namespace clxtest

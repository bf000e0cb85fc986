// Host test support: a chip on a PL061 model or on the simulated controller's
// hardware, with every register access recorded.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "clx_controllers.h"
#include "clxgpio_abi.h"
#include "pl061_model.hpp"
#include "recorder.hpp"
#include "shim_host.hpp"
#include "simgpio_hw.h"

namespace clxtest {

// 8-aligned heap storage of a given byte size.
class Storage {
 public:
  explicit Storage(size_t bytes) : m_words((bytes + 7) / 8 + 1) {}
  void* data() { return m_words.data(); }
  size_t size() const { return m_words.size() * 8; }

 private:
  std::vector<uint64_t> m_words;
};

// The PL061 reaches its registers through the shim's MMIO calls: mapped to the
// Recorder, which forwards to the model.
struct Pl061Rig {
  Pl061Model hw;
  Recorder rec{&Pl061Model::bus, &hw};
  MmioWindow window{&Recorder::bus, &rec};
  Storage ctl{static_cast<size_t>(clx_pl061_storage_size())};
  std::unique_ptr<Storage> mem;
  clx_controller controller{};
  clx_chip* chip = nullptr;

  Pl061Rig();
  ~Pl061Rig() { clx_chip_destroy(chip); }
  Pl061Rig(const Pl061Rig&) = delete;
  Pl061Rig& operator=(const Pl061Rig&) = delete;
};

struct SimRig {
  std::unique_ptr<Storage> hw_mem;
  clx_simhw* hw = nullptr;
  std::unique_ptr<Recorder> rec;
  std::unique_ptr<Storage> ctl;
  std::unique_ptr<Storage> mem;
  clx_controller controller{};
  clx_chip* chip = nullptr;
  uint16_t total;
  uint8_t per_bank;
  // Calls of the model's interrupt line, per bank (simgpio_hw.h: one per access that
  // leaves the bank's output asserted).
  std::vector<unsigned> raised;

  SimRig(uint16_t total_pins = 128, uint8_t pins_per_bank = 32,
         clx_sim_attach attach = CLX_SIM_MEMORY_MAPPED);
  ~SimRig() { clx_chip_destroy(chip); }
  SimRig(const SimRig&) = delete;
  SimRig& operator=(const SimRig&) = delete;

  // Sets a line's pull from outside (gpio-sim's sysfs pull: the level an input reads);
  // returns whether its bank's interrupt line is asserted.
  bool drive(uint16_t pin, int level) { return clx_simhw_set_pull(hw, pin, level) == 1; }
  bool pending(uint16_t bank) const { return clx_simhw_irq_pending(hw, bank) == 1; }
  // The model's interrupt line callback; ctx is the SimRig.
  static void line(void* ctx, clx_u16 bank);
};

// Dispatches a bank and returns its events as (pin, kind, flags) triples.
struct Event {
  uint16_t pin;
  uint8_t kind;
  uint8_t flags;
  bool operator==(const Event& o) const { return pin == o.pin && kind == o.kind && flags == o.flags; }
};
std::vector<Event> dispatch(clx_chip* chip, uint16_t bank, clx_dispatch* raw = nullptr);

}  // namespace clxtest

#include "rigs.hpp"

#include <cstdlib>
#include <stdexcept>

namespace clxtest {

static void must(int rc, const char* what) {
  if (rc != 0) throw std::runtime_error(std::string(what) + " failed: " + std::to_string(rc));
}

// Allocates the engine storage a controller needs, creates the chip on it and starts it.
static clx_chip* create_started(const clx_controller& c, std::unique_ptr<Storage>* mem) {
  long need = clx_chip_storage_size(&c.desc);
  if (need <= 0) throw std::runtime_error("storage size");
  *mem = std::make_unique<Storage>(static_cast<size_t>(need));
  clx_chip* chip = nullptr;
  must(clx_chip_create((*mem)->data(), (*mem)->size(), &c.desc, c.ops, c.ctx, &chip), "chip_create");
  must(clx_chip_start(chip, CLX_START_FIRST), "start");
  return chip;
}

Pl061Rig::Pl061Rig() {
  must(clx_pl061_init(ctl.data(), ctl.size(), &window, &controller), "pl061_init");
  chip = create_started(controller, &mem);
  rec.clear();
}

void SimRig::line(void* ctx, clx_u16 bank) {
  auto* r = static_cast<SimRig*>(ctx);
  if (bank >= r->raised.size()) r->raised.resize(bank + 1u);  // no such bank: tests see the size
  ++r->raised[bank];
}

SimRig::SimRig(uint16_t total_pins, uint8_t pins_per_bank, clx_sim_attach attach)
    : total(total_pins), per_bank(pins_per_bank),
      raised((total_pins + pins_per_bank - 1) / pins_per_bank) {
  long hw_need = clx_simhw_storage_size(total_pins, pins_per_bank);
  if (hw_need <= 0) throw std::runtime_error("simhw size");
  hw_mem = std::make_unique<Storage>(static_cast<size_t>(hw_need));
  must(clx_simhw_init(hw_mem->data(), hw_mem->size(), total_pins, pins_per_bank, line, this, &hw),
       "simhw_init");
  rec = std::make_unique<Recorder>(&clx_simhw_bus, hw);
  long ctl_need = clx_simgpio_storage_size(total_pins, pins_per_bank);
  ctl = std::make_unique<Storage>(static_cast<size_t>(ctl_need));
  must(clx_simgpio_init(ctl->data(), ctl->size(), &Recorder::bus, rec.get(), total_pins, pins_per_bank,
                        attach, &controller),
       "sim_init");
  chip = create_started(controller, &mem);
  rec->clear();
}

std::vector<Event> dispatch(clx_chip* chip, uint16_t bank, clx_dispatch* raw) {
  clx_dispatch d{};
  int n = clx_irq_dispatch(chip, bank, &d);
  if (n < 0) throw std::runtime_error("dispatch failed: " + std::to_string(n));
  if (raw) *raw = d;
  std::vector<Event> ev;
  for (uint32_t i = 0; i < d.count; ++i) ev.push_back({d.events[i].pin, d.events[i].kind, d.events[i].flags});
  return ev;
}

}  // namespace clxtest

// The engine's ActiveBoth contract under a concurrent writer: one thread toggles a
// simulated line's outside world as fast as it can (the model is atomic, as the
// hardware's pins are), another services the bank under the chip lock whenever its
// interrupt output is asserted, as the host does. Whatever the interleaving, the events
// strictly alternate starting with "asserted", a toggle pair too short for the service
// is lost as a pair, and once the writer stops the last event matches the line.
// Memory-mapped and sleeping controllers (the sleeping one through the same atomic bus).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "helpers.hpp"

using namespace clxtest;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr long kToggles = 300000;
#else
constexpr long kToggles = 2000000;
#endif
constexpr uint16_t kPin = 2;

struct Result {
  long events = 0, repeats = 0;
  int first_asserted = -1, last_asserted = -1, final_level = -1;
};

// spin: busy iterations between toggles (0: unpaced; more: closer to the service rate).
Result run(clx_sim_attach mode, int spin) {
  auto hw_mem = std::make_unique<Storage>(clx_simhw_storage_size(32, 32));
  clx_simhw* hw = nullptr;
  EXPECT_EQ(clx_simhw_init(hw_mem->data(), hw_mem->size(), 32, 32, nullptr, nullptr, &hw), 0);
  auto ctl = std::make_unique<Storage>(clx_simgpio_storage_size(32, 32));
  clx_controller controller{};
  EXPECT_EQ(clx_simgpio_init(ctl->data(), ctl->size(), &clx_simhw_bus, hw, 32, 32, mode,
                             &controller),
            0);
  auto mem = std::make_unique<Storage>(clx_chip_storage_size(&controller.desc));
  clx_chip* chip = nullptr;
  EXPECT_EQ(clx_chip_create(mem->data(), mem->size(), &controller.desc, controller.ops,
                            controller.ctx, &chip),
            0);
  EXPECT_EQ(clx_chip_start(chip, CLX_START_FIRST), 0);
  clx_simhw_set_pull(hw, kPin, 1);  // deasserted: ActiveBoth is asserted low by default
  clx_irq_config cfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  EXPECT_EQ(clx_irq_connect(chip, kPin, &cfg, CLX_CONNECT_EMULATE_BOTH), 0);

  std::mutex chip_lock;  // the host's lock
  std::atomic<bool> writing{true};
  Result r;
  auto service = [&] {
    clx_dispatch d{};
    std::lock_guard<std::mutex> g(chip_lock);
    int n = clx_irq_dispatch(chip, 0, &d);
    for (int i = 0; i < n; ++i) {
      int asserted = (d.events[i].flags & CLX_EVENT_ASSERTED) != 0;
      if (r.first_asserted < 0) r.first_asserted = asserted;
      if (asserted == r.last_asserted) ++r.repeats;
      r.last_asserted = asserted;
      ++r.events;
    }
    return n;
  };
  std::thread writer([&] {
    for (long t = 0; t < kToggles; ++t) {
      clx_simhw_set_pull(hw, kPin, t & 1);
      for (volatile int s = 0; s < spin; s = s + 1) {
      }
    }
    writing = false;
  });
  while (writing)
    if (clx_simhw_irq_pending(hw, 0) == 1) service();
  writer.join();
  for (int quiet = 0; quiet < 3;)  // drain: until three passes find nothing
    quiet = clx_simhw_irq_pending(hw, 0) == 1 && service() > 0 ? 0 : quiet + 1;
  r.final_level = clx_simhw_level(hw, kPin);
  EXPECT_EQ(clx_irq_disconnect(chip, kPin), 0);
  clx_chip_destroy(chip);
  return r;
}

void expect_contract(const Result& r) {
  EXPECT_GT(r.events, 0);
  EXPECT_LE(r.events, kToggles);
  EXPECT_EQ(r.first_asserted, 1) << "the first event is the asserted state";
  EXPECT_EQ(r.repeats, 0) << "asserted/deasserted strictly alternate";
  EXPECT_EQ((kToggles - r.events) % 2, 0) << "toggles are lost only in pairs";
  EXPECT_EQ(r.last_asserted, r.final_level == 0) << "the last event is the line's state";
  std::printf("[ stress   ] %ld toggles, %ld events (%.1f%%)\n", kToggles, r.events,
              100.0 * r.events / kToggles);
}

}  // namespace

TEST(ActiveBothStress, MemoryMappedConcurrentWriter) {
  for (int spin : {0, 300}) expect_contract(run(CLX_SIM_MEMORY_MAPPED, spin));
}

TEST(ActiveBothStress, SleepingConcurrentWriter) {
  for (int spin : {0, 300}) expect_contract(run(CLX_SIM_SLEEPING, spin));
}

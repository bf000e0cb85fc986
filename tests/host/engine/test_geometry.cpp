// Geometry, registration rules and bad input: every class of bad input has its own
// -errno, and a rejected call changes nothing (no register access, no state).
#include <gtest/gtest.h>

#include <cstring>

#include "helpers.hpp"

using namespace clxtest;

namespace {

clx_controller_desc desc_of(uint16_t total, uint8_t per_bank, uint32_t caps = CLX_CAP_LEVEL) {
  return clx_controller_desc{total, per_bank, caps, nullptr};
}

// create() on a copy of the fake client's table with one change; returns the errno.
int create_with(const clx_client_ops& ops, uint32_t caps = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH) {
  clx_controller_desc d = desc_of(8, 8, caps);
  Storage mem(static_cast<size_t>(clx_chip_storage_size(&d)));
  clx_chip* chip = nullptr;
  int rc = clx_chip_create(mem.data(), mem.size(), &d, &ops, nullptr, &chip);
  if (rc == 0) clx_chip_destroy(chip);
  return rc;
}

}  // namespace

// ---- geometry ----

TEST(EngineGeometry, StorageSizeRejectsEachBadGeometryWithItsOwnErrno) {
  clx_controller_desc d = desc_of(0, 8);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EINVAL);
  d = desc_of(8, 0);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EINVAL);
  d = desc_of(0xFFFF, 32);  // > CLX_MAX_PINS (0xFFFE)
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_E2BIG);
  d = desc_of(CLX_MAX_PINS, 32);  // the largest legal chip
  EXPECT_GT(clx_chip_storage_size(&d), 0);
  d = desc_of(256, 65);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EMSGSIZE);
  d = desc_of(256, 64);
  EXPECT_GT(clx_chip_storage_size(&d), 0);
  d = desc_of(16, 17);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EDOM);
  d = desc_of(16, 16);
  EXPECT_GT(clx_chip_storage_size(&d), 0);
  d = desc_of(16, 8, CLX_CAP_ALL_MASK + 1);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EINVAL);
  d = desc_of(16, 8, 1u << 31);
  EXPECT_EQ(clx_chip_storage_size(&d), -CLX_EINVAL);
  d = desc_of(16, 8, CLX_CAP_ALL_MASK);
  EXPECT_GT(clx_chip_storage_size(&d), 0);
  EXPECT_EQ(clx_chip_storage_size(nullptr), -CLX_EINVAL);
}

TEST(EngineGeometry, CreateRejectsBadGeometryAndTouchesNothing) {
  FakeClient fake;
  struct Case {
    clx_controller_desc d;
    int rc;
  } cases[] = {
      {desc_of(0, 8), -CLX_EINVAL},       {desc_of(8, 0), -CLX_EINVAL},
      {desc_of(0xFFFF, 8), -CLX_E2BIG},   {desc_of(200, 65), -CLX_EMSGSIZE},
      {desc_of(200, 255), -CLX_EMSGSIZE}, {desc_of(4, 8), -CLX_EDOM},
      {desc_of(8, 8, CLX_CAP_ALL_MASK + 1), -CLX_EINVAL},
  };
  for (const Case& c : cases) {
    Storage mem(1 << 16);
    std::memset(mem.data(), 0xA5, mem.size());
    clx_chip* sentinel = reinterpret_cast<clx_chip*>(uintptr_t{0x1234});
    clx_chip* out = sentinel;
    EXPECT_EQ(clx_chip_create(mem.data(), mem.size(), &c.d, &fake.ops, &fake, &out), c.rc)
        << c.d.total_pins << "/" << unsigned(c.d.pins_per_bank);
    EXPECT_EQ(out, sentinel);
    const uint8_t* bytes = static_cast<const uint8_t*>(mem.data());
    size_t touched = 0;
    for (size_t i = 0; i < mem.size(); ++i) touched += bytes[i] != 0xA5;
    EXPECT_EQ(touched, 0u);
  }
  EXPECT_TRUE(fake.calls.empty());
}

TEST(EngineGeometry, CreateNeedsEnoughAlignedStorage) {
  FakeClient fake(100, 32);
  long need = clx_chip_storage_size(&fake.desc);
  ASSERT_GT(need, 0);
  Storage mem(static_cast<size_t>(need) + 16);
  clx_chip* out = nullptr;
  EXPECT_EQ(clx_chip_create(mem.data(), static_cast<size_t>(need) - 1, &fake.desc, &fake.ops, &fake, &out),
            -CLX_ENOBUFS);
  EXPECT_EQ(clx_chip_create(mem.data(), 0, &fake.desc, &fake.ops, &fake, &out), -CLX_ENOBUFS);
  EXPECT_EQ(out, nullptr);
  // Misaligned storage (by 1 and by 4) is rejected even when big enough.
  auto* misaligned = static_cast<uint8_t*>(mem.data()) + 1;
  EXPECT_EQ(clx_chip_create(misaligned, static_cast<size_t>(need) + 8, &fake.desc, &fake.ops, &fake, &out),
            -CLX_EINVAL);
  misaligned = static_cast<uint8_t*>(mem.data()) + 4;
  EXPECT_EQ(clx_chip_create(misaligned, static_cast<size_t>(need) + 8, &fake.desc, &fake.ops, &fake, &out),
            -CLX_EINVAL);
  EXPECT_EQ(clx_chip_create(nullptr, static_cast<size_t>(need), &fake.desc, &fake.ops, &fake, &out),
            -CLX_EINVAL);
  EXPECT_EQ(clx_chip_create(mem.data(), static_cast<size_t>(need), nullptr, &fake.ops, &fake, &out),
            -CLX_EINVAL);
  EXPECT_EQ(clx_chip_create(mem.data(), static_cast<size_t>(need), &fake.desc, nullptr, &fake, &out),
            -CLX_EINVAL);
  EXPECT_EQ(clx_chip_create(mem.data(), static_cast<size_t>(need), &fake.desc, &fake.ops, &fake, nullptr),
            -CLX_EINVAL);
  EXPECT_EQ(out, nullptr);
  // Exactly the reported size, 8-aligned, works.
  EXPECT_EQ(clx_chip_create(mem.data(), static_cast<size_t>(need), &fake.desc, &fake.ops, &fake, &out), 0);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(clx_chip_bank_count(out), 4);
  clx_chip_destroy(out);
  EXPECT_TRUE(fake.calls.empty()) << "create must not call the client";
}

TEST(EngineGeometry, StateBytesIsStorageSpreadOverPins) {
  SimRig r(100, 32);
  long need = clx_chip_storage_size(&r.controller.desc);
  EXPECT_EQ(clx_chip_state_bytes(r.chip), static_cast<uint32_t>((need + 99) / 100));
}

TEST(EngineRegistration, FullTableIsAccepted) { EXPECT_EQ(create_with(FakeClient::kAllOps), 0); }

TEST(EngineRegistration, StartAndStopAreRequired) {
  clx_client_ops ops = FakeClient::kAllOps;
  ops.start = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.stop = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
}

TEST(EngineRegistration, InterruptGroupIsAllOrNone) {
  for (int which = 0; which < 5; ++which) {
    clx_client_ops ops = FakeClient::kAllOps;
    switch (which) {
      case 0: ops.enable_irq = nullptr; break;
      case 1: ops.disable_irq = nullptr; break;
      case 2: ops.mask_irqs = nullptr; break;
      case 3: ops.unmask_irq = nullptr; break;
      case 4: ops.query_active = nullptr; break;
    }
    EXPECT_EQ(create_with(ops), -CLX_EINVAL) << "missing member " << which;
  }
  // None of the group (and no clear/reconfigure): a controller with I/O only.
  clx_client_ops ops = FakeClient::kAllOps;
  ops.enable_irq = nullptr;
  ops.disable_irq = nullptr;
  ops.mask_irqs = nullptr;
  ops.unmask_irq = nullptr;
  ops.query_active = nullptr;
  ops.clear_active = nullptr;
  ops.reconfigure_irq = nullptr;
  ops.reconfigure_irqs = nullptr;
  ops.unmask_irqs = nullptr;
  EXPECT_EQ(create_with(ops), 0);
  // Without the group, clear_active or reconfigure_irq make no sense.
  clx_client_ops with_clear = ops;
  with_clear.clear_active = FakeClient::kAllOps.clear_active;
  EXPECT_EQ(create_with(with_clear), -CLX_EINVAL);
  clx_client_ops with_reconf = ops;
  with_reconf.reconfigure_irq = FakeClient::kAllOps.reconfigure_irq;
  EXPECT_EQ(create_with(with_reconf), -CLX_EINVAL);
}

TEST(EngineRegistration, ClearActivePresentIffNotAutoClear) {
  const uint32_t caps = CLX_CAP_LEVEL | CLX_CAP_ACTIVE_HIGH;
  clx_client_ops ops = FakeClient::kAllOps;
  EXPECT_EQ(create_with(ops, caps), 0);
  EXPECT_EQ(create_with(ops, caps | CLX_CAP_AUTO_CLEAR), -CLX_EINVAL);
  ops.clear_active = nullptr;
  EXPECT_EQ(create_with(ops, caps), -CLX_EINVAL);
  EXPECT_EQ(create_with(ops, caps | CLX_CAP_AUTO_CLEAR), 0);
}

TEST(EngineRegistration, ConnectDisconnectPairedWithReadOrWrite) {
  clx_client_ops ops = FakeClient::kAllOps;
  ops.connect_io = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.disconnect_io = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.read_pins = nullptr;
  ops.write_pins = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops.read_pins = FakeClient::kAllOps.read_pins;  // read-only I/O
  EXPECT_EQ(create_with(ops), 0);
  ops.read_pins = nullptr;
  ops.write_pins = FakeClient::kAllOps.write_pins;  // write-only I/O
  EXPECT_EQ(create_with(ops), 0);
  // A controller that only relays interrupts: no I/O group at all.
  ops = FakeClient::kAllOps;
  ops.connect_io = nullptr;
  ops.disconnect_io = nullptr;
  ops.read_pins = nullptr;
  ops.write_pins = nullptr;
  EXPECT_EQ(create_with(ops), 0);
}

TEST(EngineRegistration, SaveRestorePaired) {
  clx_client_ops ops = FakeClient::kAllOps;
  ops.save_bank = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.restore_bank = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops.save_bank = nullptr;
  EXPECT_EQ(create_with(ops), 0);
}

TEST(EngineRegistration, OptionalCallbacksMayBeMissing) {
  clx_client_ops ops = FakeClient::kAllOps;
  ops.query_enabled = nullptr;
  ops.query_outputs = nullptr;
  ops.reconfigure_irqs = nullptr;
  ops.unmask_irqs = nullptr;
  EXPECT_EQ(create_with(ops), 0);
  ops.reconfigure_irq = nullptr;
  EXPECT_EQ(create_with(ops), 0);
}

TEST(EngineRegistration, BatchedEmulationCallbacksArePairedAndNeedReconfigure) {
  clx_client_ops ops = FakeClient::kAllOps;
  ops.reconfigure_irqs = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.unmask_irqs = nullptr;
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
  ops = FakeClient::kAllOps;
  ops.reconfigure_irq = nullptr;  // the batched form without the per-pin one
  EXPECT_EQ(create_with(ops), -CLX_EINVAL);
}

TEST(EngineBanks, ShortLastBank) {
  SimRig r(100, 32);
  EXPECT_EQ(clx_chip_total_pins(r.chip), 100);
  EXPECT_EQ(clx_chip_pins_per_bank(r.chip), 32);
  EXPECT_EQ(clx_chip_bank_count(r.chip), 4);
  for (uint16_t b = 0; b < 4; ++b) EXPECT_EQ(clx_chip_bank_irq_line(r.chip, b), b);
  EXPECT_EQ(clx_chip_bank_irq_line(r.chip, 4), -CLX_ECHRNG);
  EXPECT_EQ(clx_chip_bank_irq_line(r.chip, 0xFFFF), -CLX_ECHRNG);

  // Pin 99 is bank 3, pin 3: its traffic lands in bank 3's register window.
  ASSERT_EQ(clx_pin_set_direction(r.chip, 99, CLX_IO_OUTPUT, 1), 0);
  std::vector<Access> expect{
      W(sim::at(3, sim::OUT_SET), 0x8),
      R(sim::at(3, sim::DIRECTION), 0xF),
      W(sim::at(3, sim::DIRECTION), 0x7),
      W(sim::at(3, sim::OUT_SET), 0x8),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_simhw_level(r.hw, 99), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 99), 1);
  uint64_t v = 0;
  EXPECT_EQ(clx_bank_read(r.chip, 3, 0xF, &v), 0);
  EXPECT_EQ(v, 0x8u);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 99), 0);
  clx_irq_config cfg = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  EXPECT_EQ(clx_irq_connect(r.chip, 98, &cfg, 0), 0);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 98), 1);
}

TEST(EngineBanks, OutOfRangePinsBanksAndMasksAreRejectedWithoutAnyAccess) {
  SimRig r(100, 32);
  clx_irq_config icfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  clx_dispatch d{};
  uint64_t v = 0xDEAD;
  r.rec->clear();

  // Pin 100 is one past the end; 0xFFFF is GpioClx's invalid pin.
  for (uint16_t pin : {uint16_t{100}, uint16_t{128}, uint16_t{0xFFFF}}) {
    EXPECT_EQ(clx_pin_set_direction(r.chip, pin, CLX_IO_OUTPUT, 1), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_get_direction(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_set_pull(r.chip, pin, CLX_PULL_UP), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_set_drive_strength(r.chip, pin, 0), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_set_debounce(r.chip, pin, 10), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_read(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_pin_write(r.chip, pin, 1), -CLX_ERANGE);
    EXPECT_EQ(clx_io_connected_mode(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_set_asserted_high(r.chip, pin, 1), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_connect(r.chip, pin, &icfg, 0), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_disconnect(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_reconfigure(r.chip, pin, &icfg, 0), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_mask(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_unmask(r.chip, pin), -CLX_ERANGE);
    EXPECT_EQ(clx_irq_is_connected(r.chip, pin), -CLX_ERANGE);
  }
  // Bank 4 does not exist.
  EXPECT_EQ(clx_bank_read(r.chip, 4, 1, &v), -CLX_ECHRNG);
  EXPECT_EQ(clx_bank_write(r.chip, 4, 1, 0), -CLX_ECHRNG);
  EXPECT_EQ(clx_io_connect(r.chip, 4, 1, &in, 0), -CLX_ECHRNG);
  EXPECT_EQ(clx_io_disconnect(r.chip, 4, 1), -CLX_ECHRNG);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 4, 1), -CLX_ECHRNG);
  EXPECT_EQ(clx_firmware_release(r.chip, 4, 1), -CLX_ECHRNG);
  EXPECT_EQ(clx_irq_dispatch(r.chip, 4, &d), -CLX_ECHRNG);
  EXPECT_EQ(clx_debounce_expired(r.chip, 4, 1, &d), -CLX_ECHRNG);
  uint64_t rearmed = 0;
  EXPECT_EQ(clx_storm_tick(r.chip, 4, &rearmed), -CLX_ECHRNG);
  // The last bank has 4 pins: mask bit 4 is out of range, bits 0-3 are not.
  EXPECT_EQ(clx_bank_read(r.chip, 3, B(4), &v), -CLX_ERANGE);
  EXPECT_EQ(clx_bank_read(r.chip, 3, B(63), &v), -CLX_ERANGE);
  EXPECT_EQ(clx_bank_write(r.chip, 3, B(4), 0), -CLX_ERANGE);
  EXPECT_EQ(clx_bank_write(r.chip, 3, 0, B(4)), -CLX_ERANGE);
  EXPECT_EQ(clx_io_connect(r.chip, 3, B(0) | B(4), &in, 0), -CLX_ERANGE);
  EXPECT_EQ(clx_io_disconnect(r.chip, 3, B(4)), -CLX_ERANGE);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 3, B(0) | B(4)), -CLX_ERANGE);
  EXPECT_EQ(clx_firmware_release(r.chip, 3, B(4)), -CLX_ERANGE);
  EXPECT_EQ(clx_debounce_expired(r.chip, 3, B(4), &d), -CLX_ERANGE);
  // A full bank rejects bits above its 32 pins.
  EXPECT_EQ(clx_bank_read(r.chip, 0, B(32), &v), -CLX_ERANGE);
  EXPECT_EQ(v, 0xDEADu) << "a rejected read must not write the result";
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);

  // Nothing changed: pin 96 (bank 3 pin 0) is still free and connectable.
  EXPECT_EQ(clx_io_connected_mode(r.chip, 96), 0);
  EXPECT_EQ(clx_io_connect(r.chip, 3, 0xF, &in, 0), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 99), CLX_IO_INPUT);
}

TEST(EngineBanks, NullOutputPointersAreEinval) {
  SimRig r(64, 32);
  r.rec->clear();
  clx_io_config in = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clx_bank_read(r.chip, 0, 1, nullptr), -CLX_EINVAL);
  EXPECT_EQ(clx_irq_dispatch(r.chip, 0, nullptr), -CLX_EINVAL);
  EXPECT_EQ(clx_debounce_expired(r.chip, 0, 1, nullptr), -CLX_EINVAL);
  EXPECT_EQ(clx_storm_tick(r.chip, 0, nullptr), -CLX_EINVAL);
  EXPECT_EQ(clx_storm_configure(r.chip, nullptr), -CLX_EINVAL);
  EXPECT_EQ(clx_io_connect(r.chip, 0, 1, nullptr, 0), -CLX_EINVAL);
  EXPECT_EQ(clx_irq_connect(r.chip, 0, nullptr, 0), -CLX_EINVAL);
  EXPECT_EQ(clx_irq_reconfigure(r.chip, 0, nullptr, 0), -CLX_EINVAL);
  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_io_connect(r.chip, 0, 1, &in, 0), 0);
}

TEST(EngineBanks, SixtyFourPinBanksUseTheHighWord) {
  SimRig r(128, 64);
  EXPECT_EQ(clx_chip_bank_count(r.chip), 2);
  EXPECT_EQ(clx_chip_pins_per_bank(r.chip), 64);

  // Pin 40 is bank 0 bit 40: HI word (offset + 4) bit 8. Only the HI word is touched.
  ASSERT_EQ(clx_pin_set_direction(r.chip, 40, CLX_IO_OUTPUT, 1), 0);
  std::vector<Access> expect{
      W(sim::at(0, sim::OUT_SET + sim::HI), 0x100),
      R(sim::at(0, sim::DIRECTION + sim::HI), 0xFFFFFFFF),
      W(sim::at(0, sim::DIRECTION + sim::HI), 0xFFFFFEFF),
      W(sim::at(0, sim::OUT_SET + sim::HI), 0x100),
  };
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  EXPECT_EQ(clx_simhw_level(r.hw, 40), 1);

  // Pin 63 is the top bit of bank 0; pin 64 is bank 1 bit 0 (LO word of window 1).
  r.rec->clear();
  ASSERT_EQ(clx_bank_write(r.chip, 0, B(63), 0), 0);
  expect = {W(sim::at(0, sim::OUT_SET + sim::HI), 0x80000000u)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);
  r.rec->clear();
  ASSERT_EQ(clx_bank_write(r.chip, 1, B(0), B(32)), 0);
  expect = {W(sim::at(1, sim::OUT_SET), 1), W(sim::at(1, sim::OUT_CLEAR + sim::HI), 1)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);

  // A 64-bit read combines both words.
  r.drive(33, 1);
  r.drive(1, 1);
  uint64_t v = 0;
  r.rec->clear();
  ASSERT_EQ(clx_bank_read(r.chip, 0, ~uint64_t{0}, &v), 0);
  EXPECT_EQ(v, B(1) | B(33) | B(40));
  expect = {R(sim::at(0, sim::LEVEL), 0x2), R(sim::at(0, sim::LEVEL + sim::HI), 0x102)};
  EXPECT_EQ(r.rec->log, expect) << to_string(r.rec->log);

  // An interrupt on bank 0 pin 50 programs the HI words.
  r.rec->clear();
  clx_irq_config cfg = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 50, &cfg, 0), 0);
  EXPECT_EQ(sim_peek(r, 0, sim::ENABLE), B(50));
  EXPECT_EQ(sim_peek(r, 0, sim::POLARITY), B(50));
  auto w = r.rec->writes();
  ASSERT_FALSE(w.empty());
  bool hi_enable = false;
  for (const Access& a : w) hi_enable |= a.offset == sim::ENABLE + sim::HI && a.value == (1u << 18);
  EXPECT_TRUE(hi_enable) << to_string(r.rec->log);
  EXPECT_FALSE(r.drive(50, 0));
  EXPECT_TRUE(r.drive(50, 1));
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(50)}));
}

TEST(EngineBanks, IrqLineMappingIncludingSharedLines) {
  FakeClient fake(32, 8);
  const uint8_t lines[] = {50, 50, 51, 51};
  fake.desc.bank_irq_line = lines;
  clx_chip* chip = fake.make_chip();
  ASSERT_EQ(clx_chip_bank_count(chip), 4);
  EXPECT_EQ(clx_chip_bank_irq_line(chip, 0), 50);
  EXPECT_EQ(clx_chip_bank_irq_line(chip, 1), 50);
  EXPECT_EQ(clx_chip_bank_irq_line(chip, 2), 51);
  EXPECT_EQ(clx_chip_bank_irq_line(chip, 3), 51);
  EXPECT_EQ(clx_chip_bank_irq_line(chip, 4), -CLX_ECHRNG);

  // The chip keeps no pointer to desc: changing the table afterwards changes nothing.
  FakeClient other(24, 8);
  uint8_t mutable_lines[] = {7, 8, 9};
  other.desc.bank_irq_line = mutable_lines;
  clx_chip* c2 = other.make_chip();
  mutable_lines[1] = 99;
  EXPECT_EQ(clx_chip_bank_irq_line(c2, 1), 8);
}

TEST(EngineBanks, SinglePinChipAndWidestChip) {
  FakeClient one(1, 1);
  clx_chip* chip = one.make_chip();
  EXPECT_EQ(clx_chip_bank_count(chip), 1);
  EXPECT_EQ(clx_pin_get_direction(chip, 0), 1);
  EXPECT_EQ(clx_pin_get_direction(chip, 1), -CLX_ERANGE);
  uint64_t v;
  EXPECT_EQ(clx_bank_read(chip, 0, B(1), &v), -CLX_ERANGE);

  FakeClient wide(CLX_MAX_PINS, 64);
  clx_chip* big = wide.make_chip();
  EXPECT_EQ(clx_chip_bank_count(big), (CLX_MAX_PINS + 63) / 64);
  uint16_t last = static_cast<uint16_t>(clx_chip_bank_count(big) - 1);
  unsigned last_width = CLX_MAX_PINS - last * 64u;  // 0xFFFE = 1023*64 + 62
  EXPECT_EQ(last_width, 62u);
  EXPECT_EQ(clx_bank_read(big, last, B(61), &v), 0);
  EXPECT_EQ(clx_bank_read(big, last, B(62), &v), -CLX_ERANGE);
  EXPECT_EQ(clx_pin_get_direction(big, CLX_MAX_PINS - 1), 1);
  EXPECT_EQ(clx_pin_get_direction(big, CLX_MAX_PINS), -CLX_ERANGE);
}

TEST(EngineBadInput, EnumsAndFlagsAreEinvalAndChangeNothing) {
  SimRig r(64, 32);
  clx_irq_config good = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  r.rec->clear();
  // Zero is never a valid setting; values past the last enumerator are rejected too.
  clx_irq_config bad = good;
  bad.mode = static_cast<clx_irq_mode>(0);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  bad.mode = static_cast<clx_irq_mode>(3);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  bad = good;
  bad.polarity = static_cast<clx_polarity>(0);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  bad = good;
  bad.pull = static_cast<clx_pull>(0);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  bad.pull = static_cast<clx_pull>(5);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  // Level interrupts have no "both".
  bad = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_BOTH);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &bad, 0), -CLX_EINVAL);
  // Unknown connect flags.
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &good, CLX_CONNECT_FLAGS_MASK + 1), -CLX_EINVAL);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &good, 1u << 31), -CLX_EINVAL);

  clx_io_config io = io_cfg(static_cast<clx_io_mode>(0));
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, 0), -CLX_EINVAL);
  io = io_cfg(static_cast<clx_io_mode>(3));
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, 0), -CLX_EINVAL);
  io = io_cfg(CLX_IO_INPUT, static_cast<clx_pull>(0));
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, 0), -CLX_EINVAL);
  io = io_cfg(CLX_IO_INPUT);
  EXPECT_EQ(clx_io_connect(r.chip, 0, 0, &io, 0), -CLX_EINVAL) << "empty mask";
  // I/O connections know only SHARED.
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, CLX_CONNECT_EMULATE_BOTH), -CLX_EINVAL);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, CLX_CONNECT_EDGE_SEMANTICS), -CLX_EINVAL);
  EXPECT_EQ(clx_io_disconnect(r.chip, 0, 0), -CLX_EINVAL);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, 0), -CLX_EINVAL);
  EXPECT_EQ(clx_firmware_release(r.chip, 0, 0), -CLX_EINVAL);

  EXPECT_EQ(clx_pin_set_direction(r.chip, 1, static_cast<clx_io_mode>(0), 0), -CLX_EINVAL);
  EXPECT_EQ(clx_pin_set_direction(r.chip, 1, static_cast<clx_io_mode>(3), 0), -CLX_EINVAL);
  EXPECT_EQ(clx_pin_set_pull(r.chip, 1, static_cast<clx_pull>(0)), -CLX_EINVAL);
  EXPECT_EQ(clx_pin_set_pull(r.chip, 1, static_cast<clx_pull>(7)), -CLX_EINVAL);
  EXPECT_EQ(clx_chip_start(r.chip, static_cast<clx_start_kind>(0)), -CLX_EINVAL);
  EXPECT_EQ(clx_chip_start(r.chip, static_cast<clx_start_kind>(3)), -CLX_EINVAL);
  EXPECT_EQ(clx_chip_stop(r.chip, static_cast<clx_stop_kind>(0)), -CLX_EINVAL);
  EXPECT_EQ(clx_chip_stop(r.chip, static_cast<clx_stop_kind>(3)), -CLX_EINVAL);
  clx_storm_config storm{4, 0};  // rearm_ticks must be >= 1
  EXPECT_EQ(clx_storm_configure(r.chip, &storm), -CLX_EINVAL);

  EXPECT_TRUE(r.rec->log.empty()) << to_string(r.rec->log);
  EXPECT_EQ(clx_irq_is_connected(r.chip, 1), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 1), 1);
  // And the storm guard stayed off: a stuck level interrupt is never masked.
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  ASSERT_EQ(clx_irq_connect(r.chip, 1, &lvl, 0), 0);
  r.drive(1, 1);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(1)})) << i;
}

// A C caller can store any int in an enum field (C has no range rule; C++ does).
// The engine must turn those into -EINVAL without reading them as C++ enums, which
// UBSan reports as undefined behaviour.
TEST(EngineBadInput, EnumFieldsOutsideTheEnumRangeFromC) {
  SimRig r(64, 32);
  auto poke = [](auto& field, int value) { std::memcpy(&field, &value, sizeof value); };
  static_assert(sizeof(clx_irq_mode) == sizeof(int), "C enums are int-sized here");
  for (int bad : {9, -1, 0x7FFFFFFF, 256}) {
    clx_irq_config icfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
    poke(icfg.mode, bad);
    EXPECT_EQ(clx_irq_connect(r.chip, 1, &icfg, 0), -CLX_EINVAL) << bad;
    EXPECT_EQ(clx_irq_reconfigure(r.chip, 1, &icfg, 0), -CLX_EINVAL) << bad;
    icfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
    poke(icfg.polarity, bad);
    EXPECT_EQ(clx_irq_connect(r.chip, 1, &icfg, 0), -CLX_EINVAL) << bad;
    icfg = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
    poke(icfg.pull, bad);
    EXPECT_EQ(clx_irq_connect(r.chip, 1, &icfg, 0), -CLX_EINVAL) << bad;
    clx_io_config io = io_cfg(CLX_IO_INPUT);
    poke(io.mode, bad);
    EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, 0), -CLX_EINVAL) << bad;
    io = io_cfg(CLX_IO_INPUT);
    poke(io.pull, bad);
    EXPECT_EQ(clx_io_connect(r.chip, 0, B(1), &io, 0), -CLX_EINVAL) << bad;
  }
  EXPECT_EQ(clx_irq_is_connected(r.chip, 1), 0);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), 0);
}

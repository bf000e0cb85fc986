// The PL061 across power transitions: stop(SAVE) + hardware reset + start(RESTORE)
// brings GPIODIR/IS/IBE/IEV/IE/DATA back exactly and interrupts keep working;
// start(FIRST) turns off what firmware left enabled and learns the outputs it left.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

struct Pl061Regs {
  uint8_t dir, is, ibe, iev, ie, out;
  bool operator==(const Pl061Regs& o) const {
    return dir == o.dir && is == o.is && ibe == o.ibe && iev == o.iev && ie == o.ie && out == o.out;
  }
};
Pl061Regs regs_of(const Pl061Model& m) {
  return Pl061Regs{m.dir, m.is, m.ibe, m.iev, m.ie, static_cast<uint8_t>(m.out & m.dir)};
}
void PrintTo(const Pl061Regs& r, std::ostream* os) {
  *os << std::hex << "dir " << +r.dir << " is " << +r.is << " ibe " << +r.ibe << " iev " << +r.iev
      << " ie " << +r.ie << " out " << +r.out;
}

// Sets up a PL061 with outputs, every trigger kind and a consumer-masked pin.
void configure_pl061(Pl061Rig& r) {
  ASSERT_EQ(clx_pin_set_direction(r.chip, 0, CLX_IO_OUTPUT, 1), 0);
  ASSERT_EQ(clx_pin_set_direction(r.chip, 1, CLX_IO_OUTPUT, 0), 0);
  clx_irq_config rise = irq_cfg(CLX_IRQ_EDGE, CLX_POL_HIGH);
  clx_irq_config lvl = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_HIGH);
  clx_irq_config both = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);
  clx_irq_config low = irq_cfg(CLX_IRQ_LEVEL, CLX_POL_LOW);
  ASSERT_EQ(clx_irq_connect(r.chip, 2, &rise, 0), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &lvl, 0), 0);
  ASSERT_EQ(clx_irq_mask(r.chip, 3), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &both, 0), 0);
  r.hw.set_input(5, true);
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &low, 0), 0);
}

}  // namespace

TEST(Pl061Power, SaveResetRestoreBringsEveryRegisterBack) {
  Pl061Rig r;
  configure_pl061(r);
  const Pl061Regs before = regs_of(r.hw);
  ASSERT_EQ(before, (Pl061Regs{0x03, 0x28, 0x10, 0x0C, 0x34, 0x01}));

  r.rec.clear();
  ASSERT_EQ(clx_chip_stop(r.chip, CLX_STOP_SAVE), 0);
  std::vector<Access> expect{R(pl::DIR, 0x03), R(pl::IS, 0x28), R(pl::IBE, 0x10),
                             R(pl::IEV, 0x0C), R(pl::IE, 0x34), R(pl::DATA_ALL, 0x21)};
  EXPECT_EQ(r.rec.log, expect) << "save reads, writes nothing" << to_string(r.rec.log);

  r.hw.reset();
  r.hw.set_input(5, true);  // the outside world did not lose power
  r.rec.clear();
  ASSERT_EQ(clx_chip_start(r.chip, CLX_START_RESTORE), 0);
  expect = {
      W(pl::DATA_ALL, 0x21),                // data first: dropped for inputs (QEMU) ...
      R(pl::DIR, 0x00), W(pl::DIR, 0x03),   //
      W(pl::DATA_ALL, 0x21),                // ... so again once the outputs exist
      R(pl::IS, 0x00), W(pl::IS, 0x28),   R(pl::IBE, 0x00), W(pl::IBE, 0x10),
      R(pl::IEV, 0x00), W(pl::IEV, 0x0C),
      W(pl::IC, 0xFF),                      // nothing stale
      R(pl::IE, 0x00), W(pl::IE, 0x34),     // enables last
  };
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(regs_of(r.hw), before);
  EXPECT_EQ(r.hw.level() & 0x03, 0x01);

  // Interrupts keep working.
  EXPECT_TRUE(dispatch(r.chip, 0).empty());
  r.hw.set_input(2, true);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{rising(2)}));
  r.hw.set_input(4, true);
  r.hw.set_input(5, false);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{edge(4), level(5)}));
  r.hw.set_input(5, true);
  r.hw.set_input(3, true);
  EXPECT_TRUE(dispatch(r.chip, 0).empty()) << "pin 3 is still consumer-masked";
  ASSERT_EQ(clx_irq_unmask(r.chip, 3), 0);
  EXPECT_EQ(dispatch(r.chip, 0), (std::vector<Event>{level(3)}));
  EXPECT_EQ(clx_pin_read(r.chip, 0), 1);
  ASSERT_EQ(clx_pin_write(r.chip, 1, 1), 0);
  EXPECT_EQ(r.hw.level() & 0x03, 0x03);
}

TEST(Pl061Power, FinalStopDisablesInterruptsAndSavesNothing) {
  Pl061Rig r;
  configure_pl061(r);
  r.rec.clear();
  ASSERT_EQ(clx_chip_stop(r.chip, CLX_STOP_FINAL), 0);
  std::vector<Access> expect{R(pl::IE, 0x34), W(pl::IE, 0x00)};
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_FALSE(r.hw.line());
}

TEST(Pl061Power, FirstStartDisablesWhatFirmwareLeftAndLearnsOutputs) {
  Pl061Rig r;
  // Firmware: pins 2 and 3 outputs (2 high), interrupts on and latched.
  r.hw.dir = 0x0C;
  r.hw.out = 0x04;
  r.hw.ie = 0xF0;
  r.hw.ibe = 0xF0;
  r.hw.edge_latched = 0xFF;
  r.rec.clear();
  ASSERT_EQ(clx_chip_start(r.chip, CLX_START_FIRST), 0);
  std::vector<Access> expect{
      R(pl::IE, 0xF0), W(pl::IE, 0x00), W(pl::IC, 0xFF),  // client: all off, all clear
      R(pl::DIR, 0x0C),                                   // engine: which are outputs?
  };  // no read of what they drive: GPIODATA is the latch (atomic I/O), no copy needed
  EXPECT_EQ(r.rec.log, expect) << to_string(r.rec.log);
  EXPECT_EQ(r.hw.ie, 0);
  EXPECT_FALSE(r.hw.line());
  EXPECT_EQ(clx_pin_get_direction(r.chip, 2), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 3), 0);
  EXPECT_EQ(clx_pin_get_direction(r.chip, 1), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 2), 1);
  EXPECT_EQ(clx_pin_read(r.chip, 3), 0);
  r.hw.out = 0;  // reads follow the hardware's latch
  EXPECT_EQ(clx_pin_read(r.chip, 2), 0);
}

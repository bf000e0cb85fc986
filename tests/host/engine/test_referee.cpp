// The referee between the three holders of a pin: the model side (GpioClx connections),
// the native side (gpiolib's claims and native interrupt connections) and firmware.
// Each refuses the other two whatever the share flags say, nothing changes on a
// refusal, and a pin is free again when its last holder lets go.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace clxtest;

namespace {

const clx_io_config kIn = io_cfg(CLX_IO_INPUT);
const clx_io_config kOut = io_cfg(CLX_IO_OUTPUT);
const clx_irq_config kEdgeBoth = irq_cfg(CLX_IRQ_EDGE, CLX_POL_BOTH);

}  // namespace

TEST(EngineReferee, NativeClaimRefusesModelConnectionsBothWays) {
  Pl061Rig r;
  EXPECT_EQ(clx_pin_holder(r.chip, 2), CLX_HOLDER_NONE);
  ASSERT_EQ(clx_pin_claim(r.chip, 2), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 2), CLX_HOLDER_NATIVE);
  r.rec.clear();
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(2), &kIn, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(1) | B(2), &kOut, 0), -CLX_EBUSY);
  EXPECT_EQ(clx_io_connected_mode(r.chip, 1), 0) << "all-or-nothing: pin 1 not connected";
  EXPECT_EQ(clx_irq_connect(r.chip, 2, &kEdgeBoth, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_TRUE(r.rec.log.empty()) << "a refusal touches no register: " << to_string(r.rec.log);
  EXPECT_EQ(clx_pin_claim(r.chip, 2), -CLX_EBUSY) << "one native claim a pin";

  ASSERT_EQ(clx_pin_unclaim(r.chip, 2), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 2), CLX_HOLDER_NONE);
  EXPECT_EQ(clx_pin_unclaim(r.chip, 2), -CLX_ENOTCONN);
  ASSERT_EQ(clx_io_connect(r.chip, 0, B(2), &kIn, 0), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 2), CLX_HOLDER_MODEL);
  EXPECT_EQ(clx_pin_claim(r.chip, 2), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 2, &kEdgeBoth, CLX_CONNECT_NATIVE), -CLX_EBUSY);
  ASSERT_EQ(clx_io_disconnect(r.chip, 0, B(2)), 0);
  EXPECT_EQ(clx_pin_claim(r.chip, 2), 0);
}

TEST(EngineReferee, NativeInterruptsJoinOnlyTheNativeSide) {
  Pl061Rig r;
  // A gpiolib consumer's interrupt on a line it also requested: both native.
  ASSERT_EQ(clx_pin_claim(r.chip, 3), 0);
  ASSERT_EQ(clx_irq_connect(r.chip, 3, &kEdgeBoth, CLX_CONNECT_NATIVE), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 3), CLX_HOLDER_NATIVE);
  // An interrupt with no request (gpio-keys' interrupt property) is native as well.
  ASSERT_EQ(clx_irq_connect(r.chip, 4, &kEdgeBoth, CLX_CONNECT_NATIVE), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 4), CLX_HOLDER_NATIVE);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(4), &kIn, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_irq_connect(r.chip, 4, &kEdgeBoth, CLX_CONNECT_SHARED), -CLX_EBUSY);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(4)), -CLX_EBUSY);
  ASSERT_EQ(clx_irq_disconnect(r.chip, 4), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 4), CLX_HOLDER_NONE);
  // The native claim outlives its interrupt.
  ASSERT_EQ(clx_irq_disconnect(r.chip, 3), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 3), CLX_HOLDER_NATIVE);

  // A model interrupt refuses native ones, a shared one too.
  ASSERT_EQ(clx_irq_connect(r.chip, 5, &kEdgeBoth, CLX_CONNECT_SHARED), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 5), CLX_HOLDER_MODEL);
  EXPECT_EQ(clx_irq_connect(r.chip, 5, &kEdgeBoth, CLX_CONNECT_NATIVE | CLX_CONNECT_SHARED),
            -CLX_EBUSY);
  EXPECT_EQ(clx_pin_claim(r.chip, 5), -CLX_EBUSY);
}

TEST(EngineReferee, FirmwareRefusesBothSides) {
  Pl061Rig r;
  ASSERT_EQ(clx_firmware_reserve(r.chip, 0, B(6)), 0);
  EXPECT_EQ(clx_pin_holder(r.chip, 6), CLX_HOLDER_FIRMWARE);
  r.rec.clear();
  EXPECT_EQ(clx_pin_claim(r.chip, 6), -CLX_EACCES);
  EXPECT_EQ(clx_irq_connect(r.chip, 6, &kEdgeBoth, CLX_CONNECT_NATIVE), -CLX_EACCES);
  EXPECT_EQ(clx_io_connect(r.chip, 0, B(6), &kIn, CLX_CONNECT_SHARED), -CLX_EACCES);
  EXPECT_TRUE(r.rec.log.empty()) << to_string(r.rec.log);
  ASSERT_EQ(clx_pin_claim(r.chip, 7), 0);
  EXPECT_EQ(clx_firmware_reserve(r.chip, 0, B(6) | B(7)), -CLX_EBUSY);
  ASSERT_EQ(clx_firmware_release(r.chip, 0, B(6)), 0);
  EXPECT_EQ(clx_pin_claim(r.chip, 6), 0);
}

TEST(EngineReferee, BadArgumentsAreRefusedAndChangeNothing) {
  Pl061Rig r;
  EXPECT_EQ(clx_pin_claim(r.chip, 8), -CLX_ERANGE);
  EXPECT_EQ(clx_pin_unclaim(r.chip, 8), -CLX_ERANGE);
  EXPECT_EQ(clx_pin_holder(r.chip, 8), -CLX_ERANGE);
  EXPECT_EQ(clx_irq_connect(r.chip, 1, &kEdgeBoth, 1u << 4), -CLX_EINVAL);
  EXPECT_EQ(clx_pin_holder(r.chip, 1), CLX_HOLDER_NONE);
}

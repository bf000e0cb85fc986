// The pin-table planner (compat/core/resource_plan.cpp): groups per bank in ascending
// order, each table entry's (bank, group, bit), every validation error with the entry
// at fault, the storage contract, and pack/unpack between bank values and the
// READ_PINS/WRITE_PINS buffer (bit i = table entry i; bits past N zero on read, ignored
// on write), checked against a pin-by-pin model on random tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "clx_resource.h"

namespace {

std::string res_str(int v) { return v < 0 ? clx_res_error_name(v) : "result " + std::to_string(v); }
#define EXPECT_RES(expr, want) EXPECT_EQ((expr), (want)) << "got " << res_str(expr)

// A plan and the storage it points into.
struct Planned {
  std::vector<unsigned char> storage;
  struct clx_res_plan plan {};
  uint32_t bad_index = 0xDEAD;
  int rc = 1;
};

Planned plan_of(const std::vector<uint16_t>& pins, uint16_t total, uint8_t per_bank) {
  Planned p;
  p.storage.resize(clx_res_plan_size(static_cast<uint32_t>(pins.size())) + 1);  // +1: never 0 bytes
  p.rc = clx_res_plan(pins.data(), static_cast<uint32_t>(pins.size()), total, per_bank, p.storage.data(),
                      p.storage.size(), &p.plan, &p.bad_index);
  return p;
}

struct Group {
  uint16_t bank;
  uint64_t mask;
};

struct Where {
  uint16_t bank;
  uint16_t group;
  uint8_t bit;
};

void expect_plan(const Planned& p, const std::vector<Group>& groups, const std::vector<Where>& pins) {
  ASSERT_EQ(p.rc, 0) << res_str(p.rc);
  ASSERT_EQ(p.plan.group_count, groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    EXPECT_EQ(p.plan.groups[g].bank, groups[g].bank) << "group " << g;
    EXPECT_EQ(p.plan.groups[g].mask, groups[g].mask) << "group " << g;
  }
  ASSERT_EQ(p.plan.pin_count, pins.size());
  for (size_t i = 0; i < pins.size(); ++i) {
    EXPECT_EQ(p.plan.pins[i].bank, pins[i].bank) << "entry " << i;
    EXPECT_EQ(p.plan.pins[i].group, pins[i].group) << "entry " << i;
    EXPECT_EQ(p.plan.pins[i].bit, pins[i].bit) << "entry " << i;
  }
}

constexpr uint64_t bit(unsigned n) { return uint64_t{1} << n; }

// The error a plan of pins gives; also checks the plan was left alone.
int plan_error(const std::vector<uint16_t>& pins, uint16_t total, uint8_t per_bank, uint32_t* bad = nullptr) {
  std::vector<unsigned char> storage(clx_res_plan_size(static_cast<uint32_t>(pins.size())) + 8);
  struct clx_res_plan plan;
  std::memset(&plan, 0xA5, sizeof plan);
  struct clx_res_plan before = plan;
  int rc = clx_res_plan(pins.data(), static_cast<uint32_t>(pins.size()), total, per_bank, storage.data(),
                        storage.size(), &plan, bad);
  if (rc != 0) {
    EXPECT_EQ(std::memcmp(&plan, &before, sizeof plan), 0) << "a failed plan wrote its output";
  }
  return rc;
}

}  // namespace

// ---- plans ----

TEST(ResourcePlan, FactsExample7_8_23OneBank) {
  // GPIOCLX-FACTS section 7: pins 7, 8, 23 are bits 0, 1, 2.
  Planned p = plan_of({7, 8, 23}, 32, 32);
  expect_plan(p, {{0, bit(7) | bit(8) | bit(23)}}, {{0, 0, 7}, {0, 0, 8}, {0, 0, 23}});
}

TEST(ResourcePlan, FactsExample7_8_23AcrossBanksOfEight) {
  Planned p = plan_of({7, 8, 23}, 32, 8);
  expect_plan(p, {{0, bit(7)}, {1, bit(0)}, {2, bit(7)}}, {{0, 0, 7}, {1, 1, 0}, {2, 2, 7}});
}

TEST(ResourcePlan, NonContiguousCrossBank) {
  // Pins per bank 32: 3 -> (0, 3), 40 -> (1, 8), 33 -> (1, 1), 95 -> (2, 31).
  Planned p = plan_of({3, 40, 33, 95}, 128, 32);
  expect_plan(p, {{0, bit(3)}, {1, bit(8) | bit(1)}, {2, bit(31)}},
              {{0, 0, 3}, {1, 1, 8}, {1, 1, 1}, {2, 2, 31}});
}

TEST(ResourcePlan, GroupsAscendWhateverTheTableOrder) {
  Planned p = plan_of({95, 3, 64, 40}, 128, 32);
  expect_plan(p, {{0, bit(3)}, {1, bit(8)}, {2, bit(31) | bit(0)}},
              {{2, 2, 31}, {0, 0, 3}, {2, 2, 0}, {1, 1, 8}});
}

TEST(ResourcePlan, BanksWithGapsAndAPartialLastBank) {
  // 100 pins in banks of 32: bank 3 holds 96..99 only.
  Planned p = plan_of({99, 5}, 100, 32);
  expect_plan(p, {{0, bit(5)}, {3, bit(3)}}, {{3, 1, 3}, {0, 0, 5}});
}

TEST(ResourcePlan, TopBitOfASixtyFourPinBank) {
  Planned p = plan_of({127, 63, 0}, 128, 64);
  expect_plan(p, {{0, bit(63) | bit(0)}, {1, bit(63)}}, {{1, 1, 63}, {0, 0, 63}, {0, 0, 0}});
}

TEST(ResourcePlan, OnePinPerBank) {
  Planned p = plan_of({4, 2, 0}, 5, 1);
  expect_plan(p, {{0, 1}, {2, 1}, {4, 1}}, {{4, 2, 0}, {2, 1, 0}, {0, 0, 0}});
}

TEST(ResourcePlan, LargestTables) {
  std::vector<uint16_t> all(CLX_RES_MAX_PINS);
  for (uint16_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint16_t>(CLX_RES_MAX_PINS - 1 - i);
  Planned wide = plan_of(all, 256, 64);  // 4 full banks
  ASSERT_EQ(wide.rc, 0) << res_str(wide.rc);
  EXPECT_EQ(wide.plan.group_count, 4u);
  for (unsigned g = 0; g < 4; ++g) EXPECT_EQ(wide.plan.groups[g].mask, ~uint64_t{0});
  Planned narrow = plan_of(all, 0xFFFE, 1);  // 256 one-pin banks, inserted in reverse
  ASSERT_EQ(narrow.rc, 0) << res_str(narrow.rc);
  ASSERT_EQ(narrow.plan.group_count, CLX_RES_MAX_PINS);
  for (unsigned g = 0; g < CLX_RES_MAX_PINS; ++g) EXPECT_EQ(narrow.plan.groups[g].bank, g);
  for (unsigned i = 0; i < CLX_RES_MAX_PINS; ++i)
    EXPECT_EQ(narrow.plan.pins[i].group, CLX_RES_MAX_PINS - 1 - i);
}

TEST(ResourcePlan, Le16TableGivesTheSamePlan) {
  const std::vector<uint16_t> pins = {3, 40, 33, 95, 0x0102};
  std::vector<unsigned char> bytes(1 + 2 * pins.size());  // table at an odd address
  for (size_t i = 0; i < pins.size(); ++i) {
    bytes[1 + 2 * i] = static_cast<unsigned char>(pins[i] & 0xFF);
    bytes[2 + 2 * i] = static_cast<unsigned char>(pins[i] >> 8);
  }
  Planned want = plan_of(pins, 300, 32);
  ASSERT_EQ(want.rc, 0);
  std::vector<unsigned char> storage(clx_res_plan_size(5));
  struct clx_res_plan got {};
  ASSERT_EQ(clx_res_plan_le16(bytes.data() + 1, 5, 300, 32, storage.data(), storage.size(), &got, nullptr),
            0);
  ASSERT_EQ(got.group_count, want.plan.group_count);
  for (unsigned g = 0; g < got.group_count; ++g) {
    EXPECT_EQ(got.groups[g].bank, want.plan.groups[g].bank);
    EXPECT_EQ(got.groups[g].mask, want.plan.groups[g].mask);
  }
  for (unsigned i = 0; i < 5; ++i) {
    EXPECT_EQ(got.pins[i].bank, want.plan.pins[i].bank);
    EXPECT_EQ(got.pins[i].bit, want.plan.pins[i].bit);
  }
  EXPECT_EQ(got.pins[4].bank, 0x0102 / 32);
  EXPECT_EQ(clx_res_plan_le16(bytes.data() + 1, 5, 0x0102, 32, storage.data(), storage.size(), &got, nullptr),
            -CLX_RES_E_PIN_OUT_OF_RANGE);
  EXPECT_EQ(clx_res_plan_le16(nullptr, 5, 300, 32, storage.data(), storage.size(), &got, nullptr),
            -CLX_RES_E_NULL_ARGUMENT);
}

// ---- storage ----

TEST(ResourcePlan, StorageSize) {
  EXPECT_EQ(clx_res_plan_size(0), 0u);
  EXPECT_EQ(clx_res_plan_size(CLX_RES_MAX_PINS + 1), 0u);
  EXPECT_EQ(clx_res_plan_size(UINT32_MAX), 0u);
  EXPECT_GE(clx_res_plan_size(1), sizeof(clx_res_group) + sizeof(clx_res_pin));
  EXPECT_LT(clx_res_plan_size(CLX_RES_MAX_PINS), 6u * 1024u);
  for (uint32_t n = 1; n < CLX_RES_MAX_PINS; ++n) EXPECT_LT(clx_res_plan_size(n), clx_res_plan_size(n + 1));
}

TEST(ResourcePlan, ExactSizeAtEveryAlignment) {
  const std::vector<uint16_t> pins = {3, 40, 33, 95};
  const size_t need = clx_res_plan_size(4);
  std::vector<unsigned char> raw(need + 16, 0xEE);
  for (size_t offset = 0; offset < 8; ++offset) {
    SCOPED_TRACE("offset " + std::to_string(offset));
    std::fill(raw.begin(), raw.end(), 0xEE);
    struct clx_res_plan p {};
    ASSERT_EQ(clx_res_plan(pins.data(), 4, 128, 32, raw.data() + offset, need, &p, nullptr), 0);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p.groups) % alignof(clx_res_group), 0u);
    EXPECT_EQ(p.groups[1].mask, bit(8) | bit(1));
    // Nothing written outside [offset, offset + need).
    for (size_t k = 0; k < offset; ++k) EXPECT_EQ(raw[k], 0xEE) << k;
    for (size_t k = offset + need; k < raw.size(); ++k) EXPECT_EQ(raw[k], 0xEE) << k;
    EXPECT_EQ(clx_res_plan(pins.data(), 4, 128, 32, raw.data() + offset, need - 1, &p, nullptr),
              -CLX_RES_E_NO_SPACE);
  }
}

// ---- validation: each error its own, the entry at fault reported ----

TEST(ResourcePlan, NullArguments) {
  const uint16_t pins[] = {1};
  unsigned char storage[64];
  struct clx_res_plan p {};
  EXPECT_RES(clx_res_plan(nullptr, 1, 8, 8, storage, sizeof storage, &p, nullptr), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_plan(pins, 1, 8, 8, nullptr, sizeof storage, &p, nullptr), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_plan(pins, 1, 8, 8, storage, sizeof storage, nullptr, nullptr),
             -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_plan(pins, 1, 8, 8, storage, sizeof storage, &p, nullptr), 0) << "bad_index may be NULL";
}

TEST(ResourcePlan, BadGeometry) {
  EXPECT_RES(plan_error({0}, 0, 1), -CLX_RES_E_BAD_GEOMETRY);     // no pins at all
  EXPECT_RES(plan_error({0}, 8, 0), -CLX_RES_E_BAD_GEOMETRY);     // empty banks
  EXPECT_RES(plan_error({0}, 200, 65), -CLX_RES_E_BAD_GEOMETRY);  // banks wider than 64
  EXPECT_RES(plan_error({0}, 8, 9), -CLX_RES_E_BAD_GEOMETRY);     // a bank wider than the chip
  EXPECT_RES(plan_error({0}, 8, 8), 0);
  EXPECT_RES(plan_error({0}, 64, 64), 0);
}

TEST(ResourcePlan, NoPins) { EXPECT_RES(plan_error({}, 8, 8), -CLX_RES_E_NO_PINS); }

TEST(ResourcePlan, TooManyPins) {
  std::vector<uint16_t> pins(CLX_RES_MAX_PINS + 1);
  for (uint16_t i = 0; i < pins.size(); ++i) pins[i] = i;
  std::vector<unsigned char> storage(clx_res_plan_size(CLX_RES_MAX_PINS) * 2);
  struct clx_res_plan p {};
  EXPECT_RES(
      clx_res_plan(pins.data(), CLX_RES_MAX_PINS + 1, 1024, 32, storage.data(), storage.size(), &p, nullptr),
      -CLX_RES_E_TOO_MANY_PINS);
  EXPECT_RES(
      clx_res_plan(pins.data(), CLX_RES_MAX_PINS, 1024, 32, storage.data(), storage.size(), &p, nullptr), 0);
}

TEST(ResourcePlan, PinOutOfRange) {
  uint32_t bad = 0xDEAD;
  EXPECT_RES(plan_error({1, 2, 100, 3}, 100, 32, &bad), -CLX_RES_E_PIN_OUT_OF_RANGE);
  EXPECT_EQ(bad, 2u);
  EXPECT_RES(plan_error({0xFFFF}, 0xFFFE, 64, &bad), -CLX_RES_E_PIN_OUT_OF_RANGE);
  EXPECT_EQ(bad, 0u);
  EXPECT_RES(plan_error({99}, 100, 32), 0) << "the last pin is in range";
}

TEST(ResourcePlan, DuplicatePin) {
  uint32_t bad = 0xDEAD;
  EXPECT_RES(plan_error({7, 8, 23, 8}, 32, 32, &bad), -CLX_RES_E_DUPLICATE_PIN);
  EXPECT_EQ(bad, 3u) << "the second occurrence";
  EXPECT_RES(plan_error({40, 3, 40}, 128, 32, &bad), -CLX_RES_E_DUPLICATE_PIN);
  EXPECT_EQ(bad, 2u);
  // Same bit in different banks is no duplicate.
  EXPECT_RES(plan_error({1, 33, 65}, 128, 32), 0);
}

TEST(ResourcePlan, FirstBadEntryDecides) {
  uint32_t bad = 0xDEAD;
  EXPECT_RES(plan_error({5, 5, 500}, 100, 32, &bad), -CLX_RES_E_DUPLICATE_PIN);
  EXPECT_EQ(bad, 1u);
  EXPECT_RES(plan_error({5, 500, 5}, 100, 32, &bad), -CLX_RES_E_PIN_OUT_OF_RANGE);
  EXPECT_EQ(bad, 1u);
  // Argument errors come before the table's and report no entry.
  bad = 0xDEAD;
  EXPECT_RES(plan_error({500, 500}, 100, 0, &bad), -CLX_RES_E_BAD_GEOMETRY);
  EXPECT_EQ(bad, 0xDEADu);
}

TEST(ResourcePlan, TableErrorsAreInvalidParameter) {
  // A malformed table is the caller's bad parameter; too many pins is our limit.
  EXPECT_EQ(clx_res_error_status(plan_error({1, 1}, 8, 8)), CLX_STATUS_INVALID_PARAMETER);
  EXPECT_EQ(clx_res_error_status(plan_error({9}, 8, 8)), CLX_STATUS_INVALID_PARAMETER);
  EXPECT_EQ(clx_res_error_status(plan_error({}, 8, 8)), CLX_STATUS_INVALID_PARAMETER);
  EXPECT_EQ(clx_res_error_status(-CLX_RES_E_TOO_MANY_PINS), CLX_STATUS_NOT_SUPPORTED);
}

// ---- pack / unpack ----

TEST(ResourceBits, PackFactsExample) {
  Planned p = plan_of({7, 8, 23}, 32, 32);
  ASSERT_EQ(p.rc, 0);
  const uint64_t bank0 = bit(7) | bit(23) | bit(0) | bit(31);  // pins outside the table ignored
  unsigned char buf[3] = {0xFF, 0xAB, 0xCD};
  EXPECT_RES(clx_res_pack(&p.plan, &bank0, buf, sizeof buf), 0);
  EXPECT_EQ(buf[0], 0x05) << "bits 0 and 2: pins 7 and 23; bits past N are 0";
  EXPECT_EQ(buf[1], 0xAB) << "bytes past ceil(N/8) untouched";
  EXPECT_EQ(buf[2], 0xCD);
}

TEST(ResourceBits, UnpackFactsExample) {
  Planned p = plan_of({7, 8, 23}, 32, 32);
  ASSERT_EQ(p.rc, 0);
  const unsigned char buf[2] = {0x05 | 0xF8, 0xFF};  // bits past N set: ignored
  uint64_t set = 0xDEAD, clear = 0xBEEF;
  EXPECT_RES(clx_res_unpack(&p.plan, buf, 1, &set, &clear), 0);
  EXPECT_EQ(set, bit(7) | bit(23));
  EXPECT_EQ(clear, bit(8));
}

TEST(ResourceBits, CrossBankBothWays) {
  Planned p = plan_of({3, 40, 33, 95}, 128, 32);
  ASSERT_EQ(p.rc, 0);
  // Pins 40 and 95 high: entries 1 and 3.
  const uint64_t banks[3] = {0, bit(8), bit(31)};
  unsigned char buf = 0xFF;
  EXPECT_RES(clx_res_pack(&p.plan, banks, &buf, 1), 0);
  EXPECT_EQ(buf, 0x0A);
  uint64_t set[3], clear[3];
  const unsigned char in = 0x05;  // entries 0 and 2: pins 3 and 33 high, 40 and 95 low
  EXPECT_RES(clx_res_unpack(&p.plan, &in, 1, set, clear), 0);
  EXPECT_EQ(set[0], bit(3));
  EXPECT_EQ(clear[0], 0u);
  EXPECT_EQ(set[1], bit(1));
  EXPECT_EQ(clear[1], bit(8));
  EXPECT_EQ(set[2], 0u);
  EXPECT_EQ(clear[2], bit(31));
}

TEST(ResourceBits, NinthPinIsBitZeroOfByteOne) {
  std::vector<uint16_t> pins = {10, 11, 12, 13, 14, 15, 16, 17, 3};
  Planned p = plan_of(pins, 32, 32);
  ASSERT_EQ(p.rc, 0);
  const uint64_t bank0 = bit(3);
  unsigned char buf[2] = {0xFF, 0xFF};
  EXPECT_RES(clx_res_pack(&p.plan, &bank0, buf, 2), 0);
  EXPECT_EQ(buf[0], 0x00);
  EXPECT_EQ(buf[1], 0x01) << "bit 0 of byte 1, bits 1..7 zero";
  EXPECT_RES(clx_res_pack(&p.plan, &bank0, buf, 1), -CLX_RES_E_BUFFER_TOO_SMALL);
}

TEST(ResourceBits, ShortBufferChangesNothing) {
  std::vector<uint16_t> pins(17);
  for (uint16_t i = 0; i < 17; ++i) pins[i] = static_cast<uint16_t>(i * 3);
  Planned p = plan_of(pins, 64, 16);
  ASSERT_EQ(p.rc, 0);
  ASSERT_EQ(clx_res_buffer_bytes(17), 3u);
  unsigned char buf[3] = {0x11, 0x22, 0x33};
  const uint64_t values[4] = {~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}};
  EXPECT_RES(clx_res_pack(&p.plan, values, buf, 2), -CLX_RES_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(buf[0], 0x11);
  EXPECT_EQ(buf[1], 0x22);
  uint64_t set[4] = {1, 2, 3, 4}, clear[4] = {5, 6, 7, 8};
  EXPECT_RES(clx_res_unpack(&p.plan, buf, 2, set, clear), -CLX_RES_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(set[0], 1u);
  EXPECT_EQ(clear[3], 8u);
  EXPECT_RES(clx_res_pack(&p.plan, values, buf, 0), -CLX_RES_E_BUFFER_TOO_SMALL);
}

TEST(ResourceBits, NullArguments) {
  Planned p = plan_of({1}, 8, 8);
  ASSERT_EQ(p.rc, 0);
  uint64_t v = 0, set = 0, clear = 0;
  unsigned char buf = 0;
  EXPECT_RES(clx_res_pack(nullptr, &v, &buf, 1), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_pack(&p.plan, nullptr, &buf, 1), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_pack(&p.plan, &v, nullptr, 1), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_unpack(nullptr, &buf, 1, &set, &clear), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_unpack(&p.plan, nullptr, 1, &set, &clear), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_unpack(&p.plan, &buf, 1, nullptr, &clear), -CLX_RES_E_NULL_ARGUMENT);
  EXPECT_RES(clx_res_unpack(&p.plan, &buf, 1, &set, nullptr), -CLX_RES_E_NULL_ARGUMENT);
  struct clx_res_plan broken = p.plan;
  broken.pins = nullptr;
  EXPECT_RES(clx_res_pack(&broken, &v, &buf, 1), -CLX_RES_E_NULL_ARGUMENT);
}

// Random tables on random geometries: a write through unpack + one set/clear per group
// lands on exactly the table's pins with the buffer's values, and a read through pack
// returns them, compared with a pin-by-pin model.
TEST(ResourceBits, RandomTablesAgainstAPinModel) {
  std::mt19937 rng(20261202);
  for (int round = 0; round < 500; ++round) {
    const uint16_t total = static_cast<uint16_t>(1 + rng() % 700);
    const uint8_t per_bank = static_cast<uint8_t>(1 + rng() % std::min<unsigned>(64, total));
    std::vector<uint16_t> all(total);
    for (uint16_t i = 0; i < total; ++i) all[i] = i;
    std::shuffle(all.begin(), all.end(), rng);
    const uint32_t n = 1 + rng() % std::min<uint32_t>(total, CLX_RES_MAX_PINS);
    std::vector<uint16_t> pins(all.begin(), all.begin() + n);
    SCOPED_TRACE("round " + std::to_string(round) + ": " + std::to_string(n) + " of " +
                 std::to_string(total) + " pins, banks of " + std::to_string(per_bank));
    Planned p = plan_of(pins, total, per_bank);
    ASSERT_EQ(p.rc, 0) << res_str(p.rc);

    // The hardware: one 64-bit level word per bank, random to start with.
    const unsigned banks = (total + per_bank - 1) / per_bank;
    std::vector<uint64_t> hw(banks);
    for (auto& w : hw) w = (uint64_t{rng()} << 32) | rng();
    std::vector<uint64_t> before = hw;

    std::vector<unsigned char> buf(clx_res_buffer_bytes(n));
    for (auto& b : buf) b = static_cast<unsigned char>(rng());
    std::vector<uint64_t> set(p.plan.group_count), clear(p.plan.group_count);
    ASSERT_EQ(clx_res_unpack(&p.plan, buf.data(), buf.size(), set.data(), clear.data()), 0);
    for (unsigned g = 0; g < p.plan.group_count; ++g) {
      ASSERT_EQ(set[g] | clear[g], p.plan.groups[g].mask);
      ASSERT_EQ(set[g] & clear[g], 0u);
      if (g > 0) {
        ASSERT_LT(p.plan.groups[g - 1].bank, p.plan.groups[g].bank);
      }
      uint64_t& w = hw[p.plan.groups[g].bank];
      w = (w | set[g]) & ~clear[g];
    }
    // Model: pin i of the table gets bit i of the buffer; nothing else changes.
    for (uint32_t i = 0; i < n; ++i) {
      const unsigned b = pins[i] / per_bank, k = pins[i] % per_bank;
      const bool v = (buf[i / 8] >> (i % 8)) & 1;
      before[b] = v ? before[b] | bit(k) : before[b] & ~bit(k);
    }
    ASSERT_EQ(hw, before);

    // Read back: each group's bank word, packed.
    std::vector<uint64_t> values(p.plan.group_count);
    for (unsigned g = 0; g < p.plan.group_count; ++g) values[g] = hw[p.plan.groups[g].bank];
    std::vector<unsigned char> back(buf.size() + 1, 0x5A);
    ASSERT_EQ(clx_res_pack(&p.plan, values.data(), back.data(), back.size()), 0);
    for (uint32_t i = 0; i < n; ++i)
      ASSERT_EQ((back[i / 8] >> (i % 8)) & 1, (buf[i / 8] >> (i % 8)) & 1) << "entry " << i;
    if (n % 8 != 0) {
      ASSERT_EQ(back[n / 8] >> (n % 8), 0) << "bits past N read as 0";
    }
    ASSERT_EQ(back[buf.size()], 0x5A) << "byte past ceil(N/8) untouched";
  }
}

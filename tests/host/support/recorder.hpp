// Host test support: a clx_bus_ops that forwards to a register model and records
// every access, so tests can assert exact register traffic and inject line changes
// at a precise point of an engine sequence.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "clxgpio_abi.h"

namespace clxtest {

struct Access {
  char op;  // 'R' or 'W'
  uint32_t offset;
  uint32_t value;
  bool operator==(const Access& o) const {
    return op == o.op && offset == o.offset && value == o.value;
  }
};

std::string to_string(const std::vector<Access>& log);

class Recorder {
 public:
  Recorder(const clx_bus_ops* inner, void* inner_base) : m_inner(inner), m_base(inner_base) {}

  static const clx_bus_ops bus;  // base = Recorder*

  std::vector<Access> log;
  bool recording = true;
  // Called after each access reaches the model (e.g. to wiggle a line mid-sequence).
  std::function<void(const Access&)> after;

  void clear() { log.clear(); }
  std::vector<Access> writes() const;

  uint32_t read32(uint32_t off);
  void write32(uint32_t off, uint32_t v);

 private:
  const clx_bus_ops* m_inner;
  void* m_base;
};

}  // namespace clxtest

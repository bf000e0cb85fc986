// Host benchmark: the measured cases. Each case owns two identical rigs (controller
// hardware model + controller + engine chip, configured through the engine), one
// driven by the engine path and one by the baseline (baseline.hpp), so the two sides
// never disturb each other's state. Register access goes straight to the model's bus:
// no Recorder, no logging.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "baseline.hpp"
#include "clxgpio_abi.h"

namespace clxbench {

enum class Side { engine = 1, baseline = 2 };

class Case {
 public:
  Case(std::string op, std::string shape) : m_op(std::move(op)), m_shape(std::move(shape)) {}
  virtual ~Case() = default;

  const std::string& op() const { return m_op; }
  const std::string& shape() const { return m_shape; }
  // Events one operation delivers (for per-event figures); 0 for pin I/O.
  virtual unsigned events_per_op() const { return 0; }
  // Engine state bytes per pin of the engine rig (clx_chip_state_bytes).
  virtual unsigned state_bytes() const = 0;

  // Per-iteration setup that makes the next operation identical to the last (e.g.
  // drive the line so the interrupt is pending). Not part of the measured count.
  virtual bool has_prepare() const { return false; }
  virtual void prepare(Side) {}

  // The measured operation.
  virtual void engine() = 0;
  virtual void baseline() = 0;

  // Runs prepare + operation on both sides twice from their identical states and
  // compares results and register state. "" if they agree, else what differs.
  virtual std::string verify() = 0;

 private:
  std::string m_op;
  std::string m_shape;
};

// All cases, in table order. The first is the calibration case "noop" (an empty
// out-of-line call on both sides), whose count is subtracted from the others.
std::vector<std::unique_ptr<Case>> make_cases();

}  // namespace clxbench

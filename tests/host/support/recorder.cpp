#include "recorder.hpp"

#include <cstdio>

namespace clxtest {

static uint32_t rec_read(void* base, uint32_t off) { return static_cast<Recorder*>(base)->read32(off); }
static void rec_write(void* base, uint32_t off, uint32_t v) { static_cast<Recorder*>(base)->write32(off, v); }

const clx_bus_ops Recorder::bus = {rec_read, rec_write};

uint32_t Recorder::read32(uint32_t off) {
  uint32_t v = m_inner->read32(m_base, off);
  Access a{'R', off, v};
  if (recording) log.push_back(a);
  if (after) after(a);
  return v;
}

void Recorder::write32(uint32_t off, uint32_t v) {
  m_inner->write32(m_base, off, v);
  Access a{'W', off, v};
  if (recording) log.push_back(a);
  if (after) after(a);
}

std::vector<Access> Recorder::writes() const {
  std::vector<Access> w;
  for (const Access& a : log)
    if (a.op == 'W') w.push_back(a);
  return w;
}

std::string to_string(const std::vector<Access>& log) {
  std::string s;
  char buf[48];
  for (const Access& a : log) {
    std::snprintf(buf, sizeof buf, "%c %03x %08x\n", a.op, a.offset, a.value);
    s += buf;
  }
  return s;
}

}  // namespace clxtest

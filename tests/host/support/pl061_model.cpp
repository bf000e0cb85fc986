#include "pl061_model.hpp"

namespace clxtest {

static uint32_t model_read(void* base, uint32_t off) { return static_cast<Pl061Model*>(base)->read32(off); }
static void model_write(void* base, uint32_t off, uint32_t v) { static_cast<Pl061Model*>(base)->write32(off, v); }

const clx_bus_ops Pl061Model::bus = {model_read, model_write};

uint8_t Pl061Model::ris() const {
  // Level-sensitive pins report their level live; edge pins their latch.
  uint8_t level_hit = static_cast<uint8_t>(is & ~(level() ^ iev));
  return static_cast<uint8_t>(level_hit | (edge_latched & ~is));
}

uint32_t Pl061Model::read32(uint32_t off) const {
  if (off <= 0x3FC) return level() & ((off >> 2) & 0xFF);
  switch (off) {
    case 0x400: return dir;
    case 0x404: return is;
    case 0x408: return ibe;
    case 0x40C: return iev;
    case 0x410: return ie;
    case 0x414: return ris();
    case 0x418: return mis();
    default: return 0;
  }
}

void Pl061Model::write32(uint32_t off, uint32_t v) {
  uint8_t b = static_cast<uint8_t>(v);
  if (off <= 0x3FC) {
    uint8_t m = static_cast<uint8_t>((off >> 2) & dir);
    out = static_cast<uint8_t>((out & ~m) | (b & m));
    return;
  }
  switch (off) {
    case 0x400: dir = b; break;
    case 0x404: is = b; break;
    case 0x408: ibe = b; break;
    case 0x40C: iev = b; break;
    case 0x410: ie = b; break;
    case 0x41C: edge_latched = static_cast<uint8_t>(edge_latched & ~b); break;
    default: break;
  }
}

void Pl061Model::set_input(unsigned pin, bool high) {
  uint8_t m = static_cast<uint8_t>(1u << pin);
  bool was = in & m;
  in = static_cast<uint8_t>(high ? in | m : in & ~m);
  if (was == high || (dir & m)) return;
  bool hit = (ibe & m) || (high == bool(iev & m));
  if (hit) edge_latched |= m;
}

}  // namespace clxtest

// Differential test of the ACPI GPIO codec against iasl (Debian's acpica-tools).
//
//   iasl_diff CASES.asl TABLE.aml [--seeds DIR]
//
// TABLE.aml is iasl's output for CASES.asl: a table whose body is only
// Name (XXXX, ResourceTemplate () {...}) objects. Each buffer is taken out of the AML
// (header, table checksum, NameOp, NameSeg, BufferOp, PkgLength and BufferSize are all
// checked, so a change in iasl's output shape fails loudly instead of feeding the codec
// the wrong bytes), walked with clx_acpi_template_open/next_gpio, and each GPIO
// descriptor must
//   - decode to the "// expect NAME[i] ..." line written beside it in CASES.asl, and
//   - encode back to exactly iasl's bytes.
// Prints one "PASS ..."/"FAIL ..." line per check (tests/lib/results.sh counts them)
// and exits 1 if any failed. --seeds writes each template and each descriptor into DIR
// as fuzzer seeds.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "clx_acpi.h"

namespace {

using Bytes = std::vector<uint8_t>;

int failures = 0;

void pass(const std::string& what) { std::printf("PASS %s\n", what.c_str()); }
void fail(const std::string& what, const std::string& why) {
  std::printf("FAIL %s: %s\n", what.c_str(), why.c_str());
  ++failures;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// ---- expectations from the ASL source ----

struct Expect {
  bool none = false;                 // "gpios=0"
  std::map<unsigned, std::string> gpio;  // index -> fields
};

// Lines "// expect NAME[i] fields" and "// expect NAME gpios=0".
bool read_expectations(const std::string& asl, std::map<std::string, Expect>& out) {
  std::istringstream in(asl);
  std::string line;
  const std::string key = "// expect ";
  while (std::getline(in, line)) {
    // Only a line that starts with the key (after indentation): the block comment
    // that explains the format starts its lines with '*'.
    size_t at = line.find_first_not_of(" \t");
    if (at == std::string::npos || line.compare(at, key.size(), key) != 0) continue;
    std::string rest = line.substr(at + key.size());
    if (rest.size() < 5) return false;
    std::string name = rest.substr(0, 4);
    Expect& e = out[name];
    if (rest.compare(4, std::string::npos, " gpios=0") == 0) {
      e.none = true;
      continue;
    }
    size_t close = rest.find("] ");
    if (rest[4] != '[' || close == std::string::npos) {
      std::fprintf(stderr, "iasl_diff: bad expect line: %s\n", line.c_str());
      return false;
    }
    const std::string digits = rest.substr(5, close - 5);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
      std::fprintf(stderr, "iasl_diff: bad index in: %s\n", line.c_str());
      return false;
    }
    unsigned index = static_cast<unsigned>(std::stoul(digits));
    if (!e.gpio.emplace(index, rest.substr(close + 2)).second) {
      std::fprintf(stderr, "iasl_diff: %s[%u] expected twice\n", name.c_str(), index);
      return false;
    }
  }
  return true;
}

// ---- the buffers out of the AML ----

// A strict reader of the one shape the cases table has.
class Aml {
 public:
  explicit Aml(const Bytes& b) : m_b(b) {}

  bool buffers(std::map<std::string, Bytes>& out, std::string& why) {
    if (m_b.size() < 36) return (why = "shorter than a table header", false);
    std::string sig(m_b.begin(), m_b.begin() + 4);
    if (sig != "SSDT" && sig != "DSDT") return (why = "signature " + sig, false);
    if (le(4, 4) != m_b.size()) return (why = "header length is not the file size", false);
    uint8_t sum = 0;
    for (uint8_t x : m_b) sum = static_cast<uint8_t>(sum + x);
    if (sum != 0) return (why = "table checksum does not sum to 0", false);
    for (size_t p = 36; p < m_b.size();) {
      if (m_b[p] != 0x08) return (why = "opcode " + hex(m_b[p]) + " at " + std::to_string(p) + ", not NameOp", false);
      if (p + 6 > m_b.size()) return (why = "NameOp truncated", false);
      std::string name(m_b.begin() + static_cast<long>(p + 1), m_b.begin() + static_cast<long>(p + 5));
      if (!name_seg(name)) return (why = "not a NameSeg at " + std::to_string(p + 1), false);
      p += 5;
      if (m_b[p] != 0x11) return (why = name + ": " + hex(m_b[p]) + ", not BufferOp", false);
      ++p;
      size_t pkg_start = p, pkg_len = 0;
      if (!pkg_length(p, pkg_len)) return (why = name + ": bad PkgLength", false);
      size_t end = pkg_start + pkg_len;
      if (end > m_b.size()) return (why = name + ": package past the table", false);
      uint64_t size = 0;
      if (!integer(p, size)) return (why = name + ": BufferSize is not a constant", false);
      if (p + size != end) return (why = name + ": BufferSize " + std::to_string(size) + " is not the package's bytes", false);
      if (!out.emplace(name, Bytes(m_b.begin() + static_cast<long>(p), m_b.begin() + static_cast<long>(end))).second)
        return (why = name + " twice", false);
      p = end;
    }
    return true;
  }

 private:
  uint64_t le(size_t at, int n) const {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | m_b.at(at + static_cast<size_t>(i));
    return v;
  }
  static std::string hex(uint8_t v) {
    char s[8];
    std::snprintf(s, sizeof s, "0x%02X", v);
    return s;
  }
  static bool name_seg(const std::string& s) {
    auto lead = [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return lead(s[0]) && (lead(s[1]) || digit(s[1])) && (lead(s[2]) || digit(s[2])) && (lead(s[3]) || digit(s[3]));
  }
  // PkgLength: bits 7:6 of the lead byte count the bytes that follow; the length
  // includes the PkgLength bytes themselves.
  bool pkg_length(size_t& p, size_t& len) const {
    if (p >= m_b.size()) return false;
    const uint8_t lead = m_b[p];
    const unsigned follow = lead >> 6;
    if (p + 1 + follow > m_b.size()) return false;
    if (follow == 0) {
      len = lead & 0x3F;
    } else {
      if (lead & 0x30) return false;
      len = lead & 0x0F;
      for (unsigned i = 0; i < follow; ++i) len |= size_t{m_b[p + 1 + i]} << (4 + 8 * i);
    }
    p += 1 + follow;
    return true;
  }
  bool integer(size_t& p, uint64_t& v) const {
    if (p >= m_b.size()) return false;
    int n = 0;
    switch (m_b[p]) {
      case 0x00: v = 0; ++p; return true;  // ZeroOp
      case 0x01: v = 1; ++p; return true;  // OneOp
      case 0x0A: n = 1; break;             // ByteConst
      case 0x0B: n = 2; break;             // WordConst
      case 0x0C: n = 4; break;             // DWordConst
      case 0x0E: n = 8; break;             // QWordConst
      default: return false;
    }
    if (p + 1 + static_cast<size_t>(n) > m_b.size()) return false;
    v = le(p + 1, n);
    p += 1 + static_cast<size_t>(n);
    return true;
  }

  const Bytes& m_b;
};

// ---- the decoded descriptor in the expectation's words ----

std::string format(const clx_acpi_gpio& g) {
  static const char* const kPolarity[] = {"high", "low", "both"};
  static const char* const kRestriction[] = {"none", "input", "output", "preserve"};
  std::ostringstream s;
  if (g.type == CLX_ACPI_GPIO_INT)
    s << "type=int mode=" << (g.int_mode ? "edge" : "level") << " polarity=" << kPolarity[g.polarity % 3];
  else
    s << "type=io restriction=" << kRestriction[g.io_restriction & 3];
  char config[8];
  std::snprintf(config, sizeof config, "0x%02x", g.pin_config);
  s << " share=" << (g.shared ? "shared" : "exclusive") << " wake=" << int(g.wake)
    << " usage=" << (g.consumer ? "consumer" : "producer") << " config=" << config
    << " drive=" << g.drive_strength << " debounce=" << g.debounce_timeout
    << " source_index=" << int(g.resource_source_index)
    << " source=" << std::string(g.resource_source, g.resource_source_len) << " pins=";
  for (uint16_t i = 0; i < g.pin_count; ++i) s << (i ? "," : "") << clx_acpi_gpio_pin(&g, i);
  s << " vendor=";
  if (g.vendor_data_len == 0) s << "-";
  for (uint16_t i = 0; i < g.vendor_data_len; ++i) {
    char b[4];
    std::snprintf(b, sizeof b, "%02x", g.vendor_data[i]);
    s << b;
  }
  return s.str();
}

// The first field where two expectation strings differ, for the FAIL line.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string x, y;
  while (a >> x) {
    if (!(b >> y)) return "missing " + x;
    if (x != y) return "want " + x + ", got " + y;
  }
  if (b >> y) return "extra " + y;
  return "equal";
}

void write_seed(const std::string& dir, const std::string& name, const uint8_t* p, size_t n) {
  if (dir.empty()) return;
  std::ofstream out(dir + "/" + name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(p), static_cast<std::streamsize>(n));
  if (!out) fail("seed " + name, "cannot write into " + dir);
}

void check_template(const std::string& name, const Bytes& buf, const Expect& expect, const std::string& seeds) {
  write_seed(seeds, name + ".template", buf.data(), buf.size());
  clx_acpi_template t{};
  size_t bad = 0;
  int rc = clx_acpi_template_open(&t, buf.data(), buf.size(), &bad);
  if (rc != 0) {
    fail("iasl-walk " + name, std::string(clx_acpi_error_name(rc)) + " at offset " + std::to_string(bad));
    return;
  }
  if (t.size != buf.size())
    fail("iasl-walk " + name, "template ends at " + std::to_string(t.size) + " of " + std::to_string(buf.size()));
  else
    pass("iasl-walk " + name);

  unsigned found = 0;
  clx_acpi_gpio_entry e{};
  while (clx_acpi_template_next_gpio(&t, &e) == 1) {
    const std::string what = name + "[" + std::to_string(e.index) + "]";
    ++found;
    write_seed(seeds, name + "-" + std::to_string(e.index) + ".gpio", buf.data() + e.offset, e.size);
    auto want = expect.gpio.find(e.index);
    if (want == expect.gpio.end()) {
      fail("iasl-decode " + what, "no expect line");
    } else {
      std::string got = format(e.gpio);
      if (got == want->second)
        pass("iasl-decode " + what);
      else
        fail("iasl-decode " + what, first_difference(want->second, got) + "\n  want: " + want->second + "\n  got:  " + got);
    }
    Bytes out(e.size + 8, 0xA5);
    size_t size = 0;
    rc = clx_acpi_gpio_encode(&e.gpio, out.data(), out.size(), &size);
    if (rc != 0) {
      fail("iasl-encode " + what, clx_acpi_error_name(rc));
    } else if (size != e.size || !std::equal(out.begin(), out.begin() + static_cast<long>(size),
                                             buf.begin() + static_cast<long>(e.offset))) {
      fail("iasl-encode " + what, "bytes differ from iasl's (" + std::to_string(size) + " vs " + std::to_string(e.size) + ")");
    } else {
      pass("iasl-encode " + what);
    }
  }
  const size_t want_count = expect.none ? 0 : expect.gpio.size();
  if (found == want_count && !(expect.none && !expect.gpio.empty()))
    pass("iasl-count " + name);
  else
    fail("iasl-count " + name, std::to_string(found) + " GPIO descriptors, " + std::to_string(want_count) + " expected");
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds;
  if (argc == 5 && std::string(argv[3]) == "--seeds") seeds = argv[4];
  else if (argc != 3) {
    std::fprintf(stderr, "usage: iasl_diff CASES.asl TABLE.aml [--seeds DIR]\n");
    return 2;
  }
  std::string asl, aml_text;
  if (!read_file(argv[1], asl) || !read_file(argv[2], aml_text)) {
    std::fprintf(stderr, "iasl_diff: cannot read %s or %s\n", argv[1], argv[2]);
    return 2;
  }
  std::map<std::string, Expect> expect;
  if (!read_expectations(asl, expect)) return 2;

  Bytes aml(aml_text.begin(), aml_text.end());
  std::map<std::string, Bytes> buffers;
  std::string why;
  if (!Aml(aml).buffers(buffers, why)) {
    fail("iasl-aml", why);
    return 1;
  }
  pass("iasl-aml " + std::to_string(buffers.size()) + " buffers");

  for (const auto& [name, buf] : buffers) {
    auto e = expect.find(name);
    if (e == expect.end()) {
      fail("iasl-expect " + name, "no expect line for this Name");
      continue;
    }
    check_template(name, buf, e->second, seeds);
  }
  for (const auto& [name, e] : expect)
    if (!buffers.count(name)) fail("iasl-expect " + name, "expected, but not in the AML");
  return failures ? 1 : 0;
}

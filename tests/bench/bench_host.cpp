// clxgpio host benchmark: the engine path against a hand-written minimal register
// sequence (baseline.hpp) for the same operation on the same register model and bus.
//
// Modes
//   (default)            Google Benchmark: engine/<op>/<shape>, baseline/<op>/<shape>, and
//                        for cases with per-iteration setup setup/<op>/<shape> (the setup
//                        alone, on a separate rig, to subtract); standard --benchmark_* flags.
//   --instr-count [--iterations=N]
//                        for every case and side: N x (setup; TOGGLE_COLLECT; op;
//                        TOGGLE_COLLECT) then CALLGRIND_DUMP_STATS_AT("<side>/<op>/<shape>")
//                        (dumps named "discard" separate the loops and are ignored).
//                        Run under valgrind --tool=callgrind --collect-atstart=no so only
//                        the operations are counted; natively the requests are no-ops.
//   --report=COUNTS [--iterations=N] [--gbench-csv=FILE]
//                        COUNTS has lines "<side>/<op>/<shape> <Ir>" (one per dump); prints
//                        the table with PASS/MISS against the targets.
// Every mode first checks that engine and baseline agree on each case (same events,
// values and register state); a disagreement makes the comparison void: exit 1.
#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "cases.hpp"

using clxbench::Case;
using clxbench::Side;

namespace {

constexpr double kRatioTarget = 1.5;
constexpr double kConstancyTarget = 1.1;
constexpr unsigned kBytesTarget = 16;
constexpr const char* kSmall = "1x8-sim";
constexpr const char* kLarge = "64x64-sim";

std::string key(const char* side, const Case& c) { return std::string(side) + "/" + c.op() + "/" + c.shape(); }

bool verify_all(const std::vector<std::unique_ptr<Case>>& cases) {
  bool ok = true;
  for (const auto& c : cases) {
    std::string why = c->verify();
    if (why.empty()) continue;
    std::fprintf(stderr, "bench: %s/%s: engine and baseline disagree: %s\n", c->op().c_str(),
                 c->shape().c_str(), why.c_str());
    ok = false;
  }
  return ok;
}

// ---- callgrind instruction-count mode ----

template <Side S>
void count_loop(Case& c, long n) {
  // No warm-up loop here: verify_all() already ran every path once.
  // A dump, not CALLGRIND_ZERO_STATS: zeroing keeps the call counters of the arcs,
  // and the bus-access figures come from those.
  CALLGRIND_DUMP_STATS_AT("discard");
  for (long i = 0; i < n; ++i) {
    c.prepare(S);
    CALLGRIND_TOGGLE_COLLECT;
    if (S == Side::engine)
      c.engine();
    else
      c.baseline();
    CALLGRIND_TOGGLE_COLLECT;
  }
  std::string name = key(S == Side::engine ? "engine" : "baseline", c);
  CALLGRIND_DUMP_STATS_AT(name.c_str());
  std::printf("counted %s x%ld\n", name.c_str(), n);
}

int instr_count(long n) {
  auto cases = clxbench::make_cases();
  // Collected, then dumped as "discard": callgrind only resets the call counters of
  // arcs that carry cost, so calls made with collection off would otherwise show up
  // in a later loop's bus-access figures.
  CALLGRIND_TOGGLE_COLLECT;
  bool agree = verify_all(cases);
  CALLGRIND_TOGGLE_COLLECT;
  CALLGRIND_DUMP_STATS_AT("discard");
  if (!agree) return 1;
  if (n % 2 != 0) ++n;  // dispatch cases alternate rising/falling: keep them paired
  for (auto& c : cases) {
    count_loop<Side::engine>(*c, n);
    count_loop<Side::baseline>(*c, n);
  }
  return 0;
}

// ---- report ----

struct Row {
  double engine = NAN, baseline = NAN;  // per operation, calibration subtracted
};

const char* verdict(bool pass) { return pass ? "PASS" : "MISS"; }

// COUNTS: "<side>/<op>/<shape> <Ir> <bus reads> <bus writes>", totals over the loop.
struct Count {
  double ir = 0, reads = 0, writes = 0;
};

std::map<std::string, Count> read_counts(const std::string& path) {
  std::map<std::string, Count> m;
  std::ifstream in(path);
  std::string name;
  Count c;
  while (in >> name >> c.ir >> c.reads >> c.writes) m[name] = c;
  return m;
}

// Google Benchmark CSV: name,iterations,real_time,cpu_time,time_unit,...
std::map<std::string, double> read_gbench_csv(const std::string& path) {
  std::map<std::string, double> m;
  std::ifstream in(path);
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (!header) {
      header = line.rfind("name,", 0) == 0;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (f.size() < 5) continue;
    std::string name = f[0];
    if (name.size() >= 2 && name.front() == '"') name = name.substr(1, name.size() - 2);
    // With repetitions, the median row wins over any single run.
    static const std::string median = "_median";
    bool is_median = name.size() > median.size() &&
                     name.compare(name.size() - median.size(), median.size(), median) == 0;
    if (is_median) name.resize(name.size() - median.size());
    else if (m.count(name) != 0) continue;
    double t = std::atof(f[3].c_str());
    if (f[4] == "us") t *= 1e3;
    if (f[4] == "ms") t *= 1e6;
    m[name] = t;
  }
  return m;
}

int report(const std::string& counts_path, long n, const std::string& csv_path) {
  auto cases = clxbench::make_cases();
  if (!verify_all(cases)) return 1;
  if (n % 2 != 0) ++n;
  auto counts = read_counts(counts_path);
  auto per_op = [&](const char* side, const Case& c) {
    auto it = counts.find(key(side, c));
    return it == counts.end() ? double{NAN} : it->second.ir / static_cast<double>(n);
  };
  auto bus = [&](const char* side, const Case& c) {
    auto it = counts.find(key(side, c));
    if (it == counts.end()) return std::string("?");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g/%g", it->second.reads / static_cast<double>(n),
                  it->second.writes / static_cast<double>(n));
    return std::string(buf);
  };
  const Case& noop = *cases.front();
  double cal_engine = per_op("engine", noop), cal_base = per_op("baseline", noop);
  if (std::isnan(cal_engine) || std::isnan(cal_base)) {
    std::fprintf(stderr, "bench: no calibration counts in %s\n", counts_path.c_str());
    return 1;
  }

  int pass = 0, miss = 0;
  auto tally = [&](bool ok) { ok ? ++pass : ++miss; return verdict(ok); };

  std::printf("clxgpio host benchmark: engine path vs hand-written minimal register sequence\n");
  std::printf("instructions per operation under callgrind, %ld iterations per loop, setup excluded;\n", n);
  std::printf("calibration (empty out-of-line call + toggles) subtracted: engine %.1f, baseline %.1f;\n"
              "R/W = 32-bit register reads/writes per operation through clx_bus_ops\n\n",
              cal_engine, cal_base);
  std::printf("%-13s %-10s %16s %18s %7s  %-14s %10s %10s\n", "operation", "shape", "engine instr/op",
              "baseline instr/op", "ratio", "target <= 1.5x", "engine R/W", "base R/W");
  std::map<std::string, Row> rows;
  for (size_t i = 1; i < cases.size(); ++i) {
    const Case& c = *cases[i];
    Row r{per_op("engine", c) - cal_engine, per_op("baseline", c) - cal_base};
    rows[c.op() + "/" + c.shape()] = r;
    double ratio = r.engine / r.baseline;
    std::printf("%-13s %-10s %16.1f %18.1f %6.2fx  %-14s %10s %10s\n", c.op().c_str(), c.shape().c_str(),
                r.engine, r.baseline, ratio, std::isnan(ratio) ? "NO DATA" : tally(ratio <= kRatioTarget),
                bus("engine", c).c_str(), bus("baseline", c).c_str());
  }

  std::printf("\npin-count constancy: %s / %s, engine instr/op (baseline shown for reference)\n", kLarge, kSmall);
  std::printf("%-19s %10s %10s %9s %14s  %s\n", "operation", kSmall, kLarge, "engine", "baseline",
              "target <= 1.1x");
  std::vector<std::string> ops;
  for (size_t i = 1; i < cases.size(); ++i)
    if (cases[i]->shape() == kSmall) ops.push_back(cases[i]->op());
  for (const std::string& op : ops) {
    auto a = rows.find(op + "/" + kSmall), b = rows.find(op + "/" + kLarge);
    if (a == rows.end() || b == rows.end()) continue;
    double ea = a->second.engine, eb = b->second.engine, ba = a->second.baseline, bb = b->second.baseline;
    std::string label = op;
    // A dispatch of every pin is O(active pins) by contract: compare per event.
    for (const auto& c : cases) {
      if (c->op() != op || c->events_per_op() <= 1) continue;
      double k = c->events_per_op();
      if (c->shape() == kSmall) ea /= k, ba /= k;
      if (c->shape() == kLarge) eb /= k, bb /= k;
      label = op + " (/event)";
    }
    double ratio = eb / ea;
    std::printf("%-19s %10.1f %10.1f %8.2fx %13.2fx  %s\n", label.c_str(), ea, eb, ratio, bb / ba,
                tally(ratio <= kConstancyTarget));
  }
  std::printf("%-19s %s\n", "irq-edge", "n/a (PL061 has one 8-pin bank)");

  std::printf("\nengine state bytes per pin (clx_chip_state_bytes), target <= %u\n", kBytesTarget);
  std::map<std::string, unsigned> bytes;
  for (size_t i = 1; i < cases.size(); ++i) bytes.emplace(cases[i]->shape(), cases[i]->state_bytes());
  for (const char* shape : {"1x8-pl061", kSmall, "4x32-sim", kLarge}) {
    auto it = bytes.find(shape);
    if (it == bytes.end()) continue;
    std::printf("%-10s %4u  %s\n", shape, it->second, tally(it->second <= kBytesTarget));
  }

  if (!csv_path.empty()) {
    auto t = read_gbench_csv(csv_path);
    auto net = [&](const char* side, const Case& c) {
      auto it = t.find(key(side, c));
      if (it == t.end()) return double{NAN};
      double v = it->second;
      auto s = t.find(key("setup", c));
      if (c.has_prepare()) v -= s == t.end() ? double{NAN} : s->second;
      return v;
    };
    std::printf("\nwall clock (Google Benchmark, cpu ns/op; setup-only loop and the empty-call\n"
                "calibration subtracted; informative, no target)\n");
    std::printf("%-13s %-10s %10s %12s %7s\n", "operation", "shape", "engine ns", "baseline ns", "ratio");
    double ne = net("engine", noop), nb = net("baseline", noop);
    for (size_t i = 1; i < cases.size(); ++i) {
      const Case& c = *cases[i];
      double e = net("engine", c) - ne, b = net("baseline", c) - nb;
      std::printf("%-13s %-10s %10.1f %12.1f %6.2fx\n", c.op().c_str(), c.shape().c_str(), e, b, e / b);
    }
  }

  std::printf("\ntargets: %d PASS, %d MISS%s\n", pass, miss, miss ? "  <-- MISS: see the rows marked MISS" : "");
  return 0;
}

// ---- Google Benchmark mode ----

int gbench(int argc, char** argv) {
  static auto cases = clxbench::make_cases();
  static auto setup_rigs = clxbench::make_cases();  // setup-only loops: separate rigs
  if (!verify_all(cases)) return 1;
  for (size_t i = 0; i < cases.size(); ++i) {
    Case* c = cases[i].get();
    Case* s = setup_rigs[i].get();
    benchmark::RegisterBenchmark(key("engine", *c).c_str(), [c](benchmark::State& st) {
      for (auto _ : st) {
        c->prepare(Side::engine);
        c->engine();
      }
    });
    benchmark::RegisterBenchmark(key("baseline", *c).c_str(), [c](benchmark::State& st) {
      for (auto _ : st) {
        c->prepare(Side::baseline);
        c->baseline();
      }
    });
    if (c->has_prepare())
      benchmark::RegisterBenchmark(key("setup", *c).c_str(), [s](benchmark::State& st) {
        for (auto _ : st) s->prepare(Side::engine);
      });
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

const char* value_of(const char* arg, const char* name) {
  size_t len = std::strlen(name);
  return std::strncmp(arg, name, len) == 0 && arg[len] == '=' ? arg + len + 1 : nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  bool count = false;
  long n = 1000;
  std::string counts, csv;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--instr-count") == 0) count = true;
    else if (const char* v = value_of(argv[i], "--iterations")) n = std::atol(v);
    else if (const char* v2 = value_of(argv[i], "--report")) counts = v2;
    else if (const char* v3 = value_of(argv[i], "--gbench-csv")) csv = v3;
  }
  if (n < 2) n = 2;
  if (count) return instr_count(n);
  if (!counts.empty()) return report(counts, n, csv);
  return gbench(argc, argv);
}

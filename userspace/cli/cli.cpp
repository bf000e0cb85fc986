// SPDX-License-Identifier: GPL-2.0
// The clxgpio commands: list, info, read, write, monitor, help.
#include "cli.hpp"

#include <cerrno>
#include <climits>
#include <cstdio>

#include "args.hpp"
#include "clx_ntstatus.h"
#include "clxgpio/chips.hpp"
#include "clxgpio/hub.hpp"
#include "json.hpp"

namespace clxgpio::cli {
namespace {

constexpr const char kVersion[] = "clxgpio 0.1 (resource hub uapi version 1)\n";

struct Ctx {
  Os& os;
  std::ostream& out;
  std::ostream& err;
  std::string command;
  bool json = false;
};

int usage_error(const Ctx& c, const std::string& message) {
  const std::string prefix = c.command.empty() ? "" : c.command + ": ";
  const std::string cmd = c.command.empty() ? "" : c.command + " ";
  c.err << "clxgpio: " << prefix << message << "\n"
        << "Try 'clxgpio " << cmd << "--help'.\n";
  return kExitUsage;
}

// "clxgpio: write 9030000.pl061:1,2: STATUS_GPIO_OPERATION_DENIED (EPERM): ...", and with
// --json the same as an object on standard output.
int failure(const Ctx& c, const std::string& target, const Error& e, const std::string& hint = "") {
  c.err << "clxgpio: " << c.command << (target.empty() ? "" : " " + target) << ": " << e.to_string() << hint
        << "\n";
  if (c.json) {
    char hex[16];
    std::snprintf(hex, sizeof(hex), "0x%08x", static_cast<unsigned>(e.status()));
    Json j;
    j.begin_object().key("error").begin_object();
    j.field("command", c.command).field("target", target).field("status", e.status_name());
    j.field("ntstatus", hex).field("errno", e.errno_name()).field("errno_value", e.errno_value());
    j.field("message", e.message() + hint).end_object().end_object();
    c.out << j.str() << "\n";
  }
  return kExitFailed;
}

const OptionSpec kHelpOpt{"help", 'h', false};
const OptionSpec kJsonOpt{"json", 0, false};

// Options that name a device's resource or the holder, for read, write and monitor.
const std::vector<OptionSpec> kDeviceOpts = {{"device", 0, true}, {"index", 0, true}, {"consumer", 0, true}};

std::vector<OptionSpec> io_specs() {
  std::vector<OptionSpec> s = {kHelpOpt,
                               kJsonOpt,
                               {"read", 'r', false},
                               {"write", 'w', false},
                               {"shared", 's', false},
                               {"pull", 0, true},
                               {"drive", 0, true},
                               {"debounce", 0, true},
                               {"restriction", 0, true},
                               {"size", 0, true}};
  s.insert(s.end(), kDeviceOpts.begin(), kDeviceOpts.end());
  return s;
}

// One word of a fixed set, or a usage error listing them.
template <class T>
Result<T> choose(const std::string& option, const std::string& word,
                 std::initializer_list<std::pair<const char*, T>> choices) {
  std::string list;
  for (const auto& [name, value] : choices) {
    if (word == name) return value;
    list += (list.empty() ? "" : "|") + std::string(name);
  }
  return Error::from_status(CLX_STATUS_INVALID_PARAMETER,
                            "--" + option + "='" + word + "': expected " + list);
}

// What to open, and how to name it in messages.
struct Target {
  OpenRequest request;
  std::string name;
  bool by_device = false;
};

Result<std::uint16_t> hundredths(const Args& a, const char* option, const char* what) {
  auto v = a.get(option);
  if (!v) return std::uint16_t{0};
  Result<std::uint64_t> n = parse_fixed(*v, 2, 65535, what);
  if (!n) return n.error();
  return static_cast<std::uint16_t>(n.value());
}

// The resource the command line names: the operand CHIP:PIN[,PIN...] (operand may be
// null when there is none) or --device/--index, and the options that configure it.
Result<Target> target_from(const Args& a, const std::string* operand, ConnectionKind kind, Access fallback) {
  Target t;
  auto device = a.get("device");
  const bool is_io = kind == ConnectionKind::io;
  Access access = fallback;
  if (a.has("read") && a.has("write"))
    access = Access::read_write;
  else if (a.has("read"))
    access = Access::read;
  else if (a.has("write"))
    access = Access::write;

  if (device) {
    if (operand)
      return Error::from_status(CLX_STATUS_INVALID_PARAMETER,
                                "'" + *operand + "': give CHIP:PIN[,PIN...] or --device, not both");
    for (const char* o : {"pull", "drive", "debounce", "restriction", "edge", "level"})
      if (a.has(o))
        return Error::from_status(
            CLX_STATUS_INVALID_PARAMETER,
            std::string("--") + o + " with --device: the device's descriptor configures its pins");
    std::uint64_t index = 0;
    if (auto i = a.get("index")) {
      Result<std::uint64_t> n = parse_uint(*i, 0, UINT32_MAX, "--index");
      if (!n) return n.error();
      index = n.value();
    }
    const auto idx = static_cast<std::uint32_t>(index);
    t.request =
        is_io ? OpenRequest::device_io(*device, idx, access) : OpenRequest::device_interrupt(*device, idx);
    t.name = "--device " + *device + " --index " + std::to_string(idx);
    t.by_device = true;
  } else {
    if (a.has("index")) return Error::from_status(CLX_STATUS_INVALID_PARAMETER, "--index goes with --device");
    if (!operand)
      return Error::from_status(CLX_STATUS_INVALID_PARAMETER,
                                "no resource: CHIP:PIN[,PIN...] or --device PATH");
    Result<ResourceSpec> r = parse_resource(*operand);
    if (!r) return r.error();
    if (is_io) {
      t.request = OpenRequest::io(r.value().controller, r.value().pins, access);
    } else {
      if (r.value().pins.size() != 1)
        return Error::from_status(CLX_STATUS_INVALID_PARAMETER,
                                  "'" + *operand + "': an interrupt resource is one pin, not " +
                                      std::to_string(r.value().pins.size()));
      Trigger trigger = Trigger::both;
      if (a.has("edge") && a.has("level"))
        return Error::from_status(CLX_STATUS_INVALID_PARAMETER, "--edge or --level, not both");
      if (auto e = a.get("edge")) {
        Result<Trigger> tr = choose<Trigger>(
            "edge", *e,
            {{"both", Trigger::both}, {"rising", Trigger::rising}, {"falling", Trigger::falling}});
        if (!tr) return tr.error();
        trigger = tr.value();
      } else if (auto l = a.get("level")) {
        Result<Trigger> tr =
            choose<Trigger>("level", *l, {{"high", Trigger::level_high}, {"low", Trigger::level_low}});
        if (!tr) return tr.error();
        trigger = tr.value();
      }
      t.request = OpenRequest::interrupt(r.value().controller, r.value().pins[0], trigger);
    }
    t.name = *operand;
    if (auto p = a.get("pull")) {
      Result<Pull> pull = choose<Pull>(
          "pull", *p,
          {{"up", Pull::up}, {"down", Pull::down}, {"none", Pull::none}, {"default", Pull::as_is}});
      if (!pull) return pull.error();
      t.request.pull(pull.value());
    }
    if (auto r2 = a.get("restriction")) {
      Result<IoRestriction> res = choose<IoRestriction>("restriction", *r2,
                                                        {{"none", IoRestriction::none},
                                                         {"input", IoRestriction::input_only},
                                                         {"output", IoRestriction::output_only},
                                                         {"preserve", IoRestriction::none_and_preserve}});
      if (!res) return res.error();
      t.request.restriction(res.value());
    }
    Result<std::uint16_t> drive = hundredths(a, "drive", "--drive");
    if (!drive) return drive.error();
    Result<std::uint16_t> debounce = hundredths(a, "debounce", "--debounce");
    if (!debounce) return debounce.error();
    t.request.drive_strength(drive.value()).debounce(debounce.value());
  }
  t.request.shared(a.has("shared")).wake(a.has("wake"));
  if (auto c = a.get("consumer")) t.request.consumer(*c);
  if (t.request.m_consumer.size() > 31)
    return Error::from_status(CLX_STATUS_INVALID_PARAMETER, "--consumer: at most 31 bytes");
  return t;
}

// Parses a command's words; a usage error is printed, and --help answered, here.
// Returns the exit status to end with, or -1 to go on.
int parse_command(Ctx& c, const std::vector<std::string>& words, const std::vector<OptionSpec>& specs,
                  Args& args) {
  Result<Args> a = Args::parse(words, specs);
  if (!a) return usage_error(c, a.error().message());
  args = std::move(a).value();
  if (args.has("help")) {
    c.out << help_text(c.command);
    return kExitOk;
  }
  if (args.has("json")) c.json = true;
  return -1;
}

std::string open_hint(const Error& e) {
  if (e.errno_value() == ENOENT) return " (no resource hub: is the clxgpio module loaded?)";
  if (e.errno_value() == EACCES || e.errno_value() == EPERM)
    return " (the hub is root-only unless the module's hub_mode or a udev rule widens it)";
  return "";
}

std::string connect_hint(const Error& e) {
  switch (e.status()) {
    case CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE:
      return " (a pin is held by another connection or a gpiolib consumer, or shared in another "
             "mode: 'clxgpio list' shows the holder)";
    case CLX_STATUS_ACCESS_DENIED: return " (a pin is reserved for firmware)";
    case CLX_STATUS_NO_SUCH_DEVICE:
      return " (no such controller or device resource: 'clxgpio list' shows the controllers)";
    case CLX_STATUS_GPIO_OPERATION_DENIED: return " (the resource's IoRestriction refuses this access)";
    default: return "";
  }
}

// Opens the hub and connects; prints the failure. The connection, or the exit status.
Result<Connection> connect(const Ctx& c, const Target& t, int& status) {
  Result<Hub> hub = Hub::open(c.os);
  if (!hub) {
    status = failure(c, t.name, hub.error(), open_hint(hub.error()));
    return hub.error();
  }
  Result<Connection> conn = hub.value().connect(t.request);
  if (!conn) status = failure(c, t.name, conn.error(), connect_hint(conn.error()));
  return conn;
}

void print_values(const Ctx& c, const Connection& conn, const Bits& bits) {
  if (!c.json) {
    c.out << bits.to_hex() << "\t" << bits.to_string() << "\n";
    return;
  }
  Json j;
  j.begin_object().field("controller", conn.controller()).key("pins").begin_array();
  for (std::uint16_t p : conn.pins()) j.value(p);
  j.end_array().field("hex", bits.to_hex()).field("bits", bits.to_string()).key("values").begin_array();
  for (unsigned i = 0; i < bits.size(); ++i) j.value(bits.test(i) ? 1 : 0);
  j.end_array().end_object();
  c.out << j.str() << "\n";
}

Result<std::optional<std::uint32_t>> buffer_size(const Args& a) {
  auto s = a.get("size");
  if (!s) return std::optional<std::uint32_t>();
  Result<std::uint64_t> n = parse_uint(*s, 0, UINT32_MAX, "--size");
  if (!n) return n.error();
  return std::optional<std::uint32_t>(static_cast<std::uint32_t>(n.value()));
}

// ---- read, write ---------------------------------------------------------------------

int cmd_read(Ctx& c, const std::vector<std::string>& words) {
  Args a;
  if (int s = parse_command(c, words, io_specs(), a); s >= 0) return s;
  const auto& ops = a.operands();
  const std::size_t want = a.has("device") ? 0 : 1;
  if (ops.size() > want) return usage_error(c, "unexpected '" + ops[want] + "'");
  Result<Target> t = target_from(a, ops.empty() ? nullptr : &ops[0], ConnectionKind::io, Access::read);
  if (!t) return usage_error(c, t.error().message());
  Result<std::optional<std::uint32_t>> size = buffer_size(a);
  if (!size) return usage_error(c, size.error().message());

  int status = kExitFailed;
  Result<Connection> conn = connect(c, t.value(), status);
  if (!conn) return status;
  Result<Bits> bits = conn.value().read_pins(size.value());
  if (!bits) return failure(c, t.value().name, bits.error());
  print_values(c, conn.value(), bits.value());
  return kExitOk;
}

int cmd_write(Ctx& c, const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = io_specs();
  specs.push_back({"hold", 0, true});
  Args a;
  if (int s = parse_command(c, words, specs, a); s >= 0) return s;
  const auto& ops = a.operands();
  const std::size_t want = a.has("device") ? 1 : 2;
  if (ops.size() < want) return usage_error(c, ops.empty() ? "no resource and value" : "no value to write");
  if (ops.size() > want) return usage_error(c, "unexpected '" + ops[want] + "'");
  const std::string& text = ops[want - 1];
  Result<Target> t = target_from(a, want == 2 ? &ops[0] : nullptr, ConnectionKind::io, Access::write);
  if (!t) return usage_error(c, t.error().message());
  Result<std::optional<std::uint32_t>> size = buffer_size(a);
  if (!size) return usage_error(c, size.error().message());
  std::uint64_t hold_ms = 0;
  if (auto h = a.get("hold")) {
    Result<std::uint64_t> ms = parse_fixed(*h, 3, UINT32_MAX, "--hold");
    if (!ms) return usage_error(c, ms.error().message());
    hold_ms = ms.value();
  }
  // A controller's table is known now: check the value before opening anything.
  if (!t.value().by_device) {
    Result<Bits> early = Bits::parse(text, static_cast<unsigned>(t.value().request.m_pins.size()));
    if (!early) return usage_error(c, "value " + early.error().message());
  }

  int status = kExitFailed;
  Result<Connection> conn = connect(c, t.value(), status);
  if (!conn) return status;
  Result<Bits> bits = Bits::parse(text, static_cast<unsigned>(conn.value().pins().size()));
  if (!bits) return usage_error(c, "value " + bits.error().message());
  Result<void> w = conn.value().write_pins(bits.value(), size.value());
  if (!w) {
    std::string hint = w.error().status() == CLX_STATUS_GPIO_OPERATION_DENIED && !a.has("write")
                           ? " (a read connection cannot write: drop --read, or add --write)"
                           : "";
    return failure(c, t.value().name, w.error(), hint);
  }
  if (c.json) print_values(c, conn.value(), bits.value());
  c.out.flush();
  if (hold_ms) c.os.sleep_ms(hold_ms);
  return kExitOk;
}

// ---- monitor -------------------------------------------------------------------------

std::string kind_name(EventKind k) {
  switch (k) {
    case EventKind::level: return "level";
    case EventKind::rising: return "rising";
    case EventKind::falling: return "falling";
  }
  return "kind" + std::to_string(static_cast<unsigned>(k));
}

void print_lost(const Ctx& c, const Event& e) {
  const std::uint64_t first = e.seqno - e.lost_before, last = e.seqno - 1;
  if (c.json) {
    Json j;
    j.begin_object().field("type", "lost").field("count", e.lost_before);
    j.field("first_seqno", first).field("last_seqno", last).end_object();
    c.out << j.str() << "\n";
  } else {
    c.out << "lost\t" << e.lost_before << "\t" << first << "\t" << last << "\n";
  }
}

void print_event(const Ctx& c, const Event& e) {
  const std::string what = e.active_both ? (e.asserted ? "asserted" : "deasserted") : kind_name(e.kind);
  if (c.json) {
    Json j;
    j.begin_object().field("type", "event").field("event", what).field("kind", kind_name(e.kind));
    j.field("timestamp_ns", e.timestamp_ns).field("seqno", e.seqno).field("pin", e.pin);
    j.field("pin_index", e.pin_index).end_object();
    c.out << j.str() << "\n";
  } else {
    c.out << "event\t" << e.timestamp_ns << "\t" << e.seqno << "\t" << e.pin << "\t" << what << "\n";
  }
}

int cmd_monitor(Ctx& c, const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = {kHelpOpt,
                                   kJsonOpt,
                                   {"edge", 0, true},
                                   {"level", 0, true},
                                   {"count", 'n', true},
                                   {"timeout", 0, true},
                                   {"shared", 's', false},
                                   {"wake", 0, false},
                                   {"pull", 0, true},
                                   {"debounce", 0, true}};
  specs.insert(specs.end(), kDeviceOpts.begin(), kDeviceOpts.end());
  Args a;
  if (int s = parse_command(c, words, specs, a); s >= 0) return s;
  const auto& ops = a.operands();
  const std::size_t want = a.has("device") ? 0 : 1;
  if (ops.size() > want) return usage_error(c, "unexpected '" + ops[want] + "'");
  Result<Target> t = target_from(a, ops.empty() ? nullptr : &ops[0], ConnectionKind::interrupt, Access::read);
  if (!t) return usage_error(c, t.error().message());
  std::uint64_t count = 0;
  if (auto n = a.get("count")) {
    Result<std::uint64_t> v = parse_uint(*n, 1, 999999999999999999ull, "--count");
    if (!v) return usage_error(c, v.error().message());
    count = v.value();
  }
  int timeout_ms = -1;
  if (auto s = a.get("timeout")) {
    Result<std::uint64_t> v = parse_fixed(*s, 3, INT_MAX, "--timeout");
    if (!v) return usage_error(c, v.error().message());
    timeout_ms = static_cast<int>(v.value());
  }

  int status = kExitFailed;
  Result<Connection> conn = connect(c, t.value(), status);
  if (!conn) return status;
  std::uint64_t seen = 0;
  while (count == 0 || seen < count) {
    // Read no more than --count wants: the rest stay queued for no one, not printed.
    const std::size_t max = count == 0 || count - seen > 16 ? 16 : static_cast<std::size_t>(count - seen);
    Result<std::vector<Event>> events = conn.value().read_events(timeout_ms, max);
    if (!events) return failure(c, t.value().name, events.error());
    if (events.value().empty() && timeout_ms >= 0) break;
    for (const Event& e : events.value()) {
      if (e.lost_before) print_lost(c, e);
      print_event(c, e);
      ++seen;
    }
    c.out.flush();
  }
  return kExitOk;
}

// ---- list, info ----------------------------------------------------------------------

// Names by enum value (the enums start at 1); "?" for a value without one.
template <class E, std::size_t N>
const char* name_of(E value, const char* const (&names)[N]) {
  const auto i = static_cast<std::size_t>(value);
  return i >= 1 && i <= N ? names[i - 1] : "?";
}

constexpr const char* kBiasNames[] = {"as-is", "pull-up", "pull-down", "disabled"};
constexpr const char* kDriveNames[] = {"push-pull", "open-drain", "open-source"};
constexpr const char* kEdgeNames[] = {"none", "rising", "falling", "both"};
static_assert(static_cast<int>(LineBias::disabled) == 4 && static_cast<int>(LineDrive::open_source) == 3 &&
              static_cast<int>(LineEdge::both) == 4);

const char* bias_name(LineBias b) { return name_of(b, kBiasNames); }
const char* drive_name(LineDrive d) { return name_of(d, kDriveNames); }
const char* edge_name(LineEdge e) { return name_of(e, kEdgeNames); }

std::string dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string flags_text(const LineInfo& l) {
  std::string f;
  auto add = [&f](const std::string& s) { f += (f.empty() ? "" : ",") + s; };
  if (l.active_low) add("active-low");
  if (l.bias == LineBias::disabled)
    add("bias-disabled");
  else if (l.bias != LineBias::as_is)
    add(bias_name(l.bias));
  if (l.drive != LineDrive::push_pull) add(drive_name(l.drive));
  if (l.edge != LineEdge::none) add(std::string("edge-") + edge_name(l.edge));
  if (l.debounce_us) add("debounce=" + std::to_string(l.debounce_us) + "us");
  return dash(f);
}

std::string pin_line(const ChipInfo& chip, const LineInfo& l) {
  return chip.name + "\t" + dash(chip.label) + "\t" + std::to_string(l.offset) + "\t" + dash(l.name) + "\t" +
         (l.used ? "used" : "free") + "\t" + dash(l.consumer) + "\t" +
         (l.direction == LineDirection::output ? "output" : "input") + "\t" + flags_text(l) + "\n";
}

void line_fields(Json& j, const LineInfo& l) {
  j.field("offset", l.offset).field("name", l.name).field("used", l.used).field("consumer", l.consumer);
  j.field("direction", l.direction == LineDirection::output ? "output" : "input");
  j.field("active_low", l.active_low).field("bias", bias_name(l.bias)).field("drive", drive_name(l.drive));
  j.field("edge", edge_name(l.edge)).field("debounce_us", l.debounce_us);
}

void chip_fields(Json& j, const ChipInfo& chip) {
  j.field("chip", chip.name).field("path", chip.path).field("label", chip.label);
}

int cmd_list(Ctx& c, const std::vector<std::string>& words) {
  Args a;
  if (int s = parse_command(c, words, {kHelpOpt, kJsonOpt, {"chips", 0, false}}, a); s >= 0) return s;
  std::vector<ChipInfo> chips;
  if (a.operands().empty()) {
    Result<std::vector<ChipInfo>> all = list_chips(c.os);
    if (!all) return failure(c, "", all.error());
    chips = std::move(all).value();
  }
  for (const std::string& spec : a.operands()) {
    Result<ChipInfo> chip = find_chip(c.os, spec);
    if (!chip) return failure(c, spec, chip.error());
    chips.push_back(std::move(chip).value());
  }
  Json j;
  j.begin_array();
  std::string plain;
  for (const ChipInfo& chip : chips) {
    std::vector<LineInfo> lines;
    if (!a.has("chips")) {
      Result<std::vector<LineInfo>> l = line_infos(c.os, chip);
      if (!l) return failure(c, chip.name, l.error());
      lines = std::move(l).value();
    }
    j.begin_object();
    chip_fields(j, chip);
    j.field("lines", chip.lines);
    if (a.has("chips"))
      plain += chip.name + "\t" + dash(chip.label) + "\t" + std::to_string(chip.lines) + "\n";
    if (!a.has("chips")) {
      j.key("pins").begin_array();
      for (const LineInfo& l : lines) {
        j.begin_object();
        line_fields(j, l);
        j.end_object();
        plain += pin_line(chip, l);
      }
      j.end_array();
    }
    j.end_object();
  }
  j.end_array();
  c.out << (c.json ? j.str() + "\n" : plain);
  return kExitOk;
}

int cmd_info(Ctx& c, const std::vector<std::string>& words) {
  Args a;
  if (int s = parse_command(c, words, {kHelpOpt, kJsonOpt}, a); s >= 0) return s;
  const auto& ops = a.operands();
  if (ops.empty()) return usage_error(c, "no pin: CHIP:PIN");
  if (ops.size() > 1) return usage_error(c, "unexpected '" + ops[1] + "'");
  const std::string& spec = ops[0];
  std::size_t colon = spec.rfind(':');
  if (colon == std::string::npos || colon == 0) return usage_error(c, "'" + spec + "': expected CHIP:PIN");
  Result<std::uint64_t> pin = parse_uint(std::string_view(spec).substr(colon + 1), 0, UINT32_MAX, "pin");
  if (!pin) return usage_error(c, "'" + spec + "': " + pin.error().message());

  Result<ChipInfo> chip = find_chip(c.os, spec.substr(0, colon));
  if (!chip) return failure(c, spec, chip.error());
  Result<LineInfo> line = line_info(c.os, chip.value(), static_cast<std::uint32_t>(pin.value()));
  if (!line) return failure(c, spec, line.error());
  if (c.json) {
    Json j;
    j.begin_object();
    chip_fields(j, chip.value());
    line_fields(j, line.value());
    j.end_object();
    c.out << j.str() << "\n";
  } else {
    c.out << pin_line(chip.value(), line.value());
  }
  return kExitOk;
}

}  // namespace

int run(const std::vector<std::string>& args, Os& os, std::ostream& out, std::ostream& err) {
  Ctx c{os, out, err, "", false};
  std::size_t i = 0;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; ++i) {
    if (args[i] == "--json") {
      c.json = true;
    } else if (args[i] == "-h" || args[i] == "--help") {
      out << help_text("");
      return kExitOk;
    } else if (args[i] == "--version") {
      out << kVersion;
      return kExitOk;
    } else {
      return usage_error(c, "unknown option '" + args[i] + "'");
    }
  }
  if (i == args.size()) return usage_error(c, "no command");
  c.command = args[i];
  const std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  if (c.command == "help") {
    const bool own = !rest.empty() && (rest[0] == "--help" || rest[0] == "-h");
    const std::string topic = rest.empty() ? "" : own ? "help" : rest[0];
    const char* text = help_text(topic);
    c.command.clear();
    if (!text || rest.size() > 1)
      return usage_error(c, "help: no command '" + (rest.size() > 1 ? rest[1] : topic) + "'");
    out << text;
    return kExitOk;
  }
  if (c.command == "read") return cmd_read(c, rest);
  if (c.command == "write") return cmd_write(c, rest);
  if (c.command == "monitor") return cmd_monitor(c, rest);
  if (c.command == "list") return cmd_list(c, rest);
  if (c.command == "info") return cmd_info(c, rest);
  const std::string unknown = c.command;
  c.command.clear();
  return usage_error(c, "unknown command '" + unknown + "'");
}

}  // namespace clxgpio::cli

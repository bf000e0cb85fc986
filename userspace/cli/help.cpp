// SPDX-License-Identifier: GPL-2.0
// The --help texts. Each is what `clxgpio COMMAND --help` prints, whole.
#include "cli.hpp"

namespace clxgpio::cli {
namespace {

#define CLX_RESOURCE_TEXT                                                                   \
  "A RESOURCE is CHIP:PIN[,PIN...] (pins in table order, A-B a range, at most 64) or a\n"   \
  "device's GPIO resource, --device PATH [--index N]. CHIP is what the hub knows a\n"       \
  "controller by: its label (9030000.pl061), its gpiochip name (gpiochip0; a number N or\n" \
  "/dev/gpiochipN mean gpiochipN) or its ACPI path (\\_SB.GPI0).\n"

#define CLX_DEVICE_OPTIONS                                                                   \
  "      --device=PATH    a device's resource: an ACPI path (\\_SB.DEV0) or a device-tree\n" \
  "                       node (/soc/button); its descriptor gives pins and configuration\n" \
  "      --index=N        which GPIO resource of --device (default 0)\n"                     \
  "      --consumer=NAME  the holder name that gpioinfo and 'clxgpio list' show\n"           \
  "                       (default: the process name)\n"

#define CLX_IO_OPTIONS                                                                         \
  "  -r, --read           open for read (GENERIC_READ)\n"                                      \
  "  -w, --write          open for write (GENERIC_WRITE); with --read, both\n"                 \
  "  -s, --shared         open Shared (default Exclusive)\n"                                   \
  "      --pull=up|down|none|default\n"                                                        \
  "                       the pins' pull (default: the controller's)\n"                        \
  "      --drive=MA       drive strength in mA, to 0.01 (default: the controller's)\n"         \
  "      --debounce=MS    debounce time in ms, to 0.01 (default: none)\n"                      \
  "      --restriction=none|input|output|preserve\n"                                           \
  "                       the IoRestriction (default none); with preserve the pins keep\n"     \
  "                       their state when clxgpio exits, else they return to their default\n" \
  "      --size=BYTES     the request's buffer size (default ceil(pins/8)): to test the "      \
  "hub\n" CLX_DEVICE_OPTIONS

#define CLX_STATUS_TEXT                                                                  \
  "Exit status: 0 done, 1 an operation failed (the message names the NTSTATUS and the\n" \
  "errno), 2 a usage error (nothing was opened).\n"

constexpr const char kOverview[] =
    "Usage: clxgpio [--json] COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "GPIO the Windows (GpioClx) way: a controller's pins opened as a resource through\n"
    "the resource hub (/dev/clxgpio-hub), read and written with IOCTL_GPIO_READ_PINS /\n"
    "IOCTL_GPIO_WRITE_PINS semantics, and interrupts watched as events.\n"
    "\n"
    "Commands:\n"
    "  list [CHIP...]           controllers and their pins: free, or used and by whom\n"
    "  info CHIP:PIN            one pin of a controller\n"
    "  read RESOURCE            read the pins (prints hex and bits)\n"
    "  write RESOURCE HEX|BITS  drive the pins\n"
    "  monitor RESOURCE         a pin's interrupt events (ActiveBoth by default)\n"
    "  help [COMMAND]           this text, or a command's\n"
    "\n" CLX_RESOURCE_TEXT
    "\n"
    "Options:\n"
    "      --json     JSON output (monitor: one JSON object per line)\n"
    "  -h, --help     this text; 'clxgpio COMMAND --help' for a command's\n"
    "      --version  clxgpio's version and the hub uapi version\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kList[] =
    "Usage: clxgpio list [OPTIONS] [CHIP...]\n"
    "\n"
    "The kernel's GPIO controllers (/dev/gpiochipN, GPIO v2 uAPI) and their pins, all or\n"
    "the CHIPs named (gpiochipN, N, /dev/gpiochipN or a label). A pin held through the hub\n"
    "is used, by its connection's consumer name; so is one a gpiolib consumer holds.\n"
    "\n"
    "Output, one line per pin, tab-separated ('-' for an empty field):\n"
    "  CHIP  LABEL  PIN  NAME  free|used  CONSUMER  input|output  FLAGS\n"
    "  gpiochip0\t9030000.pl061\t3\t-\tused\tmy-driver\toutput\t-\n"
    "FLAGS: comma-separated active-low, pull-up, pull-down, bias-disabled, open-drain,\n"
    "open-source, edge-rising, edge-falling, edge-both, debounce=USus; '-' for none.\n"
    "\n"
    "Options:\n"
    "      --chips    one line per controller instead: CHIP  LABEL  PINS\n"
    "      --json     [{\"chip\":..., \"path\":..., \"label\":..., \"lines\":N, \"pins\":[{\"offset\":N,\n"
    "                 \"name\":..., \"used\":bool, \"consumer\":..., \"direction\":...,\n"
    "                 \"active_low\":bool, \"bias\":..., \"drive\":..., \"edge\":...,\n"
    "                 \"debounce_us\":N}, ...]}, ...]\n"
    "  -h, --help     this text\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kInfo[] =
    "Usage: clxgpio info [OPTIONS] CHIP:PIN\n"
    "\n"
    "One pin of a controller, as 'clxgpio list' prints it (one tab-separated line):\n"
    "  CHIP  LABEL  PIN  NAME  free|used  CONSUMER  input|output  FLAGS\n"
    "\n"
    "Options:\n"
    "      --json     {\"chip\":..., \"path\":..., \"label\":..., \"offset\":N, \"name\":...,\n"
    "                 \"used\":bool, \"consumer\":..., ...} (the fields of 'list --json')\n"
    "  -h, --help     this text\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kRead[] =
    "Usage: clxgpio read [OPTIONS] CHIP:PIN[,PIN...]\n"
    "       clxgpio read [OPTIONS] --device PATH [--index N]\n"
    "\n"
    "Opens the pins as a GPIO I/O resource (read access unless --write) and reads them\n"
    "with IOCTL_GPIO_READ_PINS: the input levels, or on a write connection the output\n"
    "latches. Prints the value as hex and as bits, tab-separated:\n"
    "  0x5\t101\n"
    "hex: bit i is the table's i-th pin; bits: one digit per pin in table order, the\n"
    "first pin first. For CHIP:7,8,23 both say pin 7 high, pin 8 low, pin 23 high.\n"
    "\n" CLX_RESOURCE_TEXT
    "\n"
    "Options:\n" CLX_IO_OPTIONS
    "      --json           {\"controller\":..., \"pins\":[7,8,23], \"hex\":\"0x5\",\n"
    "                       \"bits\":\"101\", \"values\":[1,0,1]}\n"
    "  -h, --help           this text\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kWrite[] =
    "Usage: clxgpio write [OPTIONS] CHIP:PIN[,PIN...] HEX|BITS\n"
    "       clxgpio write [OPTIONS] --device PATH [--index N] HEX|BITS\n"
    "\n"
    "Opens the pins as a GPIO I/O resource (write access unless --read) and drives them\n"
    "with IOCTL_GPIO_WRITE_PINS. The value, one bit per pin of the table:\n"
    "  0x5    hex: bit i is the table's i-th pin (bit 0 the first); no bit past the last\n"
    "  101    bits: exactly one 0/1 digit per pin in table order, the first pin first\n"
    "For CHIP:7,8,23 both mean pin 7 high, pin 8 low, pin 23 high; note that bits 110\n"
    "are 0x3 (pins 7 and 8 high), the reverse of a binary number.\n"
    "Prints nothing (--json: what was written). When clxgpio exits the connection closes\n"
    "and the pins return to their default, unless --restriction=preserve or --hold.\n"
    "\n" CLX_RESOURCE_TEXT
    "\n"
    "Options:\n" CLX_IO_OPTIONS
    "      --hold=SECONDS   keep the connection (and the pins) that long after writing,\n"
    "                       to 0.001 s\n"
    "      --json           {\"controller\":..., \"pins\":[...], \"hex\":..., \"bits\":...,\n"
    "                       \"values\":[...]}\n"
    "  -h, --help           this text\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kMonitor[] =
    "Usage: clxgpio monitor [OPTIONS] CHIP:PIN\n"
    "       clxgpio monitor [OPTIONS] --device PATH [--index N]\n"
    "\n"
    "Connects one pin as an interrupt resource and prints its events as the hub reports\n"
    "them, until --count events or --timeout seconds without one (or a signal). ActiveBoth\n"
    "(--edge=both, the default) names each event asserted or deasserted, as the engine saw\n"
    "the pin when it serviced the interrupt; the first one after connecting is asserted,\n"
    "at once if the pin already is. One line each, tab-separated:\n"
    "  event  TIMESTAMP_NS  SEQNO  PIN  asserted|deasserted|rising|falling|level\n"
    "  lost   COUNT  FIRST_SEQNO  LAST_SEQNO\n"
    "TIMESTAMP_NS is CLOCK_MONOTONIC when the pin was serviced. A 'lost' line comes before\n"
    "the event that follows a gap in the sequence numbers: the hub's queue was full and it\n"
    "dropped those events (ActiveBoth ones in asserted/deasserted pairs).\n"
    "\n" CLX_RESOURCE_TEXT
    "\n"
    "Options:\n"
    "      --edge=both|rising|falling\n"
    "                       Edge with ActiveBoth, ActiveHigh or ActiveLow (default both)\n"
    "      --level=high|low Level with ActiveHigh or ActiveLow, instead of --edge\n"
    "  -n, --count=N        stop after N events\n"
    "      --timeout=SECONDS\n"
    "                       stop when no event came for that long, to 0.001 s (exit 0)\n"
    "  -s, --shared         connect Shared (default Exclusive)\n"
    "      --wake           the interrupt may wake the system\n"
    "      --pull=up|down|none|default\n"
    "                       the pin's pull (default: the controller's)\n"
    "      --debounce=MS    debounce time in ms, to 0.01 (default: none)\n" CLX_DEVICE_OPTIONS
    "      --json           one object per line: {\"type\":\"event\", \"event\":\"asserted\",\n"
    "                       \"kind\":\"falling\", \"timestamp_ns\":N, \"seqno\":N, \"pin\":N,\n"
    "                       \"pin_index\":0} or {\"type\":\"lost\", \"count\":N,\n"
    "                       \"first_seqno\":N, \"last_seqno\":N}\n"
    "  -h, --help           this text\n"
    "\n" CLX_STATUS_TEXT;

constexpr const char kHelp[] =
    "Usage: clxgpio help [COMMAND]\n"
    "\n"
    "The overview, or COMMAND's --help.\n";

}  // namespace

const char* help_text(const std::string& command) {
  if (command.empty()) return kOverview;
  if (command == "list") return kList;
  if (command == "info") return kInfo;
  if (command == "read") return kRead;
  if (command == "write") return kWrite;
  if (command == "monitor") return kMonitor;
  if (command == "help") return kHelp;
  return nullptr;
}

}  // namespace clxgpio::cli

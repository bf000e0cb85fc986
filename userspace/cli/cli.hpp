// SPDX-License-Identifier: GPL-2.0
// The clxgpio command: run() is main() without the process, so that the host tests can run
// every command against a fake hub (tests/userspace) and read what it prints.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "clxgpio/os.hpp"

namespace clxgpio::cli {

// Exit statuses, as userspace/README.md documents them.
enum ExitStatus : int {
  kExitOk = 0,      // done
  kExitFailed = 1,  // an operation failed: the message names the NTSTATUS and the errno
  kExitUsage = 2,   // the command line was wrong: nothing was opened
};

// args: the words after the program name. out/err: standard output and error.
int run(const std::vector<std::string>& args, Os& os, std::ostream& out, std::ostream& err);

// The --help text of a command ("" for the overview); nullptr for an unknown command.
const char* help_text(const std::string& command);

}  // namespace clxgpio::cli

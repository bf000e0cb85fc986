// SPDX-License-Identifier: GPL-2.0
// clxgpio: the command (cli.cpp) on the real system.
#include <exception>
#include <iostream>
#include <new>

#include "cli.hpp"

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return clxgpio::cli::run(args, clxgpio::system_os(), std::cout, std::cerr);
  } catch (const std::bad_alloc&) {
    std::cerr << "clxgpio: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "clxgpio: " << e.what() << "\n";
  }
  return clxgpio::cli::kExitFailed;
}

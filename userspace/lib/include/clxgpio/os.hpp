// SPDX-License-Identifier: GPL-2.0
// clxgpio::Os: the seam between the library and the system. Every system call the library
// makes goes through one of these functions, so that host tests can run the library
// against a hub that lives in memory (tests/userspace/fake_hub.hpp). system_os() is the
// real one (os_linux.cpp).
//
// Every function returns its result or a negative errno; none reads or writes the global
// errno, and a call interrupted by a signal (EINTR) is retried, except poll(), which then
// returns 0 as if it had timed out.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace clxgpio {

class Os {
 public:
  virtual ~Os() = default;

  // open(2) with flags (O_RDWR | O_CLOEXEC from the library): a file descriptor.
  virtual int open(const std::string& path, int flags) = 0;
  // ioctl(2): its non-negative result.
  virtual int ioctl(int fd, unsigned long request, void* arg) = 0;
  // read(2): the bytes read.
  virtual long read(int fd, void* buf, std::size_t len) = 0;
  // poll(2) for POLLIN on one descriptor: 1 when it has something to say (data, an
  // error or a hang-up; read() tells which), 0 after timeout_ms (-1: no timeout).
  virtual int poll(int fd, int timeout_ms) = 0;
  // close(2).
  virtual int close(int fd) = 0;
  // The names in a directory (no "." or ".."), in no particular order: 0.
  virtual int list_dir(const std::string& dir, std::vector<std::string>& names) = 0;
  // Waits ms milliseconds (the CLI's write --hold).
  virtual void sleep_ms(unsigned long ms) = 0;
};

// The process's system calls. The object lives as long as the process.
Os& system_os();

}  // namespace clxgpio

// SPDX-License-Identifier: GPL-2.0
// The real Os: Linux system calls, errno turned into a negative return.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include "clxgpio/os.hpp"

namespace clxgpio {
namespace {

class LinuxOs final : public Os {
 public:
  int open(const std::string& path, int flags) override {
    int fd;
    do fd = ::open(path.c_str(), flags);
    while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
  }

  int ioctl(int fd, unsigned long request, void* arg) override {
    int r;
    do r = ::ioctl(fd, request, arg);
    while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : r;
  }

  long read(int fd, void* buf, std::size_t len) override {
    ssize_t n;
    do n = ::read(fd, buf, len);
    while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : static_cast<long>(n);
  }

  int poll(int fd, int timeout_ms) override {
    struct pollfd p = {fd, POLLIN, 0};
    int r = ::poll(&p, 1, timeout_ms);
    if (r < 0) return errno == EINTR ? 0 : -errno;
    return r > 0 ? 1 : 0;
  }

  // close(2) is not retried on EINTR: Linux has released the descriptor already.
  int close(int fd) override { return ::close(fd) < 0 && errno != EINTR ? -errno : 0; }

  int list_dir(const std::string& dir, std::vector<std::string>& names) override {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return -errno;
    names.clear();
    while (struct dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    ::closedir(d);
    return 0;
  }

  void sleep_ms(unsigned long ms) override {
    struct timespec t = {static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
    while (::nanosleep(&t, &t) < 0 && errno == EINTR) {
    }
  }
};

}  // namespace

Os& system_os() {
  static LinuxOs os;
  return os;
}

}  // namespace clxgpio

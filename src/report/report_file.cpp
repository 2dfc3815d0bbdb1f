#include "report/report_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "base/file_system.h"

namespace casegraph::report {
namespace {

Error WriteError(const std::string& path, const char* what, int err) {
  return Error::Io("cannot write " + path + ": " + what + ": " + std::strerror(err));
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (path.empty()) return Error::InvalidArgument("no output path given");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Error::Io("cannot write " + path + ": it is a folder");
  }
  // The temporary lives beside the target so that rename() stays within one file system.
  const std::string dir = ParentDir(path);
  std::string temp = JoinPath(dir, "." + BaseName(path) + ".tmp-XXXXXX");
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return WriteError(path, "cannot create a file in its folder", errno);
  temp = name.data();
  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return WriteError(path, what, err);
  };
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("flush failed");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return WriteError(path, "close failed", err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return WriteError(path, "rename failed", err);
  }
  return Ok();
}

}  // namespace casegraph::report

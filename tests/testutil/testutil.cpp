#include "testutil/testutil.h"

#include <sys/wait.h>

#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace casegraph::testing {
namespace {

class StringView : public FileView {
 public:
  explicit StringView(std::string s) : data_(std::move(s)) {
    size_ = data_.size();
    data_.append(kPadding, '\0');
  }
  std::string_view bytes() const override { return {data_.data(), size_}; }

 private:
  std::string data_;
  size_t size_;
};

}  // namespace

bool MemFileSystem::IsDir(const std::string& path) const {
  std::string prefix = path;
  if (prefix.empty() || prefix.back() != '/') prefix.push_back('/');
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.rfind(prefix, 0) == 0) return true;
  auto lt = links_.lower_bound(prefix);
  return lt != links_.end() && lt->first.rfind(prefix, 0) == 0;
}

Result<FileStat> MemFileSystem::Stat(const std::string& path) const {
  FileStat st;
  if (links_.count(path)) {
    st.is_symlink = true;
    auto target = files_.find(links_.at(path));
    if (target != files_.end()) st.size_bytes = target->second.size();
    return st;
  }
  auto it = files_.find(path);
  if (it != files_.end()) {
    st.size_bytes = it->second.size();
    return st;
  }
  if (IsDir(path)) {
    st.is_directory = true;
    return st;
  }
  return Error::Io("cannot stat: No such file or directory", Location{path, ""});
}

Result<std::vector<std::string>> MemFileSystem::List(const std::string& dir) const {
  if (!IsDir(dir)) return Error::Io("cannot list folder", Location{dir, ""});
  std::string prefix = dir;
  if (prefix.back() != '/') prefix.push_back('/');
  std::set<std::string> names;
  auto collect = [&](const std::string& p) {
    if (p.rfind(prefix, 0) != 0) return;
    std::string rest = p.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  };
  for (const auto& [p, _] : files_) collect(p);
  for (const auto& [p, _] : links_) collect(p);
  return std::vector<std::string>(names.begin(), names.end());
}

Result<std::unique_ptr<FileView>> MemFileSystem::Map(const std::string& path) const {
  auto canonical = Canonical(path);
  if (!canonical) return canonical.error();
  auto it = files_.find(*canonical);
  if (it == files_.end()) return Error::Io("cannot open", Location{path, ""});
  return std::unique_ptr<FileView>(new StringView(it->second));
}

Status MemFileSystem::ReadChunks(const std::string& path,
                                 const std::function<void(std::string_view)>& chunk) const {
  auto view = Map(path);
  if (!view) return view.error();
  std::string_view bytes = (*view)->bytes();
  for (size_t i = 0; i < bytes.size(); i += 7) chunk(bytes.substr(i, 7));  // odd chunks on purpose
  return Ok();
}

Result<std::string> MemFileSystem::Canonical(const std::string& path) const {
  std::string p = path;
  for (int hops = 0; hops < 8 && links_.count(p); ++hops) p = links_.at(p);
  if (files_.count(p) || IsDir(p)) return p;
  return Error::Io("cannot resolve", Location{path, ""});
}

std::string SharedFixture(const std::string& rel) {
  std::string path = std::string(CASEGRAPH_SHARED_FIXTURES) + "/" + rel;
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return "";
  return path;
}

bool SharedRequired() {
  const char* v = std::getenv("CASEGRAPH_REQUIRE_SHARED");
  return v != nullptr && std::strcmp(v, "1") == 0;
}

std::string RepoFixture(const std::string& rel) { return std::string(CASEGRAPH_REPO_FIXTURES) + "/" + rel; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string MakeTempDir(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return buf.data();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

CliRun RunCli(const std::string& args, const std::string& stderr_to) {
  const std::string cmd = std::string(CASEGRAPH_BINARY) + " " + args + " " + stderr_to;
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace casegraph::testing

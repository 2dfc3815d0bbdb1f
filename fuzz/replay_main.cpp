// Feeds every file of the given folders (or files) to LLVMFuzzerTestOneInput, so fuzz targets
// build in every configuration and replay their corpus as ordinary tests (after simdjson's
// fuzz/main.cpp).
#include <dirent.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

static int RunFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 1;
}

int main(int argc, char** argv) {
  int count = 0;
  for (int i = 1; i < argc; ++i) {
    struct stat st {};
    if (stat(argv[i], &st) != 0) continue;
    if (!S_ISDIR(st.st_mode)) {
      count += RunFile(argv[i]);
      continue;
    }
    DIR* d = opendir(argv[i]);
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name[0] != '.') count += RunFile(std::string(argv[i]) + "/" + name);
    }
    closedir(d);
  }
  std::printf("replayed %d inputs\n", count);
  return 0;
}

// casegraph: the command-line entry point. Dispatch lives in app.cpp; this only guards against
// an escaped exception from a third-party library, which must never abort the process, and
// tunes the allocator.
#include <malloc.h>

#include <cstdio>
#include <exception>

#include "cli/context.h"

int main(int argc, char** argv) {
  // Decoding an image or a document allocates buffers of megabytes, once per file. By default
  // glibc maps each one freshly and unmaps it after, and on this class of VM touching fresh
  // pages runs at ~300 MB/s: a scan of 800 photos spent more time in page faults than in
  // decoding. Keeping such buffers in the heap and not trimming it makes them reused.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  try {
    return casegraph::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "casegraph: internal error: %s\n", e.what());
    return 1;
  } catch (...) {
    std::fprintf(stderr, "casegraph: internal error\n");
    return 1;
  }
}

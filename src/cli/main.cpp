// casegraph: the command-line entry point. Dispatch lives in app.cpp; this only guards against
// an escaped exception from a third-party library, which must never abort the process.
#include <cstdio>
#include <exception>

#include "cli/context.h"

int main(int argc, char** argv) {
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

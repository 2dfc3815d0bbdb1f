#include "store/import_pipeline.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "base/progress.h"

namespace casegraph::store {
namespace {

bool TimingEnabled() { return std::getenv("CASEGRAPH_TIMING") != nullptr; }

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

ImportPipeline::ImportPipeline(const ingest::Importer& importer, ingest::Source source, ingest::ImportOptions options)
    : importer_(importer),
      source_(std::move(source)),
      options_(std::move(options)),
      extractor_(extract::ExtractorOptions{options_.region.empty() ? "TR" : options_.region}) {}

ImportPipeline::~ImportPipeline() { Cancel(); }

void ImportPipeline::Start() {
  worker_ = std::thread([this] {
    const auto started = std::chrono::steady_clock::now();
    BatchingSink sink(extractor_, queue_);
    summary_ = importer_.Import(source_, options_, sink, diagnostics_);
    sink.Flush();
    if (TimingEnabled()) std::fprintf(stderr, "timing: importer thread done after %.3f s\n", SecondsSince(started));
    queue_.Close();
  });
}

void ImportPipeline::Cancel() {
  queue_.Cancel();
  if (worker_.joinable()) worker_.join();
}

Status ImportPipeline::Drain(RecordWriter& writer) {
  Status write_status;
  Progress progress("messages", 0, options_.progress);
  double busy = 0, waited = 0;
  auto wait_started = std::chrono::steady_clock::now();
  while (auto batch = queue_.Pop()) {
    const auto busy_started = std::chrono::steady_clock::now();
    waited += std::chrono::duration<double>(busy_started - wait_started).count();
    for (auto& record : *batch) {
      write_status = writer.Write(record);
      if (!write_status.ok()) break;
    }
    if (!write_status.ok()) {
      queue_.Cancel();
      break;
    }
    progress.Set(writer.counts().messages);
    wait_started = std::chrono::steady_clock::now();
    busy += std::chrono::duration<double>(wait_started - busy_started).count();
  }
  progress.Finish();
  if (worker_.joinable()) worker_.join();
  if (TimingEnabled()) {
    std::fprintf(stderr, "timing: writer busy %.3f s (search index %.3f s), waited %.3f s\n", busy,
                 writer.index_seconds(), waited);
  }
  if (!summary_.ok()) return summary_.error();
  return write_status;
}

}  // namespace casegraph::store

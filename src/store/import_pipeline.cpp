#include "store/import_pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "base/phase_timer.h"
#include "base/progress.h"

namespace casegraph::store {

ImportPipeline::ImportPipeline(const ingest::Importer& importer, ingest::Source source, ingest::ImportOptions options)
    : importer_(importer),
      source_(std::move(source)),
      options_(std::move(options)),
      extractor_(extract::ExtractorOptions{options_.region.empty() ? "TR" : options_.region}) {}

ImportPipeline::~ImportPipeline() { Cancel(); }

void ImportPipeline::Start() {
  worker_ = std::thread([this] {
    PhaseTimer timer;
    BatchingSink sink(extractor_, queue_);
    summary_ = importer_.Import(source_, options_, sink, diagnostics_);
    sink.Flush();
    timer.Mark("importer");
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
  PhaseTimer lap;
  while (auto batch = queue_.Pop()) {
    waited += lap.Lap();
    for (auto& record : *batch) {
      write_status = writer.Write(record);
      if (!write_status.ok()) break;
    }
    if (!write_status.ok()) {
      queue_.Cancel();
      break;
    }
    progress.Set(writer.counts().messages);
    busy += lap.Lap();
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

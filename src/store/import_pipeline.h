// Runs an importer on a worker thread that prepares records (identifier extraction, JSON of
// entities) and hands them over in batches, while the calling thread writes them. Starting it
// early lets the importer parse while the caller still hashes the exhibit; Cancel drops
// everything it produces (e.g. when the bytes turn out to be already ingested).
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include "extract/identifier.h"
#include "ingest/importer.h"
#include "store/record_batch.h"
#include "store/record_writer.h"

namespace casegraph::store {

class ImportPipeline {
 public:
  // `source` and `importer` must outlive the pipeline.
  ImportPipeline(const ingest::Importer& importer, ingest::Source source, ingest::ImportOptions options);
  ~ImportPipeline();  // cancels and joins if still running
  ImportPipeline(const ImportPipeline&) = delete;
  ImportPipeline& operator=(const ImportPipeline&) = delete;

  void Start();
  // Writes every batch with `writer` until the importer is done; joins the worker. Returns the
  // importer's error, else the writer's.
  Status Drain(RecordWriter& writer);
  // Stops consuming, discards what the importer still produces, joins the worker.
  void Cancel();

  const Diagnostics& diagnostics() const { return diagnostics_; }
  // Valid after Drain returned Ok.
  const ingest::ImportSummary& summary() const { return summary_.value(); }

 private:
  const ingest::Importer& importer_;
  ingest::Source source_;
  ingest::ImportOptions options_;
  extract::Extractor extractor_;
  BatchQueue queue_{8};
  std::thread worker_;
  Result<ingest::ImportSummary> summary_ = Error::Internal("import did not run");
  Diagnostics diagnostics_;
};

}  // namespace casegraph::store

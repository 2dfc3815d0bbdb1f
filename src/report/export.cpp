// `export`: read the graph once, render the chosen format, write the file(s) atomically: each
// file goes to a temporary name beside its target and is renamed over it only when every file of
// the export was written in full, so a failed export leaves nothing half-written behind.
#include "report/export.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/time_util.h"
#include "report/export_graph.h"
#include "report/export_writers.h"

namespace casegraph::report {
namespace {

struct PendingFile {
  std::string path, temp, content;
};

Status WriteTemp(const PendingFile& f) {
  std::FILE* out = std::fopen(f.temp.c_str(), "wb");
  if (out == nullptr) return Error::Io("cannot write " + f.path + ": " + std::strerror(errno));
  const bool written = std::fwrite(f.content.data(), 1, f.content.size(), out) == f.content.size();
  const bool flushed = std::fflush(out) == 0 && fsync(fileno(out)) == 0;
  const bool closed = std::fclose(out) == 0;
  if (!written || !flushed || !closed) {
    std::remove(f.temp.c_str());
    return Error::Io("cannot write " + f.path + ": " + std::strerror(errno));
  }
  return Ok();
}

Status CommitAll(std::vector<PendingFile>& files) {
  for (size_t i = 0; i < files.size(); ++i) {
    Status s = WriteTemp(files[i]);
    if (!s.ok()) {
      for (size_t k = 0; k < i; ++k) std::remove(files[k].temp.c_str());
      return s;
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::rename(files[i].temp.c_str(), files[i].path.c_str()) != 0) {
      const std::string why = std::strerror(errno);
      for (size_t k = i; k < files.size(); ++k) std::remove(files[k].temp.c_str());
      return Error::Io("cannot write " + files[i].path + ": " + why);
    }
  }
  return Ok();
}

bool IsDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

PendingFile Pending(const std::string& path, std::string content) {
  return {path, path + ".tmp-" + std::to_string(::getpid()), std::move(content)};
}

ExportSummary Summarise(const std::vector<PendingFile>& files, const ExportGraph& graph) {
  ExportSummary summary;
  for (const auto& f : files) summary.files.push_back(f.path);
  summary.nodes = static_cast<int64_t>(graph.nodes.size());
  summary.edges = static_cast<int64_t>(graph.edges.size());
  return summary;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "gexf") return ExportFormat::kGexf;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "case-uco") return ExportFormat::kCaseUco;
  return std::nullopt;
}

const char* ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml: return "graphml";
    case ExportFormat::kGexf: return "gexf";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kCaseUco: return "case-uco";
  }
  return "unknown";
}

std::string IsoOrEmpty(const std::optional<int64_t>& unix_seconds) {
  return unix_seconds ? FormatUtc(*unix_seconds) : std::string();
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

std::string CitationText(const std::optional<model::Citation>& c) { return c ? c->ToText() : std::string(); }

Result<ExportSummary> WriteExport(store::Workspace& ws, const ExportRequest& request) {
  if (request.out_path.empty()) return Error::InvalidArgument("export needs an output path (-o)");
  ExportGraphOptions options;
  options.cases = request.cases;
  options.with_messages = request.format == ExportFormat::kCaseUco;
  auto graph = LoadExportGraph(ws, options);
  if (!graph) return graph.error();

  std::vector<PendingFile> files;
  switch (request.format) {
    case ExportFormat::kGraphml: files.push_back(Pending(request.out_path, RenderGraphml(*graph))); break;
    case ExportFormat::kGexf: files.push_back(Pending(request.out_path, RenderGexf(*graph))); break;
    case ExportFormat::kCaseUco: files.push_back(Pending(request.out_path, RenderCaseUco(*graph))); break;
    case ExportFormat::kCsv: {
      const std::string& out = request.out_path;
      const bool folder = IsDirectory(out) || out.back() == '/';
      const std::string base = folder ? (out.back() == '/' ? out : out + "/") : out + "-";
      files.push_back(Pending(base + "nodes.csv", RenderCsvNodes(*graph)));
      files.push_back(Pending(base + "edges.csv", RenderCsvEdges(*graph)));
      // "-o DIR/" names a folder for the two files: made here (its parent must exist) and
      // removed again when the files cannot be written, so a failure leaves nothing behind.
      if (folder && !IsDirectory(out)) {
        if (::mkdir(out.c_str(), 0755) != 0) return Error::Io("cannot create folder " + out + ": " + std::strerror(errno));
        Status written = CommitAll(files);
        if (!written.ok()) ::rmdir(out.c_str());
        CASEGRAPH_RETURN_IF_ERROR(written);
        return Summarise(files, *graph);
      }
      break;
    }
  }
  for (const auto& f : files) {
    if (IsDirectory(f.path)) return Error::Io("cannot write " + f.path + ": it is a folder");
  }
  CASEGRAPH_RETURN_IF_ERROR(CommitAll(files));
  return Summarise(files, *graph);
}

}  // namespace casegraph::report

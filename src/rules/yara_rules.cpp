#include "rules/yara_rules.h"

#include <yara.h>

#include <algorithm>
#include <tuple>

namespace casegraph::rules {
namespace {

struct CompileContext {
  const YaraRules::Source* current = nullptr;
  std::vector<std::string> errors;
};

// libyara reports compile errors through this callback; sources added from memory have no
// file name of their own, so the context says which file is being compiled.
void OnCompileMessage(int error_level, const char* file_name, int line_number, const YR_RULE*, const char* message,
                      void* user_data) {
  auto* ctx = static_cast<CompileContext*>(user_data);
  if (error_level != YARA_ERROR_LEVEL_ERROR) return;  // warnings (slow strings) do not stop anything
  std::string file = ctx->current ? ctx->current->path : (file_name ? file_name : "yara");
  ctx->errors.push_back(file + ":" + std::to_string(line_number) + ": " + (message ? message : "error"));
}

struct ScanContext {
  std::vector<YaraRules::Match> matches;
};

int OnScanMessage(YR_SCAN_CONTEXT*, int message, void* message_data, void* user_data) {
  if (message == CALLBACK_MSG_RULE_MATCHING) {
    const auto* rule = static_cast<const YR_RULE*>(message_data);
    if (!RULE_IS_PRIVATE(rule)) {
      static_cast<ScanContext*>(user_data)->matches.push_back({rule->ns->name, rule->identifier});
    }
  }
  return CALLBACK_CONTINUE;
}

std::string ScanErrorText(int code) {
  switch (code) {
    case ERROR_SCAN_TIMEOUT: return "YARA scan timed out";
    case ERROR_INSUFFICIENT_MEMORY: return "YARA ran out of memory";
    case ERROR_TOO_MANY_SCAN_THREADS: return "too many concurrent YARA scans";
    case ERROR_TOO_MANY_MATCHES: return "YARA found too many string matches";
    default: return "YARA scan failed (libyara error " + std::to_string(code) + ")";
  }
}

}  // namespace

Status EnsureYaraInitialized() {
  // A function-local static is initialised exactly once even under concurrent first calls.
  static const int rc = yr_initialize();
  if (rc != ERROR_SUCCESS) return Error::Internal("cannot initialise libyara (error " + std::to_string(rc) + ")");
  return Ok();
}

Result<std::shared_ptr<const YaraRules>> YaraRules::Compile(const std::vector<Source>& sources) {
  CASEGRAPH_RETURN_IF_ERROR(EnsureYaraInitialized());
  YR_COMPILER* compiler = nullptr;
  if (yr_compiler_create(&compiler) != ERROR_SUCCESS) return Error::Internal("cannot create a YARA compiler");
  CompileContext ctx;
  yr_compiler_set_callback(compiler, OnCompileMessage, &ctx);
  // No include callback: libyara then refuses `include` with an error on its line.
  yr_compiler_set_include_callback(compiler, nullptr, nullptr, nullptr);
  for (const Source& source : sources) {
    ctx.current = &source;
    // The source must be NUL-terminated and free of NUL bytes for the C API.
    if (source.text.find('\0') != std::string::npos) {
      ctx.errors.push_back(source.path + ": a YARA rule file must be text (it holds a NUL byte)");
      break;
    }
    if (yr_compiler_add_string(compiler, source.text.c_str(), source.name.c_str()) != 0) break;
  }
  ctx.current = nullptr;
  if (!ctx.errors.empty()) {
    yr_compiler_destroy(compiler);
    std::string message = ctx.errors.front();
    if (ctx.errors.size() > 1) message += " (and " + std::to_string(ctx.errors.size() - 1) + " more errors)";
    return Error::InvalidArgument(message);
  }
  YR_RULES* rules = nullptr;
  const int rc = yr_compiler_get_rules(compiler, &rules);
  yr_compiler_destroy(compiler);
  if (rc != ERROR_SUCCESS) return Error::Internal("cannot build YARA rules (libyara error " + std::to_string(rc) + ")");
  return std::shared_ptr<const YaraRules>(new YaraRules(rules));
}

YaraRules::~YaraRules() { yr_rules_destroy(static_cast<YR_RULES*>(rules_)); }

Result<std::vector<YaraRules::Match>> YaraRules::Scan(std::string_view bytes, int timeout_seconds) const {
  static const uint8_t kNothing = 0;
  const auto* data = bytes.empty() ? &kNothing : reinterpret_cast<const uint8_t*>(bytes.data());
  ScanContext ctx;
  // Fast mode: a string matching once is enough to decide a rule, and only rules are reported.
  const int rc = yr_rules_scan_mem(static_cast<YR_RULES*>(rules_), data, bytes.size(), SCAN_FLAGS_FAST_MODE,
                                   OnScanMessage, &ctx, std::max(timeout_seconds, 1));
  if (rc != ERROR_SUCCESS) {
    std::string text = ScanErrorText(rc);
    if (rc == ERROR_SCAN_TIMEOUT) text += " after " + std::to_string(std::max(timeout_seconds, 1)) + " s";
    return Error::Io(text);
  }
  std::sort(ctx.matches.begin(), ctx.matches.end(),
            [](const Match& a, const Match& b) { return std::tie(a.file, a.rule) < std::tie(b.file, b.rule); });
  ctx.matches.erase(std::unique(ctx.matches.begin(), ctx.matches.end(),
                                [](const Match& a, const Match& b) { return a.file == b.file && a.rule == b.rule; }),
                    ctx.matches.end());
  return ctx.matches;
}

}  // namespace casegraph::rules

#include "store/fold_tokenizer.h"

#include <string_view>

#include "extract/text_fold.h"

namespace casegraph::store {
namespace {

// FTS5 needs a tokenizer object; ours has no state or options.
struct FoldTokenizer {};

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new FoldTokenizer());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tok) { delete reinterpret_cast<FoldTokenizer*>(tok); }

struct EmitContext {
  void* fts_ctx;
  int (*token)(void*, int, const char*, int, int, int);
};

int Tokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int size,
             int (*x_token)(void*, int, const char*, int, int, int)) {
  if (size <= 0 || text == nullptr) return SQLITE_OK;
  EmitContext emit{ctx, x_token};
  int rc = SQLITE_OK;
  struct State {
    EmitContext* emit;
    int* rc;
  } state{&emit, &rc};
  extract::TokenizeFolded(
      std::string_view(text, static_cast<size_t>(size)),
      [](void* p, const char* token, size_t token_size, size_t start, size_t end) -> int {
        auto* s = static_cast<State*>(p);
        *s->rc = s->emit->token(s->emit->fts_ctx, 0, token, static_cast<int>(token_size),
                                static_cast<int>(start), static_cast<int>(end));
        return *s->rc != SQLITE_OK;
      },
      &state);
  return rc;
}

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

Status RegisterFoldTokenizer(sqlite3* db) {
  fts5_api* api = GetFts5Api(db);
  if (api == nullptr) return Error::Internal("SQLite has no FTS5");
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "casegraph_fold", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    return Error::Internal("cannot register the casegraph_fold tokenizer");
  }
  return Ok();
}

}  // namespace casegraph::store

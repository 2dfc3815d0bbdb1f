// Small helpers around libtsk's C API: owning handles and its thread-local error text.
// Internal to src/triage.
#pragma once

#include <tsk/libtsk.h>

#include <memory>
#include <string>

namespace casegraph::triage {

struct TskImgClose { void operator()(TSK_IMG_INFO* p) const { tsk_img_close(p); } };
struct TskVsClose { void operator()(TSK_VS_INFO* p) const { tsk_vs_close(p); } };
struct TskFsClose { void operator()(TSK_FS_INFO* p) const { tsk_fs_close(p); } };
struct TskFileClose { void operator()(TSK_FS_FILE* p) const { tsk_fs_file_close(p); } };
using TskImg = std::unique_ptr<TSK_IMG_INFO, TskImgClose>;
using TskVs = std::unique_ptr<TSK_VS_INFO, TskVsClose>;
using TskFs = std::unique_ptr<TSK_FS_INFO, TskFsClose>;
using TskFile = std::unique_ptr<TSK_FS_FILE, TskFileClose>;

// libtsk's last error message (trimmed; "unknown libtsk error" when empty), then cleared.
inline std::string TakeTskError() {
  const char* text = tsk_error_get();
  std::string message = text != nullptr ? text : "";
  tsk_error_reset();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message.empty() ? "unknown libtsk error" : message;
}

}  // namespace casegraph::triage

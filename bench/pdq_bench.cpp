// PDQ throughput (Google Benchmark): hashes/s of the core from decoded pixels at 512x512 and at
// 1600x1000 (both resize policies), and decode+hash of the 1600x1004 bridge JPEG of the shared
// PDQ fixtures. items_per_second is hashes per second. Every image in a scan goes through
// PdqFromImageBytes, so these figures bound the scan's image cost.
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "hashing/image_decode.h"
#include "hashing/pdq.h"

namespace casegraph::hashing {
namespace {

// A smooth photo-like picture (gradients plus a little noise), RGB.
RgbImage SyntheticPhoto(int width, int height) {
  RgbImage image;
  image.width = width;
  image.height = height;
  image.channels = 3;
  image.pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
  std::mt19937 rng(7);
  size_t i = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const int noise = static_cast<int>(rng() % 16);
      image.pixels[i++] = static_cast<uint8_t>((x * 255 / width + noise) & 0xFF);
      image.pixels[i++] = static_cast<uint8_t>((y * 255 / height + noise) & 0xFF);
      image.pixels[i++] = static_cast<uint8_t>(((x + y) * 128 / (width + height) + noise) & 0xFF);
    }
  }
  return image;
}

void BM_PdqCore(benchmark::State& state, int width, int height, PdqResize resize) {
  const RgbImage image = SyntheticPhoto(width, height);
  for (auto _ : state) benchmark::DoNotOptimize(PdqFromImage(image, resize));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_PdqCore, 512x512, 512, 512, PdqResize::kFull)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PdqCore, 1600x1000_full, 1600, 1000, PdqResize::kFull)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PdqCore, 1600x1000_cimg512, 1600, 1000, PdqResize::kCimg512)->Unit(benchmark::kMillisecond);

void BM_PdqDihedral(benchmark::State& state) {
  const RgbImage image = SyntheticPhoto(1600, 1000);
  for (auto _ : state) benchmark::DoNotOptimize(PdqDihedralFromImage(image));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PdqDihedral)->Unit(benchmark::kMillisecond);

std::string BridgeJpeg() {
  std::ifstream in(CASEGRAPH_SHARED_FIXTURES "/pdq/images/threatexchange/dih/bridge-1-original.jpg", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void BM_DecodeJpeg(benchmark::State& state) {
  const std::string bytes = BridgeJpeg();
  if (bytes.empty()) state.SkipWithError("shared fixture bridge-1-original.jpg not found");
  for (auto _ : state) benchmark::DoNotOptimize(DecodeImage(bytes));
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_DecodeJpeg)->Unit(benchmark::kMillisecond);

void BM_DecodeAndHashJpeg(benchmark::State& state, PdqResize resize) {
  const std::string bytes = BridgeJpeg();
  if (bytes.empty()) state.SkipWithError("shared fixture bridge-1-original.jpg not found");
  for (auto _ : state) benchmark::DoNotOptimize(PdqFromImageBytes(bytes, resize));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_DecodeAndHashJpeg, 1600x1004_full, PdqResize::kFull)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecodeAndHashJpeg, 1600x1004_cimg512, PdqResize::kCimg512)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph::hashing

BENCHMARK_MAIN();

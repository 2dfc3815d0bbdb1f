// PDQ's Jarosz filter for the CPU at hand: the same code (pdq_jarosz_impl.h) compiled for the
// baseline instruction set here and for AVX2 and AVX-512 in pdq_jarosz_avx2.cpp and
// pdq_jarosz_avx512.cpp on x86-64, picked once at run time. Wider vectors do the same IEEE
// operations lane by lane, so every variant gives the same bits.
#define CASEGRAPH_PDQ_ISA baseline
#include "hashing/pdq_jarosz_impl.h"

namespace casegraph::hashing::pdq {

#if defined(__x86_64__)
namespace avx2 {
void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& s, Buffer64& out);
}
namespace avx512 {
void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& s, Buffer64& out);
}
#endif

void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& s, Buffer64& out) {
  using Filter = void (*)(float*, int, int, Scratch&, Buffer64&);
  static const Filter filter = [] {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return static_cast<Filter>(&avx512::JaroszBlurAndDecimate);
    if (__builtin_cpu_supports("avx2")) return static_cast<Filter>(&avx2::JaroszBlurAndDecimate);
#endif
    return static_cast<Filter>(&baseline::JaroszBlurAndDecimate);
  }();
  filter(luma, rows, cols, s, out);
}

void JaroszBlurAndDecimateBaseline(float* luma, int rows, int cols, Scratch& s, Buffer64& out) {
  baseline::JaroszBlurAndDecimate(luma, rows, cols, s, out);
}

}  // namespace casegraph::hashing::pdq

// PDQ's Jarosz filter compiled for AVX2 (CMake adds the flag to this file on x86-64 only);
// pdq_jarosz.cpp calls it when the CPU has AVX2.
#if defined(__x86_64__)
#define CASEGRAPH_PDQ_ISA avx2
#include "hashing/pdq_jarosz_impl.h"
#endif

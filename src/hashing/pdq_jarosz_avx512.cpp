// PDQ's Jarosz filter compiled for AVX-512 (CMake adds the flag to this file on x86-64 only);
// pdq_jarosz.cpp calls it when the CPU has AVX-512.
#if defined(__x86_64__)
#define CASEGRAPH_PDQ_ISA avx512
#include "hashing/pdq_jarosz_impl.h"
#endif

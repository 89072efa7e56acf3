// libFuzzer's entry point for a program with its own main (LLVM 11 and later): runs the fuzzer
// with the command line's options over `callback`. SwiftPM links every executable's main to the
// target's own entry point, so the fuzz target calls this instead of using libFuzzer's main.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

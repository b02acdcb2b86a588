// libFuzzer's driver entry point, from the toolchain's libclang_rt.fuzzer (linked by
// `-sanitize=fuzzer`). A fuzz target's own `main` calls it: SwiftPM gives every executable
// target a `main` of its own, so libFuzzer's `main` cannot be the program's.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

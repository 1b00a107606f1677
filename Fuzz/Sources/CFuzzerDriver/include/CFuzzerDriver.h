#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (libclang_rt.fuzzer, linked by -sanitize=fuzzer): parses libFuzzer's options
// from argv and fuzzes `callback`. SwiftPM links an executable target with `--defsym main=<Target>_main`,
// so each harness defines <Target>_main and calls this instead of relying on libFuzzer's own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// libFuzzer's own mutations, for a custom mutator (LLVMFuzzerCustomMutator) to fall back on.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

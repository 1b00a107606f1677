// Only a header: LLVMFuzzerRunDriver is libFuzzer's.
#include "CFuzzerDriver.h"

// The module is header-only (see include/MemoryHints.h); SwiftPM needs one source file.
#include "MemoryHints.h"

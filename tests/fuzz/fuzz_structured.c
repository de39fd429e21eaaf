/* fuzz_structured: libFuzzer target for the structured page parser (pages with a
 * "Doctor Answers N" line), reached as the corpus reader reaches it. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_page_of_shape(data, size, FUZZ_STRUCTURED, "fuzz/structured.txt");
}

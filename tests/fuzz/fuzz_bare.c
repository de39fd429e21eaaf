/* fuzz_bare: libFuzzer target for bare pages (a question, then answers, with no
 * "Doctor Answers" line and not flat): the structured parser's implicit-marker
 * path, reached as the corpus reader reaches it. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_cues();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_page_of_shape(data, size, FUZZ_BARE, "fuzz/bare.txt");
}

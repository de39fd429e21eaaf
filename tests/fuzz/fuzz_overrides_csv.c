/* fuzz_overrides_csv: libFuzzer target for the editors' overrides file in its
 * CSV form (answers.csv given back with its editor_stance column filled in). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_overrides(data, size, "answers.csv");
}

/* fuzz_overrides_json: libFuzzer target for the editors' overrides file in its
 * JSON form (an array of {answer_id, stance, editor, note}). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_overrides(data, size, "overrides.json");
}

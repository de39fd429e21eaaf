/* fuzz_overrides_json: libFuzzer target for the editors' overrides file in its
 * JSON form (an array of {answer_id, stance, editor, note}). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    cn_overrides *ov = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_overrides_parse(text, size, "overrides.json", &ov, &err) == CN_OK) {
        for (size_t i = 0; i < cn_overrides_count(ov); i++) {
            const cn_override *o = cn_overrides_at(ov, i);
            if (cn_overrides_find(ov, o->answer_id) != (long)i)
                fuzz_die("an override is not found by its answer_id", o->answer_id);
        }
        (void)cn_overrides_find(ov, "0000000000000000");
    }
    cn_overrides_free(ov);
    free(text);
    return 0;
}

/* cn_stance: stance label names. */
#include "cn_stance.h"

#include <string.h>

static const char *const NAMES[CN_STANCE_COUNT] = {"none", "reassuring", "cautionary",
                                                   "contraindicated"};

const char *cn_stance_name(cn_stance stance)
{
    if ((int)stance < 0 || (int)stance >= CN_STANCE_COUNT)
        return "none";
    return NAMES[stance];
}

int cn_stance_parse(const char *name, cn_stance *out)
{
    if (!name)
        return -1;
    for (int i = 0; i < CN_STANCE_COUNT; i++) {
        if (!strcmp(name, NAMES[i])) {
            *out = (cn_stance)i;
            return 0;
        }
    }
    return -1;
}

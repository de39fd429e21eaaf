/* cn_stance: stance label names. */
#include "cn_stance.h"

#include <ctype.h>
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
    /* "Reassuring" and " reassuring " from a spreadsheet are the same name */
    while (*name == ' ' || *name == '\t')
        name++;
    size_t len = strlen(name);
    while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (int i = 0; i < CN_STANCE_COUNT; i++) {
        if (strlen(NAMES[i]) != len)
            continue;
        size_t k = 0;
        while (k < len && tolower((unsigned char)name[k]) == NAMES[i][k])
            k++;
        if (k == len) {
            *out = (cn_stance)i;
            return 0;
        }
    }
    return -1;
}

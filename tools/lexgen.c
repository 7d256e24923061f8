/* lexgen: compile lexicon/NAME.txt files into one sorted C table.
 *
 * usage: lexgen OUT.c lexicon/cues.txt ...
 * Each line of a lexicon file is "lemma; form; form ..." ('#' starts a
 * comment). The class of an entry is named by its file: an LX_* bit of
 * the entry's cls, or an LX2_* bit of its cls2 (the second class word, for
 * single words only). cuegroups.txt is the exception: its lines put cue
 * lemmas in groups (WS_CG_* bits), an indented line going on with the one
 * before. The table is sorted
 * by form (strcmp order) so the library can bsearch it: it is const data,
 * shared by every thread, with nothing to initialise at run time. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WS_LEX_FILTER_BITS 32768 /* as in src/lexicon_table.h */

struct ent {
    char *form;
    char *cls;  /* "LX_A|LX_B", or "" */
    char *cls2; /* "LX2_A|LX2_B", or "" */
    int lemma;
};

static const struct {
    const char *file, *cls;
} classes[] = {
    {"cues", "LX_CUE"},           {"cues_weak", "LX_CUE_WEAK"},           {"honorifics", "LX_HONORIFIC"}, {"titles", "LX_TITLE"},
    {"pronouns", "LX_PRONOUN"},   {"roles", "LX_ROLE"},           {"abbrev", "LX_ABBREV"},
    {"capstop", "LX_CAPSTOP"},    {"male", "LX_MALE"},            {"female", "LX_FEMALE"},
    {"weekdays", "LX_WEEKDAY"},   {"months", "LX_MONTH"},         {"aux", "LX_AUX"},
    {"orgwords", "LX_ORGWORD"},   {"dead", "LX_DEAD"},            {"meet", "LX_MEET"},
    {"time", "LX_TIMEWORD"},      {"determiners", "LX_DET"},      {"nosource", "LX_NOSRC"},
    {"cuenouns", "LX_CUE_NOUN"},
    {"clausewords", "LX_WL_CLAUSE"}, {"prepositions", "LX_WL_PREP"}, {"boundwords", "LX_WL_BOUND"},
    {"auxverbs", "LX_WL_AUXVERB"}, {"subjects", "LX_WL_SUBJECT"}, {"leadwords", "LX_WL_LEAD"},
    {"demonyms", "LX_DEMONYM"},   {"asides", "LX_WL_ASIDE"},  {"placewords", "LX_PLACE"},
    /* the second class word (tok.lex2) */
    {"findingnouns", "LX2_FINDING_NOUN"}, {"catenatives", "LX2_CATENATIVE"},
    {"raising", "LX2_RAISING"},   {"questionwords", "LX2_QUESTION"}, {"durations", "LX2_DURATION"},
    {"be", "LX2_BE"},             {"particles", "LX2_PARTICLE"},  {"particles_up", "LX2_PARTICLE_UP"},
    {"colonsources", "LX2_COLON_SOURCE"}, {"pagelabels", "LX2_PAGE_LABEL"},
    {"relatives", "LX2_RELATIVE"}, {"notnouns", "LX2_NOT_NOUN"}, {"hearsay", "LX2_HEARSAY"},
    {"pollwords", "LX2_POLL"},    {"pollafter", "LX2_POLL_AFTER"}, {"subordinators", "LX2_SUBORDINATOR"},
    {"saynouns", "LX2_SAY_NOUN"}, {"feelings", "LX2_FEELING"},    {"irregular", "LX2_IRREGULAR"},
    {"nameparticles", "LX2_NAME_PARTICLE"}, {"roman", "LX2_ROMAN"}, {"meetnouns", "LX2_MEET_NOUN"},
    {"openers", "LX2_OPENER"},
};

static struct ent *ents;
static size_t n_ents, cap_ents;
static char **lemmas;
static size_t n_lemmas;
/* cuegroups.txt's lines ("group: lemma; lemma ..."), read when every file
 * has been, since the lemmas are named by cues.txt and cues_weak.txt */
static char **group_lines;
static size_t n_group_lines;
/* the groups a line may name, and their WS_CG_* bits (src/internal.h) */
static const struct {
    const char *name, *bit;
} groups[] = {
    {"speech", "WS_CG_SPEECH"}, {"fronted", "WS_CG_FRONTED"}, {"colon", "WS_CG_COLON"},
    {"attitude", "WS_CG_ATTITUDE"},
};

static void die(const char *m, const char *x)
{
    fprintf(stderr, "lexgen: %s%s\n", m, x ? x : "");
    exit(1);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

/* cls is a '|'-separated list that holds c as a whole name */
static int has_class(const char *cls, const char *c)
{
    size_t l = strlen(c);
    for (const char *p = cls; (p = strstr(p, c)) != NULL; p += l)
        if ((p == cls || p[-1] == '|') && (p[l] == 0 || p[l] == '|'))
            return 1;
    return 0;
}

/* cls + "|" + c, or c when cls is empty */
static char *join_class(char *cls, const char *c)
{
    size_t l = strlen(cls) + strlen(c) + 2;
    char *j = malloc(l);
    if (!j)
        die("out of memory", NULL);
    snprintf(j, l, "%s%s%s", cls, *cls ? "|" : "", c);
    free(cls);
    return j;
}

static void add(const char *form, const char *cls, int lemma)
{
    int second = strncmp(cls, "LX2_", 4) == 0;
    for (size_t i = 0; i < n_ents; i++) {
        if (strcmp(ents[i].form, form) == 0) {
            if (second) {
                if (!has_class(ents[i].cls2, cls))
                    ents[i].cls2 = join_class(ents[i].cls2, cls);
            } else if (!strstr(ents[i].cls, cls)) {
                ents[i].cls = join_class(ents[i].cls, cls);
            }
            if (lemma >= 0 && ents[i].lemma < 0)
                ents[i].lemma = lemma;
            return;
        }
    }
    if (n_ents == cap_ents) {
        cap_ents = cap_ents ? cap_ents * 2 : 1024;
        ents = realloc(ents, cap_ents * sizeof *ents);
        if (!ents)
            die("out of memory", NULL);
    }
    ents[n_ents].form = strdup(form);
    ents[n_ents].cls = strdup(second ? "" : cls);
    ents[n_ents].cls2 = strdup(second ? cls : "");
    ents[n_ents].lemma = lemma;
    n_ents++;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(((const struct ent *)a)->form, ((const struct ent *)b)->form);
}

static void cstr(FILE *o, const char *s)
{
    fputc('"', o);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', o);
        fputc(*s, o);
    }
    fputc('"', o);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        die("usage: lexgen OUT.c FILE.txt...", NULL);
    for (int a = 2; a < argc; a++) {
        const char *base = strrchr(argv[a], '/');
        base = base ? base + 1 : argv[a];
        if (strcmp(base, "cuegroups.txt") == 0) {
            FILE *g = fopen(argv[a], "r");
            if (!g)
                die("cannot open ", argv[a]);
            char line[8192];
            while (fgets(line, sizeof line, g)) {
                char *h = strchr(line, '#');
                if (h)
                    *h = 0;
                int more = isspace((unsigned char)line[0]); /* an indented line goes on */
                char *s = trim(line);
                if (!*s)
                    continue;
                if (more && n_group_lines) {
                    char *prev = group_lines[n_group_lines - 1];
                    size_t l = strlen(prev) + strlen(s) + 2;
                    char *j = malloc(l);
                    if (!j)
                        die("out of memory", NULL);
                    snprintf(j, l, "%s %s", prev, s);
                    free(prev);
                    group_lines[n_group_lines - 1] = j;
                    continue;
                }
                group_lines = realloc(group_lines, (n_group_lines + 1) * sizeof *group_lines);
                if (!group_lines)
                    die("out of memory", NULL);
                group_lines[n_group_lines++] = strdup(s);
            }
            fclose(g);
            continue;
        }
        const char *cls = NULL;
        for (size_t k = 0; k < sizeof classes / sizeof *classes; k++)
            if (strncmp(base, classes[k].file, strlen(classes[k].file)) == 0 &&
                strcmp(base + strlen(classes[k].file), ".txt") == 0)
                cls = classes[k].cls;
        if (!cls)
            die("unknown lexicon file: ", argv[a]);
        FILE *f = fopen(argv[a], "r");
        if (!f)
            die("cannot open ", argv[a]);
        char line[8192];
        int is_cue = strcmp(cls, "LX_CUE") == 0 || strcmp(cls, "LX_CUE_WEAK") == 0;
        while (fgets(line, sizeof line, f)) {
            char *h = strchr(line, '#');
            if (h)
                *h = 0;
            char *s = trim(line);
            if (!*s)
                continue;
            int lemma = -1;
            if (is_cue) {
                char *semi = strchr(s, ';');
                size_t l = semi ? (size_t)(semi - s) : strlen(s);
                lemmas = realloc(lemmas, (n_lemmas + 1) * sizeof *lemmas);
                if (!lemmas)
                    die("out of memory", NULL);
                if (n_lemmas == 255) /* tok.cue_lemma has 9 bits */
                    die("too many cue lemmas in ", argv[a]);
                for (size_t k = 0; k < n_lemmas; k++)
                    if (strlen(lemmas[k]) == l && strncmp(lemmas[k], s, l) == 0)
                        die("a cue lemma on two lines: ", lemmas[k]);
                lemmas[n_lemmas] = strndup(s, l);
                lemma = (int)n_lemmas++;
            }
            for (char *tok = strtok(s, ";"); tok; tok = strtok(NULL, ";")) {
                char *w = trim(tok);
                for (char *p = w; *p; p++)
                    *p = (char)tolower((unsigned char)*p);
                if (!*w)
                    continue;
                const char *c = cls;
                if (is_cue && strcmp(cls, "LX_CUE") == 0) {
                    /* the participle of the first word: "pointing out" */
                    char first[256];
                    size_t fl = strcspn(w, " ");
                    snprintf(first, sizeof first, "%.*s", (int)fl, w);
                    size_t n = strlen(first);
                    if (n > 3 && strcmp(first + n - 3, "ing") == 0)
                        c = "LX_CUE_ING";
                }
                /* the tokenizer sets cls2 from one word's look-up, and a
                 * phrase's first word would get LX_PREFIX */
                if (strncmp(cls, "LX2_", 4) == 0 && strchr(w, ' '))
                    die("a phrase in a one-word lexicon: ", argv[a]);
                add(w, c, lemma);
                /* the first word of a multi-word entry starts a phrase */
                if (strchr(w, ' ')) {
                    char first[256];
                    snprintf(first, sizeof first, "%.*s", (int)strcspn(w, " "), w);
                    add(first, "LX_PREFIX", -1);
                    /* ... and of a cue, which the speakers stage looks up */
                    if (is_cue)
                        add(first, "LX_PHRASE_CUE", -1);
                }
            }
        }
        fclose(f);
    }
    qsort(ents, n_ents, sizeof *ents, cmp);
    FILE *o = fopen(argv[1], "w");
    if (!o)
        die("cannot write ", argv[1]);
    fprintf(o, "/* Generated by tools/lexgen from the lexicon/ files: do not edit. */\n");
    fprintf(o, "#include \"lexicon_table.h\"\n\n");
    fprintf(o, "const struct lex_entry ws_lex_table[] = {\n");
    for (size_t i = 0; i < n_ents; i++) {
        fprintf(o, "    {");
        cstr(o, ents[i].form);
        fprintf(o, ", %s, {{%d, %s}}},\n", *ents[i].cls ? ents[i].cls : "0", ents[i].lemma,
                *ents[i].cls2 ? ents[i].cls2 : "0");
    }
    fprintf(o, "};\nconst size_t ws_lex_table_n = %zu;\n\n", n_ents);
    /* each form's first eight bytes (zero-padded) and its length, so that a
     * short word is matched by one comparison (src/lexicon_table.h) */
    fprintf(o, "const struct lex_head ws_lex_heads[] = {\n");
    for (size_t i = 0; i < n_ents; i++) {
        size_t l = strlen(ents[i].form);
        fprintf(o, "    {{");
        for (size_t b = 0; b < 8; b++)
            fprintf(o, "%s%d", b ? ", " : "", b < l ? (int)(unsigned char)ents[i].form[b] : 0);
        fprintf(o, "}, %zu},\n", l > 255 ? (size_t)255 : l);
    }
    fprintf(o, "};\n\n");
    /* an open-addressing hash index over the sorted table (FNV-1a, as in
     * src/lexicon.c), at most a third full: most look-ups are of words it
     * does not hold, and a sparse index ends their probes sooner */
    size_t cap = 16;
    while (cap < 3 * n_ents)
        cap *= 2;
    unsigned *slot = calloc(cap, sizeof *slot);
    uint32_t *full = calloc(cap, sizeof *full);
    if (!slot || !full)
        die("out of memory", NULL);
    for (size_t i = 0; i < n_ents; i++) {
        uint32_t h = 2166136261u;
        for (const char *p = ents[i].form; *p; p++)
            h = (h ^ (unsigned char)*p) * 16777619u;
        size_t k = h & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = (unsigned)i + 1;
        full[k] = h;
    }
    /* each slot holds the entry's whole hash too: a probe that meets another
     * word's entry is told apart without reading its string */
    fprintf(o, "const struct lex_slot ws_lex_hash[] = {");
    for (size_t k = 0; k < cap; k++)
        fprintf(o, "%s{%u, %uu}", k % 8 ? ", " : ",\n    " + (k == 0), slot[k], (unsigned)full[k]);
    fprintf(o, "\n};\nconst size_t ws_lex_hash_n = %zu;\n\n", cap);
    /* a filter in front of the index: bit (hash >> 17) of WS_LEX_FILTER_BITS
     * is set for every entry's hash. It fits the first-level cache, and most
     * words the lexicon lacks are turned away by it without a probe. */
    uint64_t filter[WS_LEX_FILTER_BITS / 64] = {0};
    for (size_t k = 0; k < cap; k++)
        if (slot[k]) {
            uint32_t b = full[k] >> 17;
            filter[b / 64] |= (uint64_t)1 << (b % 64);
        }
    fprintf(o, "const uint64_t ws_lex_filter[WS_LEX_FILTER_BITS / 64] = {");
    for (size_t k = 0; k < WS_LEX_FILTER_BITS / 64; k++)
        fprintf(o, "%s0x%llxull", k % 4 ? ", " : ",\n    " + (k == 0), (unsigned long long)filter[k]);
    fprintf(o, "\n};\n\n");
    free(slot);
    free(full);
    fprintf(o, "const char *const ws_lex_lemmas[] = {\n");
    for (size_t i = 0; i < n_lemmas; i++) {
        fprintf(o, "    ");
        cstr(o, lemmas[i]);
        fprintf(o, ",\n");
    }
    fprintf(o, "};\nconst size_t ws_lex_lemmas_n = %zu;\n", n_lemmas);
    /* each lemma's groups, as cuegroups.txt names them */
    char **lg = calloc(n_lemmas ? n_lemmas : 1, sizeof *lg);
    if (!lg)
        die("out of memory", NULL);
    for (size_t i = 0; i < n_group_lines; i++) {
        char *colon = strchr(group_lines[i], ':');
        if (!colon)
            die("a cue group line without a colon: ", group_lines[i]);
        *colon = 0;
        const char *bit = NULL;
        for (size_t k = 0; k < sizeof groups / sizeof *groups; k++)
            if (strcmp(trim(group_lines[i]), groups[k].name) == 0)
                bit = groups[k].bit;
        if (!bit)
            die("unknown cue group: ", group_lines[i]);
        for (char *tok = strtok(colon + 1, ";"); tok; tok = strtok(NULL, ";")) {
            char *w = trim(tok);
            if (!*w)
                continue;
            size_t l = 0;
            while (l < n_lemmas && strcmp(lemmas[l], w) != 0)
                l++;
            if (l == n_lemmas)
                die("a cue group names no cue lemma: ", w);
            if (lg[l] && has_class(lg[l], bit))
                die("a lemma twice in one cue group: ", w);
            lg[l] = join_class(lg[l] ? lg[l] : strdup(""), bit);
        }
    }
    fprintf(o, "const uint8_t ws_lex_lemma_groups[] = {\n");
    for (size_t i = 0; i < n_lemmas; i++)
        fprintf(o, "    %s, /* %s */\n", lg[i] ? lg[i] : "0", lemmas[i]);
    fprintf(o, "};\n");
    return fclose(o) == 0 ? 0 : 1;
}

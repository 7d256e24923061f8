/*
 * test_attribution.c - the public API end to end: quotations, their cue,
 * source mention and speaker; entities; meetings; the JSON output contract of
 * ../shared/eval/FORMAT.md; writer failures; concurrent use from threads.
 *
 * Expectations follow the annotation conventions of tests/spec.txt (PolNeAR
 * majority annotation): content excludes the cue, the source and "that";
 * content spans are compared after trimming white space, quote marks and
 * ,.;: at both ends; the cue takes auxiliaries and adverbs right before the
 * verb but no object or time adverbial; the source is the mention as
 * written, with attached titles and a following apposition (without its
 * closing comma); the speaker is the canonical name of the person entity.
 * Every passage here was written for this file.
 */
#include "testutil.h"

#include <jansson.h>
#include <math.h>
#include <pthread.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define EXPECT(text, ...)                                                                   \
    do {                                                                                    \
        static const tu_expect exp_[] = {__VA_ARGS__};                                      \
        ws_doc_free(tu_expect_quotes((text), exp_, N_OF(exp_)));                            \
    } while (0)

/* A place's two-word name is no person ("New Hampshire voted"); a first
 * name and a surname are one */
static void test_place_names(void **state)
{
    (void)state;
    const char t[] = "New Hampshire voted on Tuesday. Ana Lindqvist watched the count in San Remo.";
    ws_doc *d = tu_analyze(t, 0);
    bool person_seen = false;
    for (size_t i = 0; i < ws_doc_entity_count(d); i++) {
        const ws_entity *e = ws_doc_entity(d, i);
        if (strcmp(e->name, "New Hampshire") == 0 || strcmp(e->name, "San Remo") == 0)
            assert_int_not_equal(e->type, WS_PERSON);
        if (strcmp(e->name, "Ana Lindqvist") == 0) {
            person_seen = true;
            assert_int_equal(e->type, WS_PERSON);
        }
    }
    assert_true(person_seen);
    ws_doc_free(d);
}

/* The people of a passage are exactly these names, in this order (the
 * organisations of its meetings come after them) */
static void expect_people(const char *text, const char *const *names, size_t n)
{
    ws_doc *d = tu_analyze(text, 0);
    size_t people = 0;
    for (size_t i = 0; i < ws_doc_entity_count(d); i++) {
        const ws_entity *e = ws_doc_entity(d, i);
        if (e->type != WS_PERSON)
            continue;
        if (people >= n || strcmp(e->name, names[people]) != 0)
            fail_msg("person %zu is \"%s\", expected \"%s\"", people, e->name, people < n ? names[people] : "(none)");
        people++;
    }
    assert_int_equal(people, n);
    ws_doc_free(d);
}

/* No person from a title-case headline, a seat in brackets, a party before
 * a title, a street, the rest of a body's name, a page label, a lone
 * capital letter, a participle, a plural group, a dateline with a colon; a
 * couple shares a surname */
static void test_not_people(void **state)
{
    (void)state;
    static const char *const a[] = {"Ana Ruiz", "Aisha Bello", "Aoife Brennock"};
    expect_people("Crypto Lender Pellucid Halts Withdrawals as Token Slumps 40%\n\n"
                  "The lender froze withdrawals, chief executive Ana Ruiz said. Senator Aisha Bello "
                  "(Kano Central) said the tariff was unfair. Sinn Nua leader Aoife Brennock said no.",
                  a, N_OF(a));
    static const char *const b[] = {"Lorraine Pasco", "Emeka Obiora"};
    expect_people("Lorraine Pasco, 52, of Elm Close, admitted theft on Thika Road. The figures were wrong, the "
                  "Department for Transport confirmed.\nPhoto: Flooded streets in Harwell.\nOne traveller "
                  "posted on X: \"Three hours.\" Reacting, Chief Emeka Obiora said it had failed. Unions say "
                  "pay is low. The Teamsters said talks failed.",
                  b, N_OF(b));
    static const char *const c[] = {"Cheryl Dunstan", "Wayne Dunstan"};
    expect_people("Wayne and Cheryl Dunstan fled. \"We ran,\" Mr Dunstan said.", c, N_OF(c));
    /* a dateline or kicker with a colon, the article's one label, is no one */
    static const char *const e[] = {"Meena Rao"};
    expect_people("BHAVANPUR: The district collector, Meena Rao, said the dam was safe.", e, N_OF(e));
    expect_people("BUSTED: Emails Reveal Aide Helped Reporter\n\nThe emails were leaked.", NULL, 0);
    static const char *const f[] = {"TAPPER", "FALLIN"};
    expect_people("TAPPER: Do you think he can heal?\n\nFALLIN: Well, I think so.", f, N_OF(f));
    /* a body in a meeting is an entity, and its quotation resolves to no one */
    ws_doc *d = tu_analyze("The Teamsters met Governor Tom Baker on Monday and said talks had failed.", 0);
    assert_int_equal(ws_doc_quote_count(d), 1);
    assert_int_equal(ws_doc_quote(d, 0)->entity, -1);
    assert_int_equal(ws_doc_entity_count(d), 2);
    assert_int_equal(ws_doc_entity(d, 1)->type, WS_ORGANIZATION);
    ws_doc_free(d);
}

/* ---- Q-S-C: "quote," source cue ----------------------------------------------- */

static void test_qsc_title(void **state)
{
    (void)state;
    EXPECT("\"The bridge will reopen in May,\" Mayor Carla Ruiz said on Tuesday.",
           {{"The bridge will reopen in May"}, "direct", "said", "Mayor Carla Ruiz", "Carla Ruiz"});
}

static void test_qsc_pronoun(void **state)
{
    (void)state;
    EXPECT("Sen. Omar Lutz left the hearing early. \xE2\x80\x9CI have nothing to add,\xE2\x80\x9D he "
           "said.",
           {{"I have nothing to add"}, "direct", "said", "he", "Omar Lutz"});
}

static void test_qsc_surname(void **state)
{
    (void)state;
    EXPECT("Sofia Berg designed the concert hall in Aarhus. \"Light was the whole point,\" Berg "
           "said.",
           {{"Light was the whole point"}, "direct", "said", "Berg@2", "Sofia Berg"});
}

/* Offsets are code points: the same passage checked with numbers. */
static void test_qsc_codepoints(void **state)
{
    (void)state;
    /* Zoë Núñez bought the café. “Ça marche très bien,” Núñez said.
     * “ at 27, Ça at 28, bien ends at 47, Núñez@2 at [50,55), said at [56,60) */
    const char t[] = "Zo\xC3\xAB N\xC3\xBA\xC3\xB1" "ez bought the caf\xC3\xA9. \xE2\x80\x9C\xC3\x87" "a "
                     "marche tr\xC3\xA8s bien,\xE2\x80\x9D N\xC3\xBA\xC3\xB1" "ez said.";
    ws_doc *d = tu_analyze(t, 0);
    assert_int_equal(ws_doc_length(d), 61);
    size_t ncp;
    uint32_t *cp = tu_doc_cps(d, &ncp);
    bool ok = ws_doc_quote_count(d) == 1;
    if (ok) {
        const ws_quote *q = ws_doc_quote(d, 0);
        ws_span c = tu_trim(cp, q->content[0]);
        ws_span cue = tu_trim_space(cp, q->cue), src = tu_trim_space(cp, q->source);
        ok = q->n_content == 1 && c.start == 28 && c.end == 47 && q->has_cue && cue.start == 56 &&
             cue.end == 60 && q->has_source && src.start == 50 && src.end == 55 &&
             q->type == WS_DIRECT && q->entity >= 0 &&
             strcmp(ws_doc_entity(d, (size_t)q->entity)->name, "Zo\xC3\xAB N\xC3\xBA\xC3\xB1" "ez") == 0;
    }
    if (!ok)
        tu_dump(d);
    free(cp);
    ws_doc_free(d);
    assert_true(ok);
}

/* ---- Q-C-S: "quote," cue source ----------------------------------------------- */

static void test_qcs_title(void **state)
{
    (void)state;
    EXPECT("\xE2\x80\x9C" "Exports grew by a fifth,\xE2\x80\x9D said Trade Minister Ines Varela.",
           {{"Exports grew by a fifth"}, "direct", "said", "Trade Minister Ines Varela",
            "Ines Varela"});
}

/* the apposition is part of the source, without its closing comma
 * (tests/spec.txt, conventions 2) */
static void test_qcs_apposition(void **state)
{
    (void)state;
    EXPECT("\"The station will close in June,\" said Pavel Novak, the regional rail director.",
           {{"The station will close in June"}, "direct", "said",
            "Pavel Novak, the regional rail director", "Pavel Novak"});
}

/* ---- S-C-Q with a colon ---------------------------------------------------------- */

static void test_scq_colon(void **state)
{
    (void)state;
    EXPECT("Health Minister Farida Okoye said: \xE2\x80\x9C" "Every clinic will have a doctor by "
           "June.\xE2\x80\x9D",
           {{"Every clinic will have a doctor by June"}, "direct", "said",
            "Health Minister Farida Okoye", "Farida Okoye"});
}

static void test_scq_told_object(void **state)
{
    (void)state;
    /* the cue is the verb without its object */
    EXPECT("Pavel Novak told reporters: \"The trains will run again on Monday.\"",
           {{"The trains will run again on Monday"}, "direct", "told", "Pavel Novak",
            "Pavel Novak"});
}

static void test_scq_pronoun(void **state)
{
    (void)state;
    EXPECT("Judge Nora Falk read the verdict on Friday. She said: \xE2\x80\x9CThe law leaves me "
           "no choice.\xE2\x80\x9D",
           {{"The law leaves me no choice"}, "direct", "said", "She", "Nora Falk"});
}

/* ---- interrupted quotes: one quote, two fragments --------------------------------- */

static void test_interrupted_qsc(void **state)
{
    (void)state;
    EXPECT("\xE2\x80\x9CThe reform,\xE2\x80\x9D Governor Lars Eck said, \xE2\x80\x9Cwill cost the "
           "taxpayer nothing.\xE2\x80\x9D",
           {{"The reform", "will cost the taxpayer nothing"}, "mixed", "said",
            "Governor Lars Eck", "Lars Eck"});
}

static void test_interrupted_qcs_apposition(void **state)
{
    (void)state;
    EXPECT("\"If prices fall,\" said Mira Tan, an economist at the central bank, \"wages will "
           "follow.\"",
           {{"If prices fall", "wages will follow"}, "mixed", "said",
            "Mira Tan, an economist at the central bank", "Mira Tan"});
}

static void test_interrupted_has_two_fragments(void **state)
{
    (void)state;
    const char t[] = "\xE2\x80\x9CThe reform,\xE2\x80\x9D Governor Lars Eck said, \xE2\x80\x9Cwill "
                     "cost the taxpayer nothing.\xE2\x80\x9D";
    ws_doc *d = tu_analyze(t, 0);
    size_t ncp;
    uint32_t *cp = tu_doc_cps(d, &ncp);
    bool ok = ws_doc_quote_count(d) == 1 && ws_doc_quote(d, 0)->n_content == 2;
    if (ok) {
        /* in reading order, and neither fragment takes in the cue or the source */
        const ws_quote *q = ws_doc_quote(d, 0);
        ws_span a = tu_trim(cp, q->content[0]), b = tu_trim(cp, q->content[1]);
        ws_span src = tu_at(t, "Governor Lars Eck"), cue = tu_at(t, "said");
        ok = a.end <= src.start && b.start >= cue.end && a.end <= b.start;
    }
    if (!ok)
        tu_dump(d);
    free(cp);
    ws_doc_free(d);
    assert_true(ok);
}

/* a quotation over three paragraphs, each reopening it: one quote, type
 * mixed (tests/spec.txt, conventions 5) */
static void test_multi_paragraph(void **state)
{
    (void)state;
    EXPECT("Marta Silva told the rally in Porto: \xE2\x80\x9CNurses have waited six years.\n\n"
           "\xE2\x80\x9CThey have worked double shifts.\n\n"
           "\xE2\x80\x9CWe will strike.\xE2\x80\x9D",
           {{"Nurses have waited six years", "They have worked double shifts", "We will strike"},
            "mixed", "told", "Marta Silva", "Marta Silva"});
}

/* a sentence-initial adverb belongs to neither the source nor the cue */
static void test_sentence_initial_adverb(void **state)
{
    (void)state;
    EXPECT("Finance Minister Rosa Lind presented the budget on Monday. Later she added, "
           "\xE2\x80\x9CNobody should expect new taxes.\xE2\x80\x9D",
           {{"Nobody should expect new taxes"}, "direct", "added", "she", "Rosa Lind"});
}

/* ---- indirect speech ---------------------------------------------------------------- */

static void test_indirect_said_that(void **state)
{
    (void)state;
    EXPECT("Finance Minister Jonas Weber said that inflation would fall below 2 percent next year.",
           {{"that inflation would fall below 2 percent next year"}, "indirect", "said",
            "Finance Minister Jonas Weber", "Jonas Weber"});
}

static void test_indirect_said_no_that(void **state)
{
    (void)state;
    EXPECT("Police Chief Rosa Alves said 12 people had been detained overnight.",
           {{"12 people had been detained overnight"}, "indirect", "said",
            "Police Chief Rosa Alves", "Rosa Alves"});
}

static void test_indirect_told_reporters_that(void **state)
{
    (void)state;
    EXPECT("Energy Minister Tariq Haddad visited the port on Sunday. Haddad told reporters that "
           "the refinery would open in 2027.",
           {{"that the refinery would open in 2027"}, "indirect", "told", "Haddad@2", "Tariq Haddad"});
}

static void test_according_to_trailing(void **state)
{
    (void)state;
    EXPECT("The airport will open in 2026, according to Transport Minister Ines Varela.",
           {{"The airport will open in 2026"}, "indirect", "according to",
            "Transport Minister Ines Varela", "Ines Varela"});
}

static void test_according_to_leading(void **state)
{
    (void)state;
    EXPECT("According to Police Chief Rosa Alves, the warehouse fire was started deliberately.",
           {{"the warehouse fire was started deliberately"}, "indirect", "According to",
            "Police Chief Rosa Alves", "Rosa Alves"});
}

/* The learned source ranker (src/sourcemodel.c) and the sieves: a passive
 * cue names its hearer, not its source (PolNeAR train: "was asked" and the
 * like, no source 26 : 3), models or not; in "X offered the man a job as
 * Secretary of Transport, then says …" the one who says is X (the sieves
 * take ", then" for a second verb of the subject since the seventeenth
 * session; before, only the ranker undid their pick of the office, and a
 * retraining of the seventeenth session made it keep the office). Both hold
 * with --rules-only (WS_RULES_ONLY) and with the models. */
static void test_source_ranker(void **state)
{
    (void)state;
    const char *passive = "The new ferry line opened on Monday.\n\nAt a town hall in Eastport "
                          "earlier this month, Mayor Tomas Berg was asked about the fares.";
    const char *offer = "Mayor Tomas Berg jokingly offered the man a job as Secretary of Transport, "
                        "then says he will welcome advice from anyone.";
    const struct {
        const char *const *text;
        unsigned flags;
        const char *source; /* NULL: none */
    } cases[] = {{&passive, 0, NULL},
                 {&passive, WS_RULES_ONLY, NULL}, /* the passive rule (speakers.c), models or not */
                 {&offer, 0, "Mayor Tomas Berg"},
                 {&offer, WS_RULES_ONLY, "Mayor Tomas Berg"}};
    for (size_t i = 0; i < N_OF(cases); i++) {
        const char *t = *cases[i].text;
        ws_doc *d = tu_analyze(t, cases[i].flags);
        /* the last attribution: the passage's only one, or "then says" */
        assert_int_equal(ws_doc_quote_count(d), cases[i].source && t == offer ? 2 : 1);
        const ws_quote *q = ws_doc_quote(d, ws_doc_quote_count(d) - 1);
        if (!cases[i].source) {
            assert_false(q->has_source);
            assert_int_equal(q->entity, -1);
        } else {
            ws_span want = tu_at(t, cases[i].source);
            assert_true(q->has_source);
            assert_int_equal(q->source.start, want.start);
            assert_int_equal(q->source.end, want.end);
        }
        ws_doc_free(d);
    }
}

static void test_colon_without_marks(void **state)
{
    (void)state;
    EXPECT("Finance Minister Jonas Weber stated: The budget will be balanced by 2027.",
           {{"The budget will be balanced by 2027"}, "indirect", "stated",
            "Finance Minister Jonas Weber", "Jonas Weber"});
}

static void test_according_to_document(void **state)
{
    (void)state;
    EXPECT("According to a ministry report, unemployment fell to 6 percent in March.",
           {{"unemployment fell to 6 percent in March"}, "indirect", "According to",
            "a ministry report", NULL});
}

/* an adverb right before the verb is part of the cue (tests/spec.txt,
 * conventions 3) */
static void test_colon_without_marks_title(void **state)
{
    (void)state;
    EXPECT("Interior Minister Paulo Reis met the border police on Monday. The Interior Minister "
           "then stated: Now is the time to hire more officers.",
           {{"Now is the time to hire more officers"}, "indirect", "then stated",
            "The Interior Minister", "Paulo Reis"});
}

/* ---- speakers ------------------------------------------------------------------------ */

/* "Pell, the senator," gives a title; "Ruiz, this isn't a campaign," is a
 * clause and gives none */
static void test_apposition_titles(void **state)
{
    (void)state;
    const char t[] = "Tom Pell, the senator, met Ana Ruiz on Monday. \xE2\x80\x9CI told Ana Ruiz, "
                     "this isn't a campaign, this is a movement,\xE2\x80\x9D Pell said.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    int pell = tu_entity_named(d, "Tom Pell"), ruiz = tu_entity_named(d, "Ana Ruiz");
    assert_true(pell >= 0 && ruiz >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)pell);
    assert_int_equal(e->n_titles, 1);
    assert_string_equal(e->titles[0], "senator");
    assert_int_equal(ws_doc_entity(d, (size_t)ruiz)->n_titles, 0);
    ws_doc_free(d);
}

/* A common noun's possessive is no part of a title, before the name or
 * after it: "the country's health minister, Peter Otieno," and "Amara
 * Nwosu, the agency's director-general," */
static void test_possessive_owner_not_title(void **state)
{
    (void)state;
    const char t[] = "The country's health minister, Peter Otieno, spoke first. Dr. Amara Nwosu, the "
                     "agency's director-general, said the risk was high.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    int otieno = tu_entity_named(d, "Peter Otieno"), nwosu = tu_entity_named(d, "Amara Nwosu");
    assert_true(otieno >= 0 && nwosu >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)otieno);
    assert_int_equal(e->n_titles, 1);
    assert_string_equal(e->titles[0], "health minister");
    e = ws_doc_entity(d, (size_t)nwosu);
    assert_int_equal(e->n_titles, 2);
    assert_string_equal(e->titles[0], "Dr.");
    assert_string_equal(e->titles[1], "director-general");
    ws_doc_free(d);
}

/* "Ms Marsh" gives no title: an honorific alone says nothing about who she
 * is */
static void test_honorific_no_title(void **state)
{
    (void)state;
    const char t[] = "Helen Marsh spoke first. Ms Marsh said the talks were useful.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    int id = tu_entity_named(d, "Helen Marsh");
    assert_true(id >= 0);
    assert_int_equal(ws_doc_entity(d, (size_t)id)->n_titles, 0);
    ws_doc_free(d);
}

/* "the foreign minister, Anders Berg." gives him the title; a list ("the
 * president, the vice president, Susan Rice,") and a clause ("were he the
 * nominee, Tom Hale would …") give none */
static void test_title_before_name(void **state)
{
    (void)state;
    const char t[] = "Lena Dahl met the foreign minister, Anders Berg. The president, the vice "
                     "president, Susan Rice, all came. Were he to become the nominee, Tom Hale would "
                     "win.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    int berg = tu_entity_named(d, "Anders Berg"), rice = tu_entity_named(d, "Susan Rice"),
        hale = tu_entity_named(d, "Tom Hale");
    assert_true(berg >= 0 && rice >= 0 && hale >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)berg);
    assert_int_equal(e->n_titles, 1);
    assert_string_equal(e->titles[0], "foreign minister");
    assert_int_equal(ws_doc_entity(d, (size_t)rice)->n_titles, 0);
    assert_int_equal(ws_doc_entity(d, (size_t)hale)->n_titles, 0);
    ws_doc_free(d);
}

/* "In a meeting with Hamas Secretary General, Dr. Kamal Kharazi stated": the
 * title is the object of a fronted phrase whose name is the next clause's
 * subject, so it is not his; "Dr." is (shown, though no alias), "Mr." is not */
static void test_fronted_object_title(void **state)
{
    (void)state;
    const char t[] = "After talks with Harbour Board Chairman, Dr. Lena Vogt told reporters the port "
                     "would stay open. Harbour Board Chairman Tomas Berg flew home. Mr. Ivo Lind "
                     "stayed.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    int vogt = tu_entity_named(d, "Lena Vogt"), berg = tu_entity_named(d, "Tomas Berg"),
        lind = tu_entity_named(d, "Ivo Lind");
    assert_true(vogt >= 0 && berg >= 0 && lind >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)vogt);
    assert_int_equal(e->n_titles, 1);
    assert_string_equal(e->titles[0], "Dr.");
    e = ws_doc_entity(d, (size_t)berg);
    assert_int_equal(e->n_titles, 1);
    assert_string_equal(e->titles[0], "Harbour Board Chairman");
    assert_int_equal(ws_doc_entity(d, (size_t)lind)->n_titles, 0);
    /* and "talks with" is the meeting, no cue: one quotation */
    assert_int_equal(ws_doc_quote_count(d), 1);
    ws_doc_free(d);
}

/* "the Secretary General's proposals" is a title in the possessive, an
 * alias of the person with that title, not a person called "General" */
static void test_possessive_title(void **state)
{
    (void)state;
    const char t[] = "UN Secretary General Amara Okoye arrived on Monday. Heller said he would study "
                     "the Secretary General's proposals.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    assert_int_equal(tu_entity_named(d, "General"), -1);
    int id = tu_entity_named(d, "Amara Okoye");
    assert_true(id >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)id);
    ws_span p = tu_at(t, "Secretary General's");
    bool found = false;
    for (size_t i = 0; i < e->n_mentions; i++)
        found |= e->mentions[i].start == p.start && e->mentions[i].end == p.end;
    assert_true(found);
    ws_doc_free(d);
}

/* "the Green party said": the body speaks; no person "Green" is left with
 * no mention */
static void test_body_name_no_person(void **state)
{
    (void)state;
    const char t[] = "Finance Minister Jonas Keller, whose Green party wants a wealth tax, spoke. The "
                     "Green party said the tax was fair.";
    ws_doc *d;
    ws_error err;
    assert_int_equal(ws_analyze(t, strlen(t), NULL, &d, &err), WS_OK);
    assert_int_equal(tu_entity_named(d, "Green"), -1);
    assert_true(tu_entity_named(d, "Jonas Keller") >= 0);
    ws_doc_free(d);
}

static void test_title_alias(void **state)
{
    (void)state;
    const char t[] = "Foreign Minister Ana Duarte arrived in Madrid on Sunday. \xE2\x80\x9CWe came to "
                     "listen,\xE2\x80\x9D the Foreign Minister said.";
    ws_doc *d;
    {
        static const tu_expect e[] = {
            {{"We came to listen"}, "direct", "said", "the Foreign Minister", "Ana Duarte"}};
        d = tu_expect_quotes(t, e, 1);
    }
    /* the entity carries the title, and both mentions */
    int id = tu_entity_named(d, "Ana Duarte");
    assert_true(id >= 0);
    const ws_entity *e = ws_doc_entity(d, (size_t)id);
    assert_int_equal(e->id, id);
    assert_int_equal(e->type, WS_PERSON);
    bool title = false;
    for (size_t i = 0; i < e->n_titles; i++)
        if (strcmp(e->titles[i], "Foreign Minister") == 0)
            title = true;
    assert_true(title);
    ws_span first = tu_at(t, "Ana Duarte"), second = tu_at(t, "Foreign Minister@2");
    bool m1 = false, m2 = false;
    for (size_t i = 0; i < e->n_mentions; i++) {
        ws_span m = e->mentions[i];
        m1 |= m.start < first.end && first.start < m.end;
        m2 |= m.start < second.end && second.start < m.end;
        if (i)
            assert_true(e->mentions[i - 1].start <= m.start);
    }
    assert_true(m1);
    assert_true(m2);
    ws_doc_free(d);
}

static void test_lowercase_title_alias(void **state)
{
    (void)state;
    EXPECT("Interior Minister Paulo Reis visited the camp on Monday. \"Nobody will be deported,\" "
           "the minister said.",
           {{"Nobody will be deported"}, "direct", "said", "the minister", "Paulo Reis"});
}

static void test_pronoun_skips_participial_name(void **state)
{
    (void)state;
    EXPECT("Mayor Ivan Sokol faced the council on Monday. Answering a question from Councillor "
           "Tomas Berg, he said the budget was final.",
           {{"the budget was final"}, "indirect", "said", "he", "Ivan Sokol"});
}

static void test_pronoun_skips_participial_name_direct(void **state)
{
    (void)state;
    EXPECT("Gov. Rhea Lindgren toured the flooded valley on Thursday. Standing next to farmer "
           "Otto Kranz, she said: \xE2\x80\x9CNobody here will be forgotten.\xE2\x80\x9D",
           {{"Nobody here will be forgotten"}, "direct", "said", "she", "Rhea Lindgren"});
}

static void test_she_and_he(void **state)
{
    (void)state;
    EXPECT("Senator Maria Lopez and Governor Daniel Stone debated the tax plan on Friday. "
           "\xE2\x80\x9CIt punishes families,\xE2\x80\x9D she said. \xE2\x80\x9CIt pays for "
           "schools,\xE2\x80\x9D he replied.",
           {{"It punishes families"}, "direct", "said", "she", "Maria Lopez"},
           {{"It pays for schools"}, "direct", "replied", "he", "Daniel Stone"});
}

/* ---- meetings ------------------------------------------------------------------------- */

static const char *entity_name(const ws_doc *d, int id)
{
    const ws_entity *e = id >= 0 ? ws_doc_entity(d, (size_t)id) : NULL;
    return e ? e->name : "(none)";
}

static void dump_events(const ws_doc *d)
{
    print_message("  %zu event(s):\n", ws_doc_event_count(d));
    for (size_t i = 0; i < ws_doc_event_count(d); i++) {
        const ws_event *ev = ws_doc_event(d, i);
        print_message("   [%zu] type=%d when=%s participants:", i, (int)ev->type,
                      ev->when ? ev->when : "(null)");
        for (size_t k = 0; k < ev->n_participants; k++)
            print_message(" %s;", entity_name(d, ev->participants[k]));
        print_message("\n");
    }
}

/* Exactly one meeting, between a and b, at when (NULL: none). */
static void expect_meeting(const ws_doc *d, const char *text, const char *a, const char *b,
                           const char *when)
{
    bool ok = ws_doc_event_count(d) == 1;
    if (ok) {
        const ws_event *ev = ws_doc_event(d, 0);
        ok = ev->type == WS_MEETING && ev->n_participants == 2;
        bool has_a = false, has_b = false;
        for (size_t k = 0; ok && k < ev->n_participants; k++) {
            const char *nm = entity_name(d, ev->participants[k]);
            has_a |= strcmp(nm, a) == 0;
            has_b |= strcmp(nm, b) == 0;
        }
        ok = ok && has_a && has_b;
        if (ok && when) {
            ws_span w = tu_at(text, when);
            char buf[64];
            ok = ev->when && strcmp(ev->when, when) == 0 && ev->when_span.start == w.start &&
                 ev->when_span.end == w.end &&
                 strcmp(tu_text(d, ev->when_span, buf, sizeof buf), when) == 0 &&
                 ev->span.start <= w.start && ev->span.end >= w.end;
        } else if (ok) {
            ok = ev->when == NULL;
        }
        if (ok) /* the span is the reporting sentence: it contains both names */
            ok = ev->span.start <= tu_at(text, a).start && ev->span.end >= tu_at(text, b).end &&
                 ev->span.end <= ws_doc_length(d);
    }
    if (!ok) {
        print_message("  expected one meeting: %s; %s; when=%s\n", a, b, when ? when : "null");
        dump_events(d);
    }
    assert_true(ok);
}

static void test_meeting_met(void **state)
{
    (void)state;
    const char t[] = "Foreign Minister Lena Varga met Defence Minister Tomas Renner in Vienna on "
                     "Monday.";
    ws_doc *d = tu_analyze(t, 0);
    expect_meeting(d, t, "Lena Varga", "Tomas Renner", "Monday");
    assert_int_equal(ws_doc_quote_count(d), 0);
    ws_doc_free(d);
    /* the flag turns the detector off */
    d = tu_analyze(t, WS_NO_EVENTS);
    assert_int_equal(ws_doc_event_count(d), 0);
    ws_doc_free(d);
}

static void test_meeting_seed_pattern(void **state)
{
    (void)state;
    const char t[] = "In a Saturday meeting with Prime Minister Ilse Hahn, Dr. Amir Rostami said the "
                     "talks had been frank.";
    static const tu_expect e[] = {
        {{"the talks had been frank"}, "indirect", "said", "Dr. Amir Rostami", "Amir Rostami"}};
    ws_doc *d = tu_expect_quotes(t, e, 1);
    expect_meeting(d, t, "Amir Rostami", "Ilse Hahn", "Saturday");
    ws_doc_free(d);
}

static void test_meeting_held_talks(void **state)
{
    (void)state;
    const char t[] = "Prime Minister Ana Duarte held talks with Chancellor Greta Vogel in Lisbon on "
                     "Friday. \xE2\x80\x9C" "Europe needs both of our ports,\xE2\x80\x9D Vogel told "
                     "reporters afterwards.";
    static const tu_expect e[] = {
        {{"Europe needs both of our ports"}, "direct", "told", "Vogel@2", "Greta Vogel"}};
    ws_doc *d = tu_expect_quotes(t, e, 1);
    expect_meeting(d, t, "Ana Duarte", "Greta Vogel", "Friday");
    ws_doc_free(d);
}

static void test_meeting_reporters_is_none(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze("Foreign Minister Lena Varga met reporters at the airport on Monday.", 0);
    if (ws_doc_event_count(d))
        dump_events(d);
    assert_int_equal(ws_doc_event_count(d), 0);
    ws_doc_free(d);
}

/* ---- JSON output ------------------------------------------------------------------------ */

static const char json_text[] =
    "In a Saturday meeting with Prime Minister Ilse Hahn, Dr. Amir Rostami said the talks had been "
    "frank.\n\n"
    "\xE2\x80\x9CTabs\tand back\\slashes \xF0\x9F\x98\x80 are fine,\xE2\x80\x9D Rostami added. "
    "\"Yes,\" said Hahn.";

static json_t *parse_json(const char *s)
{
    json_error_t jerr;
    json_t *root = json_loads(s, 0, &jerr);
    if (!root)
        fail_msg("output is not JSON: %s at column %d\n%s", jerr.text, jerr.column, s);
    return root;
}

static bool json_span_is(json_t *a, ws_span s)
{
    return json_is_array(a) && json_array_size(a) == 2 && json_is_integer(json_array_get(a, 0)) &&
           json_is_integer(json_array_get(a, 1)) &&
           (size_t)json_integer_value(json_array_get(a, 0)) == s.start &&
           (size_t)json_integer_value(json_array_get(a, 1)) == s.end;
}

/* A list of fragments [[s, e], ...] equal to spans. */
static bool json_spans_are(json_t *a, const ws_span *s, size_t n)
{
    if (!json_is_array(a) || json_array_size(a) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!json_span_is(json_array_get(a, i), s[i]))
            return false;
    return true;
}

static void expect_span_text(const ws_doc *d, json_t *j, ws_span s)
{
    char buf[1024];
    assert_true(json_is_string(j));
    assert_string_equal(json_string_value(j), tu_text(d, s, buf, sizeof buf));
}

static void test_json_fields(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze(json_text, 0);
    char *out = tu_json(d, "\"doc \\\"1\\\"\"");
    assert_non_null(out);
    assert_null(strchr(out, '\n')); /* one line */
    json_t *root = parse_json(out);
    assert_true(json_is_object(root));
    assert_string_equal(json_string_value(json_object_get(root, "id")), "doc \"1\"");

    json_t *quotes = json_object_get(root, "quotes");
    assert_true(json_is_array(quotes));
    assert_int_equal(json_array_size(quotes), ws_doc_quote_count(d));
    assert_true(json_array_size(quotes) >= 1);
    for (size_t i = 0; i < json_array_size(quotes); i++) {
        json_t *jq = json_array_get(quotes, i);
        const ws_quote *q = ws_doc_quote(d, i);
        assert_true(json_is_object(jq));
        assert_true(json_spans_are(json_object_get(jq, "content"), q->content, q->n_content));
        json_t *text = json_object_get(jq, "text");
        assert_true(json_is_string(text));
        if (q->n_content == 1)
            expect_span_text(d, text, q->content[0]);
        const char *type = json_string_value(json_object_get(jq, "type"));
        assert_non_null(type);
        assert_string_equal(type, tu_type_name(q->type));
        if (q->has_cue) {
            assert_true(json_spans_are(json_object_get(jq, "cue"), &q->cue, 1));
            expect_span_text(d, json_object_get(jq, "cue_text"), q->cue);
        } else {
            assert_true(json_is_null(json_object_get(jq, "cue")));
            assert_true(json_is_null(json_object_get(jq, "cue_text")));
        }
        if (q->has_source) {
            assert_true(json_spans_are(json_object_get(jq, "source"), &q->source, 1));
            expect_span_text(d, json_object_get(jq, "source_text"), q->source);
        } else {
            assert_true(json_is_null(json_object_get(jq, "source")));
            assert_true(json_is_null(json_object_get(jq, "source_text")));
        }
        json_t *spk = json_object_get(jq, "speaker"), *ent = json_object_get(jq, "entity");
        if (q->entity >= 0) {
            assert_true(json_is_integer(ent));
            assert_int_equal(json_integer_value(ent), q->entity);
            assert_true(json_is_string(spk));
            assert_string_equal(json_string_value(spk), ws_doc_entity(d, (size_t)q->entity)->name);
        } else {
            assert_true(json_is_null(ent));
            assert_true(json_is_null(spk));
        }
        json_t *conf = json_object_get(jq, "confidence");
        assert_true(json_is_number(conf));
        assert_true(json_number_value(conf) >= 0.0 && json_number_value(conf) <= 1.0);
        assert_true(fabs(json_number_value(conf) - q->confidence) <= 0.006);
    }

    json_t *ents = json_object_get(root, "entities");
    assert_true(json_is_array(ents));
    assert_int_equal(json_array_size(ents), ws_doc_entity_count(d));
    for (size_t i = 0; i < json_array_size(ents); i++) {
        json_t *je = json_array_get(ents, i);
        const ws_entity *e = ws_doc_entity(d, i);
        assert_true(json_is_integer(json_object_get(je, "id")));
        assert_int_equal(json_integer_value(json_object_get(je, "id")), i);
        assert_int_equal(e->id, (int)i);
        assert_string_equal(json_string_value(json_object_get(je, "name")), e->name);
        const char *type = json_string_value(json_object_get(je, "type"));
        assert_non_null(type);
        assert_string_equal(type, e->type == WS_PERSON ? "person" : "organization");
        json_t *titles = json_object_get(je, "titles");
        assert_true(json_is_array(titles));
        assert_int_equal(json_array_size(titles), e->n_titles);
        for (size_t t = 0; t < e->n_titles; t++)
            assert_string_equal(json_string_value(json_array_get(titles, t)), e->titles[t]);
        assert_true(json_spans_are(json_object_get(je, "mentions"), e->mentions, e->n_mentions));
    }

    json_t *evs = json_object_get(root, "events");
    assert_true(json_is_array(evs));
    assert_int_equal(json_array_size(evs), ws_doc_event_count(d));
    assert_true(json_array_size(evs) >= 1);
    for (size_t i = 0; i < json_array_size(evs); i++) {
        json_t *jv = json_array_get(evs, i);
        const ws_event *ev = ws_doc_event(d, i);
        assert_string_equal(json_string_value(json_object_get(jv, "type")), "meeting");
        json_t *parts = json_object_get(jv, "participants");
        assert_true(json_is_array(parts));
        assert_int_equal(json_array_size(parts), ev->n_participants);
        for (size_t k = 0; k < ev->n_participants; k++) {
            json_t *p = json_array_get(parts, k);
            assert_true(json_is_integer(p));
            assert_int_equal(json_integer_value(p), ev->participants[k]);
            assert_true(json_integer_value(p) >= 0 &&
                        (size_t)json_integer_value(p) < ws_doc_entity_count(d));
        }
        json_t *when = json_object_get(jv, "when");
        if (ev->when)
            assert_string_equal(json_string_value(when), ev->when);
        else
            assert_true(json_is_null(when));
        assert_true(json_spans_are(json_object_get(jv, "span"), &ev->span, 1));
    }
    json_decref(root);
    free(out);

    /* a NULL id is written as null */
    out = tu_json(d, NULL);
    assert_non_null(out);
    root = parse_json(out);
    assert_true(json_is_null(json_object_get(root, "id")));
    json_decref(root);
    free(out);
    ws_doc_free(d);
}

/* Escapes: the quote with a tab, a backslash and an emoji round-trips. */
static void test_json_escapes(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze(json_text, 0);
    char *out = tu_json(d, "17");
    assert_non_null(out);
    json_t *root = parse_json(out);
    assert_int_equal(json_integer_value(json_object_get(root, "id")), 17);
    json_t *quotes = json_object_get(root, "quotes");
    bool found = false;
    for (size_t i = 0; i < json_array_size(quotes); i++) {
        const char *s = json_string_value(json_object_get(json_array_get(quotes, i), "text"));
        if (s && strstr(s, "Tabs\tand back\\slashes \xF0\x9F\x98\x80 are fine"))
            found = true;
    }
    if (!found)
        print_message("output: %s\n", out);
    json_decref(root);
    free(out);
    ws_doc_free(d);
    assert_true(found);
}

/* Control characters and a quote mark in the text survive as JSON. */
static void test_json_control_chars(void **state)
{
    (void)state;
    const char t[] = "\"A\x01 b\x1f c\\ d,\" said Mira Tan.";
    ws_doc *d = tu_analyze(t, 0);
    char *out = tu_json(d, "\"x\"");
    assert_non_null(out);
    json_t *root = parse_json(out);
    json_decref(root);
    free(out);
    ws_doc_free(d);
}

/* ---- writer failures --------------------------------------------------------------------- */

typedef struct fail_ctx {
    int calls, fail_at; /* fail on call number fail_at (1-based) */
    size_t bytes;
} fail_ctx;

static int failing_writer(void *ctx, const char *data, size_t len)
{
    fail_ctx *c = ctx;
    (void)data;
    c->calls++;
    if (c->calls >= c->fail_at)
        return -1;
    c->bytes += len;
    return 0;
}

static void test_writer_failure(void **state)
{
    (void)state;
    ws_doc *d = tu_analyze(json_text, 0);
    ws_error err;
    fail_ctx c = {0, 1, 0};
    assert_int_equal(ws_doc_write_json(d, NULL, failing_writer, &c, &err), WS_ERR_IO);
    assert_int_equal(err.code, WS_ERR_IO);
    assert_true(err.message[0] != 0);
    assert_int_equal(c.calls, 1);
    fail_ctx c2 = {0, 1, 0};
    assert_int_equal(ws_doc_write_text(d, failing_writer, &c2, &err), WS_ERR_IO);
    assert_int_equal(err.code, WS_ERR_IO);
    /* NULL arguments */
    assert_int_equal(ws_doc_write_json(NULL, NULL, failing_writer, &c, &err), WS_ERR_ARG);
    assert_int_equal(ws_doc_write_json(d, NULL, NULL, &c, &err), WS_ERR_ARG);
    assert_int_equal(ws_doc_write_text(NULL, failing_writer, &c, &err), WS_ERR_ARG);
    assert_int_equal(ws_doc_write_text(d, NULL, &c, &err), WS_ERR_ARG);
    ws_doc_free(d);
}

/* A writer that fails part-way through a long output stops it: WS_ERR_IO, and
 * the writer is not called again. */
static void test_writer_failure_midway(void **state)
{
    (void)state;
    tu_buf text = {0};
    for (int i = 0; i < 200; i++) {
        char line[256];
        snprintf(line, sizeof line,
                 "\"Line %d of a long article is here,\" said Mira Tan. Pavel Novak said that "
                 "nothing happened on day %d.\n",
                 i, i);
        assert_int_equal(tu_buf_write(&text, line, strlen(line)), 0);
    }
    ws_doc *d = tu_analyze(text.p, 0);
    free(text.p);
    char *full = tu_json(d, NULL);
    assert_non_null(full);
    assert_true(strlen(full) > 3 * 4096);
    free(full);
    ws_error err;
    fail_ctx c = {0, 2, 0};
    assert_int_equal(ws_doc_write_json(d, NULL, failing_writer, &c, &err), WS_ERR_IO);
    assert_int_equal(err.code, WS_ERR_IO);
    assert_int_equal(c.calls, 2);
    tu_buf report = {0};
    assert_int_equal(ws_doc_write_text(d, tu_buf_write, &report, &err), WS_OK);
    assert_true(report.len > 3 * 4096);
    free(report.p);
    fail_ctx c2 = {0, 2, 0};
    assert_int_equal(ws_doc_write_text(d, failing_writer, &c2, &err), WS_ERR_IO);
    assert_int_equal(err.code, WS_ERR_IO);
    assert_int_equal(c2.calls, 2);
    ws_doc_free(d);
}

/* ---- threads ------------------------------------------------------------------------------ */

static const char *thread_texts[2] = {
    "Foreign Minister Ana Duarte arrived in Madrid on Sunday. \xE2\x80\x9CWe came to listen,\xE2\x80\x9D "
    "the Foreign Minister said.\n\n\"If prices fall,\" said Mira Tan, an economist, \"wages will "
    "follow.\"\n\nFinance Minister Jonas Weber said that inflation would fall next year.",
    "In a Saturday meeting with Prime Minister Ilse Hahn, Dr. Amir Rostami said the talks had been "
    "frank.\n\nSenator Maria Lopez and Governor Daniel Stone debated the tax plan on Friday. "
    "\xE2\x80\x9CIt punishes families,\xE2\x80\x9D she said. \xE2\x80\x9CIt pays for "
    "schools,\xE2\x80\x9D he replied.\n\nThe airport will open in 2026, according to Transport "
    "Minister Ines Varela."};

enum { THREAD_ROUNDS = 30 };

typedef struct thread_job {
    const char *text;
    const char *expect; /* the sequential output */
    int mismatches, errors;
} thread_job;

static char *analyse_to_json(const char *text)
{
    ws_doc *d = NULL;
    ws_error err;
    if (ws_analyze(text, strlen(text), NULL, &d, &err) != WS_OK)
        return NULL;
    tu_buf b = {0};
    ws_status st = ws_doc_write_json(d, "1", tu_buf_write, &b, &err);
    ws_doc_free(d);
    if (st != WS_OK) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

static void *thread_main(void *arg)
{
    thread_job *j = arg;
    for (int r = 0; r < THREAD_ROUNDS; r++) {
        char *out = analyse_to_json(j->text);
        if (!out)
            j->errors++;
        else if (strcmp(out, j->expect) != 0)
            j->mismatches++;
        free(out);
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    char *seq[2];
    for (int i = 0; i < 2; i++) {
        seq[i] = analyse_to_json(thread_texts[i]);
        assert_non_null(seq[i]);
    }
    assert_string_not_equal(seq[0], seq[1]);
    thread_job jobs[2] = {{thread_texts[0], seq[0], 0, 0}, {thread_texts[1], seq[1], 0, 0}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&th[i], NULL, thread_main, &jobs[i]), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(jobs[i].errors, 0);
        assert_int_equal(jobs[i].mismatches, 0);
        free(seq[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qsc_title),
        cmocka_unit_test(test_qsc_pronoun),
        cmocka_unit_test(test_qsc_surname),
        cmocka_unit_test(test_qsc_codepoints),
        cmocka_unit_test(test_qcs_title),
        cmocka_unit_test(test_qcs_apposition),
        cmocka_unit_test(test_scq_colon),
        cmocka_unit_test(test_scq_told_object),
        cmocka_unit_test(test_scq_pronoun),
        cmocka_unit_test(test_interrupted_qsc),
        cmocka_unit_test(test_interrupted_qcs_apposition),
        cmocka_unit_test(test_interrupted_has_two_fragments),
        cmocka_unit_test(test_multi_paragraph),
        cmocka_unit_test(test_sentence_initial_adverb),
        cmocka_unit_test(test_indirect_said_that),
        cmocka_unit_test(test_indirect_said_no_that),
        cmocka_unit_test(test_indirect_told_reporters_that),
        cmocka_unit_test(test_according_to_trailing),
        cmocka_unit_test(test_apposition_titles),
        cmocka_unit_test(test_possessive_owner_not_title),
        cmocka_unit_test(test_honorific_no_title),
        cmocka_unit_test(test_title_before_name),
        cmocka_unit_test(test_fronted_object_title),
        cmocka_unit_test(test_possessive_title),
        cmocka_unit_test(test_body_name_no_person),
        cmocka_unit_test(test_according_to_leading),
        cmocka_unit_test(test_colon_without_marks),
        cmocka_unit_test(test_source_ranker),
        cmocka_unit_test(test_according_to_document),
        cmocka_unit_test(test_colon_without_marks_title),
        cmocka_unit_test(test_title_alias),
        cmocka_unit_test(test_lowercase_title_alias),
        cmocka_unit_test(test_pronoun_skips_participial_name),
        cmocka_unit_test(test_pronoun_skips_participial_name_direct),
        cmocka_unit_test(test_she_and_he),
        cmocka_unit_test(test_meeting_met),
        cmocka_unit_test(test_meeting_seed_pattern),
        cmocka_unit_test(test_meeting_held_talks),
        cmocka_unit_test(test_meeting_reporters_is_none),
        cmocka_unit_test(test_json_fields),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_json_control_chars),
        cmocka_unit_test(test_writer_failure),
        cmocka_unit_test(test_writer_failure_midway),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_place_names),
        cmocka_unit_test(test_not_people),
    };
    return cmocka_run_group_tests_name("attribution", tests, NULL, NULL);
}

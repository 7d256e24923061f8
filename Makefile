# whosaid — build, test, demo. See README.md.
CC      ?= cc
BUILD   ?= build
# -O3 and link-time optimisation: the stages call one another's small
# functions across files (feathash.h, lexicon, arena) and LTO inlines them;
# about 3% fewer instructions than -O2 on the JSONL benchmark. The objects
# are fat (machine code too), so libwhosaid.a links without LTO as well.
CFLAGS  ?= -O3 -g -flto=auto -ffat-lto-objects
# the archiver that understands LTO objects (GCC's wrapper, when present)
AR      := $(shell command -v gcc-ar >/dev/null 2>&1 && echo gcc-ar || echo ar)
WARN     = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
CPPFLAGS = -Iinclude -Isrc -I$(BUILD)
LIBS     = $(shell pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) -lm
CLI_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
# the quote bank (whosaid index/search/speakers/serve): Debian's SQLite and
# libmicrohttpd; serve dlopen()s libmicrohttpd (cli/serve.c says why), so
# only its header is needed at build time
QB_LIBS  = $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3) -ldl
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
SHARED  ?= ../shared

# the pipeline, in order
SRCS = src/arena.c src/text.c src/lexicon.c src/quotes.c src/mentions.c \
       src/cuemodel.c src/cue_weights.c src/startmodel.c src/start_weights.c src/boundmodel.c src/bound_weights.c src/quotemodel.c src/quote_weights.c \
       src/sourcemodel.c src/source_weights.c src/speakers.c src/entities.c src/events.c \
       src/output.c src/whosaid.c
OBJS = $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lexicon_table.o
PIC_OBJS = $(OBJS:$(BUILD)/obj/%.o=$(BUILD)/pic/%.o)
LEXICON = $(sort $(wildcard lexicon/*.txt))
UNIT_TESTS = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))

.PHONY: all check demo clean asan valgrind deps train
all: $(BUILD)/whosaid $(BUILD)/libwhosaid.a $(BUILD)/libwhosaid.so

$(BUILD)/lexgen: tools/lexgen.c | $(BUILD)
	$(CC) $(WARN) -O2 $< -o $@

$(BUILD)/lexicon_table.c: $(BUILD)/lexgen $(LEXICON)
	$(BUILD)/lexgen $@ $(LEXICON)

$(BUILD)/obj/lexicon_table.o: $(BUILD)/lexicon_table.c src/lexicon_table.h src/internal.h include/whosaid.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: src/%.c src/internal.h src/feathash.h src/lexicon_table.h src/cue_weights.h src/bound_weights.h src/start_weights.h src/quote_weights.h src/source_weights.h include/whosaid.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: $(BUILD)/obj/%.o
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -fPIC -c $(if $(filter lexicon_table,$*),$(BUILD)/lexicon_table.c,src/$*.c) -o $@

$(BUILD)/libwhosaid.a: $(OBJS)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/libwhosaid.so: $(PIC_OBJS)
	$(CC) -shared $(CFLAGS) $^ $(LIBS) -o $@

CLI_SRCS = cli/main.c cli/eval.c cli/input.c cli/jsonline.c cli/quotebank.c cli/quotebank_cmd.c cli/serve.c
CLI_HDRS = cli/eval.h cli/input.h cli/jsonline.h cli/quotebank.h cli/quotebank_cmd.h cli/serve_page.h cli/strbuf.h
$(BUILD)/whosaid: $(CLI_SRCS) $(CLI_HDRS) $(BUILD)/libwhosaid.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -pthread $(CLI_SRCS) $(BUILD)/libwhosaid.a $(CLI_LIBS) $(QB_LIBS) -lz -lzstd $(LIBS) -o $@

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/test_%: tests/test_%.c tests/testutil.h $(BUILD)/libwhosaid.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $< $(BUILD)/libwhosaid.a $(TEST_LIBS) $(CLI_LIBS) $(LIBS) -o $@

# the JSONL fast path's test includes cli/jsonline.c
$(BUILD)/test_jsonline: cli/jsonline.c cli/jsonline.h

# every test: unit tests per stage, the spec, the reference article, the CLI,
# the quote bank (and its browser test, skipped without node and chromium)
check: all $(UNIT_TESTS)
	@fail=0; for t in $(UNIT_TESTS); do \
	  case $$t in */test_spec) $$t tests/spec.txt ;; */test_seed) $$t $(SHARED) ;; *) $$t ;; esac || fail=1; \
	done; \
	sh tests/cli.sh $(BUILD)/whosaid || fail=1; \
	sh tests/eval.sh $(BUILD)/whosaid $(SHARED) || fail=1; \
	sh tests/train.sh $(BUILD) $(SHARED) || fail=1; \
	sh tests/quotebank.sh $(BUILD)/whosaid || fail=1; \
	sh tests/quotebank_kill.sh $(BUILD)/whosaid || fail=1; \
	sh tests/browser/run.sh $(BUILD)/whosaid || fail=1; \
	exit $$fail

# regenerate the learned models (cues, starts, boundaries, filter, sources) from PolNeAR train (needs ../shared and liblinear-dev);
# the weights are committed, so an ordinary build needs neither
$(BUILD)/train_cues: tools/train_cues.c $(BUILD)/libwhosaid.a
	$(CC) $(WARN) -O2 $(CPPFLAGS) $< $(BUILD)/libwhosaid.a $(CLI_LIBS) -llinear $(LIBS) -o $@

# The trainer analyses with the weights compiled into it (the filter learns
# from attributions whose ends the boundary model chose and whose sources
# the ranker chose), so training is
# repeated with the new weights compiled in until they no longer change.
WEIGHTS = src/cue_weights.c src/bound_weights.c src/quote_weights.c src/source_weights.c src/start_weights.c
train:
	@for i in 1 2 3 4 5 6 7 8; do \
	  $(MAKE) -s $(BUILD)/train_cues || exit 1; \
	  cat $(WEIGHTS) | cksum > $(BUILD)/weights.before; \
	  $(BUILD)/train_cues $(SHARED)/data/polnear/train.jsonl $(WEIGHTS) $(SHARED)/data/polnear/dev.jsonl || exit 1; \
	  cat $(WEIGHTS) | cksum | cmp -s - $(BUILD)/weights.before && { echo "make train: the weights are stable (round $$i)"; exit 0; }; \
	done; echo "make train: the weights did not settle in 8 rounds" >&2; exit 1

# ---- Python binding (python/): built in place with Debian's python3 ----
PYTHON ?= /usr/bin/python3
.PHONY: python python-check
python: $(BUILD)/lexicon_table.c
	cd python && env -u CFLAGS -u CPPFLAGS -u LDFLAGS $(PYTHON) setup.py -q build_ext --inplace

python-check: python
	cd python && env -u CFLAGS -u CPPFLAGS -u LDFLAGS $(PYTHON) -m pytest -q tests

demo: $(BUILD)/whosaid
	$(BUILD)/whosaid --format text examples/summit.txt

# the whole suite under AddressSanitizer and UndefinedBehaviorSanitizer
asan:
	$(MAKE) check BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

# memcheck over every test program but the pathological one (megabytes of
# input, too slow under valgrind; ASan runs it) and over the CLI on the demo
valgrind: all $(UNIT_TESTS)
	@set -e; for t in $(filter-out %/test_pathological,$(UNIT_TESTS)); do \
	  case $$t in */test_spec) a=tests/spec.txt ;; */test_seed) a=$(SHARED) ;; *) a= ;; esac; \
	  valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect $$t $$a; \
	done; \
	valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	  $(BUILD)/whosaid --format jsonl examples/summit.txt >/dev/null; \
	d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	for args in "index --quiet --db $$d/q.db tests/fixtures/quotebank/articles.jsonl tests/fixtures/quotebank/hostile.jsonl examples/summit.txt" \
	            "index --quiet --force --db $$d/q.db tests/fixtures/quotebank/articles.jsonl" \
	            "search --db $$d/q.db --format jsonl river" "search --db $$d/q.db --speaker Duarte --since 2024" \
	            "speakers --db $$d/q.db"; do \
	  valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    $(BUILD)/whosaid $$args >/dev/null; \
	done; \
	echo "valgrind: no errors, no leaks"

# install the Debian packages the build needs, when missing
deps:
	@sh tools/deps.sh

clean:
	rm -rf build build-asan python/build python/whosaid.egg-info python/whosaid/*.so

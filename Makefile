# Mutua - GNU make with pkg-config, one level.
#   make          build ./mutua
#   make run      install what is missing, build, create the demo database, serve it
#   make test     build with AddressSanitizer and UBSan, run every test
#   make check    layering and table checks (also part of make test)
#   make install  PREFIX=/usr/local: the binary and the man page
#   make bench    benchmarks against peers (bench/)
#   make fuzz     the fuzz targets for FUZZ_SECONDS each (default 300) under libFuzzer

PREFIX ?= /usr/local
CC ?= gcc
PKGS = libmicrohttpd jansson sqlite3 libpq igraph libsodium
VERSION = 0.1.0

# -Wno-format-truncation: snprintf into fixed buffers truncates by design here.
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wpointer-arith -Wcast-qual -Wvla -fno-common -Wno-format-truncation
CPPFLAGS_ALL = -D_GNU_SOURCE -DMUTUA_VERSION='"$(VERSION)"' -Isrc -Ibuild/gen \
	       $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcsv ships no pkg-config file
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm

SRC = $(sort $(wildcard src/*.c src/*/*.c))
LIB_SRC = $(filter-out src/main.c,$(SRC))
GEN = build/gen/enums_gen.c build/gen/migrations_gen.c build/gen/web_gen.c
GEN_H = build/gen/enums_gen.h
MIGRATIONS = $(sort $(wildcard src/store/migrations/*.sql))
DATA = $(sort $(wildcard data/*.tsv))
# the web UI: every file of web/ but hidden ones (editors' swap files)
WEB = $(sort $(shell find web -type f ! -name '.*' 2>/dev/null))

RELEASE_FLAGS = -std=c11 -O2 -g $(WARN)
TEST_FLAGS = -std=c11 -O1 -g $(WARN) -fsanitize=address,undefined -fno-sanitize-recover=all \
	     -fno-omit-frame-pointer -DMUTUA_TEST_BUILD

.PHONY: all run test check install bench clean deps man fuzz cluster

all: mutua

deps:
	@scripts/deps

build/gen/enums_gen.c build/gen/enums_gen.h: scripts/gen-enums $(DATA)
	@mkdir -p build/gen
	scripts/gen-enums data build/gen/enums_gen.c build/gen/enums_gen.h

build/gen/migrations_gen.c: scripts/gen-embed $(MIGRATIONS)
	@mkdir -p build/gen
	scripts/gen-embed store_migrations $@ src/store/migrations $(MIGRATIONS)

# web/ itself too: its time changes when a file is added or removed
build/gen/web_gen.c: scripts/gen-embed $(WEB) web
	@mkdir -p build/gen
	scripts/gen-embed web_files $@ web $(WEB)

# release objects
build/release/%.o: %.c $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(RELEASE_FLAGS) $(CPPFLAGS_ALL) -MMD -MP -c $< -o $@

build/test/%.o: %.c $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(TEST_FLAGS) $(CPPFLAGS_ALL) -MMD -MP -c $< -o $@

REL_OBJ = $(patsubst %.c,build/release/%.o,$(SRC) $(GEN))
TEST_LIB_OBJ = $(patsubst %.c,build/test/%.o,$(LIB_SRC) $(GEN))
TEST_OBJ = build/test/src/main.o $(TEST_LIB_OBJ)
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ = $(patsubst %.c,build/test/%.o,$(UNIT_SRC))

mutua: $(REL_OBJ)
	$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LDLIBS_ALL)

build/test/mutua: $(TEST_OBJ)
	$(CC) $(TEST_FLAGS) -o $@ $^ $(LDLIBS_ALL)

build/test/unit-tests: $(UNIT_OBJ) $(TEST_LIB_OBJ)
	$(CC) $(TEST_FLAGS) -o $@ $^ $(LDLIBS_ALL)

# the graph layer against networkx (tests/graph): queries on stdin, answers on stdout
build/test/graph-check: build/test/tests/graph/check.o $(TEST_LIB_OBJ)
	$(CC) $(TEST_FLAGS) -o $@ $^ $(LDLIBS_ALL)

# The workspace import under a fuzzer (tests/fuzz): with gcc and tests/fuzz/driver.c, and
# with clang's libFuzzer, whose library build has coverage hooks of its own.
FUZZ_FLAGS = -std=c11 -O1 -g $(WARN) -Wno-unknown-warning-option -DMUTUA_TEST_BUILD \
	     -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ = $(patsubst %.c,build/fuzz/%.o,$(LIB_SRC) $(GEN))

build/fuzz/%.o: %.c $(GEN_H)
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) $(CPPFLAGS_ALL) -MMD -MP -c $< -o $@

build/test/fuzz-workspace: build/test/tests/fuzz/fuzz_workspace.o build/test/tests/fuzz/driver.o \
			   $(TEST_LIB_OBJ)
	$(CC) $(TEST_FLAGS) -o $@ $^ $(LDLIBS_ALL)

build/fuzz/libfuzzer-workspace: build/fuzz/tests/fuzz/fuzz_workspace.o $(FUZZ_LIB_OBJ)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS_ALL)

# the graph layer's speed on a seeded random graph (not a test): release flags
GRAPH_PROBE_OBJ = build/release/bench/graph-probe.o build/release/src/graph/csr.o \
		  build/release/src/graph/paths.o build/release/src/graph/brokerage.o \
		  build/release/src/graph/communities.o build/release/src/graph/lock.o \
		  build/release/src/core/error.o build/release/src/core/random.o
build/release/graph-probe: $(GRAPH_PROBE_OBJ)
	$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LDLIBS_ALL)

docs/mutua.1: mutua
	./mutua help --man > $@.tmp && mv $@.tmp $@

man: docs/mutua.1

# The demo's login is made once with the database and kept beside it (mutua.login,
# not committed), so that every `make run` can print it.
run: deps
	@$(MAKE) --no-print-directory mutua
	@if [ ! -f mutua.db ]; then ./mutua --db mutua.db demo --kind group \
		--login demo@mutua.example > mutua.login.tmp && grep -v '^demo login' mutua.login.tmp; \
		grep '^demo login' mutua.login.tmp > mutua.login; rm -f mutua.login.tmp; fi
	@cat mutua.login 2>/dev/null || echo "no demo login (mutua.login is missing)"
	./mutua --db mutua.db serve

# PostgreSQL, two servers and nginx on loopback (scripts/cluster, docs/scaling.md)
cluster: mutua
	@scripts/deps --cluster
	@scripts/cluster

test:
	@scripts/deps --test
	@$(MAKE) --no-print-directory build/test/mutua build/test/unit-tests \
		build/test/graph-check build/test/fuzz-workspace build/fuzz/libfuzzer-workspace mutua
	@tests/run

# every fuzz target for FUZZ_SECONDS under libFuzzer, after its deterministic run
FUZZ_SECONDS ?= 300
fuzz:
	@scripts/deps --test
	@$(MAKE) --no-print-directory build/test/mutua build/test/fuzz-workspace \
		build/fuzz/libfuzzer-workspace
	@MUTUA_FUZZ_SECONDS=$(FUZZ_SECONDS) tests/run fuzz

check: build/test/mutua
	@tests/run check

install: mutua
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 mutua $(DESTDIR)$(PREFIX)/bin/mutua
	./mutua help --man > $(DESTDIR)$(PREFIX)/share/man/man1/mutua.1

bench: mutua build/release/graph-probe
	@bench/run

clean:
	rm -rf build mutua

-include $(shell find build -name '*.d' 2>/dev/null)

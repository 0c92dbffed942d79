# Makefile - build the escape plugin, run its tests, analyse the examples.
#
#   make                 build/escape.so
#   make install         into $(CC) -print-file-name=plugin, so -fplugin=escape works
#   make demo            analyse examples/
#   make check           every test; the last line is "N passed, M failed"
#   make check-gcc GCC=N the DejaGnu suite with GCC N, 11 to 16 (13 to 16 in a Debian chroot)
#   make check-layers    no #include points up a layer of core/ (build-aux/check-layers.sh)
#   make check-fuzz      1000 random programs from Csmith (FUZZ_COUNT, FUZZ_SEED)
#   make check-fuzz-parsers  libFuzzer on the ELF, record, SARIF and model-file parsers
#   make SANITIZE=1 check  the same, with ASan and UBSan, built in build-san/
#   make check-valgrind  a sample of GCC's torture files, cc1 under valgrind
#   make check-realcode  SQLite, zlib, libiberty, libuv, nginx and git against their verdicts
#   make bench           time and memory with and without the plugin (docs/performance.md)
#
# CC and CXX choose the GCC the plugin is built for: make CC=gcc-11 (CXX
# follows CC: gcc-11 -> g++-11), or make CC=gcc-11 CXX=g++-11.  GCC 11 to
# 16 are supported and tested (check-gcc below).

VERSION := 0.1.0

ifeq ($(origin CC),default)
CC := gcc
endif
# The compiler's own name, without a path or a wrapper such as ccache.
CC_NAME := $(notdir $(lastword $(CC)))
ifeq ($(origin CXX),default)
CXX := $(patsubst %$(CC_NAME),%$(subst gcc,g++,$(CC_NAME)),$(CC))
ifeq ($(CXX),$(CC))
CXX := g++
endif
endif
CXX_NAME := $(notdir $(lastword $(CXX)))

# The GCC major version: the compiler's, or, before it is installed (a fresh
# CI machine), the one its name says (gcc-11), or Debian 12's.
GCC_MAJOR := $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)
ifeq ($(GCC_MAJOR),)
GCC_MAJOR := $(or $(shell echo '$(CC_NAME)' | sed -n 's/.*-\([0-9][0-9]*\)$$/\1/p'),12)
endif
DEFAULT_MAJOR := $(shell gcc -dumpversion 2>/dev/null | cut -d. -f1)

# One build directory per GCC major, so that objects built by one GCC are
# never linked into a plugin for another, and two GCCs' builds coexist in
# one checkout: the default compiler's (gcc's) in build/, the path the docs
# and tests name; any other in build/gcc-N (make CC=gcc-11: build/gcc-11/
# escape.so).  $(B)/compiler.id also rebuilds a directory's objects if the
# compiler that made them changes (an upgrade, or B= given by hand), or the
# flags of the core (ESC_CFLAGS).
# What does not depend on the compiler is shared in build/: GCC's test
# files and the npm SARIF checker.
SHARED := build
ifeq ($(GCC_MAJOR),$(DEFAULT_MAJOR))
B := build
else
B := build/gcc-$(GCC_MAJOR)
endif
# make SANITIZE=1 builds with ASan and UBSan into build-san/ (build-san/
# gcc-N for another GCC; see the sanitizer section at the end): never mixed
# with the normal objects.
ifeq ($(SANITIZE),1)
B := $(patsubst build%,build-san%,$(B))
endif
TOP := $(CURDIR)
# Deferred: evaluated after the plugin headers may have been installed.
PLUGIN_DIR = $(shell $(CC) -print-file-name=plugin)
NPROC := $(shell nproc 2>/dev/null || echo 2)

# The external test oracles come from GCC 12's own testsuite (Debian's
# gcc-12-source), extracted at test time rather than copied into the repo.
GCC_SOURCE_PKG := gcc-12-source
GCC_TARBALL_GLOB := /usr/src/gcc-12/gcc-12*.tar.xz

CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
WARN := -Wall -Wextra
# -fno-semantic-interposition and -Bsymbolic-functions (below): nothing
# replaces the plugin's functions, so calls between them need not go
# through the PLT, and a function of the same file may be inlined
# (docs/performance.md).
ESC_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC -fno-semantic-interposition $(WARN) \
	-MMD -MP -I$(TOP)
# Where SARIF logs send people for the tool (informationUri) and its rules'
# help (helpUri: HOMEPAGE/blob/main/docs/rules.md#RULE, a GitHub-style
# repository).  None by default: the logs then carry no link, only the
# rules' help text (docs/sarif.md).
HOMEPAGE ?=
ESC_CXXFLAGS = -std=gnu++14 -fPIC -fno-rtti $(WARN) -Wno-unused-parameter -MMD -MP -I$(TOP) \
	-isystem $(PLUGIN_DIR)/include -DESC_VERSION='"$(VERSION)"' \
	$(if $(HOMEPAGE),-DESC_HOMEPAGE='"$(HOMEPAGE)"')

CORE_SRC := $(sort $(wildcard core/*/*.c) $(wildcard report/*.c))
PLUGIN_SRC := $(sort $(wildcard plugin/*.cc))
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
PLUGIN_OBJ := $(PLUGIN_SRC:%.cc=$(B)/%.o)
UNIT_SRC := $(sort $(wildcard testsuite/escape.unit/*.c))
UNIT_BIN := $(UNIT_SRC:testsuite/escape.unit/%.c=$(B)/unit/%)
# gcc-escape, the command-line tool: merge and diff SARIF logs (docs/gcc-escape.1).
TOOL := $(B)/gcc-escape
TOOL_SRC := $(sort $(wildcard tool/*.c))
TOOL_OBJ := $(TOOL_SRC:%.c=$(B)/%.o)

PLUGIN := $(B)/escape.so
CORE_LIBS := -ljansson
RUNTEST_FLAGS ?=

.PHONY: all deps-cc deps-core deps-build deps-check install uninstall demo check check-unit \
	check-dejagnu check-gcc check-dg check-oracle check-torture check-schema check-fuzz \
	check-layers fuzz-run check-realcode realcode-run bench clean FORCE

all: $(PLUGIN) $(TOOL)

# The C compiler itself (make CC=gcc-11 on a machine with only GCC 12).
deps-cc:
	@build-aux/require.sh "building with $(CC)" \
		$(if $(filter gcc,$(CC_NAME)),gcc,gcc-$(GCC_MAJOR)):$(lastword $(CC))

# The core's one library: jansson reads model files (core/summaries/models.c).
# gcc-escape link reads ELF files itself (tool/elfsect.c), with <elf.h>
# from libc for the constants.
deps-core: deps-cc
	@build-aux/require.sh "building the core" libjansson-dev:/usr/include/jansson.h

# GCC's plugin headers and the C++ compiler of the same GCC: a plugin
# built by another release's g++ does not load, or worse.
deps-build: deps-core
	@build-aux/require.sh "building the plugin" \
		gcc-$(GCC_MAJOR)-plugin-dev:"$(PLUGIN_DIR)/include/gcc-plugin.h" \
		$(if $(filter g++,$(CXX_NAME)),g++,g++-$(GCC_MAJOR)):$(lastword $(CXX))
	@$(SAME_GCC)

# Stops when CXX is another GCC release than CC (make CC=gcc-11 CXX=g++).
SAME_GCC = cxx_major=$$($(CXX) -dumpversion | cut -d. -f1); [ "$$cxx_major" = "$(GCC_MAJOR)" ] || { \
	echo "error: CXX=$(CXX) is GCC $$cxx_major but CC=$(CC) is GCC $(GCC_MAJOR);" \
		"build the plugin with one GCC: make CC=gcc-$(GCC_MAJOR) CXX=g++-$(GCC_MAJOR)" >&2; \
	exit 1; }

deps-check: deps-build
	@build-aux/require.sh "make check" \
		dejagnu:runtest dejagnu:/usr/include/dejagnu.h \
		python3-jsonschema:/usr/lib/python3/dist-packages/jsonschema/__init__.py \
		python3-yaml:/usr/lib/python3/dist-packages/yaml/__init__.py cmake:cmake \
		ccache:/usr/bin/ccache distcc:/usr/bin/distccd \
		csmith:csmith libcsmith-dev:/usr/include/csmith/csmith.h

# What built $(B): rewritten, and so every object rebuilt, only when it
# changes; never for a CXX that deps-build will refuse.
$(B)/compiler.id: FORCE | deps-cc
	@! command -v $(lastword $(CXX)) >/dev/null || { $(SAME_GCC) }
	@mkdir -p $(B)
	@{ echo 'CC=$(CC) CXX=$(CXX) HOMEPAGE=$(HOMEPAGE) ESC_CFLAGS=$(ESC_CFLAGS)'; $(CC) -dumpfullversion; $(CC) -dumpmachine; } >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
FORCE:

$(B)/core/summaries/models.o: | deps-core
$(B)/%.o: %.c $(B)/compiler.id
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(ESC_CFLAGS) -c $< -o $@

$(B)/plugin/%.o: plugin/%.cc $(B)/compiler.id | deps-build
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(ESC_CXXFLAGS) -c $< -o $@

$(B)/libescape-core.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(PLUGIN): $(PLUGIN_OBJ) $(B)/libescape-core.a
	$(CXX) -shared -Wl,-Bsymbolic-functions -o $@ $(PLUGIN_OBJ) $(B)/libescape-core.a $(CORE_LIBS)

$(B)/unit/%: testsuite/escape.unit/%.c $(wildcard testsuite/escape.unit/*.h) $(B)/libescape-core.a \
		$(B)/compiler.id | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Wno-unused-function \
		-I. -o $@ $< $(B)/libescape-core.a $(CORE_LIBS)

$(B)/tool/%.o: tool/%.c $(B)/compiler.id | deps-core
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(ESC_CFLAGS) -DESC_VERSION='"$(VERSION)"' -c $< -o $@

$(TOOL): $(TOOL_OBJ) $(B)/libescape-core.a
	$(CC) $(CFLAGS) -o $@ $(TOOL_OBJ) $(B)/libescape-core.a $(CORE_LIBS)

PREFIX ?= /usr/local

install: $(PLUGIN) $(TOOL)
	install -D -m 0755 $(PLUGIN) $(DESTDIR)$(PLUGIN_DIR)/escape.so
	install -D -m 0755 $(TOOL) $(DESTDIR)$(PREFIX)/bin/gcc-escape
	install -D -m 0644 docs/gcc-escape.1 $(DESTDIR)$(PREFIX)/share/man/man1/gcc-escape.1

uninstall:
	rm -f $(DESTDIR)$(PLUGIN_DIR)/escape.so $(DESTDIR)$(PREFIX)/bin/gcc-escape \
		$(DESTDIR)$(PREFIX)/share/man/man1/gcc-escape.1

demo: $(PLUGIN) $(TOOL)
	@build-aux/demo.sh $(CC) $(TOP)/$(PLUGIN) $(TOP)/$(TOOL) examples $(B)/demo

# --- tests -----------------------------------------------------------------

# GCC's own test files, extracted from Debian's gcc-12-source tarball;
# the same for every compiler, so in build/ whatever CC is.
GCC_TESTS := $(SHARED)/gcc-tests
# Only where they are extracted: a GCC 13 to 16 chroot (make check-gcc) has
# no gcc-12-source and uses the host's copy.
$(GCC_TESTS)/.extracted:
	@build-aux/require.sh "GCC's test files" $(GCC_SOURCE_PKG):"$(GCC_TARBALL_GLOB)" xz-utils:xz
	@mkdir -p $(GCC_TESTS)
	@echo "extracting GCC's testsuite oracles from $(GCC_TARBALL_GLOB)"
	@tar -xJf $$(ls $(GCC_TARBALL_GLOB) | head -n 1) -C $(GCC_TESTS) --strip-components=3 \
		--wildcards '*/gcc/testsuite/gcc.dg/Wreturn-local-addr*' \
		'*/gcc/testsuite/c-c++-common/Wreturn-local-addr*' \
		'*/gcc/testsuite/gcc.c-torture/compile/*' \
		'*/gcc/testsuite/gcc.c-torture/execute/*'
	@touch $@

RUNTEST = cd $(B)/testsuite && $(TEST_ENV) runtest --tool escape --srcdir $(TOP)/testsuite \
	ESCAPE_PLUGIN=$(TOP)/$(PLUGIN) ESCAPE_TOOL=$(TEST_TOOL) ESCAPE_CC="$(TEST_CC)" \
	ESCAPE_CXX="$(CXX)" UNIT_DIR=$(TOP)/$(B)/unit \
	GCC_TESTSUITE=$(TOP)/$(GCC_TESTS) ESCAPE_DOCS=$(TOP)/docs \
	ESCAPE_EXAMPLES=$(TOP)/examples ESCAPE_TOP=$(TOP) ESCAPE_HOMEPAGE="$(HOMEPAGE)"

# One DejaGnu run for the unit tests, the plugin tests and the oracle,
# then the torture run; failures do not stop the rest, the summary counts.
check: $(PLUGIN) $(TOOL) $(UNIT_BIN) $(GCC_TESTS)/.extracted
	@mkdir -p $(B)/testsuite
	@rm -f $(B)/testsuite/escape.sum $(B)/torture/torture.sum $(B)/schema/schema.sum
	@rm -f $(B)/fuzz/fuzz.sum $(B)/layers.sum $(REALCODE_SUM)
	-@$(RUNTEST) $(RUNTEST_FLAGS)
	-@$(MAKE) --no-print-directory check-torture
	-@$(MAKE) --no-print-directory $(B)/schema/schema.sum
	-@$(MAKE) --no-print-directory fuzz-run FUZZ_COUNT=$(FUZZ_CHECK_COUNT)
	-@$(MAKE) --no-print-directory realcode-run REALCODE_PROJECTS="$(REALCODE_CHECK_PROJECTS)"
	$(if $(CHECK_PARSERS),-@$(MAKE) --no-print-directory fuzz-parsers-run \
		FUZZ_PARSER_SECONDS=$(FUZZ_PARSER_CHECK_SECONDS))
	-@$(SANITIZER_SUMMARY)
	-@build-aux/check-layers.sh $(TOP) $(B)/layers.sum
	@build-aux/summarize.sh $(B)/testsuite/escape.sum $(B)/torture/torture.sum \
		$(B)/schema/schema.sum $(B)/fuzz/fuzz.sum $(B)/layers.sum $(REALCODE_SUM) $(CHECK_PARSERS) \
		$(SANITIZER_SUM)

# The whole DejaGnu run alone (unit, plugin, argument, link and example
# tests, and the oracle): what CI runs for every GCC but the default.
check-dejagnu: $(PLUGIN) $(TOOL) $(UNIT_BIN) $(GCC_TESTS)/.extracted
	@mkdir -p $(B)/testsuite
	@rm -f $(B)/testsuite/escape.sum
	-@$(RUNTEST) $(RUNTEST_FLAGS)
	@build-aux/summarize.sh $(B)/testsuite/escape.sum

# make check-gcc GCC=N: CHECK (check-dejagnu by default; check-torture,
# check, ...) with GCC N, built in build/gcc-N/ (build/ for the default
# GCC).  11 and 12 are Debian 12's own compilers; 13 and 14 run in a Debian
# 13 (trixie) chroot, 15 and 16 in a Debian unstable (sid) one, each made
# once under GCC_CHROOTS and kept there between runs and clones
# (build-aux/gcc-chroot.sh; docs/testing.md#every-gcc-from-11-to-16).
# GCC's test files come from the host's gcc-12-source for every version.
GCC_CHROOTS ?= /var/cache/gcc-escape
CHECK ?= check-dejagnu

check-gcc: $(GCC_TESTS)/.extracted
	@case "$(GCC)" in 11|12|13|14|15|16) ;; *) \
		echo "usage: make check-gcc GCC=N [CHECK=target], N from 11 to 16" >&2; exit 1;; esac
	@build-aux/check-gcc.sh $(GCC_CHROOTS) $(GCC) $(DEFAULT_MAJOR) $(CHECK) \
		$(if $(RUNTEST_FLAGS),RUNTEST_FLAGS='$(RUNTEST_FLAGS)')

# One part of the DejaGnu run: check-unit (unit.exp), check-dg (dg.exp),
# check-oracle (oracle.exp); RUNTEST_FLAGS=dg.exp=FILE.c narrows it.
check-unit check-dg check-oracle: $(PLUGIN) $(TOOL) $(UNIT_BIN) $(GCC_TESTS)/.extracted
	@mkdir -p $(B)/testsuite
	-@$(RUNTEST) $(or $(RUNTEST_FLAGS),$(@:check-%=%).exp)
	@build-aux/summarize.sh $(B)/testsuite/escape.sum

# No #include points up a layer (build-aux/check-layers.sh names them).
check-layers:
	@mkdir -p $(B)
	@build-aux/check-layers.sh $(TOP) $(B)/layers.sum
	@build-aux/summarize.sh $(B)/layers.sum

# GCC's C torture suite with and without the plugin: no ICE, no failure the
# plugin causes, identical assembly.
check-torture: $(PLUGIN) $(GCC_TESTS)/.extracted
	@testsuite/torture/run.sh "$(TEST_CC)" $(TOP)/$(PLUGIN) $(TOP)/$(GCC_TESTS) $(TOP)/$(B)/torture $(NPROC)

# Random programs from Csmith with and without the plugin at -O0 and -O2
# (docs/testing.md#fuzzing): seeds FUZZ_SEED .. FUZZ_SEED+FUZZ_COUNT-1, so
# a failure is replayed with FUZZ_SEED=its seed FUZZ_COUNT=1.  `make check`
# runs the first FUZZ_CHECK_COUNT of them.
FUZZ_COUNT ?= 1000
FUZZ_CHECK_COUNT ?= 300
FUZZ_SEED ?= 1
FUZZ_JOBS ?= $(NPROC)

check-fuzz: fuzz-run
	@build-aux/summarize.sh $(B)/fuzz/fuzz.sum

# libFuzzer (clang's, Debian's clang and libclang-rt-14-dev) on the parsers
# of untrusted input, each under ASan and UBSan for FUZZ_PARSER_SECONDS:
# link's ELF and archive reader (fuzz/elf.c), the records of a .gcc_escape
# section (fuzz/records.c), SARIF logs through merge, diff and codequality
# (fuzz/sarif.c), and model files (fuzz/models.c).  Any crash, leak,
# undefined behaviour, 10 s input or 2 GB is a FAIL; the input that did it
# stays in $(FUZZ_DIR)/crashes.  The corpus grows in $(FUZZ_DIR)/corpus
# from fuzz/seeds.  make check runs each for FUZZ_PARSER_CHECK_SECONDS, once
# per checkout (the parsers do not depend on the GCC the plugin is for, so
# only the default compiler's make check runs them).
FUZZ_CC ?= clang
FUZZ_PARSER_SECONDS ?= 120
FUZZ_PARSER_CHECK_SECONDS ?= 20
FUZZ_DIR := $(B)/fuzz-parsers
FUZZ_PARSERS := elf records sarif models
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB_SRC := $(CORE_SRC) $(filter-out tool/main.c,$(TOOL_SRC))
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BINS := $(FUZZ_PARSERS:%=$(FUZZ_DIR)/fuzz-%)
CHECK_PARSERS := $(if $(filter $(DEFAULT_MAJOR),$(GCC_MAJOR)),$(FUZZ_DIR)/fuzz-parsers.sum)
# Kept: each harness links them all, and rebuilding them takes a minute.
.SECONDARY: $(FUZZ_LIB_OBJ)

deps-fuzz: deps-core
	@build-aux/require.sh "fuzzing the parsers" clang:$(FUZZ_CC) \
		libclang-rt-14-dev:"/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" \
		binutils:objcopy
.PHONY: deps-fuzz check-fuzz-parsers fuzz-parsers-run

$(FUZZ_DIR)/obj/%.o: %.c | deps-fuzz
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -I$(TOP) $(WARN) $(FUZZ_SANITIZE) \
		-fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_DIR)/fuzz-%: fuzz/%.c $(FUZZ_LIB_OBJ) | deps-fuzz
	$(FUZZ_CC) -g -O1 -I$(TOP) $(WARN) $(FUZZ_SANITIZE) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) -ljansson

# ELF seeds: an object carrying a record, an ELF32 big-endian one (made
# from one byte of data by objcopy), and an archive of an object with the
# section and one without.
$(FUZZ_DIR)/seeds/elf/.made: fuzz/seeds/records/two.txt | deps-fuzz
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	@echo 'int f(int *p) { return *p; }' >$(dir $@)/f.c
	@$(CC) -c $(dir $@)/f.c -o $(dir $@)/plain.o
	@objcopy --add-section .gcc_escape=fuzz/seeds/records/two.txt $(dir $@)/plain.o $(dir $@)/f.o
	@printf x >$(dir $@)/byte
	@objcopy -I binary -O elf32-big --add-section .gcc_escape=fuzz/seeds/records/two.txt \
		$(dir $@)/byte $(dir $@)/f32be.o
	@ar rcs $(dir $@)/lib.a $(dir $@)/f.o $(dir $@)/plain.o
	@rm -f $(dir $@)/f.c $(dir $@)/plain.o $(dir $@)/byte
	@touch $@

fuzz-parsers-run: $(FUZZ_BINS) $(FUZZ_DIR)/seeds/elf/.made
	@rm -f $(FUZZ_DIR)/fuzz-parsers.sum
	@for p in $(FUZZ_PARSERS); do \
		case $$p in elf) seeds=$(FUZZ_DIR)/seeds/elf; len=65536;; *) seeds=fuzz/seeds/$$p; len=16384;; esac; \
		fuzz/run.sh $(FUZZ_DIR)/fuzz-$$p $$p $(FUZZ_PARSER_SECONDS) $(FUZZ_DIR) $$seeds $$len \
			$$([ $$p = elf ] || echo fuzz/json.dict) >>$(FUZZ_DIR)/fuzz-parsers.sum.tmp; \
	done
	@mv $(FUZZ_DIR)/fuzz-parsers.sum.tmp $(FUZZ_DIR)/fuzz-parsers.sum

check-fuzz-parsers: fuzz-parsers-run
	@build-aux/summarize.sh $(FUZZ_DIR)/fuzz-parsers.sum

fuzz-run: $(PLUGIN) | deps-check
	@testsuite/fuzz/run.sh "$(TEST_CC)" $(TOP)/$(PLUGIN) $(TOP)/$(B)/fuzz $(FUZZ_COUNT) $(FUZZ_SEED) \
		$(FUZZ_JOBS)

# Real code (docs/findings.md): SQLite, zlib, libiberty, libuv, nginx and
# git, each built by its own build system with the plugin at -O2 and -O0
# (build-aux/realcode.sh; the versions pinned in testsuite/realcode/
# sources.txt, fetched once into REALCODE_CACHE, outside the clone), and
# every finding held against its verdict in testsuite/realcode/verdicts.txt
# (build-aux/realcode-check.py), with the count "wrong W of N".
# The corpus runs at -fplugin-arg-escape-level=2: every finding is held
# against its verdict, also those nothing reads again (docs/rules.md#levels).
# REALCODE_UPDATE=1 rewrites the verdicts instead of failing on new or gone
# findings (new ones get a TODO verdict; both are printed).  make check runs
# REALCODE_CHECK_PROJECTS, the whole corpus: with the default GCC only
# (the others run check-dejagnu), it adds about 10 minutes to CI's 25
# (docs/testing.md#real-code); REALCODE_CHECK_PROJECTS=sqlite for less.
REALCODE_PROJECTS ?= sqlite zlib libiberty libuv nginx git
REALCODE_CHECK_PROJECTS ?= $(REALCODE_PROJECTS)
REALCODE_CACHE ?= /var/cache/gcc-escape/realcode
# testsuite/realcode/selftest.sh first checks that the check fails when it should.
REALCODE_SUM := $(B)/realcode/realcode.sum $(B)/realcode/selftest.sum

check-realcode:
	@rm -f $(REALCODE_SUM)
	-@$(MAKE) --no-print-directory realcode-run
	@build-aux/summarize.sh $(REALCODE_SUM)

realcode-run: $(PLUGIN) | deps-check
	@mkdir -p $(B)/realcode
	@testsuite/realcode/selftest.sh $(B)/realcode/selftest $(B)/realcode/selftest.sum
	-@for opt in -O2 -O0; do \
		REALCODE_PROJECTS="$(REALCODE_PROJECTS)" REALCODE_CACHE="$(REALCODE_CACHE)" JOBS=$(NPROC) \
			build-aux/realcode.sh "$(TEST_CC)" $(TOP)/$(PLUGIN) $(TOP)/$(B)/realcode $$opt \
			-fplugin-arg-escape-level=2; \
	done
	@python3 build-aux/realcode-check.py $(if $(filter 1,$(REALCODE_UPDATE)),--update) \
		testsuite/realcode/verdicts.txt $(B)/realcode $(B)/realcode/realcode.sum "$(REALCODE_PROJECTS)" \
		-O2 -O0

# docs/schemas/summary.schema.json against the model-file loader: the
# unit test writes its fixtures, and the schema must accept the valid ones
# (and the example in docs/models.md) and reject the invalid ones the
# loader rejects (those it can express).  It must also accept the JSON
# report (-fplugin-arg-escape-json) of every test and example source.
define SCHEMA_CHECK
import json, os, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    name = os.path.basename(path)
    valid = name.startswith("valid-") or os.path.basename(os.path.dirname(path)) == "reports"

    errors = list(validator.iter_errors(json.load(open(path))))
    what = "validates" if valid else "is rejected"
    if valid == (not errors):
        print("PASS: schema: %s %s" % (name, what))
    else:
        print("FAIL: schema: %s %s%s" % (name, what, ": " + errors[0].message if errors else ""))
endef
export SCHEMA_CHECK

REPORT_SOURCES := $(sort $(wildcard testsuite/escape.dg/*.c) $(wildcard examples/*.c))

# Every SARIF log against the official schema (OASIS errata01, draft-04,
# kept in testsuite/schemas), then against GitHub code scanning's
# ingestion rules with Microsoft's SARIF multitool from the npm registry
# (validate --rule-kind Gh, offline).  The multitool's exit status is 0
# even when it finds problems, so its output log is counted instead.
define SARIF_CHECK
import json, os, sys
import jsonschema
validator = jsonschema.Draft4Validator(json.load(open(sys.argv[1])))
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    name = os.path.basename(path)
    if errors:
        print("FAIL: sarif schema: %s validates: %s" % (name, errors[0].message))
    else:
        print("PASS: sarif schema: %s validates" % name)
endef
export SARIF_CHECK

define GH_CHECK
import json, os, sys
from urllib.parse import unquote, urlparse
log = json.load(open(sys.argv[1]))
problems = {}
for run in log.get("runs", []):
    for result in run.get("results", []):
        for loc in result.get("locations", []):
            uri = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
            name = os.path.basename(unquote(urlparse(uri).path))
            problems.setdefault(name, []).append(result.get("ruleId", "?"))
for path in sys.argv[2:]:
    name = os.path.basename(path)
    found = problems.get(name, [])
    if found:
        print("FAIL: sarif github rules: %s: %s" % (name, " ".join(sorted(set(found)))))
    else:
        print("PASS: sarif github rules: %s" % name)
endef
export GH_CHECK

SARIF_MULTITOOL_VERSION := 5.7.0
NPM_DIR := $(SHARED)/npm
SARIF_MULTITOOL := $(NPM_DIR)/node_modules/.bin/sarif-multitool

# npm 11 does not run the package's install script, which would make its
# self-contained binary executable; done here instead.
$(SARIF_MULTITOOL): | deps-check
	@build-aux/require.sh "checking SARIF with GitHub's rules" npm:npm
	@mkdir -p $(NPM_DIR)
	@npm install --prefix $(NPM_DIR) --no-audit --no-fund --loglevel=error \
		@microsoft/sarif-multitool@$(SARIF_MULTITOOL_VERSION)
	@chmod u+x $(NPM_DIR)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
	@touch $@

$(B)/schema/schema.sum: $(B)/unit/models $(PLUGIN) $(TOOL) docs/schemas/summary.schema.json \
		docs/models.md \
		$(REPORT_SOURCES) testsuite/schemas/sarif-schema-2.1.0.json $(SARIF_MULTITOOL)
	@rm -rf $(B)/schema
	@$(B)/unit/models --fixtures $(B)/schema
	@awk -v dir=$(B)/schema '/^```json$$/ { n++; json = 1; next } /^```$$/ { json = 0 } \
		json { print > (dir "/valid-models-md-example-" n ".json") }' docs/models.md
	@mkdir -p $(B)/schema/reports
	@mkdir -p $(B)/schema/reports $(B)/schema/sarif
	@for src in $(REPORT_SOURCES); do \
		grep -q dg-error $$src && continue; \
		opts=$$(sed -n 's/.*{ dg-options "\(.*\)" }.*/\1/p' $$src); \
		$(TEST_CC) -std=gnu11 -O2 -fplugin=$(TOP)/$(PLUGIN) $$opts \
			-fplugin-arg-escape-json=$(B)/schema/reports \
			-fplugin-arg-escape-sarif=$(B)/schema/sarif -c $$src -o /dev/null \
			2>$(B)/schema/reports.log || { cat $(B)/schema/reports.log; exit 1; }; \
	done
	@python3 -c "$$SCHEMA_CHECK" docs/schemas/summary.schema.json $(B)/schema/*.json \
		$(B)/schema/reports/*.json >$@.tmp
	@mkdir -p $(B)/schema/merged
	@$(TEST_TOOL) merge -o $(B)/schema/merged/all.sarif $(B)/schema/sarif/*.sarif
	@python3 -c "$$SARIF_CHECK" testsuite/schemas/sarif-schema-2.1.0.json \
		$(B)/schema/sarif/*.sarif $(B)/schema/merged/all.sarif >>$@.tmp
	@$(SARIF_MULTITOOL) validate --rule-kind Gh -o $(B)/schema/gh.sarif \
		$(B)/schema/sarif/*.sarif $(B)/schema/merged/all.sarif \
		>$(B)/schema/gh.log 2>&1 || { cat $(B)/schema/gh.log; exit 1; }
	@python3 -c "$$GH_CHECK" $(B)/schema/gh.sarif $(B)/schema/sarif/*.sarif \
		$(B)/schema/merged/all.sarif >>$@.tmp
	@mv $@.tmp $@

check-schema:
	@rm -f $(B)/schema/schema.sum
	@$(MAKE) --no-print-directory $(B)/schema/schema.sum
	@build-aux/summarize.sh $(B)/schema/schema.sum

# --- benchmark ---------------------------------------------------------------

# Compile time and peak memory with and without the plugin, as ratios
# from one run (bench/bench.py; the results in docs/performance.md).
# The SQLite amalgamation comes from the npm registry's better-sqlite3.
BENCH_RUNS ?= 3
BENCH_SIZES ?= 1000,10000,100000
BENCH_SHAPES ?= 1000,2000,4000,8000,16000
# Callgrind's instruction counts next to the times (bench/callgrind.py):
# about 3 hours more, mostly sqlite3.c at -O2; BENCH_CALLGRIND=0 skips them.
BENCH_CALLGRIND ?= 1
SQLITE_NPM := better-sqlite3@12.11.1
SQLITE_C := $(B)/bench/sqlite/package/deps/sqlite3/sqlite3.c

$(SQLITE_C):
	@build-aux/require.sh "make bench" npm:npm python3:python3
	@rm -rf $(B)/bench/sqlite && mkdir -p $(B)/bench/sqlite
	cd $(B)/bench/sqlite && npm pack --silent $(SQLITE_NPM) >/dev/null && tar -xzf better-sqlite3-*.tgz
	@test -f $@

bench: $(PLUGIN) $(TOOL) $(SQLITE_C)
	$(if $(filter 1,$(BENCH_CALLGRIND)),@build-aux/require.sh "make bench" valgrind:valgrind)
	python3 bench/bench.py --cc $(CC) --plugin $(PLUGIN) --out $(B)/bench --runs $(BENCH_RUNS) \
		--sqlite $(SQLITE_C) --sizes $(BENCH_SIZES) --shapes $(BENCH_SHAPES) --tool $(TOOL) \
		$(if $(filter 1,$(BENCH_CALLGRIND)),--callgrind)

# --- sanitizers and valgrind (docs/testing.md) -----------------------------

# make SANITIZE=1 check: the plugin, the tool and the unit tests built with
# ASan and UBSan into build-san/, and the whole testsuite run against them.
# cc1 and lto1 are not instrumented: the tests' compiler, $(B)/bin/gcc,
# runs them through build-aux/sanitizer-run.sh, which preloads the ASan
# runtime; $(B)/bin/gcc-escape runs the tool the same way.  Every report
# is logged to $(B)/sanitizer and counted as a FAIL at the end of make check.
TEST_CC = $(CC)
TEST_TOOL = $(TOP)/$(TOOL)
TEST_ENV =
SANITIZER_SUMMARY = true
SANITIZER_SUM =
ifeq ($(SANITIZE),1)
SANITIZER_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
override CFLAGS += $(SANITIZER_FLAGS)
override CXXFLAGS += $(SANITIZER_FLAGS)
# Every link line has CORE_LIBS: the runtimes go into the plugin too.
CORE_LIBS += $(SANITIZER_FLAGS)
SANITIZER_LOG := $(TOP)/$(B)/sanitizer
SANITIZER_RUN := $(TOP)/build-aux/sanitizer-run.sh
REAL_CC := $(shell command -v $(CC))
TEST_CC = $(TOP)/$(B)/bin/$(notdir $(CC))
TEST_TOOL = $(TOP)/$(B)/bin/gcc-escape
# Instrumented programs the tests run directly (the unit tests, an
# installed gcc-escape) log there too.
TEST_ENV = ASAN_OPTIONS=exitcode=66:log_path=$(SANITIZER_LOG)/other \
	UBSAN_OPTIONS=halt_on_error=1:exitcode=66:print_stacktrace=1
# Written whole or not at all: a missing summary counts as a failure.
SANITIZER_SUMMARY = build-aux/sanitizer-sum.sh $(SANITIZER_LOG) >$(SANITIZER_SUM).tmp && \
	mv $(SANITIZER_SUM).tmp $(SANITIZER_SUM)
SANITIZER_SUM = $(SANITIZER_LOG)/sanitizer.sum

# Named like the compiler, so that ccache still knows it for GCC.
$(TEST_CC): Makefile build-aux/sanitizer-run.sh
	@case "$(REAL_CC)" in ""|$(TOP)/$(B)/bin/*) echo "SANITIZE=1: no real compiler in CC=$(CC)" >&2; exit 1;; esac
	@mkdir -p $(dir $@)
	@printf '#!/bin/sh\n# %s\nexec %s -wrapper %s,%s,%s,%s "$$@"\n' \
		"generated by make SANITIZE=1: $(CC), its cc1 and lto1 with the ASan runtime" \
		"$(REAL_CC)" $(SANITIZER_RUN) $(SANITIZER_LOG) \
		"$$($(REAL_CC) -print-file-name=libasan.so)" $@ >$@.tmp
	@chmod 755 $@.tmp && mv $@.tmp $@

$(B)/bin/gcc-escape: Makefile build-aux/sanitizer-run.sh
	@mkdir -p $(dir $@)
	@printf '#!/bin/sh\n# %s\nexec %s %s "" "" %s "$$@"\n' \
		"generated by make SANITIZE=1: gcc-escape, reports logged" \
		$(SANITIZER_RUN) $(SANITIZER_LOG) $(TOP)/$(TOOL) >$@.tmp
	@chmod 755 $@.tmp && mv $@.tmp $@

# A fresh log for each full run; the directory is open to distccd's user.
sanitizer-reset:
	@rm -rf $(SANITIZER_LOG)
	@mkdir -p $(SANITIZER_LOG) && chmod 1777 $(SANITIZER_LOG)
	@: >$(SANITIZER_LOG)/runs && chmod 666 $(SANITIZER_LOG)/runs

check: sanitizer-reset
check check-unit check-dg check-oracle check-torture $(B)/schema/schema.sum: \
	$(TEST_CC) $(B)/bin/gcc-escape
.PHONY: sanitizer-reset
endif

# make check-valgrind: VALGRIND_SAMPLE of GCC's torture files (the same ones
# each time) compiled at -O0 and -O2 with the normal plugin, cc1 under
# memcheck; the last line is "N passed, M failed".
VALGRIND_SAMPLE ?= 20

check-valgrind: $(PLUGIN) $(GCC_TESTS)/.extracted
	@[ "$(SANITIZE)" != 1 ] || { echo "check-valgrind: the normal plugin, not SANITIZE=1" >&2; exit 1; }
	@build-aux/require.sh "make check-valgrind" valgrind:valgrind
	@testsuite/torture/valgrind.sh "$(CC)" $(TOP)/$(PLUGIN) $(TOP)/$(GCC_TESTS) \
		$(TOP)/$(B)/valgrind $(NPROC) $(VALGRIND_SAMPLE)
	@build-aux/summarize.sh $(B)/valgrind/valgrind.sum
.PHONY: check-valgrind

# make clean removes build/ whole, every compiler's; make CC=gcc-11 clean only build/gcc-11.
clean:
	rm -rf $(B)

-include $(CORE_OBJ:.o=.d) $(PLUGIN_OBJ:.o=.d) $(TOOL_OBJ:.o=.d)

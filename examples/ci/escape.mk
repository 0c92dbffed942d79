# escape.mk - turn gcc-escape on for a whole make build: include it after CFLAGS is set.
#
#     include escape.mk          # or: make -f Makefile -f escape.mk
#     make && make escape-report
#
# Every compile loads the plugin and writes its translation unit's SARIF
# log into $(ESCAPE_DIR); escape-report merges them into one run
# ($(ESCAPE_SARIF)), the form GitHub code scanning accepts, and a GitLab
# Code Quality report.  ESCAPE_PLUGIN is "escape" once `make install` has
# put it in GCC's plugin directory, or a path to escape.so.

ESCAPE_PLUGIN ?= escape
ESCAPE_TOOL ?= gcc-escape
ESCAPE_DIR ?= escape-logs
ESCAPE_SARIF ?= escape.sarif
ESCAPE_CODEQUALITY ?= gl-code-quality.json

CFLAGS += -fplugin=$(ESCAPE_PLUGIN) -fplugin-arg-escape-sarif=$(ESCAPE_DIR)/

# The directory must exist before the first compile: with a directory
# the plugin writes one log per unit, named after the source.
$(shell mkdir -p $(ESCAPE_DIR))

.PHONY: escape-report
escape-report:
	$(ESCAPE_TOOL) merge -o $(ESCAPE_SARIF) $(ESCAPE_DIR)/*.sarif
	$(ESCAPE_TOOL) merge --format=codequality -o $(ESCAPE_CODEQUALITY) $(ESCAPE_DIR)/*.sarif

/* pragma.cc - #pragma escape push/pop/ignored/warning, and which rules it silences where. */
#include "plugin/adapter.h"
/* Only this file registers and reads pragmas. */
#include "c-family/c-pragma.h"

/* Both are the C front end's.  lto1 loads the plugin too (when
   -fplugin= is on a -flto link) and has neither, so they are weak:
   otherwise lto1 could not load the plugin and the link would fail. */
extern enum cpp_ttype pragma_lex(tree *, location_t *) __attribute__((weak));
extern void c_register_pragma(const char *, const char *, pragma_handler_1arg)
    __attribute__((weak));

/* Modelled on #pragma GCC diagnostic:

     #pragma escape push
     #pragma escape ignored                       (every rule)
     #pragma escape ignored "escape-return", ...  (these rules)
     #pragma escape warning ["RULE", ...]         (report them again)
     #pragma escape pop

   Findings are emitted once the whole unit has been parsed, so the state
   the directives leave at the end of parsing says nothing about a finding
   in the middle of a file.  Each directive is recorded with its position
   instead, and "is rule R silenced at L" replays the directives of L's
   file that come before L.  A file's directives govern that file only: a
   header that silences itself and never pops does not silence the files
   that include it, and a region in the including file does not reach into
   the header's inline functions.

   Positions are compared as GCC compares its own diagnostic pragmas with
   a warning, with linemap_compare_locations: a macro's tokens sit where
   the macro is used, in the order of its expansion.  So a directive before
   a macro's use covers a finding inside its expansion, wherever the macro
   was defined, and a macro can wrap a statement in _Pragma("escape push")
   _Pragma("escape ignored") ... _Pragma("escape pop").  Locations grow in
   the order the lexer reads, so this also holds in preprocessed output
   (-save-temps), where each _Pragma becomes a line of its own that claims
   the line number of the macro's use.

   The pragma is registered without macro expansion, so with -E or
   -save-temps it is copied to the preprocessed output unchanged and
   handled when that output is compiled. */

namespace
{

typedef uint64_t rule_mask;
static_assert(ESC_RULE_COUNT <= 64, "rule_mask has one bit per rule");
const rule_mask all_rules =
    ESC_RULE_COUNT == 64 ? ~(rule_mask)0 : ((rule_mask)1 << ESC_RULE_COUNT) - 1;

enum directive_kind { DIRECTIVE_PUSH, DIRECTIVE_POP, DIRECTIVE_IGNORED, DIRECTIVE_WARNING };

struct directive {
    location_t loc;
    directive_kind kind;
    rule_mask rules; /* IGNORED, WARNING */
};

struct file_directives {
    std::vector<directive> list; /* as parsed, which is source order */
    int depth = 0;               /* pushes not yet popped, while parsing */
    bool ready = false;
    std::vector<rule_mask> silenced; /* once ready: the rules silenced after list[i] */
};

std::map<std::string, file_directives> by_file;

const char directives_text[] = "push, pop, ignored [\"RULE\", ...], warning [\"RULE\", ...]";

file_directives &directives_of(const char *file)
{
    return by_file[file ? file : ""];
}

void record(location_t loc, const char *file, directive_kind kind, rule_mask rules)
{
    file_directives &f = directives_of(file);
    f.list.push_back({loc, kind, rules});
    f.ready = false;
}

/* Does ID read as several rule ids run together?  Adjacent string literals
   are joined before the pragma sees them: "escape-return" "escape-global"
   arrives as one string. */
bool joins_rule_ids(const char *id)
{
    if (!*id)
        return true;
    for (int r = 0; r < ESC_RULE_COUNT; r++) {
        const char *rule_id = esc_rule_info((enum esc_rule)r)->id;
        size_t n = strlen(rule_id);
        if (strncmp(id, rule_id, n) == 0 && joins_rule_ids(id + n))
            return true;
    }
    return false;
}

/* The rule ids after `ignored` or `warning`: none means every rule, else
   strings separated by commas.  Any mistake drops the whole directive (with
   a warning), so a typo never silences fewer or more rules than written. */
bool parse_rules(const char *kind, rule_mask *out)
{
    tree value;
    location_t loc;
    enum cpp_ttype token = pragma_lex(&value, &loc);
    if (token == CPP_EOF) {
        *out = all_rules;
        return true;
    }
    rule_mask rules = 0;
    bool ok = true;
    for (;;) {
        if (token != CPP_STRING) {
            warning_at(loc, OPT_Wpragmas,
                       "expected a rule id string in %<#pragma escape %s%>; valid rules: %s", kind,
                       esc_rule_ids());
            return false;
        }
        const char *id = TREE_STRING_POINTER(value);
        int rule = esc_rule_from_id(id);
        if (rule >= 0)
            rules |= (rule_mask)1 << rule;
        else {
            ok = false;
            if (*id && joins_rule_ids(id))
                warning_at(loc, OPT_Wpragmas,
                           "unknown rule %qs in %<#pragma escape %s%>: adjacent strings are "
                           "joined, separate rule ids with commas; valid rules: %s",
                           id, kind, esc_rule_ids());
            else
                warning_at(loc, OPT_Wpragmas,
                           "unknown rule %qs in %<#pragma escape %s%>; valid rules: %s", id, kind,
                           esc_rule_ids());
        }
        token = pragma_lex(&value, &loc);
        if (token == CPP_EOF)
            break;
        if (token != CPP_COMMA) {
            warning_at(loc, OPT_Wpragmas,
                       "expected %<,%> or the end of the line after a rule id in %<#pragma "
                       "escape %s%>",
                       kind);
            return false;
        }
        token = pragma_lex(&value, &loc);
    }
    *out = rules;
    return ok;
}

void handle_pragma_escape(cpp_reader *)
{
    /* c_parser_pragma points input_location at the pragma itself. */
    location_t pragma_loc = input_location;
    const char *file = expand_location(pragma_loc).file;
    tree value;
    location_t loc;
    if (pragma_lex(&value, &loc) != CPP_NAME) {
        warning_at(loc, OPT_Wpragmas,
                   "missing directive after %<#pragma escape%>; valid directives: %s",
                   directives_text);
        return;
    }
    const char *kind = IDENTIFIER_POINTER(value);
    if (strcmp(kind, "push") == 0 || strcmp(kind, "pop") == 0) {
        bool push = kind[1] == 'u';
        /* Nothing else can be meant: warn about the rest, as GCC does for
           #pragma GCC pop_options, and apply it. */
        if (pragma_lex(&value, &loc) != CPP_EOF)
            warning_at(loc, OPT_Wpragmas, "junk at end of %<#pragma escape %s%>", kind);
        file_directives &f = directives_of(file);
        if (!push && f.depth == 0) {
            warning_at(pragma_loc, OPT_Wpragmas,
                       "%<#pragma escape pop%> without a matching %<#pragma escape push%>");
            return;
        }
        f.depth += push ? 1 : -1;
        record(pragma_loc, file, push ? DIRECTIVE_PUSH : DIRECTIVE_POP, 0);
        return;
    }
    if (strcmp(kind, "ignored") == 0 || strcmp(kind, "warning") == 0) {
        rule_mask rules;
        if (parse_rules(kind, &rules))
            record(pragma_loc, file, kind[0] == 'i' ? DIRECTIVE_IGNORED : DIRECTIVE_WARNING, rules);
        return;
    }
    warning_at(loc, OPT_Wpragmas,
               "unknown directive %qs after %<#pragma escape%>; valid directives: %s", kind,
               directives_text);
}

/* Replay a file's directives once, noting the state after each. */
void prepare(file_directives &f)
{
    if (f.ready)
        return;
    f.silenced.resize(f.list.size());
    rule_mask state = 0;
    std::vector<rule_mask> saved;
    for (size_t i = 0; i < f.list.size(); i++) {
        const directive &d = f.list[i];
        switch (d.kind) {
        case DIRECTIVE_PUSH:
            saved.push_back(state);
            break;
        case DIRECTIVE_POP:
            if (!saved.empty()) {
                state = saved.back();
                saved.pop_back();
            }
            break;
        case DIRECTIVE_IGNORED:
            state |= d.rules;
            break;
        case DIRECTIVE_WARNING:
            state &= ~d.rules;
            break;
        }
        f.silenced[i] = state;
    }
    f.ready = true;
}

} // namespace

void esc_register_pragmas(void *, void *)
{
    if (c_register_pragma)
        c_register_pragma(nullptr, "escape", handle_pragma_escape);
}

bool esc_pragma_suppresses(location_t loc, enum esc_rule rule)
{
    if (by_file.empty() || loc == UNKNOWN_LOCATION)
        return false;
    const char *file = expand_location(loc).file;
    auto it = by_file.find(file ? file : "");
    if (it == by_file.end())
        return false;
    file_directives &f = it->second;
    prepare(f);
    /* The last directive before the finding decides. */
    auto next = std::partition_point(f.list.begin(), f.list.end(), [loc](const directive &d) {
        return linemap_compare_locations(line_table, d.loc, loc) >= 0;
    });
    if (next == f.list.begin())
        return false;
    return (f.silenced[next - f.list.begin() - 1] >> rule) & 1;
}

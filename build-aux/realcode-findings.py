#!/usr/bin/env python3
"""realcode-findings.py - turn one project's compiler diagnostics into keyed findings, one per line.

usage: realcode-findings.py PROJECT ROOT DIAG-DIR

DIAG-DIR holds one file per compile (build-aux/realcode-cc.sh), each
starting with "# cwd: DIR".  Every plugin warning ([escape-*] and
[heap-to-stack]) becomes a line "KEY<TAB>FILE:LINE", sorted, where KEY
names the finding without its line number, so that it survives code moving:

  [PROJECT] FILE: FUNCTION: MESSAGE @ WFILE: `SOURCE TEXT` via MACRO<OUTER #N

FILE is the function's file and WFILE the warning's (they differ when the
warning is in a macro or an inline function of a header), both relative to
ROOT; SOURCE TEXT is the warning's source line, blanks squeezed; the macros
are those the warning was expanded from, innermost first; #N numbers
findings whose key is otherwise equal (a macro used twice, a header
function compiled in several files), in line order.
"""
import os
import re
import sys

OURS = re.compile(r"^(?P<path>.+?):(?P<line>\d+): warning: (?P<msg>.*\[(?:escape-[a-z]+|heap-to-stack)\])$")
IN_FUNCTION = re.compile(r"^(?P<path>.+?): In function '(?P<fn>[^']+)':$")
TOP_LEVEL = re.compile(r"^(?P<path>.+?): At top level:$")
EXPANSION = re.compile(r"^.+?:\d+: note: in expansion of macro '(?P<macro>[^']+)'$")


def relative(path, cwd, root):
    full = os.path.normpath(os.path.join(cwd, path))
    rel = os.path.relpath(full, root)
    return rel, full


_lines = {}


def source_text(full, line):
    if full not in _lines:
        try:
            with open(full, encoding="utf-8", errors="replace") as f:
                _lines[full] = f.read().split("\n")
        except OSError:
            _lines[full] = []
    text = _lines[full][line - 1] if 0 < line <= len(_lines[full]) else ""
    return " ".join(text.split())


def findings(project, root, path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    cwd = root
    if lines and lines[0].startswith("# cwd: "):
        cwd = lines[0][len("# cwd: "):]
    fn, fn_file = "(top level)", ""
    result = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        m = IN_FUNCTION.match(line)
        if m:
            fn, fn_file = m.group("fn"), relative(m.group("path"), cwd, root)[0]
            continue
        m = TOP_LEVEL.match(line)
        if m:
            fn, fn_file = "(top level)", relative(m.group("path"), cwd, root)[0]
            continue
        m = OURS.match(line)
        if not m:
            continue
        wfile, full = relative(m.group("path"), cwd, root)
        wline = int(m.group("line"))
        macros = []
        while i < len(lines):
            e = EXPANSION.match(lines[i])
            if not e:
                break
            macros.append(e.group("macro"))
            i += 1
        key = "[%s] %s: %s: %s @ %s: `%s`" % (project, fn_file or wfile, fn, m.group("msg"), wfile,
                                            source_text(full, wline))
        if macros:
            key += " via " + "<".join(macros)
        result.append((key, wfile, wline))
    return result


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: realcode-findings.py PROJECT ROOT DIAG-DIR")
    project, root, diag = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    every = []
    for name in sorted(os.listdir(diag)):
        every.extend(findings(project, root, os.path.join(diag, name)))
    every.sort(key=lambda f: (f[0], f[1], f[2]))
    seen = {}
    out = []
    for key, wfile, wline in every:
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += " #%d" % seen[key]
        out.append("%s\t%s:%d" % (key, wfile, wline))
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()

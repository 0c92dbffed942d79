#!/usr/bin/env python3
"""realcode-check.py - hold the real-code findings against their committed verdicts, and count the wrong ones.

usage: realcode-check.py [--update] VERDICTS WORK SUM PROJECTS OPT...

WORK/OPT/NAME.findings and NAME.status come from build-aux/realcode.sh, for
each NAME of PROJECTS (blank-separated) and each OPT (the first is the
reference).  VERDICTS (testsuite/realcode/verdicts.txt) has, for every
finding, its key line (as realcode-findings.py writes it) followed by one
indented verdict line:

    true: REASON             the address can be seen after the return on a feasible path
    wrong IDIOM: REASON      it cannot; IDIOM names why the analysis thinks so
    TODO                     not judged yet (fails the check)

Writes SUM, DejaGnu-style: per project PASS when it built at each OPT and
when its findings are the same at every OPT; per finding PASS (true), XFAIL
(wrong: a known false positive) or FAIL (no verdict, or TODO); FAIL for a
verdict whose finding is gone (in a project that built).  Prints the
counts per project and
"wrong W of N".  With --update, rewrites VERDICTS instead of failing: new
findings get "TODO", verdicts of findings that are gone are dropped, and
both are printed.  Exits 1 on any FAIL.
"""
import os
import re
import sys

VERDICT = re.compile(r"^(?P<kind>true|wrong)(?: (?P<idiom>[a-z0-9-]+))?: (?P<reason>\S.*)$")
PROJECT = re.compile(r"^\[(?P<project>[^\]]+)\] ")


def read_verdicts(path):
    """Return (header lines, [(key, verdict line)], problems)."""
    header, entries, problems = [], [], []
    key = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f.read().split("\n"), 1):
            if not entries and key is None and (line.startswith("#") or not line.strip()):
                header.append(line)
                continue
            if line.startswith("#") or not line.strip():
                continue
            if line[0].isspace():
                if key is None:
                    problems.append("%s:%d: a verdict without a finding before it" % (path, number))
                    continue
                entries.append((key, line.strip()))
                key = None
                continue
            if key is not None:
                problems.append("%s:%d: a finding without a verdict line after it" % (path, number - 1))
                entries.append((key, "TODO"))
            key = line
    if key is not None:
        entries.append((key, "TODO"))
    while header and not header[-1].strip():
        header.pop()
    return header, entries, problems


def read_findings(work, opt, name):
    path = os.path.join(work, opt, name + ".findings")
    found = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                key, _, where = line.partition("\t")
                found[key] = where
    return found


def read_status(work, opt, name):
    try:
        with open(os.path.join(work, opt, name + ".status"), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return "failed: it did not run"


def project_of(key):
    m = PROJECT.match(key)
    return m.group("project") if m else ""


def main():
    args = sys.argv[1:]
    update = args[:1] == ["--update"]
    if update:
        args = args[1:]
    if len(args) < 5:
        sys.exit(__doc__.split("\n")[2])
    verdicts_path, work, sum_path, projects = args[0], args[1], args[2], args[3].split()
    opts = args[4:]
    header, entries, problems = read_verdicts(verdicts_path)
    verdicts = {}
    for key, verdict in entries:
        if key in verdicts:
            problems.append("%s: a finding judged twice: %s" % (verdicts_path, key))
        verdicts[key] = verdict

    results = []  # (status, text)
    for p in problems:
        results.append(("FAIL", "realcode: " + p))
    counts = {}
    reference = {}
    built = set()  # projects whose reference build succeeded: only their verdicts can be gone
    for name in projects:
        per_opt = {}
        for opt in opts:
            status = read_status(work, opt, name)
            if opt == opts[0] and status.startswith("ok"):
                built.add(name)
            results.append(("PASS" if status.startswith("ok") else "FAIL",
                            "realcode: %s builds at %s%s" % (name, opt,
                                                             "" if status.startswith("ok") else ": " + status)))
            per_opt[opt] = read_findings(work, opt, name)
        ref = per_opt[opts[0]]
        reference[name] = ref
        for opt in opts[1:]:
            other = per_opt[opt]
            if other == ref:
                results.append(("PASS", "realcode: %s same findings at %s and %s" % (name, opts[0], opt)))
                continue
            results.append(("FAIL", "realcode: %s findings differ between %s and %s" % (name, opts[0], opt)))
            for key in sorted(set(ref) | set(other)):
                if ref.get(key) != other.get(key):
                    results.append(("FAIL", "realcode: %s at %s %s, at %s %s: %s" % (
                        name, opts[0], ref.get(key, "absent"), opt, other.get(key, "absent"), key)))
        c = counts.setdefault(name, {"true": 0, "wrong": 0, "todo": 0, "escape": 0, "escape-wrong": 0,
                                     "h2s": 0, "h2s-wrong": 0})
        for key in sorted(ref):
            verdict = verdicts.get(key)
            h2s = key.find("[heap-to-stack]") >= 0
            c["h2s" if h2s else "escape"] += 1
            m = VERDICT.match(verdict or "")
            if verdict is None:
                c["todo"] += 1
                results.append(("FAIL", "realcode: new finding without a verdict (at %s): %s" % (ref[key], key)))
            elif not m or (m.group("kind") == "wrong" and not m.group("idiom")):
                c["todo"] += 1
                results.append(("FAIL", "realcode: no verdict yet (%s; at %s): %s" % (verdict, ref[key], key)))
            elif m.group("kind") == "true":
                c["true"] += 1
                results.append(("PASS", "realcode: true finding (at %s): %s" % (ref[key], key)))
            else:
                c["wrong"] += 1
                c["h2s-wrong" if h2s else "escape-wrong"] += 1
                results.append(("XFAIL", "realcode: wrong finding, %s (at %s): %s" % (
                    m.group("idiom"), ref[key], key)))
    gone = [(key, verdict) for key, verdict in entries
            if project_of(key) in built and key not in reference[project_of(key)]]
    for key, verdict in gone:
        results.append(("FAIL", "realcode: finding gone, its verdict left (%s): %s" % (verdict, key)))

    order = {}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testsuite", "realcode",
                           "sources.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                order.setdefault(line.split()[0], len(order))

    new = [(name, key) for name in projects for key in sorted(reference[name]) if key not in verdicts]
    if update:
        kept = [(key, verdict) for key, verdict in entries if (key, verdict) not in gone]
        kept += [(key, "TODO: judge it by reading the source at %s" % reference[name][key]) for name, key in new]
        kept.sort(key=lambda e: (order.get(project_of(e[0]), len(order)), e[0]))
        tmp = verdicts_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("\n".join(header) + "\n")
            for key, verdict in kept:
                f.write("\n%s\n    %s\n" % (key, verdict))
        os.replace(tmp, verdicts_path)
        for key, verdict in gone:
            print("- %s\n    (was %s)" % (key, verdict))
        for name, key in new:
            print("+ %s\n    (at %s: TODO)" % (key, reference[name][key]))
        print("%s: %d findings added with a TODO verdict, %d verdicts of findings gone removed" % (
            verdicts_path, len(new), len(gone)))
        results = [(s, t) for s, t in results if not (s == "FAIL" and (
            t.startswith("realcode: finding gone") or t.startswith("realcode: new finding")))]

    tmp = sum_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for status, text in results:
            f.write("%s: %s\n" % (status, text))
    os.replace(tmp, sum_path)

    total = {k: sum(c[k] for c in counts.values()) for k in ("true", "wrong", "todo", "escape", "escape-wrong",
                                                             "h2s", "h2s-wrong")}
    for name in projects:
        c = counts[name]
        n = c["escape"] + c["h2s"]
        print("realcode: %-10s %3d findings: %3d true, %3d wrong%s (%d heap-to-stack, %d of them wrong)" % (
            name, n, c["true"], c["wrong"], ", %d not judged" % c["todo"] if c["todo"] else "",
            c["h2s"], c["h2s-wrong"]))
    n = total["escape"] + total["h2s"]
    print("realcode: wrong %d of %d (escape warnings: %d of %d; heap-to-stack: %d of %d)%s" % (
        total["wrong"], n, total["escape-wrong"], total["escape"], total["h2s-wrong"], total["h2s"],
        "; %d not judged" % total["todo"] if total["todo"] else ""))
    if set(order) - set(projects):
        print("realcode: %s only; make check-realcode checks the whole corpus (%s), last run: docs/findings.md" % (
            " ".join(projects), " ".join(sorted(order, key=order.get))))
    failed = [t for s, t in results if s == "FAIL"]
    for t in failed[:40]:
        print("FAIL: " + t)
    if len(failed) > 40:
        print("... and %d more FAIL lines in %s" % (len(failed) - 40, sum_path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""bench.py - compile time and peak memory with and without the escape plugin, as ratios from one run.

Every case is compiled RUNS times without the plugin and RUNS times with it,
alternating, so that whatever else the machine does falls on both sides;
the medians of wall time and of peak resident memory (the largest of gcc,
cc1 and as, from wait4) are compared.  The plugin runs with its JSON and
SARIF reports on, as CI would use it.

With --tool, gcc-escape's own commands are timed too, on generated input
(bench/gen-tool-inputs.py): merge of logs with 20,000 and 40,000 rules and
of 200,000 results, and link --sarif of 40,000 and 80,000 findings.  Each
pair of sizes shows the growth: twice the input should take about twice the
time (merge was quadratic in rules, link --sarif in findings).

With --callgrind, each compile case is counted too: the instructions cc1
alone executes (bench/callgrind.py) without the plugin, with it, and with
both reports, one run each (the count does not vary).

With --shapes, one function in each shape that made the analysis
super-linear (bench/gen-shapes.py) is compiled at each size: the extra
CPU time should grow like GCC's own, or the function be skipped with the
budget's note.

usage: bench.py --cc GCC --plugin escape.so --out DIR [--runs N]
                [--sqlite sqlite3.c] [--sizes 1000,10000,100000]
                [--shapes 1000,2000,4000,8000,16000] [--callgrind]
                [--tool gcc-escape]
Writes DIR/results.md (the table docs/performance.md quotes) and
DIR/results.json, and prints the table.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import callgrind

HERE = os.path.dirname(os.path.abspath(__file__))

# The targets: extra wall time at -O2 and -O0 on sqlite3.c, and
# extra peak memory on every case.
TIME_TARGET = {"-O2": 0.02, "-O0": 0.10}
MEMORY_TARGET = 0.05
# Issue 20's targets in instructions, with both reports: sqlite3.c at
# -O0 and -O2, and the generated programs (at -O0).
INSTR_TARGET = {("sqlite3.c", "-O0"): 0.03, ("sqlite3.c", "-O2"): 0.01, ("generated", "-O0"): 0.05}


def run_once(cmd):
    """Wall seconds, CPU seconds and peak RSS in KiB of one compile."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 reports the child's peak together with its waited-for children
    # (cc1, as), which is what the compile costs.
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.stderr.write(stderr.decode(errors="replace"))
        raise SystemExit("bench: failed (%d): %s" % (proc.returncode, " ".join(cmd)))
    run_once.stderr = stderr.decode(errors="replace")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(name, cc, source, opt, plugin_args, runs, scratch):
    obj = os.path.join(scratch, "out.o")
    base = [cc, opt, "-w", "-c", source, "-o", obj]
    plain_t, plain_c, plain_m, plug_t, plug_c, plug_m = [], [], [], [], [], []
    for _ in range(runs):
        for cmd, times, cpus, mems in ((base, plain_t, plain_c, plain_m),
                                       (base + plugin_args, plug_t, plug_c, plug_m)):
            t, c, m = run_once(cmd)
            times.append(t)
            cpus.append(c)
            mems.append(m)
    row = {
        "case": name,
        "opt": opt,
        "runs": runs,
        "plain_s": statistics.median(plain_t),
        "plugin_s": statistics.median(plug_t),
        "plain_cpu_s": statistics.median(plain_c),
        "plugin_cpu_s": statistics.median(plug_c),
        "plain_mb": statistics.median(plain_m) / 1024,
        "plugin_mb": statistics.median(plug_m) / 1024,
        "plain_all_s": plain_t,
        "plugin_all_s": plug_t,
    }
    # -w leaves notes: the budget's says the function was skipped.
    row["skipped"] = "skipped: too large" in run_once.stderr
    row["time_ratio"] = row["plugin_s"] / row["plain_s"]
    row["cpu_ratio"] = row["plugin_cpu_s"] / row["plain_cpu_s"]
    row["memory_ratio"] = row["plugin_mb"] / row["plain_mb"]
    return row


def measure_tool(name, cmd, runs):
    """Median wall and CPU seconds and peak memory of a gcc-escape command."""
    walls, cpus, mems = [], [], []
    for _ in range(runs):
        t, c, m = run_once(cmd)
        walls.append(t)
        cpus.append(c)
        mems.append(m)
    return {"case": name, "runs": runs, "s": statistics.median(walls),
            "cpu_s": statistics.median(cpus), "mb": statistics.median(mems) / 1024,
            "all_s": walls}


# name, generator arguments, the command's arguments ({in}: the input).
TOOL_CASES = [
    ("merge, 200 logs of 100 rules (20,000 rules)", ["sarif", "200", "100", "100"],
     ["merge", "-o", "{out}/merged.sarif", "{in}/*"]),
    ("merge, 400 logs of 100 rules (40,000 rules)", ["sarif", "400", "100", "100"],
     ["merge", "-o", "{out}/merged.sarif", "{in}/*"]),
    ("merge, 100 logs of 1,000 results (100,000 results)", ["sarif", "100", "10", "1000"],
     ["merge", "-o", "{out}/merged.sarif", "{in}/*"]),
    ("merge, 100 logs of 2,000 results (200,000 results)", ["sarif", "100", "10", "2000"],
     ["merge", "-o", "{out}/merged.sarif", "{in}/*"]),
    ("link --sarif, 40,000 findings in 500 files", ["link", "40000", "500"],
     ["link", "--sarif={out}/link.sarif", "{in}"]),
    ("link --sarif, 80,000 findings in 500 files", ["link", "80000", "500"],
     ["link", "--sarif={out}/link.sarif", "{in}"]),
    ("link --sarif, 80,000 findings in 40,000 files", ["link", "80000", "40000"],
     ["link", "--sarif={out}/link.sarif", "{in}"]),
]


def tool_rows(tool, runs, scratch):
    rows = []
    for k, (name, gen, args) in enumerate(TOOL_CASES):
        where = os.path.join(scratch, "tool%d" % k)
        out = os.path.join(scratch, "tool-out")
        os.makedirs(out, exist_ok=True)
        target = where if gen[0] == "sarif" else where + ".o"
        subprocess.run([sys.executable, os.path.join(HERE, "gen-tool-inputs.py")] + gen + [target],
                       check=True)
        inputs = sorted(os.path.join(where, f) for f in os.listdir(where)) \
            if gen[0] == "sarif" else [target]
        cmd = [tool]
        for a in args:
            if a == "{in}/*" or a == "{in}":
                cmd += inputs
            else:
                cmd.append(a.replace("{out}", out))
        sys.stderr.write("bench: gcc-escape %s, %d runs\n" % (name, runs))
        size = sum(os.path.getsize(p) for p in inputs)
        row = measure_tool(name, cmd, runs)
        row["input_mb"] = size / 2**20
        rows.append(row)
        shutil.rmtree(where, ignore_errors=True)
        if os.path.exists(target):
            os.remove(target)
    return rows


def tool_table(rows):
    out = ["", "gcc-escape's commands on generated input (bench/gen-tool-inputs.py):", "",
           "| command | runs | input MB | wall s | CPU s | peak MB | peak / input |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append("| %s | %d | %.1f | %.2f | %.2f | %.0f | %.0fx |" % (
            r["case"], r["runs"], r["input_mb"], r["s"], r["cpu_s"], r["mb"],
            r["mb"] / r["input_mb"] if r["input_mb"] else 0))
    return "\n".join(out) + "\n"


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(mem),
        "os": platform.platform(),
        "load_before": os.getloadavg()[0],
    }


def verdict(row):
    """The targets are set on sqlite3.c; the generated programs show growth."""
    if row["case"] != "sqlite3.c":
        return ""
    notes = []
    target = TIME_TARGET.get(row["opt"])
    if target is not None:
        notes.append("time %s (≤ %d%%)" % ("met" if row["time_ratio"] <= 1 + target else "MISSED",
                                          round(target * 100)))
    notes.append("memory %s (≤ %d%%)" % ("met" if row["memory_ratio"] <= 1 + MEMORY_TARGET
                                         else "MISSED", round(MEMORY_TARGET * 100)))
    return ", ".join(notes)


def table(rows, info, cc_version):
    out = ["Machine: %(cores)d cores (%(cpu)s), %(memory_gib)d GiB, %(os)s; " % info +
           "%s; %s; load average %.2f before the run." % (cc_version, info["date"],
                                                          info["load_before"]), "",
           "| case | -O | runs | plain s | plugin s | time | CPU time | plain MB | plugin MB | memory | targets |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append("| %s | %s | %d | %.2f | %.2f | %+.1f%% | %+.1f%% | %.1f | %.1f | %+.1f%% | %s |" % (
            r["case"], r["opt"][1:], r["runs"], r["plain_s"], r["plugin_s"],
            (r["time_ratio"] - 1) * 100, (r["cpu_ratio"] - 1) * 100, r["plain_mb"], r["plugin_mb"],
            (r["memory_ratio"] - 1) * 100, verdict(r)))
    gen = [r for r in rows if r.get("functions")]
    if gen:
        out += ["", "Growth with the number of functions (extra time per function with the plugin):", "",
                "| functions | extra s | extra ms per function |", "| --- | --- | --- |"]
        for r in gen:
            extra = r["plugin_s"] - r["plain_s"]
            out.append("| %d | %.2f | %.3f |" % (r["functions"], extra,
                                                 1000 * extra / r["functions"]))
    return "\n".join(out) + "\n"


def instr_verdict(row):
    key = ("generated" if row.get("functions") else row["case"], row["opt"])
    target = INSTR_TARGET.get(key)
    if target is None:
        return ""
    return "%s (≤ %d%%)" % ("met" if row["cg_both"] <= row["cg_plain"] * (1 + target) else "MISSED",
                            round(target * 100))


def callgrind_table(rows):
    rows = [r for r in rows if "cg_plain" in r]
    if not rows:
        return ""
    out = ["", "Instructions of cc1 alone (callgrind, one run each; M = millions):", "",
           "| case | -O | plain M | plugin M | plugin | with both reports M | with both reports | target |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append("| %s | %s | %.1f | %.1f | %+.2f%% | %.1f | %+.2f%% | %s |" % (
            r["case"], r["opt"][1:], r["cg_plain"] / 1e6, r["cg_plugin"] / 1e6,
            (r["cg_plugin"] / r["cg_plain"] - 1) * 100, r["cg_both"] / 1e6,
            (r["cg_both"] / r["cg_plain"] - 1) * 100, instr_verdict(r)))
    return "\n".join(out) + "\n"


def shapes_table(rows):
    if not rows:
        return ""
    out = ["", "One function of n statements in each shape of bench/gen-shapes.py, -O0 (CPU time, medians):",
           "", "| shape | n | plain CPU s | plugin CPU s | extra s | extra / plain | plugin MB | analysed |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        extra = r["plugin_cpu_s"] - r["plain_cpu_s"]
        out.append("| %s | %d | %.2f | %.2f | %.2f | %.0f%% | %.0f | %s |" % (
            r["shape"], r["n"], r["plain_cpu_s"], r["plugin_cpu_s"], extra,
            100 * extra / r["plain_cpu_s"], r["plugin_mb"],
            "skipped: past the budget" if r["skipped"] else "whole"))
    return "\n".join(out) + "\n"


def count_instructions(row, cc, src, opt, plugin, reports, scratch):
    """Callgrind counts of cc1 alone: plain, with the plugin, with both reports."""
    cc1 = callgrind.cc1_path(cc)
    source_i = callgrind.preprocess(cc, src, opt, os.path.join(scratch, "cg.i"))
    sys.stderr.write("bench: callgrind %s %s, 3 runs\n" % (row["case"], opt))
    row["cg_plain"] = callgrind.count(cc1, source_i, opt, [], scratch, "plain")
    row["cg_plugin"] = callgrind.count(cc1, source_i, opt, ["-fplugin=" + plugin], scratch, "plugin")
    row["cg_both"] = callgrind.count(cc1, source_i, opt,
                                     ["-fplugin=" + plugin, "-fplugin-arg-escape-json=" + reports,
                                      "-fplugin-arg-escape-sarif=" + reports], scratch, "both")
    os.remove(source_i)


def shape_rows(cc, sizes, plugin_args, runs, scratch):
    rows = []
    for shape in ("rotate", "chain", "array"):
        for n in sizes:
            src = os.path.join(scratch, "%s%d.c" % (shape, n))
            with open(src, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen-shapes.py"), shape, str(n)],
                               stdout=f, check=True)
            sys.stderr.write("bench: shape %s, n = %d, %d runs each way\n" % (shape, n, runs))
            row = measure("%s %d" % (shape, n), cc, src, "-O0", plugin_args, runs, scratch)
            row["shape"], row["n"] = shape, n
            rows.append(row)
            os.remove(src)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sqlite")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--shapes", default="")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--tool")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    plugin = os.path.abspath(args.plugin)
    if not os.path.exists(plugin):
        ap.error("no plugin at %s" % plugin)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    info = machine()
    cc_version = subprocess.run([args.cc, "--version"], capture_output=True,
                                text=True).stdout.splitlines()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="escape-bench-") as scratch:
        reports = os.path.join(scratch, "reports")
        os.makedirs(reports)
        plugin_args = ["-fplugin=" + plugin, "-fplugin-arg-escape-json=" + reports,
                       "-fplugin-arg-escape-sarif=" + reports]
        cases = []
        if args.sqlite:
            cases += [("sqlite3.c", args.sqlite, "-O0", None), ("sqlite3.c", args.sqlite, "-O2", None)]
        for n in sizes:
            src = os.path.join(scratch, "gen%d.c" % n)
            with open(src, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen-program.py"), str(n)],
                               stdout=f, check=True)
            cases.append(("generated, %d functions" % n, src, "-O0", n))
        for name, src, opt, n in cases:
            sys.stderr.write("bench: %s %s, %d runs each way\n" % (name, opt, args.runs))
            row = measure(name, args.cc, src, opt, plugin_args, args.runs, scratch)
            if n:
                row["functions"] = n
            if args.callgrind:
                count_instructions(row, args.cc, src, opt, plugin, reports, scratch)
            rows.append(row)
        shapes = shape_rows(args.cc, [int(s) for s in args.shapes.split(",") if s], plugin_args,
                            args.runs, scratch)
        shutil.rmtree(reports, ignore_errors=True)
        tools = tool_rows(os.path.abspath(args.tool), args.runs, scratch) if args.tool else []
    text = (table(rows, info, cc_version) + callgrind_table(rows) + shapes_table(shapes) +
            (tool_table(tools) if tools else ""))
    sys.stdout.write(text)
    for name, data in (("results.md", text),
                       ("results.json", json.dumps({"machine": info, "cc": cc_version,
                                                    "rows": rows, "shape_rows": shapes,
                                                    "tool_rows": tools},
                                                   indent=2) + "\n")):
        tmp = os.path.join(args.out, name + ".tmp")
        with open(tmp, "w") as f:
            f.write(data)
        os.replace(tmp, os.path.join(args.out, name))


if __name__ == "__main__":
    main()

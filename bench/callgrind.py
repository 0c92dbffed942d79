"""callgrind.py - instructions cc1 alone executes on one preprocessed file, counted by callgrind.

Wall time on a shared 2-core machine moves by several percent from run to
run; callgrind's instruction count does not move at all, so it is what
the targets of issue 20 (+3% at -O0 with both reports, +1% at -O2) are
checked against.  cc1 is run directly (the driver's and the assembler's
instructions are not the plugin's), on the output of `gcc -E` with the
same -O (sqlite3.c tests __OPTIMIZE__).  One run costs about 50 times the
compile: 10 minutes for sqlite3.c at -O0.
"""
import os
import re
import subprocess


def cc1_path(cc):
    path = subprocess.run([cc, "-print-prog-name=cc1"], capture_output=True, text=True,
                          check=True).stdout.strip()
    if not os.path.isabs(path):
        raise SystemExit("bench: %s -print-prog-name=cc1 gave no path: %r" % (cc, path))
    return path


def preprocess(cc, source, opt, out):
    subprocess.run([cc, opt, "-E", source, "-o", out], check=True)
    return out


def count(cc1, source_i, opt, extra, scratch, tag):
    """Instructions cc1 executes compiling SOURCE_I at OPT with EXTRA arguments."""
    profile = os.path.join(scratch, "callgrind.%s.out" % tag)
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + profile, cc1,
           "-fpreprocessed", "-quiet", opt, source_i, "-o", os.path.join(scratch, "cg.s")] + extra
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit("bench: callgrind failed (%d): %s\n%s" %
                         (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
    total = None
    with open(profile) as f:
        for line in f:
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                total = int(m.group(1))
    os.remove(profile)
    if total is None:
        raise SystemExit("bench: no total in callgrind's output for %s" % " ".join(cmd))
    return total

#!/usr/bin/env python3
"""gen-tool-inputs.py - inputs that make gcc-escape's merge and link work hard, for timing them.

  gen-tool-inputs.py sarif LOGS RULES RESULTS DIR
      LOGS SARIF logs in DIR, each with RULES rules of its own (other
      tools' logs, merged with ours, bring thousands), RESULTS results
      spread over 50 files, and an artifact per file.
  gen-tool-inputs.py link FINDINGS FILES OUT.o
      one object whose .gcc_escape record holds a function keeping its
      argument in static storage and FINDINGS escape facts reaching it,
      spread over FILES source files: gcc-escape link --sarif then has
      FINDINGS findings to write.  Made with objcopy from an empty object.
"""
import json
import os
import subprocess
import sys
import tempfile


def sarif(logs, rules, results, out):
    os.makedirs(out, exist_ok=True)
    for l in range(logs):
        ids = ["tool-%d-rule-%d" % (l, r) for r in range(rules)]
        files = ["src/dir%d/file%d.c" % (l % 7, f) for f in range(50)]
        log = {
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "gcc-escape", "version": "0.1.0",
                                    "rules": [{"id": i, "shortDescription": {"text": i}} for i in ids]}},
                "originalUriBaseIds": {"SRCROOT": {"uri": "file:///work/"}},
                "artifacts": [{"location": {"uri": f, "uriBaseId": "SRCROOT"}} for f in files],
                "results": [{
                    "ruleId": ids[k % rules],
                    "ruleIndex": k % rules,
                    "message": {"text": "result %d of log %d" % (k, l)},
                    "partialFingerprints": {"gccEscape/v1": "%08x%08x" % (l, k)},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": files[k % 50], "uriBaseId": "SRCROOT",
                                             "index": k % 50},
                        "region": {"startLine": 1 + k, "startColumn": 5}}}],
                } for k in range(results)],
            }],
        }
        with open(os.path.join(out, "log%d.sarif" % l), "w") as f:
            json.dump(log, f)


def link(findings, files, out):
    functions = [{"name": "keep", "file": "keep.c", "line": 3, "column": 6,
                  "params": [{"index": 1, "name": "p", "leaks": [{"to": "static", "level": 0, "why": [
                      {"file": "keep.c", "line": 5, "column": 7, "message": "flow: g = p (store)"}]}],
                              "freed": False, "unknown": False, "calls": []}]}]
    facts = []
    for k in range(findings):
        f = "src/f%d.c" % (k % files)
        facts.append({"kind": "escape", "function": "use_%d" % (k // 4), "object": "local 'x%d'" % k,
                      "file": f, "line": 10 + k, "column": 5, "callee": "keep", "arg": 1,
                      "notes": [{"file": f, "line": 9 + k, "column": 9, "message": "'x%d' declared here" % k}],
                      "reaches": [{"callee": "keep", "arg": 1, "level": 0}]})
    record = json.dumps({"schema": "gcc-escape-object/1", "version": "0.1.0", "source": "gen.c",
                         "functions": functions, "facts": facts}).encode()
    with tempfile.TemporaryDirectory() as tmp:
        section = os.path.join(tmp, "section")
        with open(section, "wb") as f:
            f.write(b"GCC-ESCAPE 1 %d\n" % len(record) + record)
        empty = os.path.join(tmp, "empty.c")
        open(empty, "w").close()
        obj = os.path.join(tmp, "empty.o")
        subprocess.run(["cc", "-c", empty, "-o", obj], check=True)
        subprocess.run(["objcopy", "--add-section", ".gcc_escape=" + section, obj, out], check=True)


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "sarif":
        sarif(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif len(sys.argv) == 5 and sys.argv[1] == "link":
        link(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

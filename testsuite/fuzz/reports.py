# reports.py - check one fuzz compile's JSON report and SARIF log: valid JSON, and each valid against its schema.
#
# usage: python3 reports.py TOP REPORT.json LOG.sarif
# Exits 0 when both are good; otherwise prints the first problem and exits 1.
import json
import sys

import jsonschema


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        sys.exit("%s was not written" % path)
    except (ValueError, UnicodeDecodeError) as e:
        sys.exit("%s is not valid JSON: %s" % (path, e))


def check(path, schema_path, validator_class):
    errors = list(validator_class(load(schema_path)).iter_errors(load(path)))
    if errors:
        sys.exit("%s does not match %s: %s" % (path, schema_path, errors[0].message))


top, report, log = sys.argv[1:4]
check(report, top + "/docs/schemas/summary.schema.json", jsonschema.Draft7Validator)
check(log, top + "/testsuite/schemas/sarif-schema-2.1.0.json", jsonschema.Draft4Validator)

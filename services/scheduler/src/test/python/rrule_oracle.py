#!/usr/bin/python3
"""Test-only oracle: expands RRULEs with python-dateutil, independently of the scheduler's code.

Reads one JSON object per line from stdin, {"rule", "dtstart", "horizon", "limit"} (floating
local date-times, ISO), and writes one JSON line per case: {"occurrences": [...]} with at most
`limit` local date-times before `horizon`, with "undecided": true (and those found so far) when
dateutil takes over a second (it walks a rule with no occurrences period by period up to year 9999), or {"error"}.
"""
import json
import signal
import sys
from datetime import datetime

from dateutil.rrule import rrulestr


def expand(case, found):
    start = datetime.fromisoformat(case["dtstart"])
    horizon = datetime.fromisoformat(case["horizon"])
    for occurrence in rrulestr(case["rule"], dtstart=start):
        if occurrence >= horizon or len(found) >= case["limit"]:
            break
        found.append(occurrence.isoformat())
    return found


class Undecided(Exception):
    """dateutil walks a rule without occurrences period by period, up to year 9999."""


def give_up(signum, frame):
    raise Undecided()


signal.signal(signal.SIGALRM, give_up)
for line in sys.stdin:
    if not line.strip():
        continue
    signal.alarm(1)
    found = []
    try:
        print(json.dumps({"occurrences": expand(json.loads(line), found)}), flush=False)
    except Undecided:
        print(json.dumps({"undecided": True, "occurrences": found}))
    except Exception as error:  # reported to the Java test, which fails on it
        print(json.dumps({"error": repr(error)}))
    finally:
        signal.alarm(0)
sys.stdout.flush()

"""A unified diff and a similarity ratio of two texts; JSON in on stdin, JSON out."""
import difflib
import json
import re
import sys


def normalise(lines, ignore_whitespace):
    if not ignore_whitespace:
        return lines
    return [re.sub(r"\s+", " ", line).strip() for line in lines]


def main():
    request = json.load(sys.stdin)
    a, b = request.get("a"), request.get("b")
    if not isinstance(a, str) or not isinstance(b, str):
        sys.exit("input.a and input.b must be texts")
    ignore = bool(request.get("ignore_whitespace", False))
    a_lines = normalise(a.splitlines(), ignore)
    b_lines = normalise(b.splitlines(), ignore)
    diff = list(difflib.unified_diff(
        a_lines, b_lines,
        fromfile=request.get("a_name", "a"), tofile=request.get("b_name", "b"),
        n=int(request.get("context", 3)), lineterm=""))
    added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    similarity = difflib.SequenceMatcher(None, "\n".join(a_lines), "\n".join(b_lines)).ratio()
    print(json.dumps({
        "identical": a_lines == b_lines,
        "similarity": round(similarity, 4),
        "added": added,
        "removed": removed,
        "diff": "\n".join(diff),
    }))


if __name__ == "__main__":
    main()

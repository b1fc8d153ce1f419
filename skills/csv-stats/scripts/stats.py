"""Column statistics of a CSV table given as JSON on stdin."""
import csv
import io
import json
import statistics
import sys
from collections import Counter


def number(text, decimal_comma):
    value = text.strip().replace("_", "")
    if decimal_comma:
        value = value.replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return None


def describe(name, cells, top, decimal_comma):
    filled = [c for c in cells if c.strip() != ""]
    numbers = [number(c, decimal_comma) for c in filled]
    column = {"name": name, "count": len(filled), "empty": len(cells) - len(filled),
              "distinct": len(set(filled))}
    if filled and all(n is not None for n in numbers):
        column.update({
            "type": "number",
            "min": min(numbers), "max": max(numbers),
            "sum": sum(numbers),
            "mean": statistics.fmean(numbers),
            "median": statistics.median(numbers),
            "stdev": statistics.stdev(numbers) if len(numbers) > 1 else 0.0,
        })
    else:
        column["type"] = "text"
    column["top"] = [[value, count] for value, count in Counter(filled).most_common(top)]
    return column


def main():
    request = json.load(sys.stdin)
    text = request.get("csv")
    if not isinstance(text, str) or not text.strip():
        sys.exit("input.csv must be the table as text")
    delimiter = request.get("delimiter")
    if not delimiter:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    top = int(request.get("top", 3))
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows = [row for row in rows if row]
    header, body = rows[0], rows[1:]
    width = len(header)
    columns = []
    for index, name in enumerate(header):
        cells = [row[index] if index < len(row) else "" for row in body]
        columns.append(describe(name.strip(), cells, top, delimiter != ","))
    ragged = sum(1 for row in body if len(row) != width)
    print(json.dumps({"rows": len(body), "delimiter": delimiter, "ragged_rows": ragged,
                      "columns": columns}))


if __name__ == "__main__":
    main()

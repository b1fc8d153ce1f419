"""Time zone conversion and date arithmetic; JSON in on stdin, JSON out."""
import calendar
import json
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name):
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("unknown time zone: %s" % name)


def parse(text, tz_name, notes):
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        return moment
    tz = zone(tz_name)
    first = moment.replace(tzinfo=tz, fold=0)
    second = moment.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
        if round_trip != moment:
            notes.append("%s does not exist in %s (skipped by a DST change); read as %s"
                         % (text, tz_name, first.astimezone(tz).isoformat()))
        else:
            notes.append("%s is ambiguous in %s (repeated by a DST change); the earlier one is used"
                         % (text, tz_name))
    return first


def add_months(moment, months):
    month_index = moment.month - 1 + months
    year = moment.year + month_index // 12
    month = month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def human(seconds):
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return "%s%dd %02dh %02dm %02ds" % (sign, days, hours, minutes, secs)


def main():
    request = json.load(sys.stdin)
    notes = []
    op = request.get("op", "convert")
    try:
        if op == "convert":
            moment = parse(request["datetime"], request.get("from_tz"), notes)
            targets = request.get("to_tz", "UTC")
            targets = targets if isinstance(targets, list) else [targets]
            result = {
                "input": moment.isoformat(),
                "utc": moment.astimezone(timezone.utc).isoformat(),
                "results": {name: moment.astimezone(zone(name)).isoformat() for name in targets},
            }
        elif op == "add":
            tz = zone(request.get("tz"))
            moment = parse(request["datetime"], request.get("tz"), notes)
            duration = request.get("duration", {})
            local = moment.astimezone(tz).replace(tzinfo=None)
            local = add_months(local, int(duration.get("years", 0)) * 12 + int(duration.get("months", 0)))
            local += timedelta(days=float(duration.get("days", 0)) + 7 * float(duration.get("weeks", 0)))
            wall = parse(local.isoformat(), request.get("tz"), notes)
            exact = timedelta(hours=float(duration.get("hours", 0)),
                              minutes=float(duration.get("minutes", 0)),
                              seconds=float(duration.get("seconds", 0)))
            final = (wall.astimezone(timezone.utc) + exact).astimezone(tz)
            result = {"result": final.isoformat(), "utc": final.astimezone(timezone.utc).isoformat()}
        elif op == "diff":
            start = parse(request["start"], request.get("start_tz"), notes)
            end = parse(request["end"], request.get("end_tz"), notes)
            seconds = (end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds()
            result = {"seconds": seconds, "days": round(seconds / 86400, 6),
                      "hours": round(seconds / 3600, 6), "human": human(seconds)}
        else:
            raise ValueError("op must be convert, add or diff")
    except (KeyError, TypeError, ValueError) as error:
        print(json.dumps({"error": str(error)}))
        sys.exit(2)
    if notes:
        result["notes"] = notes
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""The clinic's 受付時間 lines, read as schema.org opening hours."""

import re

WEEK = "月火水木金土日"
SCHEMA_DAYS = dict(zip(WEEK + "祝", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "PublicHolidays"]))
RANGE_MARKS = "〜～~-－ー–"
TIME_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*[" + re.escape(RANGE_MARKS) + r"]\s*(\d{1,2})[:：](\d{2})")


def opening_days(text):
    """「月〜金」「土・日・祝」「平日」 as weekday characters, in order."""
    text = text.replace("平日", "月〜金").replace("祝日", "祝").replace("曜日", "").replace("曜", "")
    tokens = [c for c in text if c in SCHEMA_DAYS or c in RANGE_MARKS]
    days, i = [], 0
    while i < len(tokens):
        c = tokens[i]
        if c in WEEK and i + 2 < len(tokens) and tokens[i + 1] in RANGE_MARKS and tokens[i + 2] in WEEK:
            start, end = WEEK.index(c), WEEK.index(tokens[i + 2])
            days.extend(WEEK[start : end + 1] if start <= end else WEEK[start:] + WEEK[: end + 1])
            i += 3
        else:
            if c in SCHEMA_DAYS:
                days.append(c)
            i += 1
    return list(dict.fromkeys(days))


def opening_hours_specification(lines):
    """The clinic's 受付時間 lines (「月〜金 9:00〜20:00」) as schema.org
    OpeningHoursSpecification. Lines without a time (「日・祝 休み」) are
    closed days and say nothing; lines we cannot read are left out rather
    than guessed."""
    specs = []
    for line in lines:
        first_time = TIME_RANGE.search(line)
        if not first_time:
            continue
        days = opening_days(line[: first_time.start()])
        if not days:
            continue
        for h1, m1, h2, m2 in TIME_RANGE.findall(line):
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [SCHEMA_DAYS[day] for day in days],
                    "opens": f"{int(h1):02d}:{m1}",
                    "closes": f"{int(h2):02d}:{m2}",
                }
            )
    return specs

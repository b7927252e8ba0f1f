"""The clinic's 受付時間 lines as schema.org OpeningHoursSpecification."""

from clinic.opening_hours import opening_hours_specification


def spec(days, opens, closes):
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": opens, "closes": closes}


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def test_day_ranges_single_days_and_closed_days():
    lines = ["月〜金 9:00〜20:00", "土 9:00〜17:00", "日・祝 休み"]

    assert opening_hours_specification(lines) == [
        spec(WEEKDAYS, "09:00", "20:00"),
        spec(["Saturday"], "09:00", "17:00"),
    ]


def test_split_hours_weekday_words_and_holidays():
    lines = ["平日 9:00-12:00 / 14:00-19:00", "土曜・日曜 10:00～16:00", "祝日 10:00〜12:00"]

    assert opening_hours_specification(lines) == [
        spec(WEEKDAYS, "09:00", "12:00"),
        spec(WEEKDAYS, "14:00", "19:00"),
        spec(["Saturday", "Sunday"], "10:00", "16:00"),
        spec(["PublicHolidays"], "10:00", "12:00"),
    ]


def test_lines_it_cannot_read_are_left_out():
    assert opening_hours_specification(["お電話でご確認ください", "9:00〜18:00"]) == []

"""Turkish dates: the day without a leading zero, as Turkish writes it."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"

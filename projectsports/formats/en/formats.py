"""English dates: the month spelled out, as in "September 8, 2026" (Django: "Sept. 8, 2026")."""

DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "F j, Y, P"

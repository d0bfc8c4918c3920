"""Date formats where Django's own differ from how the language writes dates
(FORMAT_MODULE_PATH):

- Turkish writes the day without a leading zero, "8 Eylül 2026" (Django: "08 Eylül 2026"),
  and so "8 Eylül" without the year (MONTH_DAY_FORMAT).
- English spells the month out, "September 8, 2026", as Dutch, German and Turkish do
  (Django writes AP style, "Sept. 8, 2026", whose abbreviations, "Sept." beside
  "March", read as a newspaper's house style rather than as English).

Dutch ("8 september 2026") and German ("8. September 2026") keep Django's."""

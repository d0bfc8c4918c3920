"""Date formats where Django's own differ from how the language writes dates
(FORMAT_MODULE_PATH): Turkish writes the day without a leading zero, "8 Eylül 2026"
(Django: "08 Eylül 2026"). Dutch ("8 september 2026"), German ("8. September 2026")
and English ("Sept. 8, 2026") keep Django's."""

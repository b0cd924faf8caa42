# Dates as APLE writes them: "14 March 2005", "March 2005".
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j M Y"

# Khmer dates as they are written in Cambodia: "14 ខែមីនា ឆ្នាំ2005", "ខែមីនា ឆ្នាំ2005". The digits are
# turned into Khmer digits where the dates are shown (aple_site.i18n.locale_digits).
DATE_FORMAT = "j ខែF ឆ្នាំY"
YEAR_MONTH_FORMAT = "ខែF ឆ្នាំY"
MONTH_DAY_FORMAT = "j ខែF"
SHORT_DATE_FORMAT = "d/m/Y"

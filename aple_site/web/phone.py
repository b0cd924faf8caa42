"""Phone numbers as people read them and as phones dial them."""

import re

CAMBODIA = "+855"


def tel_number(number):
    """The number for a `tel:` link or JSON-LD: digits only, in international form for Cambodian numbers written
    the national way ("092 311 511" → "+85592311511"), so that it also dials from a foreign phone; short
    service numbers ("1288") stay as they are."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if digits.startswith("+"):
        return digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0") and len(digits) >= 8:
        return CAMBODIA + digits[1:]
    return digits

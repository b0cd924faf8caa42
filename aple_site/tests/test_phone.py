"""Phone numbers become tel: links that dial from any phone."""

import pytest

from aple_site.web.phone import tel_number


@pytest.mark.parametrize(
    "written, dialled",
    [
        ("092 311 511", "+85592311511"),
        ("+855 23 000 000", "+85523000000"),
        ("00855 12 345 678", "+85512345678"),
        ("1288", "1288"),
        ("(023) 990-123", "+85523990123"),
        ("", ""),
    ],
)
def test_numbers_are_dialled_in_international_form(written, dialled):
    assert tel_number(written) == dialled

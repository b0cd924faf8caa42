"""The confirmation after a form is sent (post/redirect/get): its address carries a receipt, the reference (and
a report's check code) encrypted with the reports' keys and readable for RECEIPT_SECONDS only.

So the confirmation can be reloaded for a while, and afterwards the address shows nothing: no cookie, no session
and nothing in the address a person holding the phone later could read."""

import json

from cryptography.fernet import InvalidToken

from .encryption import fernet

RECEIPT_SECONDS = 15 * 60


class ReceiptExpired(Exception):
    """A receipt that was genuine but is older than RECEIPT_SECONDS."""


def make_receipt(**values):
    # Without base64's '=' padding: Wagtail's page addresses take letters, digits, '_' and '-' only.
    return fernet().encrypt(json.dumps(values).encode()).decode().rstrip("=")


def read_receipt(receipt):
    """The values of a receipt; None if it is not one of ours; ReceiptExpired once it is too old to show."""
    token = receipt + "=" * (-len(receipt) % 4)
    try:
        return json.loads(fernet().decrypt(token.encode(), ttl=RECEIPT_SECONDS))
    except InvalidToken:
        try:
            fernet().decrypt(token.encode())
        except (InvalidToken, ValueError):
            return None
        raise ReceiptExpired from None
    except ValueError:
        return None

"""Errors are logged as structured JSON, without query strings."""

import json
import logging

from django.test import RequestFactory

from aple_site.ops.log_format import JsonFormatter


def test_request_errors_become_one_json_line():
    request = RequestFactory().get("/en/history/?q=private-name")
    try:
        raise ValueError("broken template")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/en/history/",),
            sys.exc_info(),
        )
    record.request = request
    record.status_code = 500
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["message"] == "Internal Server Error: /en/history/"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/en/history/", 500)
    assert "ValueError: broken template" in entry["exception"]
    assert "private-name" not in line
    assert "\n" not in line

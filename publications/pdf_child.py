"""Reads one PDF in a child process (publications/pdf.py starts it with bounded memory and time).

stdin: the PDF's bytes. stdout: JSON {"pages": n, "text": "...", "cover": base64 PNG of the first page}.
Exit 3 with a reason on stderr when the file is not a PDF that can be opened."""

import base64
import io
import json
import sys

import pypdfium2 as pdfium

COVER_WIDTH = 480  # pixels; the page shows the cover at most 240 CSS px wide, so this is sharp on 2x screens
MAX_TEXT_PAGES = 300
MAX_TEXT_CHARS = 100_000  # enough for search to know what a report is about; the rest adds little


def read(data):
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise SystemExit(_refuse(f"unreadable: {exc}")) from exc
    if len(pdf) == 0:
        raise SystemExit(_refuse("no pages"))
    return {"pages": len(pdf), "text": _text(pdf), "cover": _cover(pdf[0])}


def _refuse(reason):
    sys.stderr.write(reason)
    return 3


def _cover(page):
    width, height = page.get_size()
    scale = COVER_WIDTH / max(width, 1)
    if height * scale > COVER_WIDTH * 3:  # a strip-shaped page: keep the bitmap small
        scale = COVER_WIDTH * 3 / max(height, 1)
    image = page.render(scale=scale).to_pil().convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode()


def _text(pdf):
    parts, length = [], 0
    for index in range(min(len(pdf), MAX_TEXT_PAGES)):
        text = pdf[index].get_textpage().get_text_bounded()
        parts.append(text)
        length += len(text)
        if length >= MAX_TEXT_CHARS:
            break
    return " ".join(" ".join(parts).split())[:MAX_TEXT_CHARS]


if __name__ == "__main__":
    json.dump(read(sys.stdin.buffer.read()), sys.stdout)

"""Rebuild the brand assets that are generated rather than drawn by hand, and commit the results:

- templates/includes/wordmark.svg: "APLE" as outlines (DejaVu Sans Bold, free licence), the header's logo
  while no logo image is set in Settings > Site settings. Outlines, so it looks the same on every device.
- static/fonts/noto-sans-khmer-khmer-{400,700}-normal.woff2: Noto Sans Khmer (Fontsource's files) cut to the
  Khmer block the CSS's unicode-range names, with every OpenType feature Khmer shaping needs and without hinting
  instructions, which phones ignore: 16 and 18 KB instead of 23 and 24. Cutting again changes nothing.
- static/fonts/khmer-label.woff2: Noto Sans Khmer cut to the five characters of "ខ្មែរ", so the language
  switcher on English pages reads correctly without downloading the Khmer font (1.5 KB instead of 24 KB).
- static/img/share-card.png: the 1200 × 630 picture social networks show for a page without an image.

Needs the dev requirements (fonttools, brotli) and Debian's fonts-dejavu-core: `.venv/bin/python
scripts/build_assets.py`."""

from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.subset import main as subset
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BRAND, BRAND_DARK, ACCENT = "#0b4f6c", "#07364a", "#f4b942"


def wordmark_svg(text="APLE", tracking=60):
    font = TTFont(DEJAVU_BOLD)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    capital = BoundsPen(glyphs)
    glyphs[cmap[ord("H")]].draw(capital)
    ascent = round(capital.bounds[3])  # cap height: this font's OS/2 table is too old to say
    pen, x = SVGPathPen(glyphs), 0
    for char in text:
        name = cmap[ord(char)]
        # Font units point up; SVG's y axis points down: flip, and sit the capitals on the baseline at y=cap height.
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, x, ascent)))
        x += glyphs[name].width + tracking
    bounds = BoundsPen(glyphs)
    glyphs[cmap[ord(text[-1])]].draw(bounds)
    width = x - tracking - (glyphs[cmap[ord(text[-1])]].width - bounds.bounds[2])
    bar = round(ascent * 0.16)
    height = ascent + bar * 2
    return (
        f'<svg class="wordmark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-hidden="true" focusable="false">'
        f'<path fill="currentColor" d="{pen.getCommands()}"/>'
        f'<rect class="wordmark__bar" x="0" y="{ascent + bar}" width="{width}" height="{bar}" rx="{bar // 2}"/>'
        "</svg>\n"
    )


KHMER_BLOCK = "U+1780-17FF,U+19E0-19FF,U+200C-200D,U+25CC"  # as in static/css/site.css


def khmer_fonts():
    for weight in ("400", "700"):
        path = ROOT / f"static/fonts/noto-sans-khmer-khmer-{weight}-normal.woff2"
        subset(
            [
                str(path),
                f"--unicodes={KHMER_BLOCK}",
                "--layout-features=*",
                "--no-hinting",
                "--flavor=woff2",
                f"--output-file={path}",
            ]
        )


def khmer_label_font():
    subset(
        [
            str(ROOT / "static/fonts/noto-sans-khmer-khmer-700-normal.woff2"),
            "--text=ខ្មែរ",
            "--layout-features=*",
            "--flavor=woff2",
            f"--output-file={ROOT / 'static/fonts/khmer-label.woff2'}",
        ]
    )


def share_card():
    card = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 560, 1200, 630), fill=BRAND_DARK)
    draw.rectangle((96, 348, 436, 372), fill=ACCENT)
    draw.text((90, 140), "APLE", font=ImageFont.truetype(DEJAVU_BOLD, 200), fill="white")
    draw.text((96, 410), "Action Pour Les Enfants", font=ImageFont.truetype(DEJAVU, 58), fill="white")
    draw.text((96, 575), "Cambodia", font=ImageFont.truetype(DEJAVU_BOLD, 30), fill=ACCENT)
    card.save(ROOT / "static/img/share-card.png", optimize=True)


if __name__ == "__main__":
    (ROOT / "templates/includes/wordmark.svg").write_text(wordmark_svg(), encoding="utf-8")
    khmer_fonts()
    khmer_label_font()
    share_card()
    print("Built templates/includes/wordmark.svg, static/fonts/khmer-label.woff2, static/img/share-card.png")

"""Is an image WeChat's logo? Decided from the pixels, never from the file name alone.

WeChat's mark is two speech bubbles, each with two "eyes": white bubbles on a brand-green disc or
rounded square (``#07C160``, ``#1AAD19``, ``#09BB07``, ``#2DC100`` and the yellower greens of older
exports), green bubbles on a light background, or the same in grey. Brand rules:
https://developers.weixin.qq.com/miniprogram/product/reject.html (a Mini Program must not look like
WeChat's own service).

The classifier (Pillow decodes; the rest is a few passes over a small thumbnail):

1. Decode the first frame, flatten transparency (alpha < 128 is background) and downscale so the longer
   side is at most :data:`SIDE` pixels — or, for a strip :data:`STRIP` times as wide as high (a button
   image with a small mark beside its text), the shorter side, within :data:`MAX_THUMB` pixels. Images
   smaller than :data:`MIN_SIDE`, larger than :data:`MAX_PIXELS` or :data:`MAX_BYTES`, and anything
   Pillow cannot read give ``None`` (no answer). An SVG is first drawn as a raster
   (:func:`mp_precheck.readers.svgraster.rasterize`), ``None`` when it cannot be.
2. Transparent parts show the page behind, taken as white (cut-out bubbles read as white); behind a white
   mark on a transparent ground (:data:`MIN_WHITE_MARK` of the opaque pixels white: a button's icon, only
   seen on the control's colour) they are taken as brand green, with a pixel of it around the picture
   (the control goes on past the icon), so its bubbles sit on a field. Label every
   pixel: *green* (hue 85°–165°, HSV saturation ≥ 0.45, value ≥ 0.40), *white*
   (all channels ≥ 215, spread ≤ 40), *grey* (spread ≤ 24, value 0.30–0.85), or other.
3. A *bubble* (:mod:`mp_precheck.readers.pixelshapes`) is a 4-connected component of one label, large,
   solid (a glyph's strokes are not), of one flat brightness (the shaded greys of an illustration, hair or a
   silhouette, are not), with at least two *eyes*: enclosed round holes.
4. A white bubble must sit inside the field: it does not reach the picture's edge, the colour around it
   is green (or grey, the grey variant), and that colour covers at least :data:`MIN_FIELD` of the
   picture (a line drawing's thin grey strokes do not). Green or grey bubbles sit on a light background.
5. The mark is there when two such bubbles of one colour are found, the smaller at least
   :data:`MIN_RATIO` of the larger (or one with four eyes: two bubbles the downscale merged). A file
   name that says WeChat (``wx``, ``wechat``, ``weixin``) lowers the bar to one bubble with eyes; the
   name alone never decides. A strip, read at its height, needs the two bubbles. In grey (a disabled or
   monochrome mark) one shape stands for two only when its eyes are the mark's: two level pairs, the
   second lower and off to one side (:func:`~mp_precheck.readers.pixelshapes.two_pairs`) — a face drawn
   in grey has its eyes, cheeks and mouth one above the other.
6. A white mark on a control of another colour (a 微信登录 button image in the app's orange): white
   bubbles inside the picture, which that colour covers for the most part (:data:`MIN_CONTROL`), count
   when they are the mark's overlapping pair (their boxes overlap, the smaller at least :data:`MIN_RATIO`
   of the larger) — text beside them has no solid, eyed shapes, and a white icon's windows on a coloured
   disc make one shape.
7. Otherwise, a picture drawn in one colour of any hue (a black or dark grey mark on a white or transparent
   ground, a theme-coloured one) is judged by the shape alone: :mod:`mp_precheck.readers.logoshape`.

A plain green button, a green tick (one white shape, no eyes), a photo (no large uniform components)
or a generic icon gives ``False``.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter
from functools import cache
from typing import Any

from mp_precheck.core.recache import compiled
from mp_precheck.readers.logoshape import single_colour_mark
from mp_precheck.readers.pixelshapes import MIN_BUBBLE, OTHER, Bubble, bubbles, overlap, two_pairs

SIDE = 96  # thumbnail's longer side: eyes of a 200 px logo stay ~5 px wide
STRIP = 3  # a picture this many times as wide as high (or high as wide) is read at its shorter side
MAX_THUMB = 8 * SIDE * SIDE
MIN_SIDE = 12
MAX_BYTES = 4_000_000
MAX_PIXELS = 16_000_000  # larger pictures are photos or posters, not icons, and cost too much to decode
MIN_RATIO = 0.2
MIN_FIELD = 0.2
MIN_CONTROL = 0.5  # a button image is mostly its own colour; an outline icon on a page is mostly page
MIN_WHITE_MARK = 0.8  # share of the opaque pixels that are white for a white mark on a transparent ground
PAGE = (255, 255, 255, 255)
BEHIND_WHITE_MARK = (7, 193, 96, 255)  # #07C160, WeChat's green

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg")

GREEN, WHITE, GREY = 1, 2, 3  # and OTHER (pixelshapes): any other colour


def named_like_logo(path: str) -> bool:
    """Whether the file name says WeChat (``wx.png``, ``wechat-login.png``, ``icon_weixin.jpg``)."""
    return bool(_name_hint().search(path.rsplit("/", 1)[-1].rsplit(".", 1)[0]))


@cache
def _name_hint() -> re.Pattern[str]:  # compiled when first needed: most runs never ask
    return compiled(r"(?:^|[^a-z])(?:wx|wechat|weixin|weichat)(?:[^a-z]|$)|wechat|weixin|微信", re.IGNORECASE)


def is_wechat_logo(data: bytes, path: str = "") -> bool | None:
    """Whether the image bytes ``data`` show WeChat's two-bubble mark; ``None`` when undecidable (not a
    raster image, damaged, too large or too small). ``path`` is only a hint (see the module docstring)."""
    picture = _thumbnail(data, path)
    if picture is None:
        return None
    page, cut_out = picture
    # A white cut-out mark is read on the brand's green: the colours decide it. Otherwise a mark in one colour
    # of any hue (black on white) is known by its shape.
    return _branded_mark(page, cut_out, path) or (not cut_out and single_colour_mark(page, named_like_logo(path)))


def _branded_mark(page: Any, cut_out: bool, path: str) -> bool:
    """Whether the RGB thumbnail ``page`` shows the mark in the brand's colours (steps 2–6 of the module
    docstring); ``cut_out``: a white mark on a transparent ground, read on green."""
    width, height = page.size
    total = width * height
    label_of, share = _shares(page)
    # A strip is read at its height, where the mark's bubbles stay apart: one shape is no mark there (a
    # labelled green box in a diagram has holes enough).
    strip = max(width, height) >= STRIP * min(width, height)
    field = {label: share[label] >= MIN_FIELD * total for label in (GREEN, GREY)}
    # Only colours that can make a branded bubble are searched (a photo or a plain icon is then cheap): white
    # bubbles need a green or grey field, green and grey ones a white background; a bubble covers MIN_BUBBLE.
    # On a white cut-out mark the green is the control behind it: only the white shapes can be bubbles.
    light = share[WHITE] > 0 and not cut_out
    control = share[OTHER] >= MIN_CONTROL * total and not cut_out
    least = MIN_BUBBLE * min(width, height) ** 2
    wanted = [label for label, possible in ((WHITE, field[GREEN] or field[GREY] or control), (GREEN, light),
                                            (GREY, light)) if possible and share[label] >= least]
    if not wanted:
        return False  # no colour can hold a bubble: answered from the shares alone, no pixel looked at
    raw = page.tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
    shade_of = {rgb: (rgb[0] + rgb[1] + rgb[2]) // 3 for rgb in label_of}
    labels, shades = [label_of[rgb] for rgb in pixels], [shade_of[rgb] for rgb in pixels]
    found_all = list(bubbles(labels, shades, width, height, wanted))
    if control and _mark_on_control([b for b in found_all if b.label == WHITE and not b.edge
                                     and b.around not in (GREEN, GREY)]):
        return True
    branded = [b for b in found_all if _branded(b, field)]
    for label in (WHITE, GREEN, GREY):
        found = sorted((b for b in branded if b.label == label), key=lambda b: b.area, reverse=True)
        if len(found) >= 2 and found[1].area >= MIN_RATIO * found[0].area:
            return True
        if found and not strip and (_merged(found[0]) or named_like_logo(path)):
            return True  # two bubbles merged by the downscale, or one bubble in a file named for WeChat
    return False


def _merged(bubble: Bubble) -> bool:
    """Whether one bubble is the mark's two merged by the downscale: four eyes or more; in grey, exactly the
    mark's four (:func:`~mp_precheck.readers.pixelshapes.two_pairs`)."""
    if GREY in (bubble.label, bubble.around):
        return two_pairs(bubble.eyes)
    return len(bubble.eyes) >= 4


def _mark_on_control(white: list[Bubble]) -> bool:
    """Whether white bubbles on a control of another colour than the brand's are the mark: two whose boxes
    overlap, the smaller at least :data:`MIN_RATIO` of the larger (the mark's second bubble sits on the
    first's lower right; letters stand apart)."""
    return any(a is not b and a.area >= b.area >= MIN_RATIO * a.area and overlap(a.box, b.box)
               for a in white for b in white)


def _branded(bubble: Bubble, field: dict[int, bool]) -> bool:
    """White bubbles inside a green (or grey) field that covers a good part of the picture; green or grey
    bubbles on a light background."""
    if bubble.label == WHITE:
        return not bubble.edge and bubble.around in (GREEN, GREY) and field[bubble.around]
    return bubble.around == WHITE


def _shares(page: Any) -> tuple[dict[tuple[int, int, int], int], Counter[int]]:
    """The label of each distinct colour of the RGB ``PIL.Image`` ``page`` and how many pixels each label
    covers — from Pillow's colour counts, each colour labelled once (an icon has few colours)."""
    colours = page.getcolors(page.width * page.height)  # never None: there are no more colours than pixels
    label_of = {rgb: _label(*rgb) for _count, rgb in colours}
    share: Counter[int] = Counter()
    for count, rgb in colours:
        share[label_of[rgb]] += count
    return label_of, share


def _thumbnail(data: bytes, path: str) -> tuple[Any, bool] | None:
    """The thumbnail as an RGB ``PIL.Image`` on what shows through it, and whether it is a white cut-out mark
    (read on green); None when the image cannot be judged (see the module docstring)."""
    if len(data) > MAX_BYTES:
        return None
    if path.lower().endswith(".svg") or data.lstrip()[:1] == b"<":
        from mp_precheck.readers.svgraster import rasterize  # only runs that meet an SVG pay for its renderer

        drawn = rasterize(data, 2 * SIDE)
        if drawn is None:
            return None
        data = drawn
    from PIL import Image, UnidentifiedImageError  # only runs that meet an image reference pay for Pillow

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS or min(width, height) < MIN_SIDE:
                return None
            image.seek(0)
            box = _thumbnail_box(width, height)
            image.draft("RGB", box)  # JPEG: decode at a reduced scale
            rgba = _scaled_rgba(image, box)
            behind = _behind(rgba)
            margin = 0 if behind == PAGE else 1  # the control goes on past the icon's edge
            page = Image.new("RGBA", (rgba.width + 2 * margin, rgba.height + 2 * margin), behind)
            page.alpha_composite(rgba, (margin, margin))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    return page.convert("RGB"), behind != PAGE


def _scaled_rgba(image: Any, box: tuple[int, int]) -> Any:
    """The ``PIL.Image`` ``image`` downscaled to fit ``box`` (BOX filter), in RGBA. An opaque picture is
    downscaled before the alpha channel is added (the same pixels: the alpha is 255 throughout, so the
    premultiplied scaling of RGBA changes nothing), an opaque palette is expanded to RGB first."""
    from PIL import Image

    opaque = "transparency" not in image.info  # a tRNS colour would turn transparent in the RGBA conversion
    if opaque and image.mode == "P" and image.palette and image.palette.mode == "RGB":
        image = image.convert("RGB")
    if opaque and image.mode == "RGB":
        image.thumbnail(box, Image.Resampling.BOX)
        return image.convert("RGBA")
    rgba = image.convert("RGBA")
    rgba.thumbnail(box, Image.Resampling.BOX)
    return rgba


def _thumbnail_box(width: int, height: int) -> tuple[int, int]:
    """The size to downscale a ``width`` × ``height`` picture to (see the module docstring, step 1)."""
    short, long = sorted((width, height))
    side = short if long >= STRIP * short else long
    scale = min(1.0, SIDE / side, (MAX_THUMB / (width * height)) ** 0.5)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _behind(rgba: Any) -> tuple[int, int, int, int]:
    """What shows through the transparent parts of ``rgba``: the page, taken as white (cut-out bubbles read
    as white) — except behind a white mark on a transparent ground (a button's icon), which is only seen on
    the coloured control it sits in, taken as the brand green."""
    total = rgba.width * rgba.height
    opaque = sum(rgba.getchannel("A").histogram()[128:])  # alpha >= 128
    if total - opaque < MIN_FIELD * total or not opaque:
        return PAGE
    white = sum(count for count, (r, g, b, a) in rgba.getcolors(total) if a >= 128 and _label(r, g, b) == WHITE)
    return BEHIND_WHITE_MARK if white >= MIN_WHITE_MARK * opaque else PAGE


def _label(r: int, g: int, b: int) -> int:
    """The label (:data:`GREEN`, :data:`WHITE`, :data:`GREY` or :data:`OTHER`) of the colour ``r, g, b``
    (0–255 each); see the module docstring, step 2."""
    high = r if r >= g else g  # max() and min() cost a call each, and this runs for every colour
    if b > high:
        high = b
    low = r if r <= g else g
    if b < low:
        low = b
    spread = high - low
    if low >= 215 and spread <= 40:
        return WHITE
    if spread <= 24 and 77 <= high <= 217:
        return GREY
    if high < 102 or spread < 0.45 * high or g != high:
        return OTHER
    hue = 60 * (2 + (b - r) / spread)
    return GREEN if 85 <= hue <= 165 else OTHER

"""WeChat's two-bubble mark drawn in one colour of any hue, known by its shape (not its green).

An app may ship the mark as a black or dark grey silhouette on a transparent or white ground (an iconfont
export, a 微信授权 page's header), in its theme colour, cut out of a dark disc, or as outlines. The colour
says nothing then; the shape does. Brand rules: https://developers.weixin.qq.com/miniprogram/product/reject.html
(a Mini Program must not use WeChat's logo or look like WeChat's own service).

1. The *ground* is the commonest colour of the picture's border, the *ink* the commonest colour at least
   :data:`MIN_CONTRAST` from it. Every colour near the line from ground to ink (within :data:`MAX_OFF_LINE`)
   is labelled ink or ground by the nearer end (anti-aliased edges fall either side); a picture with more
   than :data:`MAX_OTHER` of other colours is no one-colour drawing (``False``). The picture is framed by a
   pixel of ground, so a mark cropped to its bubbles stays inside.
2. Bubbles (:mod:`mp_precheck.readers.pixelshapes`) are looked for in the ink (a filled mark) and in the
   ground inside the picture (a mark cut out of a disc, or drawn as outlines: the insides are the bubbles).
   Only the mark's eyes count: small round holes (each at most :data:`MAX_MARK_EYE` of the bubble — a glyph's
   counters are larger), about as large as each other.
3. A bubble has *the mark's face* when it has exactly two such eyes, level (the rise at most
   :data:`MAX_TILT` of their spread), apart by a fifth to three fifths of its width, around its middle and
   in its upper part.
4. The mark is two bubbles of one label with the mark's face, boxes overlapping, the smaller at least
   :data:`MIN_PAIR` of the larger, lower than it and off to one side (the second bubble sits on the first's
   lower right, or lower left when mirrored). Or one shape with the mark's four eyes (two bubbles
   touching): two level pairs, the second lower and to one side
   (:func:`~mp_precheck.readers.pixelshapes.two_pairs`). A file name that says WeChat only lowers the pair's
   bar (:data:`MIN_PAIR_NAMED`); one bubble is never the mark.
5. The mark is what the picture shows: its box spans at least :data:`MIN_SPAN` of the ink's extent across and
   down. A headline or a cover's lettering is no mark, however two of its glyphs' counters line up.

A chat icon (one bubble, its dots in a row), an avatar (no holes), a share icon (rings, no pair), a face
(eyes and mouth in one shape), a glyph (large or stacked counters), a penguin (its eyes on one level,
nothing lower to the side) or lines of text (the pair a small part of the ink) gives ``False``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mp_precheck.readers.pixelshapes import OTHER, Bubble, bubbles, overlap, two_pairs

INK, GROUND = 5, 6
MIN_CONTRAST = 96  # the ink's largest channel difference from the ground
MAX_OFF_LINE = 48  # a colour this far from the ground-to-ink line is another colour
MAX_OTHER = 0.25  # a share of the picture in other colours that a one-colour drawing (a label beside) allows
MAX_MARK_EYE = 0.07  # the mark's eyes are ~2-4 % of their bubble; a glyph's counters 10 % and more
MIN_EYE_MATCH = 0.35  # the smaller eye at least this share of the larger
MAX_TILT = 0.3
MIN_PAIR = 0.3  # the mark's second bubble is ~0.6-0.8 of the first
MIN_PAIR_NAMED = 0.2
MIN_SPAN = 0.45  # the mark's share of the ink's width and height: an icon, not a detail of a cover's lettering

Eyes = tuple[tuple[float, float, int], ...]  # centres (x, y) and areas of a bubble's eyes


def single_colour_mark(page: Any, named: bool = False) -> bool:
    """Whether the RGB ``PIL.Image`` ``page`` (transparency already laid on white) shows WeChat's two-bubble
    mark drawn in one colour, by its shape (see the module docstring). ``named``: the file name says WeChat (a
    hint that lowers the pair's bar, never enough alone). Never raises on a picture of any content."""
    labelled = _labelled(page)
    if labelled is None:
        return False
    labels, shades, width, height = labelled
    found = list(bubbles(labels, shades, width, height, [INK, GROUND], inner=True))  # the frame is ground
    faces = [(b, _mark_eyes(b)) for b in found]
    extent = _ink_box(labels, width)
    if any(len(eyes) == 4 and two_pairs(eyes) and _spans(b.box, extent) for b, eyes in faces):
        return True  # the two bubbles touch: one shape with both pairs of eyes
    faced = [(b, eyes) for b, eyes in faces if _face(b, eyes)]
    least = MIN_PAIR_NAMED if named else MIN_PAIR
    return any(a.label == b.label and a.area >= b.area >= least * a.area and _second(a, eyes_a, b, eyes_b)
               and _spans(_union(a.box, b.box), extent) for a, eyes_a in faced for b, eyes_b in faced if a is not b)


Box = tuple[int, int, int, int]


def _ink_box(labels: list[int], width: int) -> Box:
    """The box (x0, y0, x1, y1, inclusive) of the picture's ink pixels; the whole picture when it has none."""
    raw = bytes(labels)
    first, last = raw.find(bytes([INK])), raw.rfind(bytes([INK]))
    if first < 0:
        return 0, 0, width - 1, len(labels) // width - 1
    columns = [x for x in range(width) if raw[x::width].find(bytes([INK])) >= 0]
    return columns[0], first // width, columns[-1], last // width


def _union(one: Box, other: Box) -> Box:
    return min(one[0], other[0]), min(one[1], other[1]), max(one[2], other[2]), max(one[3], other[3])


def _spans(box: Box, extent: Box) -> bool:
    """Whether ``box`` spans :data:`MIN_SPAN` of ``extent`` across and down (the mark is the picture's subject)."""
    return (box[2] - box[0] + 1 >= MIN_SPAN * (extent[2] - extent[0] + 1)
            and box[3] - box[1] + 1 >= MIN_SPAN * (extent[3] - extent[1] + 1))


def _labelled(page: Any) -> tuple[list[int], list[int], int, int] | None:
    """Each pixel's label (:data:`INK`, :data:`GROUND` or ``OTHER``) and brightness, on the picture framed
    by a pixel of ground, and the framed size; None when the picture is not drawn in one colour."""
    from PIL import Image, ImageChops, ImageFilter, ImageOps

    width, height = page.size
    border = [page.getpixel((x, y)) for x in range(width) for y in (0, height - 1)] + \
             [page.getpixel((x, y)) for y in range(height) for x in (0, width - 1)]
    ground = Counter(border).most_common(1)[0][0]
    colours = page.getcolors(width * height)  # (count, rgb), never None
    ink = next((rgb for _count, rgb in sorted(colours, reverse=True) if _contrast(rgb, ground) >= MIN_CONTRAST),
               None)
    if ink is None:
        return None
    label_of = _labels(colours, ground, ink)
    if label_of is None:
        return None
    framed = ImageOps.expand(page, 1, fill=ground)
    raw = framed.tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
    labels = [label_of[rgb] for rgb in pixels]
    shade_of = {rgb: (rgb[0] + rgb[1] + rgb[2]) // 3 for rgb in label_of}
    nominal = {INK: shade_of[ink], GROUND: shade_of[ground], OTHER: 0}
    # The anti-aliased rim of a flat shape is no shading: a pixel within two of another label takes its label's
    # nominal shade, the inside of a shaded shape keeps its own.
    plane = Image.frombytes("L", framed.size, bytes(labels))
    rim = ImageChops.difference(plane.filter(ImageFilter.MaxFilter(5)), plane.filter(ImageFilter.MinFilter(5)))
    shades = [nominal[label] if edge else shade_of[rgb]
              for label, edge, rgb in zip(labels, rim.tobytes(), pixels, strict=True)]
    return labels, shades, width + 2, height + 2


def _labels(colours: list[tuple[int, tuple[int, int, int]]], ground: tuple[int, int, int],
            ink: tuple[int, int, int]) -> dict[tuple[int, int, int], int] | None:
    """The label of each colour: ink or ground by the nearer end of the line from ``ground`` to ``ink``,
    ``OTHER`` off it; None when other colours cover more than :data:`MAX_OTHER` of the picture."""
    gr, gg, gb = ground
    sr, sg, sb = ink[0] - gr, ink[1] - gg, ink[2] - gb
    norm = sr * sr + sg * sg + sb * sb
    limit = MAX_OFF_LINE * MAX_OFF_LINE
    budget = MAX_OTHER * sum(count for count, _rgb in colours)
    label_of: dict[tuple[int, int, int], int] = {}
    for count, rgb in colours:
        r, g, b = rgb[0] - gr, rgb[1] - gg, rgb[2] - gb
        along = (sr * r + sg * g + sb * b) / norm
        dr, dg, db = r - along * sr, g - along * sg, b - along * sb
        if dr * dr + dg * dg + db * db > limit:
            label_of[rgb] = OTHER
            budget -= count
            if budget < 0:
                return None
        else:
            label_of[rgb] = INK if along >= 0.5 else GROUND
    return label_of


def _contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> int:
    return max(abs(one[0] - other[0]), abs(one[1] - other[1]), abs(one[2] - other[2]))


def _mark_eyes(bubble: Bubble) -> Eyes:
    """The bubble's eyes that can be the mark's: small (:data:`MAX_MARK_EYE`; none when a hole is too large to
    be one), leaving out specks far smaller than the largest (:data:`MIN_EYE_MATCH`)."""
    if any(area > MAX_MARK_EYE * bubble.area for _x, _y, area in bubble.eyes):
        return ()
    largest = max(area for _x, _y, area in bubble.eyes)
    return tuple(eye for eye in bubble.eyes if eye[2] >= MIN_EYE_MATCH * largest)


def _face(bubble: Bubble, eyes: Eyes) -> bool:
    """Whether the bubble has the mark's face: exactly two eyes, level, apart by a fifth to three fifths of
    its width, around its middle, in its upper part (its tail hangs below)."""
    if len(eyes) != 2:
        return False
    (x1, y1, _a1), (x2, y2, _a2) = eyes
    x0, y0, right, bottom = bubble.box
    width, height = right - x0 + 1, bottom - y0 + 1
    spread, middle, level = abs(x1 - x2), ((x1 + x2) / 2 - x0) / width, ((y1 + y2) / 2 - y0) / height
    return (abs(y1 - y2) <= MAX_TILT * spread and 0.2 * width <= spread <= 0.6 * width
            and 0.3 <= middle <= 0.7 and 0.15 <= level <= 0.6)


def _second(first: Bubble, its_eyes: Eyes, second: Bubble, eyes: Eyes) -> bool:
    """Whether ``second`` (its two ``eyes``) sits where the mark's second bubble does on ``first``: their boxes
    overlap, its eyes a quarter of the first's height lower and a quarter of its width to one side, its top
    below the first's."""
    x0, y0, x1, y1 = first.box
    drop = (eyes[0][1] + eyes[1][1] - its_eyes[0][1] - its_eyes[1][1]) / 2
    shift = abs(eyes[0][0] + eyes[1][0] - its_eyes[0][0] - its_eyes[1][0]) / 2
    return (overlap(first.box, second.box) and second.box[1] > y0 and drop >= 0.25 * (y1 - y0 + 1)
            and shift >= 0.25 * (x1 - x0 + 1))

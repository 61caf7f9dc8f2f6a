"""Shapes in a labelled picture: the connected parts of one label, their round holes and what lies around them.

The logo classifiers (:mod:`mp_precheck.readers.logo`, :mod:`mp_precheck.readers.logoshape`) label each pixel
of a small thumbnail (one byte a pixel, row by row) and look here for *bubbles*: 4-connected components of
one label covering at least :data:`MIN_BUBBLE` of the square of the picture's shorter side, filling
:data:`MIN_SOLID` of their bounding box, of one flat brightness (standard deviation at most
:data:`MAX_SHADE`, 0–255), with at least two *eyes*: enclosed round holes (parts of the bounding box outside
the component that do not reach the box's edge, at most :data:`MAX_EYE_ASPECT` times as long as wide), each
at most :data:`MAX_EYE` and at least :data:`MIN_EYE` of the component. Pure functions of the label lists;
nothing here decodes an image.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from msgspec import Struct

MIN_BUBBLE = 0.02
MIN_SOLID = 0.5  # the mark's bubbles fill ~0.6 of their box; a glyph's strokes ~0.3
MAX_EYE = 0.15
# The mark's eyes are dots in proportion to its bubble (2–4 % of it at any size); a speck of a pixel or two in a
# large shape is a seam of anti-aliasing (a default avatar's white silhouette on its light-grey disc), no eye.
MIN_EYE = 0.005
MAX_EYE_ASPECT = 2.0
MAX_SHADE = 16.0  # flat icons measure 0–8 (JPEG noise included); shaded drawings 25 and more
OTHER = 4  # the label of a pixel no classifier names: never what lies around a shape
_INVERT = bytes([1]) + bytes(255)  # a cell mask's 0 → 1 and 1 → 0


class Bubble(Struct, frozen=True):
    """A solid shape of one label with two eyes or more (see the module docstring)."""

    label: int
    area: int
    eyes: tuple[tuple[float, float, int], ...]  # each eye's centre (x, y, in the picture) and area in pixels
    around: int  # the label most of its outside neighbours have
    edge: bool  # reaches the picture's edge (a background, not a bubble on a field)
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # x0, y0, x1, y1 (inclusive)


def components(mask: bytes | bytearray, width: int, height: int) -> Iterator[list[int]]:
    """4-connected components of the cells of ``mask`` that are 1 (one byte a cell, 0 or 1, ``width`` ×
    ``height``), as lists of indexes. A scanline fill: each row's run is taken whole (``bytearray.find`` does
    the stepping in C), so the cost goes with the runs, not the cells — a picture's wide page is cheap."""
    todo = bytearray(mask)  # cells not yet reached
    start = todo.find(1)
    while start >= 0:
        stack, cells = [start], list[int]()
        while stack:
            i = stack.pop()
            if not todo[i]:
                continue
            row = i - i % width
            left = todo.rfind(0, row, i) + 1 or row  # -1 (the run starts the row) + 1 is 0
            right = todo.find(0, i, row + width)
            if right < 0:
                right = row + width
            todo[left:right] = bytes(right - left)
            cells.extend(range(left, right))
            for other in (row - width, row + width):
                if 0 <= other < width * height:
                    j = todo.find(1, left - row + other, right - row + other)
                    while j >= 0:
                        stack.append(j)
                        end = todo.find(0, j, right - row + other)
                        j = -1 if end < 0 else todo.find(1, end, right - row + other)
        yield cells
        start = todo.find(1, start + 1)


def bubbles(labels: list[int], shades: list[int], width: int, height: int, wanted: list[int],
            inner: bool = False) -> Iterator[Bubble]:
    """Components of the ``wanted`` labels (one label a pixel, ``width`` × ``height``, row by row; ``shades``
    each pixel's brightness) large enough to be a bubble, solid, of one flat colour, with two eyes or more;
    ``inner``: only those that do not reach the picture's edge."""
    total = width * height
    least = MIN_BUBBLE * min(width, height) ** 2
    cells_of = bytes(labels)
    for label in wanted:
        mask = cells_of.translate(bytes(int(v == label) for v in range(256)))
        for cells in components(mask, width, height):
            if len(cells) < least or uneven([shades[i] for i in cells]):
                continue
            xs, ys = [i % width for i in cells], [i // width for i in cells]
            box = (min(xs), min(ys), max(xs), max(ys))
            if len(cells) < MIN_SOLID * (box[2] - box[0] + 1) * (box[3] - box[1] + 1):
                continue
            edge = box[0] == 0 or box[1] == 0 or box[2] == width - 1 or box[3] == height - 1
            if edge and inner:
                continue
            inside = bytearray(total)
            for i in cells:
                inside[i] = 1
            found = eyes(cells, inside, width)
            if len(found) < 2:
                continue
            yield Bubble(label, len(cells), found, _around(cells, inside, labels, width), edge, box)


def uneven(values: list[int]) -> bool:
    """Whether the population standard deviation of the (non-empty) ``values`` exceeds :data:`MAX_SHADE`, in
    exact integer arithmetic: variance > MAX_SHADE² (``statistics.pstdev`` answers the same, far slower)."""
    n, total = len(values), sum(values)
    return n * sum(v * v for v in values) - total * total > MAX_SHADE * MAX_SHADE * n * n


def _around(cells: list[int], inside: bytearray, labels: list[int], width: int) -> int:
    """The colour just outside a component (``inside`` marks its cells), looking up to 3 pixels out past
    anti-aliased edges."""
    counts: dict[int, int] = {}  # in the order first seen: ties go to the colour met first
    total = len(labels)
    for i in cells:
        x = i % width
        for step in (1, 2, 3):
            for j in ((i - step) if x >= step else -1, (i + step) if x + step < width else -1, i - step * width,
                      i + step * width):
                if 0 <= j < total and not inside[j] and labels[j] != OTHER:
                    counts[labels[j]] = counts.get(labels[j], 0) + 1
    return Counter(counts).most_common(1)[0][0] if counts else OTHER


def eyes(cells: list[int], inside: bytearray, width: int) -> tuple[tuple[float, float, int], ...]:
    """The centres (x, y, in the picture) and areas (pixels) of a component's round holes (``inside`` marks its
    cells): parts of its bounding box outside it that do not reach the box's edge, no more than
    :data:`MAX_EYE_ASPECT` times as long as wide (the mark's eyes are dots; the bars of a building or list icon
    are not)."""
    xs = [i % width for i in cells]
    ys = [i // width for i in cells]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = x1 - x0 + 1, y1 - y0 + 1
    outside = b"".join(inside[y * width + x0:y * width + x1 + 1] for y in range(y0, y1 + 1)).translate(_INVERT)
    found = []
    for hole in components(outside, w, h):
        if any(i % w in (0, w - 1) or i // w in (0, h - 1) for i in hole):
            continue
        hx = [i % w for i in hole]
        hy = [i // w for i in hole]
        long, short = sorted((max(hx) - min(hx) + 1, max(hy) - min(hy) + 1), reverse=True)
        if MIN_EYE * len(cells) <= len(hole) <= MAX_EYE * len(cells) and long <= MAX_EYE_ASPECT * short:
            found.append((x0 + sum(hx) / len(hole), y0 + sum(hy) / len(hole), len(hole)))
    return tuple(found)


def two_pairs(eyes: tuple[tuple[float, float, int], ...]) -> bool:
    """Whether four eye centres (x, y) are the mark's: an upper pair and a lower pair, each about level,
    the lower pair's middle at least half the upper pair's spread to one side (the second bubble sits on
    the first's lower right). A face's eyes, cheeks and mouth are five holes, or stack on one axis."""
    if len(eyes) != 4:
        return False
    by_height = sorted(eyes, key=lambda eye: eye[1])
    upper, lower = by_height[:2], by_height[2:]
    drop = (lower[0][1] + lower[1][1] - upper[0][1] - upper[1][1]) / 2
    shift = abs(lower[0][0] + lower[1][0] - upper[0][0] - upper[1][0]) / 2
    level = all(abs(a[1] - b[1]) <= drop / 2 for a, b in (upper, lower))
    return drop > 0 and level and shift >= abs(upper[0][0] - upper[1][0]) / 2


def overlap(one: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    """Whether two boxes (x0, y0, x1, y1, inclusive) share a pixel."""
    return one[0] <= other[2] and other[0] <= one[2] and one[1] <= other[3] and other[1] <= one[3]

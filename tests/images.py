"""Images drawn with Pillow for the logo tests: a WeChat-like two-bubble mark and its look-alikes."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

BRAND_GREEN = (7, 193, 96)  # #07C160
GREY = (178, 178, 178)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _bubble(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], fill: tuple[int, ...],
            eye: tuple[int, ...], outline: tuple[int, ...] | None = None) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if outline is not None:
        draw.ellipse((x0 - 5, y0 - 5, x1 + 5, y1 + 5), fill=outline)
    draw.ellipse(box, fill=fill)
    draw.polygon([(x0 + w * 0.2, y1 - h * 0.2), (x0 + w * 0.15, y1 + h * 0.15), (x0 + w * 0.4, y1 - h * 0.1)], fill=fill)
    r = max(3, w // 14)
    for cx in (x0 + w * 0.33, x0 + w * 0.67):
        cy = y0 + h * 0.4
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=eye)


def two_bubble_mark(field: tuple[int, int, int] = BRAND_GREEN, size: int = 200) -> bytes:
    """A disc in ``field`` with two white, overlapping speech bubbles, each with two eyes, drawn at 200 px
    and scaled to ``size`` (as an exported asset is)."""
    image = _mark(field, 200)
    return _png(image if size == 200 else image.resize((size, size), Image.Resampling.LANCZOS))


def _mark(field: tuple[int, int, int], size: int, apart: bool = True) -> Image.Image:
    """The mark on a ``field`` disc; ``apart``: the second bubble outlined in the field's colour (the two stay
    separate shapes), else touching the first."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=field)
    s = size / 200
    white = (255, 255, 255)
    _bubble(draw, (int(35 * s), int(45 * s), int(125 * s), int(120 * s)), white, field)
    _bubble(draw, (int(90 * s), int(85 * s), int(165 * s), int(150 * s)), white, field,
            outline=field if apart else None)
    return image


def green_bubbles(size: int = 160) -> bytes:
    """The mark without its disc: two green bubbles with white eyes on a transparent background."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _bubble(draw, (10, 20, 100, 95), BRAND_GREEN, (255, 255, 255))
    _bubble(draw, (70, 65, 150, 135), BRAND_GREEN, (255, 255, 255), outline=(255, 255, 255))
    return _png(image)


def green_rectangle() -> bytes:
    """A plain brand-green button background."""
    return _png(Image.new("RGB", (240, 80), BRAND_GREEN))


def green_tick() -> bytes:
    """A green disc with a white check mark (a success icon)."""
    image = Image.new("RGBA", (120, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, 119, 119), fill=BRAND_GREEN)
    draw.line([(30, 62), (52, 84), (92, 40)], fill=(255, 255, 255), width=12)
    return _png(image)


def noise_photo(seed: int = 7) -> bytes:
    """Random colours, like a photo: no large single-coloured shapes."""
    rng = random.Random(seed)
    image = Image.new("RGB", (160, 120))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(160 * 120)])
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def two_green_buttons() -> bytes:
    """Two green rounded buttons with white labels side by side: green, white, but no bubbles with eyes."""
    image = Image.new("RGB", (300, 100), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for x in (10, 160):
        draw.rounded_rectangle((x, 20, x + 130, 80), radius=14, fill=BRAND_GREEN)
        draw.rectangle((x + 30, 45, x + 100, 55), fill=(255, 255, 255))
    return _png(image)


def line_drawing() -> bytes:
    """A grey line-art icon on white (a footprint: four toes and a sole, outlines only): small closed
    shapes on a white background, but no solid field around them."""
    image = Image.new("RGB", (200, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for x, y in ((40, 30), (75, 20), (110, 25), (140, 45)):
        draw.ellipse((x, y, x + 24, y + 28), outline=(90, 90, 90), width=3)
    draw.ellipse((50, 75, 150, 180), outline=(90, 90, 90), width=4)
    return _png(image)


def shaded_silhouette(size: int = 180) -> bytes:
    """An illustration, not a mark: two grey shapes shaded from dark to light (a silhouette, hair) with
    small white holes, on a transparent background — bubbles by shape, but not of one flat colour."""
    shape = Image.new("L", (size, size), 0)
    mask = ImageDraw.Draw(shape)
    mask.ellipse((10, 20, 110, 100), fill=255)
    mask.ellipse((90, 80, 170, 150), fill=255)
    for cx, cy in ((40, 50), (75, 50), (115, 105), (145, 105)):
        mask.ellipse((cx - 6, cy - 6, cx + 6, cy + 6), fill=0)
    shade = Image.linear_gradient("L").resize((size, size)).point(lambda v: 80 + v * 130 // 255)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    image.paste(Image.merge("RGB", (shade, shade, shade)), (0, 0), shape)
    return _png(image)


def white_bubbles(size: int = 160) -> bytes:
    """The mark cut out for a green button: two white bubbles with see-through eyes on a transparent
    background, cropped to the bubbles (they touch the picture's edge)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    clear = (0, 0, 0, 0)
    _bubble(draw, (0, 0, 100, 85), (255, 255, 255, 255), clear)
    _bubble(draw, (60, 55, size - 1, 135), (255, 255, 255, 255), clear, outline=clear)
    return _png(image)


def white_icons() -> bytes:
    """Plain white icons on a transparent background: a house with a door and a window (one shape, two
    holes) and a solid person beside it."""
    image = Image.new("RGBA", (200, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    white, clear = (255, 255, 255, 255), (0, 0, 0, 0)
    draw.polygon([(10, 50), (55, 10), (100, 50)], fill=white)
    draw.rectangle((20, 50, 90, 110), fill=white)
    draw.rectangle((30, 60, 50, 75), fill=clear)
    draw.rectangle((60, 75, 78, 110), fill=clear)
    draw.ellipse((135, 15, 165, 45), fill=white)
    draw.rounded_rectangle((120, 55, 180, 110), radius=18, fill=white)
    return _png(image)


def white_outline_icon() -> bytes:
    """A white outline icon on a transparent background (a list: a rounded frame around three dots and two
    bars): read on a green control, the frame's see-through inside is a green shape with five white spots."""
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    white = (255, 255, 255, 255)
    draw.rounded_rectangle((40, 33, 165, 170), radius=16, outline=white, width=10)
    for x in (68, 102, 136):
        draw.ellipse((x - 8, 60, x + 8, 76), fill=white)
    draw.rounded_rectangle((60, 96, 128, 107), radius=5, fill=white)
    draw.rounded_rectangle((60, 128, 144, 139), radius=5, fill=white)
    return _png(image)


def grey_building_outline() -> bytes:
    """A grey outline icon of two buildings on a transparent background: thick strokes (a third of the
    picture) around two white insides whose windows are grey bars, not round eyes."""
    image = Image.new("RGBA", (230, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    grey = (190, 190, 190, 255)
    draw.rounded_rectangle((15, 0, 138, 195), radius=30, outline=grey, width=16)
    draw.rounded_rectangle((122, 46, 214, 195), radius=26, outline=grey, width=16)
    for y in (48, 94, 140):
        draw.rounded_rectangle((46, y, 106, y + 14), radius=7, fill=grey)
    for y in (94, 140):
        draw.rounded_rectangle((154, y, 184, y + 14), radius=7, fill=grey)
    draw.rectangle((0, 184, 229, 199), fill=grey)
    return _png(image)


ORANGE = (255, 141, 68)


def _glyph_boxes(draw: ImageDraw.ImageDraw, x: int, y: int, count: int, size: int) -> None:
    """Stand-ins for a label's characters: white stroked boxes with inner strokes (口, 品 and the like)."""
    white = (255, 255, 255, 255)
    for n in range(count):
        left = x + n * (size + size // 3)
        draw.rectangle((left, y, left + size, y + size), outline=white, width=max(2, size // 8))
        draw.line([(left, y + size // 2), (left + size, y + size // 2)], fill=white, width=max(2, size // 8))


def login_button_strip(mark: bool = True, scale: float = 1.0) -> bytes:
    """A 微信授权登录 button image (568 × 99, an @2x asset; ``scale`` resizes it as an export does): a
    rounded orange strip with WeChat's mark in white (two overlapping bubbles, an orange ring between
    them) beside the label; with ``mark=False`` the label alone."""
    width, height = 568, 99
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=height // 2, fill=ORANGE)
    if mark:
        white = (255, 255, 255, 255)
        _bubble(draw, (156, 24, 196, 58), white, ORANGE)
        _bubble(draw, (186, 48, 218, 76), white, ORANGE, outline=ORANGE)
    _glyph_boxes(draw, 230, 36, 6, 28)
    if scale != 1.0:
        image = image.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
    return _png(image)


def white_building_on_orange_disc() -> bytes:
    """A category icon: a white building with six square windows on an orange disc."""
    image = Image.new("RGBA", (90, 90), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, 89, 89), fill=ORANGE)
    draw.rectangle((25, 25, 65, 72), fill=(255, 255, 255, 255))
    for x in (32, 50):
        for y in (32, 45, 58):
            draw.rectangle((x, y, x + 6, y + 6), fill=ORANGE)
    return _png(image)


def labelled_boxes_strip() -> bytes:
    """A wide diagram on white: blue, orange and green boxes labelled in white (letters with holes), joined
    by arrows — one green shape with holes, no mark."""
    image = Image.new("RGBA", (600, 140), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x, colour in ((10, (66, 114, 196, 255)), (230, (255, 192, 0, 255)), (450, (112, 173, 71, 255))):
        draw.rectangle((x, 50, x + 140, 120), fill=colour)
        _glyph_boxes(draw, x + 20, 72, 4, 22)
    for x in (160, 380):
        draw.line([(x, 85), (x + 60, 85)], fill=(255, 192, 0, 255), width=6)
    return _png(image)


def outline_person_with_speech_bubble() -> bytes:
    """A purple line icon on a transparent ground: a head and a speech bubble drawn as outlines, with dots
    for eyes and text — white insides that overlap like the mark's bubbles, but on the page, not a control."""
    image = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    purple = (140, 60, 220, 255)
    draw.ellipse((16, 30, 88, 112), outline=purple, width=10)
    draw.rounded_rectangle((56, 6, 122, 62), radius=12, outline=purple, width=10)
    for cx, cy in ((40, 76), (62, 76), (80, 34), (100, 34)):
        draw.ellipse((cx - 4, cy - 4, cx + 4, cy + 4), fill=purple)
    return _png(image)


def merged_mark(field: tuple[int, int, int] = GREY, size: int = 200) -> bytes:
    """The mark whose two white bubbles touch (no outline between them, as a small export draws it): one
    shape with four eyes, the second pair lower and to the right, on a ``field`` disc."""
    return _png(_mark(field, size, apart=False))


def grey_face_avatar(mouth: bool = True) -> bytes:
    """A default avatar drawn in greys: a white face in a dark grey outline on a grey square, with two eyes,
    two cheeks below them and a mouth (or no mouth: two pairs of holes, one above the other)."""
    image = Image.new("RGB", (200, 200), (205, 205, 205))
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 30, 170, 170), fill=(90, 90, 90))
    draw.ellipse((42, 42, 158, 158), fill=(250, 250, 250))
    for cx in (75, 125):
        draw.ellipse((cx - 7, 78, cx + 7, 92), fill=(90, 90, 90))
    for cx in (62, 138):
        draw.ellipse((cx - 8, 105, cx + 8, 117), fill=(200, 200, 200))
    if mouth:
        draw.ellipse((88, 125, 112, 140), fill=(90, 90, 90))
    return _png(image)


# Two white bubbles, the second lower right over the first, each with two eye holes (even-odd fill).
WECHAT_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
              b'<path fill="white" fill-rule="evenodd" d="M0 12a10 8.5 0 1 0 20 0a10 8.5 0 1 0-20 0z'
              b'M5 10.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0zM12 10.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0-3 0z"/>'
              b'<path fill="white" fill-rule="evenodd" d="M12.5 20a9.5 8 0 1 0 19 0a9.5 8 0 1 0-19 0z'
              b'M17.9 19a1.1 1.1 0 1 0 2.2 0a1.1 1.1 0 1 0-2.2 0zM23.9 19a1.1 1.1 0 1 0 2.2 0a1.1 1.1 0 1 0-2.2 0z"/>'
              b'</svg>')
# A smiley: a ring with two eyes and a smile, in the text colour.
SMILEY_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor">'
              b'<path d="M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm0 18a8 8 0 1 1 0-16a8 8 0 1 1 0 16z"/>'
              b'<circle cx="8.5" cy="9.5" r="1.5"/><circle cx="15.5" cy="9.5" r="1.5"/>'
              b'<path d="M12 17.5c2.3 0 4.3-1.5 5.1-3.5H6.9c.8 2 2.8 3.5 5.1 3.5z"/></svg>')


BLACK = (0, 0, 0, 255)
CLEAR = (0, 0, 0, 0)


def one_colour_mark(colour: tuple[int, ...] = BLACK, size: int = 120, apart: bool = True,
                    ground: tuple[int, ...] = CLEAR) -> bytes:
    """The mark drawn in one ``colour`` (an iconfont export): two filled bubbles with see-through eyes on a
    ``ground`` (transparent by default), the second lower right, a gap of ground between them (``apart``) or
    touching the first; drawn at 240 px and scaled to ``size``."""
    image = Image.new("RGBA", (240, 200), ground)
    draw = ImageDraw.Draw(image)
    _bubble(draw, (15, 15, 145, 120), colour, ground)
    _bubble(draw, (105, 85, 225, 185), colour, ground, outline=ground if apart else None)
    return _png(image.resize((size, size * 200 // 240), Image.Resampling.LANCZOS))


def outline_mark(colour: tuple[int, ...] = BLACK) -> bytes:
    """The mark as a line icon: two bubble outlines in ``colour`` (the second over the first's lower right),
    each with two filled eye dots, on a transparent ground."""
    image = Image.new("RGBA", (240, 200), CLEAR)
    draw = ImageDraw.Draw(image)
    for box in ((15, 15, 145, 120), (105, 85, 225, 185)):
        x0, y0, x1, y1 = box
        draw.ellipse(box, fill=CLEAR, outline=colour, width=9)  # the second hides the first's line under it
        w, h = x1 - x0, y1 - y0
        for cx in (x0 + w * 0.33, x0 + w * 0.67):
            cy = y0 + h * 0.4
            draw.ellipse((cx - 8, cy - 8, cx + 8, cy + 8), fill=colour)
    return _png(image)


def chat_icon(dots: int = 3) -> bytes:
    """A black comment icon: one rounded bubble with a tail and ``dots`` see-through dots in a row."""
    image = Image.new("RGBA", (160, 140), CLEAR)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 10, 150, 105), radius=24, fill=BLACK)
    draw.polygon([(35, 100), (30, 135), (70, 100)], fill=BLACK)
    for n in range(dots):
        cx = 80 + (n - (dots - 1) / 2) * 36
        draw.ellipse((cx - 9, 49, cx + 9, 67), fill=CLEAR)
    return _png(image)


def two_chat_bubbles() -> bytes:
    """A black conversation icon: two overlapping bubbles, the second lower right, with no eyes (lines of
    text in the first, three dots in the second)."""
    image = Image.new("RGBA", (240, 200), CLEAR)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 10, 150, 110), radius=20, fill=BLACK)
    for y in (40, 70):
        draw.rounded_rectangle((35, y, 125, y + 10), radius=5, fill=CLEAR)
    draw.rounded_rectangle((92, 82, 232, 182), radius=28, fill=CLEAR)
    draw.rounded_rectangle((100, 90, 224, 174), radius=20, fill=BLACK)
    for cx in (130, 162, 194):
        draw.ellipse((cx - 7, 125, cx + 7, 139), fill=CLEAR)
    return _png(image)


def user_icon() -> bytes:
    """A black user (avatar) icon: a round head over rounded shoulders."""
    image = Image.new("RGBA", (120, 120), CLEAR)
    draw = ImageDraw.Draw(image)
    draw.ellipse((35, 8, 85, 58), fill=BLACK)
    draw.pieslice((10, 66, 110, 166), 180, 360, fill=BLACK)
    return _png(image)


def share_icon() -> bytes:
    """A black share icon: three rings joined by two strokes."""
    image = Image.new("RGBA", (120, 120), CLEAR)
    draw = ImageDraw.Draw(image)
    nodes = ((90, 22), (28, 60), (90, 98))
    draw.line([nodes[0], nodes[1], nodes[2]], fill=BLACK, width=7)
    for cx, cy in nodes:
        draw.ellipse((cx - 17, cy - 17, cx + 17, cy + 17), fill=BLACK)
        draw.ellipse((cx - 8, cy - 8, cx + 8, cy + 8), fill=CLEAR)
    return _png(image)


def penguin_mark() -> bytes:
    """A QQ-like mark in black: a penguin's body with two white eyes (black pupils), a white belly and a
    scarf — one shape, its eyes on one level, nothing lower to the side."""
    image = Image.new("RGBA", (160, 200), CLEAR)
    draw = ImageDraw.Draw(image)
    draw.ellipse((35, 10, 125, 110), fill=BLACK)
    draw.ellipse((20, 70, 140, 190), fill=BLACK)
    for cx in (65, 95):
        draw.ellipse((cx - 10, 40, cx + 10, 64), fill=(255, 255, 255, 255))
        draw.ellipse((cx - 4, 48, cx + 4, 58), fill=BLACK)
    draw.ellipse((50, 105, 110, 175), fill=(255, 255, 255, 255))
    draw.rectangle((45, 92, 115, 100), fill=(255, 255, 255, 255))
    return _png(image)


def glyph_in_square(colour: tuple[int, ...] = BLACK) -> bytes:
    """An Alipay-like mark in one colour: a rounded square with a character's strokes cut out of it."""
    image = Image.new("RGBA", (160, 160), CLEAR)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 159, 159), radius=32, fill=colour)
    for stroke in ((40, 40, 120, 52), (74, 20, 86, 90), (30, 80, 130, 92)):
        draw.rectangle(stroke, fill=CLEAR)
    draw.line([(50, 100), (110, 140)], fill=CLEAR, width=12)
    draw.line([(110, 100), (45, 145)], fill=CLEAR, width=12)
    return _png(image)


def black_text(text: str = "登录 Login 8 B 田 oo 回") -> bytes:
    """Text rendered in black on white with Pillow's own font (letters with counters: o, 8, B)."""
    from PIL import ImageFont

    font = ImageFont.load_default(size=48)
    image = Image.new("RGB", (640, 90), (255, 255, 255))
    ImageDraw.Draw(image).text((10, 15), text, fill=(0, 0, 0), font=font)
    return _png(image)


def cover_with_small_mark(colour: tuple[int, ...] = (255, 255, 255, 255),
                          ground: tuple[int, ...] = (28, 52, 92, 255)) -> bytes:
    """A 500 × 400 share cover in one ``colour`` on a dark ``ground``: the two-bubble shape in its top left
    corner (190 px, large enough to be the mark on a page of its own) and below it lines of lettering (bars of
    glyph-like blocks with counters) across the whole width — the shape is a detail of the cover, not its
    subject."""
    image = Image.new("RGBA", (500, 400), ground)
    mark = Image.open(io.BytesIO(one_colour_mark(colour, size=190, ground=ground)))
    image.alpha_composite(mark.convert("RGBA"), (20, 20))
    draw = ImageDraw.Draw(image)
    for y in (240, 300, 350):
        for x in range(10, 460, 46):
            draw.rectangle((x, y, x + 36, y + 36), fill=colour)
            draw.rectangle((x + 8, y + 8, x + 28, y + 16), fill=ground)
    return _png(image)


def black_smiley() -> bytes:
    """A black face icon on white: a disc with two eyes and a smile cut out."""
    image = Image.new("RGB", (120, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 110, 110), fill=(0, 0, 0))
    for cx in (42, 78):
        draw.ellipse((cx - 7, 38, cx + 7, 52), fill=(255, 255, 255))
    draw.chord((35, 55, 85, 90), 0, 180, fill=(255, 255, 255))
    return _png(image)


SEAM = 0.4  # the cut around the person, in 1/200 of the picture: thin enough that the disc and person touch


def silhouette_avatar(size: int = 200, disc: tuple[int, int, int] = (229, 229, 229)) -> bytes:
    """A default avatar: a light-grey disc on a transparent ground with a white person (a head, rounded
    shoulders) set in a hairline cut through the disc, drawn large and scaled down smooth as an exported asset
    is — the cut leaves half-transparent pixels along the person's outline."""
    big = 4 * size
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, big - 1, big - 1), fill=(*disc, 255))
    u = big / 200
    for grow, fill in ((SEAM, (0, 0, 0, 0)), (0.0, (255, 255, 255, 255))):
        g = grow * u
        draw.ellipse((68 * u - g, 36 * u - g, 132 * u + g, 100 * u + g), fill=fill)
        draw.rounded_rectangle((40 * u - g, 112 * u - g, 160 * u + g, 200 * u + g), radius=int(40 * u), fill=fill)
    draw.ellipse((0, 0, big - 1, big - 1), outline=(0, 0, 0, 0), width=int(2 * u))  # the body ends at the disc
    return _png(image.resize((size, size), Image.Resampling.LANCZOS))

"""The logo classifier reads every storage of a picture alike: palette, grey, JPEG, GIF, WebP and RGB with a
transparent colour give the verdict of the RGBA original, and its integer flatness test is ``pstdev``'s."""

from __future__ import annotations

import io
import statistics

import pytest
from PIL import Image

from images import two_bubble_mark, white_bubbles
from mp_precheck.readers.logo import is_wechat_logo
from mp_precheck.readers.pixelshapes import MAX_SHADE, uneven


def _saved(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _on_black(size: int) -> Image.Image:
    """The cut-out mark (white bubbles on a transparent ground) flattened on black, ``size`` px square."""
    cut_out = Image.open(io.BytesIO(white_bubbles())).convert("RGBA")
    black = Image.new("RGBA", cut_out.size, (0, 0, 0, 255))
    return Image.alpha_composite(black, cut_out).convert("RGB").resize((size, size), Image.Resampling.LANCZOS)


@pytest.mark.parametrize("size", [160, 200, 300])
def test_an_rgb_png_with_a_transparent_colour_is_a_cut_out(size):
    # tRNS marks black as see-through: the picture is a white mark on a transparent ground, read on green.
    # Downscaling before the alpha is added would blend black into the bubbles' edges and keep them opaque.
    assert is_wechat_logo(_saved(_on_black(size), "PNG", transparency=(0, 0, 0)), "img/a.png") is True


def test_without_the_transparent_colour_it_is_white_on_black():
    assert is_wechat_logo(_saved(_on_black(300), "PNG"), "img/a.png") is False


@pytest.mark.parametrize("fmt", ["palette", "palette-trns", "grey", "jpeg", "gif", "webp"])
def test_the_mark_stored_otherwise_is_still_the_mark(fmt):
    rgb = Image.open(io.BytesIO(two_bubble_mark(size=300))).convert("RGB")
    data = {"palette": lambda: _saved(rgb.quantize(64), "PNG"),
            "palette-trns": lambda: _saved(rgb.quantize(64), "PNG", transparency=0),
            "grey": lambda: _saved(rgb.convert("L"), "PNG"),
            "jpeg": lambda: _saved(rgb, "JPEG", quality=90),
            "gif": lambda: _saved(rgb, "GIF"),
            "webp": lambda: _saved(rgb, "WEBP", lossless=True)}[fmt]()
    assert is_wechat_logo(data, "img/brand.png") is True  # in grey, the grey variant of the mark


@pytest.mark.parametrize("values", [[0, 32], [0, 33], [100] * 9, [0, 32] * 500 + [16], [10, 40, 10, 40, 25],
                                    list(range(0, 256, 5)), [7]])
def test_flatness_is_the_population_standard_deviation(values):
    assert uneven(values) is (statistics.pstdev(values) > MAX_SHADE)


def test_flatness_at_the_bound():
    assert uneven([0, 32] * 50) is False  # exactly 16
    assert uneven([0, 32] * 50 + [33]) is True

"""An SVG image drawn as a raster, so the logo classifier (``readers/logo.py``) reads its pixels.

A Mini Program's ``<image>`` shows SVG files (https://developers.weixin.qq.com/miniprogram/dev/component/image.html),
and an icon set exports WeChat's mark as one. CairoSVG draws it (with the system's cairo library): a maintained
renderer of the SVG and CSS a design tool writes, with a parser that refuses XML entities (``unsafe=False``) and a
URL fetcher of ours that loads nothing — an ``<image href>``, ``<use href="other.svg#…">`` or CSS ``@import`` of
the file draws as empty instead of reaching the disk or the network. The output is a fixed square
(the drawing fitted inside, keeping its proportions), so neither its declared size nor its view box sets the
cost; files over :data:`MAX_SVG_BYTES` (an icon is a few KB) are not drawn.
"""

from __future__ import annotations

MAX_SVG_BYTES = 256_000
_NOTHING = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def rasterize(data: bytes, side: int) -> bytes | None:
    """The SVG document ``data`` drawn as a ``side`` × ``side`` PNG with a transparent background (bytes), or
    None when it is too large, not SVG, damaged, or the renderer (or the cairo library) is missing."""
    if len(data) > MAX_SVG_BYTES:
        return None
    try:
        from cairosvg.surface import PNGSurface

        png = PNGSurface.convert(bytestring=data, output_width=side, output_height=side, unsafe=False,
                                 url_fetcher=_load_nothing)
    except Exception:  # a third-party renderer on an app's file: any failure means no picture, never a crash
        return None
    return png if isinstance(png, bytes) else None


def _load_nothing(_url: str, _resource_type: str | None = None) -> bytes:
    """CairoSVG's fetcher for every resource the document names: an empty drawing (nothing is loaded)."""
    return _NOTHING

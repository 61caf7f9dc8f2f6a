"""mp-precheck: find what a change adds to a WeChat Mini Program that WeChat review will look at."""

import sys

__version__ = "0.1.0"


def _load_msgspec() -> None:
    """Import msgspec without ``typing_extensions``, which its type-hint helper prefers when installed and which
    loads ``inspect`` (with ``ast``, ``dis``, ``tokenize``): ~10-20 ms of every run for names the standard
    ``typing`` has (``get_type_hints``, and ``Required`` / ``NotRequired`` from Python 3.11; no model here is a
    ``TypedDict``). msgspec falls back to ``typing`` when the import fails (its ``_utils``); the block lasts only
    for msgspec's own import, and never applies once either module is loaded."""
    if "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        return
    from mp_precheck.core.recache import libraries

    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # makes `import typing_extensions` fail
    try:
        # platform (which msgspec's uuid loads) and json compile their patterns as they load: kept compilations
        with libraries():
            import json  # noqa: F401

            import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]


_load_msgspec()

"""The one Jinja environment every renderer uses (PR comment, submission notes, release notes, rules doc,
``explain``), built once per process.

Building an environment and compiling its templates costs ~170 ms; a cached one renders in about a
millisecond. Settings, the same for every template: no autoescape (Markdown and plain text, not HTML:
values go through the ``md``/``code`` filters explicitly), undefined names raise, the template's trailing
newline is kept, and whitespace is controlled in the templates themselves (``{%- -%}``), not by
``trim_blocks``/``lstrip_blocks``. Compiled templates are kept between runs by Jinja's own bytecode cache,
in the package's ``__pycache__`` folder beside the data files' (:mod:`mp_precheck.core.datafiles`), under the
same rules as Python's bytecode: not written with ``PYTHONDONTWRITEBYTECODE``, skipped where the folder is
read-only; an edited template is compiled again (Jinja checks its source's checksum).
"""

from __future__ import annotations

import contextlib
import sys
from functools import cache
from typing import TYPE_CHECKING

from mp_precheck.core.datafiles import CACHE_DIR
from mp_precheck.core.resources import data_dir
from mp_precheck.outputs.escape import code, md_text

if TYPE_CHECKING:
    import jinja2


def _no_html(text: object) -> str:
    """Catalog text is ours, so Markdown in it is meant; but ``<web-view>`` must not become an HTML tag."""
    return str(text).replace("<", "&lt;").replace(">", "&gt;")


@cache
def environment() -> jinja2.Environment:
    """The shared environment over the shipped ``templates/`` folder, with the ``md``, ``code`` and
    ``nohtml`` filters. Templates are compiled on first use and kept."""
    import jinja2  # loaded with the first render: a run that renders no template never pays for it

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["md"] = md_text
    env.filters["code"] = code
    env.filters["nohtml"] = _no_html
    return env


def _bytecode_cache() -> jinja2.BytecodeCache:
    """Jinja's file-system bytecode cache in :data:`~mp_precheck.core.datafiles.CACHE_DIR`, quiet where it
    cannot read or write (compiling again is always possible) and writing nothing when bytecode is not."""
    import jinja2

    class Quiet(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):
                super().load_bytecode(bucket)

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if sys.dont_write_bytecode:
                return
            with contextlib.suppress(OSError):
                CACHE_DIR.mkdir(parents=True, exist_ok=True)
                super().dump_bytecode(bucket)

    return Quiet(str(CACHE_DIR), "jinja-%s.cache")


def template(name: str) -> jinja2.Template:
    """The compiled template ``name`` of ``templates/`` (e.g. ``comment.md.j2``).

    Raises:
        jinja2.TemplateNotFound: no such template (a packaging error).
    """
    return environment().get_template(name)


def compile_all() -> int:
    """Compile every shipped template into the bytecode cache (the Docker image does it at build time);
    returns how many there are."""
    names = environment().list_templates(extensions=["j2"])
    for name in names:
        template(name)
    return len(names)

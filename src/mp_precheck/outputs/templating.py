"""The one Jinja environment every renderer uses (PR comment, submission notes, release notes, rules doc,
``explain``), built once per process.

Building an environment and compiling its templates costs ~170 ms; a cached one renders in about a
millisecond. Settings, the same for every template: no autoescape (Markdown and plain text, not HTML:
values go through the ``md``/``code`` filters explicitly), undefined names raise, the template's trailing
newline is kept, and whitespace is controlled in the templates themselves (``{%- -%}``), not by
``trim_blocks``/``lstrip_blocks``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

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
    )
    env.filters["md"] = md_text
    env.filters["code"] = code
    env.filters["nohtml"] = _no_html
    return env


def template(name: str) -> jinja2.Template:
    """The compiled template ``name`` of ``templates/`` (e.g. ``comment.md.j2``).

    Raises:
        jinja2.TemplateNotFound: no such template (a packaging error).
    """
    return environment().get_template(name)

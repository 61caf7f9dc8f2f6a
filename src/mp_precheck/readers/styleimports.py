"""The style sheets a sheet imports, where its rules may stand instead of in the sheet itself.

A component's ``<style lang="scss">@import "page.scss";</style>`` (or ``<style src="./page.scss">``), a page's
``.wxss`` with ``@import "../../common/mask.wxss";``: the rules that lay an element over the screen are in the
imported file. Read here: the specifiers of a sheet's ``@import`` rules (a string or ``url(…)``; tinycss2's
parser), and the files a relative one may name — as written, with the importing sheet's suffix, or as a Sass
partial (``_page.scss``). A specifier through a build alias (``@/styles/x``, ``~pkg/x``) or a URL names no file
here.

In: a sheet's text; an importing path and a specifier. Out: specifiers; candidate paths, the likeliest first.
Never raises on malformed text.
Sources: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxss.html (样式导入) and
https://sass-lang.com/documentation/at-rules/import/ (partials, omitted extensions).
"""

from __future__ import annotations

import posixpath

_SUFFIXES = (".scss", ".sass", ".less", ".css", ".wxss", ".styl")


def imports(text: str) -> list[str]:
    """The specifiers of the ``@import`` rules of the sheet ``text``, in order (``@import "a", "b";`` gives both)."""
    if "@import" not in text:
        return []
    from tinycss2 import parse_stylesheet
    from tinycss2.ast import AtRule, FunctionBlock, StringToken, URLToken

    found = []
    for rule in parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if not isinstance(rule, AtRule) or rule.lower_at_keyword != "import":
            continue
        for token in rule.prelude:
            if isinstance(token, (StringToken, URLToken)):
                found.append(token.value)
            elif isinstance(token, FunctionBlock) and token.lower_name == "url":
                found += [t.value for t in token.arguments if isinstance(t, StringToken)]
    return found


def candidates(importer: str, specifier: str) -> list[str]:
    """Paths the relative ``specifier`` of the sheet at ``importer`` may name, the likeliest first; none for an
    alias, a package or a URL."""
    spec = specifier.strip()
    if not spec or spec.startswith(("@", "~", "/")) or "://" in spec or spec.startswith("data:"):
        return []
    path = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
    if path.startswith("../"):
        return []
    folder, name = posixpath.split(path)
    own = posixpath.splitext(importer)[1]
    stems = [name] if name.endswith(_SUFFIXES) else \
        [name + suffix for suffix in dict.fromkeys((own, *_SUFFIXES) if own in _SUFFIXES else _SUFFIXES)]
    return [posixpath.join(folder, stem) for stem in stems] + \
        [posixpath.join(folder, "_" + stem) for stem in stems if not stem.startswith("_")]

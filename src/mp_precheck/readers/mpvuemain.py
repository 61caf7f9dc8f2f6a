"""mpvue 1.x's pages when its app.json is kept in ``src/main.js``: the ``config`` there and the webpack entries.

An mpvue 1.x app (the quick-start template before ``src/app.json``) writes app.json from ``export default {
config: { pages: ['^pages/index/main'], … } }`` in ``src/main.js``: the page marked ``^`` is the entry page, and
the build adds every other page entry itself — each ``src/pages/**/main.js`` webpack takes as an entry
(``getEntry(resolve('./src'), 'pages/**/main.js')``; "其他页面可以选填，我们会自动把 webpack entry
里面的入口页面加进去").
Read here: the pages so registered, the marked one first (:func:`~mp_precheck.readers.jsconfig.mpvue_config`), then
the page entries it does not list, in path order.

In: the project folder (where package.json is), the repository's file paths and a reader. Out: (pages, entry
page), or None when ``src/main.js|ts`` exports no app config. Never raises on malformed code.
Sources: https://github.com/mpvue/mpvue-quickstart (template/src/main.js, build/webpack.base.conf.js) and
https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages (the first page opens).
"""

from __future__ import annotations

from collections.abc import Callable

from mp_precheck.readers.jsconfig import mpvue_config
from mp_precheck.readers.pagelist import registered_pages

_MAINS = ("src/main.js", "src/main.ts")


def main_js_pages(folder: str, files: set[str], read_text: Callable[[str], str | None]
                  ) -> tuple[list[str], str | None] | None:
    """(pages, entry page) of the mpvue 1.x app in ``folder`` whose app config is ``src/main.js``'s (see the
    module), or None when there is none."""
    for name in _MAINS:
        path = f"{folder}/{name}".lstrip("/")
        text = read_text(path) if path in files else None
        found = mpvue_config(text, path) if text else None
        if found is None or not found[1]:
            continue
        pages, entry = registered_pages(found[0])
        source = f"{folder}/src/".lstrip("/")
        entries = sorted(p[len(source):-len(".js")] for p in files
                         if p.startswith(source + "pages/") and p.endswith("/main.js"))
        pages += [page for page in entries if page not in pages]
        return pages, entry or (pages[0] if pages else None)
    return None

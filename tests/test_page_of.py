"""Which registered page a file belongs to (``notes.pagetitles.page_of``), answered from a folder index."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from mp_precheck.notes.pagetitles import page_of, source_roots, unshipped


def _walk_pages(path: str, root: str, pages: Iterable[str]) -> str | None:
    """The definition the index replaced: every registered page's folder tried in turn, the longest wins."""
    stem = posixpath.splitext(path)[0]
    registered = list(pages)
    for base in source_roots(root):
        rel = stem[len(base) + 1:] if base else stem
        if base and not stem.startswith(base + "/"):
            continue
        if rel in registered:
            return rel
        owners = [p for p in registered if rel.startswith(posixpath.dirname(p) + "/") and posixpath.dirname(p)]
        if owners:
            return max(owners, key=lambda p: len(posixpath.dirname(p)))
    return None


PAGES = ("pages/index/index", "pages/cart/index", "pages/cart/detail", "pages/cart/sub/more",
         "packageA/pages/share/go", "pages/solo", "index")


def test_a_pages_own_file_and_the_files_of_its_folder() -> None:
    assert page_of("pages/cart/detail.js", "", PAGES) == "pages/cart/detail"
    assert page_of("pages/cart/components/row.wxml", "", PAGES) == "pages/cart/index"  # first of its folder
    assert page_of("pages/cart/sub/part/x.js", "", PAGES) == "pages/cart/sub/more"  # the nearest folder wins
    assert page_of("src/packageA/pages/share/go.tsx", "", PAGES) == "packageA/pages/share/go"
    assert page_of("mp/pages/index/index.wxss", "mp", PAGES) == "pages/index/index"
    assert page_of("pages/solo2.js", "", PAGES) == "pages/solo"  # the one page whose folder is pages/
    assert page_of("index.js", "", PAGES) == "index" and page_of("main.js", "", PAGES) is None
    assert page_of("utils/request.js", "", PAGES) is None
    assert page_of("other/pages/index/index.js", "mp", PAGES) is None  # outside the project's root
    assert unshipped("demo/pages/x/x.js", "", PAGES) and not unshipped("pages/cart/x.js", "", PAGES)


_PART = st.sampled_from(["pages", "a", "b", "src", "mp", "index", "a.b", ""])
_PATH = st.lists(_PART, min_size=1, max_size=5).map("/".join)


@given(paths=st.lists(_PATH, max_size=8), pages=st.lists(_PATH, max_size=10),
       root=st.sampled_from(["", "mp", "a", "src"]))
def test_the_index_answers_as_the_walk_over_every_page(paths: list[str], pages: list[str], root: str) -> None:
    for path in [*paths, *pages, *(p + ".js" for p in pages)]:
        assert page_of(path, root, pages) == _walk_pages(path, root, pages)

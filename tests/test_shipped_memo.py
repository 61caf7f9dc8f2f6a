"""The text of a file as shipped (analyzers/context.as_shipped) is worked out once per run, not once per analyzer,
and a context copy that reads other texts never gets the first one's."""

from __future__ import annotations

from msgspec.structs import replace

from analyzer_context import project_context
from mp_precheck.analyzers.context import as_shipped

UNI = {"pages.json": '{ "pages": [ { "path": "pages/index/index" } ] }\n', "manifest.json": "{}\n",
       "App.vue": "<script>export default {}</script>\n"}
PAGE = ("<template><view @tap=\"go\">home</view></template>\n<script>\nexport default { methods: {\n  go() {\n"
        "    // #ifdef H5\n    location.href = '/h5'\n    // #endif\n    uni.navigateBack()\n  } } }\n</script>\n")
PATH = "pages/index/index.vue"


def _counted(context, texts):
    reads: list[str] = []

    def read(path: str) -> str | None:
        reads.append(path)
        return texts.get(path)
    return replace(context, read_head=read), reads


def test_every_analyzer_s_shipped_reader_shares_the_text_worked_out_once():
    context, reads = _counted(project_context({**UNI, PATH: PAGE}), {PATH: PAGE})
    first = as_shipped(context).read_head(PATH)
    second = as_shipped(context).read_head(PATH)  # the next analyzer
    assert first is not None and "location.href" not in first and "uni.navigateBack()" in first
    assert first.count("\n") == PAGE.count("\n")
    assert second is first
    assert reads == [PATH]


def test_a_copy_reading_other_texts_keeps_its_own_shipped_texts():
    context, _ = _counted(project_context({**UNI, PATH: PAGE}), {PATH: PAGE})
    assert "location.href" not in (as_shipped(context).read_head(PATH) or "")
    other = PAGE.replace("uni.navigateBack()", "uni.switchTab({ url: '/pages/index/index' })")
    copy, reads = _counted(context, {PATH: other})
    shipped = as_shipped(copy).read_head(PATH)
    assert shipped is not None and "switchTab" in shipped and "navigateBack" not in shipped
    assert reads == [PATH]
    assert as_shipped(context).read_base(PATH) is None  # the base reader is another reader: nothing there

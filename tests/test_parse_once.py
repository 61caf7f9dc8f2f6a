"""One parse per file per run: the readers that look at the same script share one tree-sitter tree."""

from __future__ import annotations

import re
from pathlib import Path

from mp_precheck.readers import handlers, syntax
from mp_precheck.readers.handlers import script_definitions
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.routes import script_routes
from mp_precheck.readers.scriptchecks import scan
from mp_precheck.readers.syntax import language_for, parse

SRC = Path(__file__).resolve().parents[1] / "src" / "mp_precheck"


def test_the_same_text_and_grammar_give_the_same_tree() -> None:
    source = b"Page({ onLoad() { wx.getLocation({}) } })\n"
    first = parse(language_for("pages/a/a.js"), source)
    assert parse(language_for("pages/b/b.jsx"), bytes(source)) is first  # equal bytes, another object
    assert parse(language_for("pages/a/a.js"), source + b"//\n") is not first
    assert parse(language_for("pages/a/a.ts"), source) is not first  # the TypeScript grammar's own tree
    assert parse(language_for("pages/a/a.ts"), source).root_node.type == "program"


def test_the_readers_of_one_script_parse_it_once() -> None:
    # A text no other test parses, so the count below is this test's alone.
    text = ("Page({\n  onTap() {\n    wx.showModal({ title: 'x', showCancel: false })\n"
            "    wx.navigateTo({ url: '/pages/parse-once/parse-once' })\n  },\n})\n")
    before = (syntax.TREES.hits, syntax.TREES.misses)
    facts = js_facts(text, "pages/parse-once/parse-once.js")
    definitions = script_definitions(text, "pages/parse-once/parse-once.js")
    routes = script_routes(text, "pages/parse-once/parse-once.js")
    scan(text, "pages/parse-once/parse-once.js")
    after = (syntax.TREES.hits, syntax.TREES.misses)
    assert after[1] - before[1] == 1  # one parse
    assert after[0] - before[0] == 3  # three readers given its tree
    # and each reader still reads the whole file from the shared tree
    assert "onTap" in definitions.names
    assert routes == [("/pages/parse-once/parse-once", 4)]
    assert any(fact.subject == "wx.navigateTo" for fact in facts.facts)


def test_the_cache_is_bounded_in_trees_and_in_source_bytes() -> None:
    for n in range(syntax.PARSED_TREES + 5):
        parse(language_for("x.js"), f"var bounded{n} = {n};".encode())
    assert len(syntax.TREES.kept) == syntax.PARSED_TREES
    assert syntax.TREES.size == sum(len(source) for _language, source in syntax.TREES.kept)
    # A tree takes ~40-100x its source: large files push the others out; one over the budget is kept apart, within
    # a budget of its own, and one over that is not kept at all.
    half = b"var x = 1;\n" * (syntax.PARSED_BYTES // 22)
    parse(language_for("x.js"), half)
    parse(language_for("x.js"), half + b"//\n")
    assert syntax.TREES.size <= syntax.PARSED_BYTES
    huge = b"var y = 2;\n" * (syntax.PARSED_BYTES // 10)
    kept = [source for _language, source in syntax.TREES.kept]
    assert parse(language_for("x.js"), huge) is parse(language_for("x.js"), huge)
    assert [source for _language, source in syntax.TREES.kept] == kept  # the ordinary trees stay
    assert syntax.TREES.size <= syntax.PARSED_BYTES and syntax.TREES.large_size <= syntax.LARGE_BYTES
    beyond = b"var z = 3;\n" * (syntax.LARGE_BYTES // 10)
    assert parse(language_for("x.js"), beyond) is not parse(language_for("x.js"), beyond)
    assert syntax.TREES.large_size <= syntax.LARGE_BYTES


def test_no_reader_changes_a_shared_tree() -> None:
    # Tree.edit would change the tree every later reader of the same text gets.
    editing = [str(path.relative_to(SRC)) for folder in ("readers", "analyzers", "facts", "core")
               for path in sorted((SRC / folder).glob("*.py")) if re.search(r"\.edit\(", path.read_text())]
    assert editing == []


def test_script_definitions_come_from_the_query_engine_not_a_python_walk(monkeypatch) -> None:
    # The definitions of a page (the dead-handler check reads every changed script's) are picked out by
    # tree-sitter's query engine: no Python walk over the whole tree.
    walk = handlers.walk

    def no_walk(node):  # the walk of one import clause is fine, the whole program's is not
        assert node.type != "program", "script_definitions walked the whole tree in Python"
        return walk(node)

    monkeypatch.setattr(handlers, "walk", no_walk)
    text = ("import base from '../../behaviors/base'\nimport more from './more'\n"
            "const helper = () => 1\n"
            "Page({\n  behaviors: [base, 'wx://form-field', more],\n  data: { shown: false },\n"
            "  onTap() { this.later = 1 },\n  ...extra,\n  'quoted-key': 1,\n  pick: function () {},\n})\n"
            "function outer() {}\nclass Local {}\n")
    found = handlers.script_definitions(text, "pages/defs/defs.js")
    assert {"helper", "behaviors", "data", "shown", "onTap", "later", "quoted-key", "pick", "outer", "Local",
            "base", "more"} <= found.names
    assert found.imports == ["../../behaviors/base", "./more"]  # in source order
    assert found.open  # the spread into the Page options: names the file cannot show
    jsx = handlers.script_definitions("class P extends Component { field = 1; onBuy() {} }\nlet x = 1\n",
                                      "pages/p/p.jsx")
    assert jsx.names == {"field", "onBuy", "P", "x"} and not jsx.open
    ts = handlers.script_definitions("class P { field = 1; onBuy() {} }\nlet x: string\n", "pages/p/p.ts")
    assert {"field", "onBuy", "P", "x"} <= ts.names  # the keyword ``string`` of a type is no name


_DISPATCHERS = """import { request } from './http'
export function pick(kind) {
  if (kind === 'image') { return wx.chooseImage({}) }
  switch (kind) {
    case 'video': return wx.chooseVideo({})
    default: return wx.chooseMessageFile({})
  }
}
export const send = (path, options) => {
  if (options.upload) { return wx.uploadFile({ url: path }) }
  return wx.request({ url: path, success: () => { if (path === 'x') { request(pick('image'), { a: 1 }) } } })
}
export function locate(mode) {
  if (mode === 'fuzzy') { return wx.getFuzzyLocation({}) }
  return wx.getLocation({})
}
"""


def test_the_nodes_inside_a_function_are_those_a_query_below_it_finds() -> None:
    language = language_for("utils/pick.js")
    root = parse(language, _DISPATCHERS.encode()).root_node
    types = ("call_expression", "if_statement", "switch_case")
    everything = syntax.nodes_of(root, language, types)
    functions = syntax.nodes_of(root, language, ("function_declaration", "arrow_function"))
    assert len(functions) == 4
    for function in functions:
        assert [n.id for n in syntax.inside(everything, function)] == \
               [n.id for n in syntax.nodes_of(function, language, types)]


def test_a_module_of_dispatching_helpers_is_queried_once_for_its_branches(monkeypatch) -> None:
    from mp_precheck.readers import jsexports

    asked: list[tuple[str, ...]] = []

    def counted(root, language, types):
        asked.append(tuple(types))
        return syntax.nodes_of(root, language, types)

    monkeypatch.setattr(jsexports, "nodes_of", counted)
    found = js_facts(_DISPATCHERS, "utils/pick.js")
    assert asked == [("if_statement", "switch_case")]  # one query for the three dispatchers, not one each
    assert dict(found.exports["pick"].choices)["image"] == ("wx.chooseImage",)
    assert found.exports["send"].flags == ((1, "upload", ("wx.uploadFile",), ("wx.request",)),)  # it returns
    assert dict(found.exports["locate"].choices)["fuzzy"] == ("wx.getFuzzyLocation",)
    # request(pick('image'), { a: 1 }): both callees on line 11; the imported call's are kept, not those of the
    # local call passed in its arguments (readers/dispatch.py call_literals)
    assert found.call_literals[11] == ("arg:1", "arg:1.a", "arg:#2")


def test_the_readers_of_one_kept_tree_share_one_query(monkeypatch) -> None:
    # Each reader asks nodes_of for its own node types; on the root of a kept tree they come from one query over
    # the tree (for every type asked so far), in the order a query for the reader's types alone gives.
    language = language_for("utils/shared-query.js")
    root = parse(language, (_DISPATCHERS + "// shared query\n").encode()).root_node
    queries: list[frozenset[str]] = []
    captured = syntax._captured

    def counted(node, grammar, types):
        queries.append(types)
        return captured(node, grammar, types)

    monkeypatch.setattr(syntax, "_captured", counted)
    asks = [("call_expression",), ("if_statement", "switch_case"), ("string", "template_string"),
            ("call_expression", "if_statement"), ("function_declaration", "arrow_function")]
    answers = [syntax.nodes_of(root, language, types) for types in asks]
    assert [[n.id for n in answer] for answer in answers] == \
           [[n.id for n in captured(root, language, frozenset(types))] for types in asks]
    assert all(answer and {n.type for n in answer} <= set(types) for answer, types in zip(answers, asks, strict=True))
    assert len(queries) <= 2  # the first ask, and at most one more for types no reader had asked for yet
    assert syntax.nodes_of(answers[4][-1], language, ("call_expression",))  # below the root: its own query
    assert len(queries) <= 3


def test_a_module_read_for_base_and_head_is_read_once() -> None:
    # The entry-wall analyzers read a module on each side of the change: an unchanged file is read once.
    from mp_precheck.readers.modulereach import read_module

    text = "import { login } from './auth'\nexport function enter() { login() }\n"
    first = read_module(text, "utils/read-once.js")
    assert read_module(text, "utils/read-once.js") is first
    assert "enter" in first.defs
    assert read_module(text + "\n", "utils/read-once.js") is not first

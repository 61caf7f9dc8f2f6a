"""The component state a computed property's setter writes: where a text box bound to it (``v-model="draft"``)
puts what the user types.

A Vue component may bind a text box to a computed property with a setter — ``computed: { draft: { get() { return
this.body }, set(text) { this.body = text } } }`` (https://vuejs.org/guide/essentials/computed.html#writable-computed,
https://v2.vuejs.org/v2/guide/computed.html#Computed-Setter) — so the text lands in ``body``, and a post carries
``body``, never the computed's own name.

In: a single-file component's text and the names a box binds. Out: the names the setters of those computed
properties assign on the component (``this.body = …``, through an alias of ``this`` too). Never raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, walk

_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})
_WRITABLE = lazy(r"\bcomputed\b[\s\S]*\bset\b")  # a component naming no computed setter is not parsed


def setter_writes(text: str, names: frozenset[str] | set[str]) -> frozenset[str]:
    """The names the setters of the computed properties ``names`` of the component ``text`` assign (module
    docstring); empty when none of them is a computed property with a setter."""
    if not names or not _WRITABLE.search(text):
        return frozenset()
    found: set[str] = set()
    for unit, name, _offset in script_units(text, "component.vue"):
        language = language_for(name)
        for pair in nodes_of(parse(language, unit.encode("utf-8", "surrogatepass")).root_node, language, ("pair",)):
            value = pair.child_by_field_name("value")
            if node_text(pair.child_by_field_name("key")).strip("'\"") == "computed" and value is not None \
                    and value.type == "object":
                found |= {w for p in value.named_children if p.type == "pair" and
                          node_text(p.child_by_field_name("key")).strip("'\"") in names for w in _written(p)}
    return frozenset(found)


def _written(computed: Node) -> set[str]:
    """What the ``set`` of one computed property (``name: { get() {…}, set(v) {…} }``) assigns on the component."""
    value = computed.child_by_field_name("value")
    setter = next((m for m in (value.named_children if value is not None and value.type == "object" else ())
                   if (m.type == "method_definition" and node_text(m.child_by_field_name("name")) == "set")
                   or (m.type == "pair" and node_text(m.child_by_field_name("key")) == "set")), None)
    out: set[str] = set()
    for node in walk(setter) if setter is not None else ():
        left = node.child_by_field_name("left") if node.type == "assignment_expression" else None
        if left is not None and left.type == "member_expression" and \
                node_text(left.child_by_field_name("object")) in _SELF:
            out.add(node_text(left.child_by_field_name("property")))
    return out

"""Where in ``.mp-precheck.yml`` a key or a list item sits, so that each config error names its line: a
file with several mistakes is then fixed in one pass, each at its place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ConfigLines:
    """Line numbers (1-based) of the nodes of one YAML text; every lookup is None when the text did not compose."""

    def __init__(self, text: str) -> None:
        import yaml  # the config parser has already imported it

        try:
            self._root: Any = yaml.compose(text, Loader=yaml.SafeLoader)
        except (yaml.YAMLError, RecursionError):
            self._root = None

    def line(self, path: Sequence[str | int], key: str | None = None) -> int | None:
        """The line of the value at ``path`` (keys and list indexes from the top), or, with ``key``, of that key
        inside the mapping at ``path``; the nearest enclosing node's line when the path ends early."""
        import yaml

        node = self._root
        if node is None:
            return None
        line: int = node.start_mark.line + 1
        for part in [*path, *([key] if key is not None else [])]:
            found = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                        line = key_node.start_mark.line + 1
                        found = value_node
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                found = node.value[part]
                line = found.start_mark.line + 1
            if found is None:
                return line
            node = found
        return line

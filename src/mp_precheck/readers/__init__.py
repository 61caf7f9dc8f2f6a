"""Readers: turn the bytes of one file (app.json, WXML, JS/TS, single-file components, images) into what it uses.

Every reader is a pure function of the file's bytes; none of them executes code from the repository.
"""

from mp_precheck.core.recache import libraries

with libraries():  # the parser most template readers build on compiles its patterns as it loads
    import html.parser  # noqa: F401

"""Readers: turn the bytes of one file (app.json, WXML, JS/TS, single-file components, images) into what it uses.

Every reader is a pure function of the file's bytes; none of them executes code from the repository.
"""

"""Failures the user can act on. Each maps to exit code 2 and prints as one line, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """The tool could not do what was asked (exit code 2).

    The message is one line that says what happened and, where known, how to fix it.
    """

    exit_code = 2


class NotAGitRepository(UserError):
    pass


class DubiousOwnership(NotAGitRepository):
    """git refuses a repository that belongs to another user ("detected dubious ownership"); the message
    names the ``safe.directory`` fix."""


class UnknownRevision(UserError):
    pass


class MissingMergeBase(UserError):
    pass


class ConfigError(UserError):
    pass


class UnsupportedFormat(UserError):
    pass


ISSUES_URL = "https://github.com/mp-precheck/mp-precheck/issues"  # where an internal error is reported

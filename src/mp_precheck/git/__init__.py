"""Git: read-only access to the repository and what changed between two commits.

Everything goes through the ``git`` command; nothing from the pull request is ever executed.
"""

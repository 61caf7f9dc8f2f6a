"""The staged change (``mp-precheck diff --staged``, the pre-commit hook) as a commit to analyse.

The analysis reads git objects only, so the index is turned into objects: ``git write-tree`` stores the
index as a tree, and ``git commit-tree <tree> -p HEAD`` wraps it in a commit object whose parent is
``HEAD``. No ref is updated and the work tree is not touched: unstaged edits are ignored, and the
unreferenced commit is dropped by a later ``git gc``. Inside a ``git commit`` hook, git's own
``GIT_INDEX_FILE`` (the index being committed) is honoured, because git commands inherit it.
"""

from __future__ import annotations

from mp_precheck.core.errors import UnknownRevision, UserError
from mp_precheck.git.repo import GitRepo

# A fixed identity: the temporary commit is never shown or kept, and the user may have none configured;
# it is never signed (commit.gpgSign would ask for a passphrase in a hook).
_IDENTITY = ("-c", "user.name=mp-precheck", "-c", "user.email=mp-precheck@localhost")


def staged_commit(repo: GitRepo) -> tuple[str, str]:
    """``(HEAD, commit)``: the commit id of ``HEAD`` and of a new, unreferenced commit holding the index.

    Inputs: the repository. Output: the pair of full commit ids to compare (``HEAD`` first); ``HEAD`` twice
    when nothing is staged (the index holds ``HEAD``'s tree): no commit is made then.

    Raises:
        UserError: nothing is committed yet (no ``HEAD``), the index has unresolved merge conflicts, or
            git failed to write the objects (its message is quoted).
    """
    try:
        head = repo.resolve("HEAD")
    except UnknownRevision:
        raise UserError("--staged compares the index with HEAD, and nothing is committed yet: "
                        "make a first commit") from None
    try:
        tree = repo.run("write-tree").decode().strip()
    except UserError as exc:
        raise UserError(f"cannot read the staged change: the index has unresolved merge conflicts or is "
                        f"unreadable ({exc})") from exc
    if tree == repo.run("rev-parse", f"{head}^{{tree}}").decode().strip():
        return head, head
    commit = repo.run(*_IDENTITY, "commit-tree", "--no-gpg-sign", tree, "-p", head,
                      "-m", "staged").decode().strip()
    return head, commit

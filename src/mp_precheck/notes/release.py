"""A release: the range a tag covers, and the section mp-precheck keeps in its GitHub Release body.

**Range.** A release tag (one matching the tag pattern, ``v*`` unless ``notes.tag_pattern`` says
otherwise, fnmatch-style) covers the commits since the previous release **in its history**: the nearest
ancestor tag that matches the pattern and reads as a version (a digit after the prefix: ``v1.2.0``,
``release-2026-01``; a typo such as ``v.2.1.0`` or a word such as ``vendor`` is no release), ``git
describe``'s notion of nearest. Tags that are not ancestors are skipped, and for a final version so are
pre-release tags such as ``v1.3.0-rc.1``. A tag on the same commit as an earlier release is an empty range
(refused with the earlier tag named, never the older notes again). With no ancestor tag the range is the
whole history (the analysis compares with the empty tree); :attr:`ReleaseRange.notices` says so when
earlier releases exist on another line of history, as it does when the previous release by version is not
in the tag's history (a maintenance branch). A shallow clone is refused with the fix (``git fetch
--unshallow --tags``): its missing history would make the notes silently short.

**Release body.** The notes live between ``<!-- mp-precheck:notes:start -->`` and
``<!-- mp-precheck:notes:end -->``; text outside the pair is people's and is kept as it is. The notes
themselves sit in a ```` ```text ```` fence (longer than any backtick run inside), so Markdown in an entry
cannot change the page; the full list of changes and the review-risk report follow in ``<details>``.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Literal

from msgspec import Struct

from mp_precheck import __version__
from mp_precheck.core.catalog import Catalog
from mp_precheck.core.config import DEFAULT_TAG_PATTERN
from mp_precheck.core.errors import UserError
from mp_precheck.core.items import item_count
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.notes.commitmessage import Entry
from mp_precheck.notes.submission import Notes
from mp_precheck.outputs.markdown import Limits, render_markdown
from mp_precheck.outputs.templating import template

NOTES_START = "<!-- mp-precheck:notes:start -->"
NOTES_END = "<!-- mp-precheck:notes:end -->"
RELEASE_BODY_LIMIT = 125_000  # GitHub answers 422 "body is too long (maximum is 125000 characters)"
SHALLOW_FIX = ("run `git fetch --unshallow --tags` (GitHub Actions: actions/checkout with fetch-depth: 0; "
               "GitLab CI: GIT_DEPTH: 0)")
_PRERELEASE = lazy(r"\d+\.\d+(?:\.\d+)?-[0-9A-Za-z][0-9A-Za-z.-]*$")
# A tag that reads as a version: a prefix without digits or dots, then a number (v1.2.0, 2.0, release-2026-01).
_VERSION = lazy(r"^[^\d.]*\d")
Detail = Literal["full", "no_risks", "notes_only"]


class ReleaseError(UserError):
    """The release range cannot be determined: no such tag, a tag outside the pattern, a shallow clone, or
    an empty range (exit code 2)."""


class Tag(Struct, frozen=True):
    """A tag and the commit it points at (annotated tags peeled)."""

    name: str
    commit: str


class ReleaseRange(Struct, frozen=True):
    """What a release covers: ``tag`` at commit ``head``, from ``base`` (the previous tag's commit, or
    the empty tree for a first release); ``previous`` names the previous tag or the revision given, and
    is None for a first release; ``notices`` are lines worth printing about how the range was chosen."""

    tag: str
    head: str
    base: str
    previous: str | None
    notices: tuple[str, ...] = ()

    @property
    def first(self) -> bool:
        return self.base == EMPTY_TREE


class ReleaseDraft(Struct, frozen=True):
    """The drafted notes of a release: its range, the number of commits, every entry (the release body
    lists them all), the :class:`~mp_precheck.notes.submission.Notes`, the rendered draft for the form (``text``)
    and the 反馈内容 variant (``feedback``, at most 200 characters)."""

    range: ReleaseRange
    commits: int
    entries: tuple[Entry, ...]
    notes: Notes
    text: str
    feedback: str


def tag_name(ref: str) -> str:
    """``refs/tags/v1.3.0`` → ``v1.3.0``; a plain name is returned as it is."""
    return ref.removeprefix("refs/tags/")


def is_version(tag: str) -> bool:
    """Whether ``tag`` reads as a version: ``v1.3.0``, ``2.0-beta``, ``release-2026-01``; not ``v.2.1.0`` (a
    typo) nor ``vendor-fix``."""
    return _VERSION.search(tag) is not None


def is_prerelease(tag: str) -> bool:
    """Whether ``tag`` is a semver pre-release (``v1.3.0-rc.1``, ``2.0-beta``)."""
    return _PRERELEASE.search(tag) is not None


def list_tags(repo: GitRepo) -> list[Tag]:
    """Every tag that points at a commit, in version order (``git for-each-ref --sort=version:refname``, with
    each pre-release moved before its release: git sorts ``v1.3.0-rc.1`` after ``v1.3.0``, semver before it,
    https://semver.org/#spec-item-11).

    Raises:
        UserError: git failed.
    """
    out = repo.run("for-each-ref", "--sort=version:refname",
                   "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)",
                   "refs/tags")
    tags = []
    for line in out.split(b"\n"):
        fields = line.split(b"\0")
        if len(fields) != 5:
            continue
        name, kind, sha, peeled_kind, peeled = (f.decode("utf-8", "surrogateescape") for f in fields)
        commit = sha if kind == "commit" else peeled if peeled_kind == "commit" else None
        if commit:
            tags.append(Tag(name, commit))
    return _prereleases_first(tags)


def _prereleases_first(tags: list[Tag]) -> list[Tag]:
    """``tags`` with the pre-releases of each release (``v1.3.0-rc.1``, ``v1.3.0-beta``) just before it, in their
    order; a pre-release whose release is not tagged keeps its place."""
    names = {t.name for t in tags}
    held: dict[str, list[Tag]] = {}
    for tag in tags:
        found = _PRERELEASE.search(tag.name)
        if found and (release := tag.name[: tag.name.index("-", found.start())]) in names:
            held.setdefault(release, []).append(tag)
    moved = {t.name for group in held.values() for t in group}
    ordered: list[Tag] = []
    for tag in tags:
        if tag.name not in moved:
            ordered.extend([*held.get(tag.name, []), tag])
    return ordered


def find_range(repo: GitRepo, tag: str, pattern: str = DEFAULT_TAG_PATTERN) -> ReleaseRange:
    """The range release ``tag`` covers (see the module docstring).

    Raises:
        ReleaseError: ``tag`` does not match ``pattern`` or does not exist, the clone is shallow, or the
            tag is on the same commit as the previous release (an empty range).
    """
    name = tag_name(tag)
    if not fnmatchcase(name, pattern):
        raise ReleaseError(f"tag {name} does not match the tag pattern {pattern!r}: set notes.tag_pattern in "
                           ".mp-precheck.yml (or --tag-pattern) to match your release tags")
    tags = list_tags(repo)
    this = next((t for t in tags if t.name == name), None)
    if this is None:
        raise ReleaseError(_missing_tag(repo, name, [t.name for t in tags]))
    if repo.is_shallow():
        raise ReleaseError(f"the clone is shallow, so the tags before {name} and their history may be missing: "
                           + SHALLOW_FIX)
    merged = {line.decode("utf-8", "surrogateescape") for line in
              repo.run("for-each-ref", "--merged", this.commit, "--format=%(refname:strip=2)", "refs/tags").split(b"\n")
              if line}
    final = not is_prerelease(name)
    position = {t.name: i for i, t in enumerate(tags)}

    def eligible(t: Tag) -> bool:
        return t.name != name and fnmatchcase(t.name, pattern) and is_version(t.name) \
            and not (final and is_prerelease(t.name))

    # a tag on this commit is a previous release only when it is earlier by version (v2.0.0 for v2.0.4)
    candidates = [t for t in tags if eligible(t) and t.name in merged
                  and (t.commit != this.commit or position[t.name] < position[name])]
    earlier = [t for t in tags[: position[name]] if eligible(t)]
    if not candidates:
        notices: tuple[str, ...] = ()
        if earlier:
            notices = (f"no earlier {pattern} tag is in {name}'s history ({earlier[-1].name} is on another line "
                       f"of history): the notes cover the whole history of {name}; choose the range with --base "
                       "(the action's base input)",)
        return ReleaseRange(name, this.commit, EMPTY_TREE, None, notices)
    previous = candidates[-1]
    while previous.commit != this.commit:  # the nearest in history: no other candidate between it and the tag
        between = set(repo.run("rev-list", f"{previous.commit}..{this.commit}").decode().split())
        nearer = [t for t in candidates if t.commit in between]
        if not nearer:
            break
        previous = max(nearer, key=lambda t: position[t.name])
    if previous.commit == this.commit:
        raise ReleaseError(f"empty range: {name} is on the same commit as {previous.name} (the previous {pattern} "
                           f"tag), so it adds nothing to describe; to draft notes from an earlier release, give "
                           "--base (the action's base input)")
    notices = ()
    if earlier and earlier[-1] != previous and earlier[-1].name not in merged:
        notices = (f"{earlier[-1].name} (the previous {pattern} tag by version) is not in {name}'s history (a "
                   f"maintenance branch?): the notes cover {previous.name}…{name}",)
    return ReleaseRange(name, this.commit, previous.commit, previous.name, notices)


def tag_commit(repo: GitRepo, tag: str) -> str:
    """The commit release ``tag`` points at.

    Raises:
        ReleaseError: there is no such tag (the line says which tags there are, or how to get them).
    """
    name = tag_name(tag)
    tags = list_tags(repo)
    this = next((t for t in tags if t.name == name), None)
    if this is None:
        raise ReleaseError(_missing_tag(repo, name, [t.name for t in tags]))
    return this.commit


def explicit_range(repo: GitRepo, tag: str, base: str) -> ReleaseRange:
    """The range from revision ``base`` (``--base``, the action's base input) to release ``tag``.

    Raises:
        ReleaseError: the tag does not exist.
        UnknownRevision: ``base`` does not exist.
    """
    return ReleaseRange(tag_name(tag), tag_commit(repo, tag), repo.resolve(base), base)


def _missing_tag(repo: GitRepo, name: str, known: list[str]) -> str:
    if repo.is_shallow():
        return f"no tag {name} in the clone: it is shallow; " + SHALLOW_FIX
    if not list_tags(repo):
        return (f"no tag {name}: the repository has no tags (create and push it with `git tag {name}`, fetch "
                "them with `git fetch --tags`, or describe a range with --base and --head)")
    return f"no tag {name} (the latest tags: {', '.join(known[-5:])}); fetch tags with `git fetch --tags`"


# ----------------------------------------------------------------------------------------- the body


def fence(text: str) -> str:
    """A backtick fence longer than any backtick run in ``text`` (at least three)."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_release_section(draft: ReleaseDraft, report: Report, catalog: Catalog, language: str,
                           link_base: str | None = None, detail: Detail = "full") -> str:
    """The Markdown mp-precheck keeps in the release body (and writes to the job summary), without the
    markers: heading, range, the draft in a ``text`` fence, the 反馈内容 variant, then (``detail``
    permitting) every change with its pull request or commit, and the review-risk report."""
    messages = Messages(language)
    t = messages.t
    rng = draft.range
    range_line = t("release.first", tag=rng.tag, commits=draft.commits) if rng.first else \
        t("release.range", previous=rng.previous, tag=rng.tag, commits=draft.commits)
    sections = {"added": t("notes.added"), "improved": t("notes.improved"), "fixed": t("notes.fixed")}
    entries = [{"section": sections[e.section], "text": e.text,
                "source": e.source if e.source.startswith(("#", "!")) else e.source[:7]}
               for e in draft.entries] if detail == "full" or detail == "no_risks" else []
    risks = ""
    if detail == "full" and report.active_findings:
        comment = render_markdown(report, catalog, language, link_base=link_base, limits=Limits(chars=60_000),
                                  full_report_where="`mp-precheck-report/report.json`")
        risks = comment.split("\n", 1)[1].strip()  # the PR comment's hidden marker has no place here
    text = template("release.md.j2").render(
        t=t, heading=t("release.heading", tag=rng.tag), range_line=range_line,
        notes=draft.text.rstrip("\n"), notes_fence=fence(draft.text), feedback=draft.feedback,
        feedback_fence=fence(draft.feedback), entries=entries, risks=risks,
        risk_count=item_count(report.active_findings), shortened=detail != "full",
        footer=t("release.footer", version=__version__, catalog=catalog.date))
    # nothing inside may pass for one of our markers on the next run
    return text.replace("mp-precheck:notes:", "mp-precheck:notes\u200b:").strip() + "\n"


def release_block(section: str) -> str:
    """``section`` between the marker pair."""
    return f"{NOTES_START}\n{section.rstrip()}\n{NOTES_END}"


def merge_body(existing: str | None, block: str) -> str:
    """The release body with ``block`` in place: replacing what is between the first end marker that has
    a start marker before it and the last such start marker, else appended after what people wrote.
    Everything outside the markers is kept byte for byte (trailing spaces, which are Markdown hard breaks,
    CRLF, a missing final newline): the result starts with ``existing`` when it has no marker pair, and
    merging again replaces only the block. The separator before an appended block follows ``existing``'s
    line ends."""
    if not existing:
        return block + "\n"
    end = existing.find(NOTES_END)
    while end != -1:  # an end marker without a start before it is someone's text: look further
        start = existing.rfind(NOTES_START, 0, end)
        if start != -1:
            return existing[:start] + block + existing[end + len(NOTES_END):]
        end = existing.find(NOTES_END, end + len(NOTES_END))
    newline = "\r\n" if "\r\n" in existing else "\n"
    # a blank line before the block so that it starts a new Markdown block after any last line
    ending = len(existing) - len(existing.rstrip("\r\n"))
    separator = newline * max(0, 2 - existing[-ending:].count("\n")) if ending else newline * 2
    return existing + separator + block + newline


def fitted_body(existing: str | None, draft: ReleaseDraft, report: Report, catalog: Catalog, language: str,
                link_base: str | None = None, limit: int = RELEASE_BODY_LIMIT) -> str | None:
    """The new release body within ``limit`` characters: the full section, else without the risk report,
    else the notes alone; None when even that does not fit beside the text people wrote."""
    details: tuple[Detail, ...] = ("full", "no_risks", "notes_only")
    for detail in details:
        section = render_release_section(draft, report, catalog, language, link_base, detail)
        body = merge_body(existing, release_block(section))
        if len(body) <= limit:
            return body
    return None

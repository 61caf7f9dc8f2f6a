"""What a file uses, as facts: the unit the semantic diff compares.

A fact names a *subject* in one spelling shared by every extractor:

==========================  ==========================================================
``wx.getLocation``          a ``wx`` API referenced in JS/TS (framework namespaces mapped to ``wx``)
``wx.cloud.uploadFile``     a ``wx.cloud`` API
``RecorderManager.start``   a method on an object a ``wx`` factory returned
``wx.authorize:scope.X``    ``wx.authorize`` asked for scope ``scope.X`` (a literal)
``<web-view>``              a component (tag) in WXML / Vue / JSX
``button[open-type=X]``     an ``open-type`` attribute value on any tag
``input[type=nickname]``    the nickname input; ``navigator[target=miniProgram]`` likewise
``host:api.example.com``    a URL host in a JS string literal or a markup attribute
``ui-kit:pick-media``       a UI kit's photo/video picker (``checks/ui_kits.yml``); ``ui-kit:upload-media``
                            one that uploads by itself; the value names the tag and the kit
``sdk:upload``              an upload method of a client SDK (``checks/upload_sdks.yml``), e.g. ``VodUploader.start``
``sdk:location``            a map SDK method that reads the position (``checks/location_sdks.yml``), e.g. ``getRegeo``
``sdk:record``              a plugin's recorder method (``checks/plugin_apis.yml``), e.g. 微信同声传译's
                            ``getRecordRecognitionManager().start``
``app.json:<key>:<value>``  an app.json / ext.json entry that review cares about
``image:<reference>``       a local image named in a ``src`` attribute, a JS string or a style sheet's ``url(…)``
                            or string (as written)
``call:upload``             a project call no reader resolves, named as an upload (``sheep.$api.app.upload``):
                            no rule's subject; the semantic diff reads it as another spelling of
                            ``wx.uploadFile`` so a resolved call replacing it is no new upload
==========================  ==========================================================
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct, field
from msgspec.structs import force_setattr

from mp_precheck.core.catalog import api_names
from mp_precheck.core.secrets import redact
from mp_precheck.facts.branchtests import StringTests

UPLOAD_GUESS = "call:upload"

# The role of a public host only development code uses (a ``dev`` key, a dev branch, Taro ``config/dev.js``):
# the app already talks to it, but the build submitted for review does not.
DEVELOPMENT = "development"
# The role of a URL WeChat itself opens for an API (a WeCom customer-service link, an official-account article),
# so its host is no server domain of the app.
ACCOUNT = "account"
# The role of a host in a branch the file's own switch turns off (``isProd = false`` then ``isProd ? host : …``):
# the build does not use it, and the app has not yet talked to it (readers/flagbranch.py).
SWITCHED_OFF = "switched-off"
# The role of a URL the app copies to the clipboard for the user to paste elsewhere (readers/copiedlinks.py): data,
# no server the app talks to; ``policy.clipboard_link`` tells the copied link by itself.
CLIPBOARD = "clipboard"
# The role of a URL the app only shows the user as text (a data field its template prints, ``{{ card.site }}``, and
# reads nowhere else: readers/shownfields.py): data, no server the app talks to.
DISPLAYED = "displayed"
# The role of a ``wx.connectSocket`` whose URL is the app's request base with its scheme swapped
# (``BASE_URL.replace('http', 'ws')``, readers/socketurl.py): a socket to a server the app already talks to, whose
# host must still be added to socket合法域名 (core/checklist.py).
API_SOCKET = "api-socket"
# The role of a host one entry of a region table offers that the file does not select (readers/regiontable.py),
# ``alternative:<region>``: the app talks to one region's server, told once a script of the app names its region
# (core/regionpick.py).
ALTERNATIVE = "alternative"

# The network APIs whose URL a host is used for, and the role (the 服务器域名 list) each gives it.
NETWORK_APIS = {"wx.request": "request", "wx.uploadFile": "upload", "wx.downloadFile": "download",
                "wx.connectSocket": "socket"}

FactKind = Literal["api", "component", "attribute", "host", "config", "text", "hook", "image"]


class Fact(Struct, frozen=True):
    """One use of ``subject`` at 1-based ``line`` of a file.

    ``value`` carries the literal where useful (a URL, a config value); ``role`` says how a host is
    used (``request``, ``upload``, ``download``, ``socket``, ``web-view``, ``media``, ``account``, ``code``, or
    ``development`` when only development code uses it); for an API ``via:<path>#<name>`` when it was
    reached through a project wrapper function, ``dispatch:<path>#<name>`` through an action a higher-order
    call wraps (not a use of the caller's own: see ``Export.dispatched``); for a forced-login hook
    ``if:<n>@<lines>``: how many conditions it runs under and the lines of the calls that lead to it
    (``readers/lifecycle.py``).
    """

    subject: str
    kind: FactKind
    line: int
    value: str | None = None
    role: str | None = None
    # A call of a helper of the same file (``this.uploadImg(a)``, readers/localcalls.py): the line of the
    # helper's own call, where a finding goes when the change adds the helper itself.
    defined: int | None = None

    def __post_init__(self) -> None:
        if self.value:  # an AppSecret in a literal is never carried on (see secrets.redact)
            force_setattr(self, "value", redact(self.value))


ARG = "arg:"  # call-site tokens: ``arg:#3`` three arguments, ``arg:2`` the third is an object literal,
# ``arg:2.upload`` it sets ``upload`` to a true literal, ``arg:2.upload?`` to something unknown, ``arg:2.*?`` spreads;
# ``arg:0=chooseImage`` the first is that string literal, ``arg:0^=/pages/item?id=`` a template string starting so,
# ``arg:3:true`` the fourth is that other literal (``true``, ``false``, ``null``, ``undefined``, a number); several
# ``arg:0=…`` tokens: the call passes one of those strings (``one_each``)


def passed_strings(passed: tuple[str, ...]) -> tuple[str, ...]:
    """The string literals a call passes, from what it passes (its ``call_literals``): the :data:`ARG` tokens
    left out, which say how it passes them."""
    return tuple(s for s in passed if not s.startswith(ARG))


def flag_state(passed: tuple[str, ...], index: int, key: str) -> bool | None:
    """Whether a call passing ``passed`` (its :func:`call_literals`) sets option ``key`` of argument
    ``index``: True, False (an object literal without it, or no such argument), None when unknown. Key ``""``
    is the argument itself, a flag a function relays (readers/relayedflags.py): set when it is a truthy literal
    (``true``, a number but 0, a non-empty string, an object), not when falsy or left out."""
    if not key:
        values, count = _passed_values(passed)
        kind, text = values.get(index, ("", ""))
        if kind == "=":
            return bool(text)
        if kind == ":":
            return text not in ("false", "null", "undefined") and not _zero(text)
        return True if kind == "^" and text else False if count is not None and count <= index else None
    if f"{ARG}{index}.{key}" in passed:
        return True
    if f"{ARG}{index}.{key}?" in passed or f"{ARG}{index}.*?" in passed:
        return None
    if f"{ARG}{index}" in passed:
        return False
    count = next((int(t[len(ARG) + 1:]) for t in passed if t.startswith(ARG + "#")), None)
    return False if count is not None and count <= index else None



def _zero(text: str) -> bool:
    """Whether a number literal's text is zero (``0``, ``0.0``, ``0x0``)."""
    try:
        return float(int(text, 0) if text[:2].lower() in ("0x", "0o", "0b") else text) == 0
    except ValueError:
        return False


def one_each(passed: tuple[str, ...]) -> list[tuple[str, ...]]:
    """What a call passing ``passed`` may pass, one value an argument: ``passed`` itself, or where it holds several
    string literals at one argument (``arg:0=/pages/a``, ``arg:0=/pages/b``: the parameter a page's method hands on,
    which its callers fill with either, readers/methodliterals.py), one copy per literal without the others."""
    at: dict[str, list[str]] = {}
    for token in passed:
        head, equals, _text = token[len(ARG):].partition("=")
        if token.startswith(ARG) and equals and head.rstrip("^").isdigit():
            at.setdefault(head.rstrip("^"), []).append(token)
    several = next((tokens for tokens in at.values() if len(tokens) > 1), None)
    if several is None:
        return [passed]
    return [tuple(t for t in passed if t == token or (t not in several and t not in _texts(several, token)))
            for token in several]


def _texts(tokens: list[str], kept: str) -> set[str]:
    """The literal texts of ``tokens`` (``arg:0=/pages/a`` → ``/pages/a``) other than ``kept``'s."""
    return {t.partition("=")[2] for t in tokens if t != kept}


def _passed_values(passed: tuple[str, ...]) -> tuple[dict[int, tuple[str, str]], int | None]:
    """Argument index → (kind, text) of a call's literal arguments — ``=`` a whole string (``arg:0=…``), ``^`` a
    template string's start (``arg:0^=…``), ``:`` another literal (``arg:3:true``, ``arg:1:0``) or ``{}`` an
    object (``arg:2``) — and its argument count (``arg:#4``; None when not known)."""
    out: dict[int, tuple[str, str]] = {}
    count = None
    for token in (t[len(ARG):] for t in passed if t.startswith(ARG)):
        head, equals, text = token.partition("=")
        index, colon, literal = token.partition(":")
        if equals and head.rstrip("^").isdigit():
            out[int(head.rstrip("^"))] = ("^" if head.endswith("^") else "=", text)
        elif colon and index.isdigit():
            out[int(index)] = (":", literal)
        elif token.isdigit():
            out[int(token)] = (":", "{}")
        elif token.startswith("#") and token[1:].isdigit():
            count = int(token[1:])
    return out, count


class Export(Struct, frozen=True):
    """A top-level function other files can import: the ``wx`` subjects it calls directly and its lines."""

    subjects: tuple[str, ...]
    first_line: int
    last_line: int
    # A function that picks its API by a string argument (``if (opts.type === 'image') chooseImage()``):
    # (string, the subjects it reaches when called with that string).
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The function a higher-order call wraps (``createAsyncThunk('note/create', async (d) => …)``): an action
    # the page dispatches. Its calls tell what the page sends (``dispatch:`` facts) but are reported in the
    # action itself, where it makes them.
    dispatched: bool = False
    # A function that picks its API by an option flag (``if (options.upload) uploadFile() else request()``):
    # (argument index, key, subjects when the call sets it, subjects when it does not); also an option it
    # dispatches on by string (``if (options.type === 'upload')``): every subject, the fall-through path's.
    flags: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...] = ()
    # A function that calls the API one of its parameters names (``(name, ...rest) => wx[name]({...})``):
    # (argument index, namespace: ``wx`` or ``wx.cloud``).
    named: tuple[tuple[int, str], ...] = ()
    # A function that calls no API itself, only sibling wrappers of its file (its subjects are theirs): its
    # calls of other files' wrappers are followed too, as a wrapper's with no subject is (``uploadFile`` →
    # ``compressImage`` beside it and a client's upload imported from another module).
    relays: bool = False
    # An object that hands every member on to a namespace (``"wx"``): a promisified ``wx`` (``$wx.requestPayment``,
    # readers/forwarding.py); a call of its member ``X`` is ``wx.X``.
    forwards: str = ""
    # The (first, last) lines of the thin functions of the same file it reaches through (``saveAll`` →
    # ``saveOne``, which calls an upload wrapper of another module): their calls of other files' wrappers are
    # followed as its own, and their lines are its callers' uses, not the module's (readers/siblings.py).
    spans: tuple[tuple[int, int], ...] = ()
    # The subjects a hook or factory calls only inside the functions it hands back (``useLocator()`` returning
    # ``{ locate }``, readers/handedback.py): calling it makes no such call, the returned function does, later.
    handed: tuple[str, ...] = ()
    # The (first, last) lines of the functions of the same file whose own API calls a thin function reaches
    # (``submit`` → ``this.uploadPhoto`` → ``wx.uploadFile``, readers/siblings.py): a caller's call of the function
    # is the use, their calls are its definition — not another use of the module's (core/relays.py).
    reaches: tuple[tuple[int, int], ...] = ()
    # A function that picks its way by testing a parameter's text (``if (url.indexOf('https://') == 0)``): a call
    # passing a string there makes only the calls of the branches that string takes (facts/branchtests.py).
    tests: StringTests = StringTests()

    def covers(self, line: int) -> bool:
        """Whether a call at 1-based ``line`` of the file is one the function makes: in its own lines or in
        one of its :attr:`spans`."""
        return any(first <= line <= last for first, last in self.ranges())

    def ranges(self) -> tuple[tuple[int, int], ...]:
        """Its own (first, last) lines, then its :attr:`spans`."""
        return ((self.first_line, self.last_line), *self.spans)

    def member(self, name: str) -> Export | None:
        """What calling member ``name`` of a forwarding object does: an export of the API of that name when the
        catalog names it (``requestPayment`` → ``wx.requestPayment``), else None."""
        api = f"{self.forwards}.{name}"
        if not self.forwards or not name.isidentifier() or api not in api_names():
            return None
        return Export((api,), self.first_line, self.last_line)

    def subjects_for(self, literals: tuple[str, ...]) -> tuple[str, ...]:
        """The subjects a call passing ``literals`` (its strings and argument tokens) reaches: the chosen
        branch's when one of them names a branch (``chooseAndUploadFile({ type: 'image' })``), the flag's
        side when the call shows whether it sets the flag (``ajax(url, data, { noToken: true })``), else
        every subject; and the API a string literal names where the function calls the API a parameter
        names (``bridge.invoke('chooseImage', …)``: ``wx.chooseImage``), when the catalog knows that API."""
        options = one_each(literals)
        if len(options) > 1:  # a method's parameter its callers fill with one of several literals: any of their ways
            return tuple(sorted({s for option in options for s in self.subjects_for(option)}))
        named = self._named_for(literals)
        return tuple(sorted({*self._own_for(literals), *named})) if named else self._own_for(literals)

    def _named_for(self, literals: tuple[str, ...]) -> set[str]:
        """``wx.X`` for each :attr:`named` parameter a call passes ``'X'`` (``arg:<index>=X``) and the catalog
        names ``wx.X``; a variable or an unknown name gives none."""
        if not self.named:
            return set()
        known = api_names()
        return {api for index, space in self.named for token in literals if token.startswith(f"{ARG}{index}=")
                and (api := f"{space}.{token.partition('=')[2]}") in known}

    def _own_for(self, literals: tuple[str, ...]) -> tuple[str, ...]:
        """The subjects the function calls itself that a call passing ``literals`` reaches (its branch or flag)."""
        chosen = [subjects for value, subjects in self.choices if value in literals]
        if chosen:
            return chosen[0]
        for index, key, when_set, when_unset in self.flags:
            state = flag_state(literals, index, key)
            if state is not None:
                return when_set if state else when_unset
        tested = self.tests.subjects_for(*_passed_values(literals), self.last_line) if self.tests.branches else None
        return tested if tested is not None else self.subjects


class ScriptBindings(Struct, frozen=True):
    """What a script binds to component names (readers/componentuses.py ``script_bindings``): imports as
    (module specifier as written, local name), ``components: {...}`` entries as (key, identifier) and global
    registrations (``app.component('name', Imported)``) as (name, identifier), in source order."""

    imports: tuple[tuple[str, str], ...] = ()
    components: tuple[tuple[str, str], ...] = ()
    registrations: tuple[tuple[str, str], ...] = ()


class JsxReading(Struct, frozen=True):
    """A JSX / TSX script's component bindings and the capitalised elements it renders as (tag, 1-based line)."""

    bindings: ScriptBindings = ScriptBindings()
    tags: tuple[tuple[str, int], ...] = ()


class FileFacts(Struct, frozen=True):
    """Facts of one file version. ``error`` says why some or all of the file could not be read."""

    facts: tuple[Fact, ...] = ()
    error: str | None = None
    # Calls to functions imported from other project files: (module specifier, imported name, line).
    imported_calls: tuple[tuple[str, str, int], ...] = ()
    # The same of names imported from a scoped specifier (``@utils/http``): a build alias or an npm package, told
    # apart by the fact store from the project's build config (readers/aliases.py).
    scoped_calls: tuple[tuple[str, str, int], ...] = ()
    # Exported functions of this file and the wx subjects each one calls directly.
    exports: dict[str, Export] = field(default_factory=dict)
    # In the app file: members of ``App({...})`` that are project modules (``HTTP`` -> ``./utils/http``).
    app_members: dict[str, str] = field(default_factory=dict)
    # Line of a call to an imported function -> the string literals it passes (``{ type: 'image' }``).
    call_literals: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Line of an API or imported call -> its shape (readers/callshape.py): the same call in another file has the
    # same one — how a page the change adds is told to carry on a deleted page's call (core/retired.py).
    call_shapes: dict[int, str] = field(default_factory=dict)
    # Modules the file imports or requires, as written (``../../utils/api``, ``@vant/weapp/toast/toast``).
    module_specs: tuple[str, ...] = ()
    # Names the file imports by name from project modules (``import { a as b } from './m'``, ``const { a } =
    # require('./m')``: ``a``), sorted: what it could reach before calling it (core/semantic_diff.py).
    imported_names: tuple[str, ...] = ()
    # Names the module passes on from others (``export * from './a'``, ``export { b as c } from './d'``):
    # (module specifier, name there or ``*``, name here or ``*``), readers/reexports.py.
    reexports: tuple[tuple[str, str, str], ...] = ()
    # Lines of API calls made only where a ``wx.getSetting`` check found their scope granted (readers/grantedread.py):
    # a silent read of data the user gave elsewhere, which asks nothing (core/spelling.py).
    granted: tuple[int, ...] = ()
    # Line ranges of a Vue-shaped file's ``methods`` entries its own text never names (readers/uncalled.py), and of a
    # script's own functions it never names (a ``<script setup>`` const: readers/ownhelpers.py): on a registered page
    # nothing runs them; a component's may be called by its parent (facts/scope.py).
    idle: tuple[tuple[int, int], ...] = ()
    # The script's own helpers that make a call (a page's method, an App's, a class's, a module function):
    # (name, first line, last line, the lines naming it outside its body; 0 for a template's), readers/ownhelpers.py.
    # One nothing named before the change that the change names has its first caller (core/firstcalls.py).
    helpers: tuple[tuple[str, int, int, tuple[int, ...]], ...] = ()
    # A script's components and JSX elements (None: not read), and its route calls' literal URLs as (URL, line)
    # (None: not read): read with the facts so that the analyzers that need them never parse the file again.
    jsx: JsxReading | None = None
    routes: tuple[tuple[str, int], ...] | None = None
    # (line of a host literal, line of the callee of the imported call it is handed to: ``request('https://…')``),
    # readers/handedurls.py: the host takes the role of the network API the fact store finds that call reaches.
    handed_urls: tuple[tuple[int, int], ...] = ()
    # (line of a ``wx.connectSocket`` whose address starts with a development one as far as the file shows, module
    # specifier, name it imports that the host also comes from): facts/devsockets.py looks the name up there.
    socket_imports: tuple[tuple[int, str, str], ...] = ()
    # The store actions the script calls as its own methods (readers/storeactions.py: (module specifier, name,
    # line)), read from the blob's text as analyzers read it (None: not read): a page's calls into a store are
    # followed without parsing the page again (analyzers/reached.py).
    store_calls: tuple[tuple[str, str, int], ...] | None = None

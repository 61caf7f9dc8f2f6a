"""Build-time environment files: ``.env``, ``.env.production``, ``.env.development``… of a Vite or vue-cli
uni-app, a Taro or an mpx project.

The build inlines their variables into the code (``import.meta.env.VITE_BASE_URL``,
``process.env.VUE_APP_API``, ``process.env.TARO_APP_API``), so the API base URL a team keeps there is a server
the Mini Program calls: its host needs a 服务器域名 (request合法域名 for an API base), exactly as a URL literal in
the code does (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). Which file a
build reads follows its mode: ``.env`` always, ``.env.[mode]`` and ``.env.[mode].local`` for that mode
(https://vite.dev/guide/env-and-mode, https://cli.vuejs.org/guide/mode-and-env.html,
https://docs.taro.zone/docs/env-mode-config). The build uploaded for review is a production one: a file whose
mode is development, test, staging or local (``.env.development``, ``.env.dev``, ``.env.test``,
``.env.local``, ``.env.production.local``) holds a developer's hosts, kept with role ``development`` like a dev
branch's (moving one into the release file configures nothing new). Templates (``.env.example``) are read by no
build.

In: a file's text and path. Out: one ``host:`` fact per URL-valued variable, at the variable's line; and a
``secret:app-secret`` fact (value masked) per AppSecret in a variable the build inlines (:func:`inlined_secret`), a
``secret:pay-key`` fact per WeChat Pay merchant key (``VITE_MCH_KEY``). Only a
variable whose whole value is a URL counts; one named for images or static files (``VITE_STATIC_URL``,
``VUE_APP_IMG_BASE``, ``VITE_LOGO``) is a resource (role ``media``, as ``readers/imagenames.py`` reads names in
code). Parsed with python-dotenv (quotes, ``export``, comments and multi-line values), never by hand.
"""

from __future__ import annotations

import io
import posixpath

from mp_precheck.core.secrets import is_app_secret, is_pay_key, is_pay_key_name, is_secret_name
from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import DEVELOPMENT, Fact, FileFacts
from mp_precheck.readers.devonly import NOT_RELEASE, RELEASE_WORDS, is_dev_file, words
from mp_precheck.readers.imagenames import names_image, names_resource_base
from mp_precheck.readers.urls import find_urls

# Copies committed as documentation of the variables, read by no build.
_TEMPLATES = frozenset({"example", "sample", "template", "tpl", "dist", "defaults"})
# Folders and file-name words that make a script a configuration file (``configs/prod.env.js``, ``config/dev.js``).
_CONFIG_WORDS = frozenset({"config", "configs", "conf", "env", "envs", "environment", "environments", "settings"})
# Which build reads a configuration file (:func:`build_stage`): the release build's own, any build's, a developer's.
RELEASE_STAGE, ANY_STAGE, DEVELOPMENT_STAGE = 0, 1, 2
# Prefixes a build exposes to the client code (Vite, vue-cli, Taro, Create React App): not part of the name.
_CLIENT_PREFIXES = ("VITE_APP_", "VITE_", "VUE_APP_", "TARO_APP_", "REACT_APP_")


def is_env_file(path: str) -> bool:
    """Whether ``path`` is a build's environment file (``.env``, ``.env.production``, ``.env.dev.local``), not a
    template (``.env.example``) nor a script named after one (``.env.d.ts``)."""
    name = posixpath.basename(path)
    if name != ".env" and not name.startswith(".env."):
        return False
    modes = name.lower().split(".")[2:]
    return not _TEMPLATES.intersection(modes) and not (modes and modes[-1] in ("js", "ts", "json", "mjs", "cjs"))


def is_development_env(path: str) -> bool:
    """Whether the env file ``path`` is read only by a development, test, staging or local build."""
    return bool(NOT_RELEASE.intersection(posixpath.basename(path).lower().split(".")[2:]))


def is_release_env(path: str) -> bool:
    """Whether ``path`` is the env file of a production build (``.env.production``, ``.env.prod``): its values
    override those of ``.env`` in the build uploaded for review."""
    return is_env_file(path) and bool(RELEASE_WORDS.intersection(posixpath.basename(path).lower().split(".")[2:])) \
        and not is_development_env(path)


def build_stage(path: str) -> int:
    """Which build reads the file ``path``: ``RELEASE_STAGE`` for a production build's config or env file
    (``.env.production``, ``configs/prod.env.js``, ``config/prod.js``, ``config.release.ts``),
    ``DEVELOPMENT_STAGE`` for a development, test or staging one (``.env.development``, ``dev.env.js``,
    ``config/dev.js``, ``env.test.js``), else ``ANY_STAGE`` (a shared config such as ``.env`` or
    ``config/index.js``, and every file that is no configuration: a page named ``test`` is no test config).
    The build uploaded for review is a release one (https://developers.weixin.qq.com/miniprogram/dev/framework/quickstart/release.html).
    Nothing raises."""
    if is_env_file(path):
        return RELEASE_STAGE if is_release_env(path) else DEVELOPMENT_STAGE if is_development_env(path) else ANY_STAGE
    if is_dev_file(path):
        return DEVELOPMENT_STAGE
    name = [w for part in posixpath.basename(path).split(".")[:-1] for w in words(part)]
    folder = posixpath.basename(posixpath.dirname(path)).lower()
    if folder not in _CONFIG_WORDS and not _CONFIG_WORDS.intersection(name):
        return ANY_STAGE
    return RELEASE_STAGE if RELEASE_WORDS.intersection(name) else \
        DEVELOPMENT_STAGE if NOT_RELEASE.intersection(name) else ANY_STAGE


def env_facts(text: str, path: str) -> FileFacts:
    """The ``host:`` facts of the env file ``path`` whose text is ``text`` (see the module docstring)."""
    from dotenv.parser import parse_stream  # here: the package loads logging (and traceback) for every run

    development = is_development_env(path)
    facts: list[Fact] = []
    for binding in parse_stream(io.StringIO(text)):
        value = (binding.value or "").strip()
        leaked = inlined_secret(binding.key, value) if binding.key is not None and not binding.error else None
        if leaked is not None and not development:
            facts.append(Fact(leaked, "api", binding.original.line, f'{binding.key}: "***"'))
        if binding.key is None or binding.error or "://" not in value:
            continue
        urls = find_urls(value)
        if not urls or len(value.split()) > 1 or not value.lower().startswith(urls[0].scheme + "://"):
            continue  # a sentence that mentions a URL, not an address variable
        url = urls[0]
        if url.is_development:
            continue  # a developer's machine or LAN: never a configurable domain
        facts.append(Fact(prefixed("host", url.host), "host", binding.original.line, url.text,
                          DEVELOPMENT if development else address_role(binding.key, url.scheme, url.is_media)))
    return FileFacts(facts=tuple(facts))


def inlined_secret(key: str, value: str) -> str | None:
    """The subject of the secret the variable ``key`` holds in ``value`` and the build writes into the code package
    (``secret:app-secret`` for an AppSecret, ``secret:pay-key`` for a WeChat Pay merchant key under a name that says
    so, ``VITE_MCH_KEY``); None for any other variable. Its name carries a client prefix (``VITE_``, ``VUE_APP_``,
    ``TARO_APP_``…: only those reach client code). The package can be unpacked, so the secret leaks
    (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html,
    https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=4_3); a variable without the prefix stays with
    the build or a server (https://vite.dev/guide/env-and-mode)."""
    prefix = next((p for p in _CLIENT_PREFIXES if key.upper().startswith(p)), None)
    if prefix is None:
        return None
    if is_secret_name(key[len(prefix):]) and is_app_secret(value):
        return "secret:app-secret"
    return "secret:pay-key" if is_pay_key_name(key[len(prefix):]) == "pay" and is_pay_key(value) else None


def address_role(key: str, scheme: str, media: bool) -> str:
    """How the code uses the address a variable named ``key`` holds: ``media`` for images and static files,
    ``socket``, ``upload`` or ``download`` when the scheme or name says so, else ``request`` (an API base)."""
    name = next((key[len(p):] for p in _CLIENT_PREFIXES if key.upper().startswith(p)), key)
    if media or names_resource_base(name) or names_image(name):
        return "media"
    if scheme in ("ws", "wss"):
        return "socket"
    words = name.lower().replace("-", "_").split("_")
    return "upload" if "upload" in words else "download" if "download" in words else "request"

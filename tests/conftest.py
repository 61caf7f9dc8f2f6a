"""Shared fixtures: real git repositories built in a temporary folder, a fake GitHub REST server on
127.0.0.1 with PyGithub clients for it, and no network."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from github import Auth, Github
from hypothesis import HealthCheck, settings

from fakegithub import TOKEN_INSTALLATION, FakeGitHub
from fakegitlab import FakeGitLab
from helpers import build_example

# Property tests assert behaviour, never speed: on a loaded CI machine Hypothesis's generation-time health check and
# per-example deadline fail tests whose properties hold (speed lives in benchmarks/).
settings.register_profile("behaviour", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("behaviour")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00+08:00", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
}


class Repo:
    """A real git repository for a test: write files, commit, and read back commit ids."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "core.autocrlf", "false")

    def git(self, *args: str) -> str:
        env = dict(os.environ, **GIT_ENV, HOME=str(self.path.parent))
        proc = subprocess.run(["git", *args], cwd=self.path, env=env, capture_output=True, check=True)
        return proc.stdout.decode("utf-8", "replace").strip()

    def write(self, rel: str, content: str | bytes) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8", newline="")
        else:
            target.write_bytes(content)

    def write_files(self, files: dict[str, str | bytes]) -> None:
        for rel, content in files.items():
            self.write(rel, content)

    def remove(self, rel: str) -> None:
        (self.path / rel).unlink()

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


MINIMAL_APP = {
    "app.json": '{\n  "pages": ["pages/index/index", "pages/me/me"]\n}\n',
    "app.js": "App({ onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => this.showPrivacyPopup(resolve)) } })\n",
    "pages/index/index.js": "Page({})\n",
    "pages/index/index.wxml": "<view>home</view>\n",
    "pages/me/me.js": "Page({})\n",
    "pages/me/me.wxml": "<view>me</view>\n",
}


def minimal_app(path: Path, extra: dict[str, str | bytes] | None = None) -> tuple[Repo, str]:
    """A new repository at ``path`` holding :data:`MINIMAL_APP` (plus ``extra``) committed once; returns it
    and the commit."""
    repo = Repo(path)
    repo.write_files({**MINIMAL_APP, **(extra or {})})
    return repo, repo.commit("base")


@pytest.fixture
def app_repo(tmp_path: Path) -> Repo:
    """A native Mini Program at the repository root with two pages, committed once."""
    return minimal_app(tmp_path / "repo")[0]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any connection to a host other than loopback fails the test (detect-secrets' habit)."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) \
                and self.family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def server() -> Iterator[FakeGitHub]:
    """A fake GitHub REST server on 127.0.0.1 holding the repository ``octo-org/mini-app``; the test
    fails if the fake crashed while answering."""
    with FakeGitHub() as fake:
        yield fake
        assert fake.errors == [], "the fake crashed while answering:\n" + "\n".join(fake.errors)


MakeClient = Callable[..., Github]


@pytest.fixture
def make_client(server: FakeGitHub) -> Iterator[MakeClient]:
    """Build PyGithub clients against the fake, lazy as the product's port is (an object is fetched when an
    attribute is read), with throttling off so tests stay fast."""
    clients: list[Github] = []

    def make(token: str | None = TOKEN_INSTALLATION, *, ghe: bool = False, retry: Any = None,
             per_page: int = 30) -> Github:
        client = Github(
            base_url=server.ghe_base_url if ghe else server.base_url,
            auth=Auth.Token(token) if token else None,
            retry=retry, per_page=per_page, timeout=5, lazy=True,
            seconds_between_requests=None, seconds_between_writes=None,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def gl() -> Iterator[FakeGitLab]:
    """A fake GitLab on 127.0.0.1 with open merge request !5; the test fails if the fake crashed."""
    with FakeGitLab() as fake:
        fake.add_merge_request(5)
        yield fake
        assert fake.errors == [], "the fake crashed while answering:\n" + "\n".join(fake.errors)


@pytest.fixture(scope="session")
def native_shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The bundled example built once per run (``examples/build_example.py``): (repository, base, head).
    Tests only read it."""
    target = tmp_path_factory.mktemp("example") / "repo"
    base, head = build_example("native-shop", target)
    return target, base, head

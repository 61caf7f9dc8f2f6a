"""The Docker action's entry point: read the runner's environment, build the real ports, call the glue.

Everything that reads ``os.environ`` for the action is here; the package gets plain values
(:class:`mp_precheck.hosts.github.event.Settings`) and ports, and is tested without this file.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from mp_precheck.core.errors import DubiousOwnership, UserError
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github import action
from mp_precheck.hosts.github.event import Settings, cache_file
from mp_precheck.hosts.github.port import HttpSettings, connect
from mp_precheck.hosts.github.runner import REPORT_DIR, FileRunner
from mp_precheck.hosts.github.workspace import hand_back, written_paths


def main(env: Mapping[str, str] | None = None, http: HttpSettings | None = None,
         stream: TextIO | None = None) -> int:
    """Run the action with the variables of ``env`` (default: ``os.environ``); return the exit code.

    ``http`` tunes retries and throttling (tests turn the waits off); ``stream`` is the log (stdout).
    """
    env = os.environ if env is None else env
    workspace = Path(env.get("GITHUB_WORKSPACE") or os.getcwd())
    runner = FileRunner(workspace, env.get("GITHUB_OUTPUT"), env.get("GITHUB_STEP_SUMMARY"), stream)
    try:
        settings = read_settings(env, workspace)
    except UserError as exc:
        runner.error(f"mp-precheck: {exc}")
        return 2
    try:
        repo = GitRepo(workspace)
    except DubiousOwnership as exc:
        runner.error(f"mp-precheck: {exc}")
        return 2
    except UserError as exc:
        runner.error(f"mp-precheck: {exc}: add actions/checkout (with fetch-depth: 0) before mp-precheck")
        return 2
    http = http or HttpSettings()
    if settings.debug:
        http = replace(http, verbose=True)
    github = connect(env.get("GITHUB_API_URL") or "https://api.github.com", _input(env, "github-token") or None,
                     settings.repository, bot_login=_input(env, "bot-login") or None, http=http)
    try:
        return action.run(settings, github, runner, repo)
    finally:
        github.close()
        # the container runs as root: what the run wrote goes back to the workspace's owner
        written = written_paths(workspace, REPORT_DIR, cache_file(settings))
        for problem in hand_back(workspace, written):
            runner.warning(f"mp-precheck: could not give {problem} back to the workspace's owner")


def read_settings(env: Mapping[str, str], workspace: Path) -> Settings:
    """The action's settings from the runner's variables and the event file.

    Raises:
        UserError: the event file cannot be read.
    """
    event_path = env.get("GITHUB_EVENT_PATH")
    event: Any = {}
    if event_path:
        try:
            event = json.loads(Path(event_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read the event file {event_path} ({exc})") from exc
    return Settings(
        event_name=env.get("GITHUB_EVENT_NAME", ""),
        repository=env.get("GITHUB_REPOSITORY", ""),
        workspace=workspace,
        event=event if isinstance(event, dict) else {},
        server_url=env.get("GITHUB_SERVER_URL") or "https://github.com",
        run_id=env.get("GITHUB_RUN_ID", ""),
        ref=env.get("GITHUB_REF", ""),
        actor=env.get("GITHUB_ACTOR", ""),
        config=_input(env, "config"),
        language=_input(env, "language"),
        fail_on=_input(env, "fail-on"),
        comment=_input(env, "comment") or "always",
        status_name=_input(env, "status-name") or "mp-precheck",
        base=_input(env, "base"),
        head=_input(env, "head"),
        mode=_input(env, "mode") or "auto",
        cache=_input(env, "cache"),
        debug=env.get("RUNNER_DEBUG") == "1",
        has_token=bool(_input(env, "github-token")),
    )


def _input(env: Mapping[str, str], name: str) -> str:
    """An action input: the runner passes ``INPUT_<NAME>`` upper-cased with hyphens kept."""
    key = f"INPUT_{name.upper()}"
    return (env.get(key) or env.get(key.replace("-", "_")) or "").strip()


if __name__ == "__main__":
    sys.exit(main())

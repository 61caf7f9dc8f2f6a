"""The GitHub Action: :func:`run` takes every object that does I/O and runs the flow the event asks for,
a pull request check (:mod:`~mp_precheck.hosts.github.pull_request`) or a release's notes
(:mod:`~mp_precheck.hosts.github.release`).

Ports: :class:`~mp_precheck.hosts.github.port.GitHubPort` (the REST API),
:class:`~mp_precheck.hosts.github.runner.RunnerIO` (the runner's log, outputs, job summary and files) and
a :class:`~mp_precheck.git.repo.GitRepo` (the checkout). Only ``entrypoint.py`` builds the real ones; the
package reads no environment variable and only ``port.py`` imports PyGithub. Every expected failure is
named and becomes one line that says what happened and the fix; the exit codes are those of the flow.
"""

from __future__ import annotations

from mp_precheck.core.errors import UserError
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.event import Settings, resolve_mode
from mp_precheck.hosts.github.port import GitHubPort
from mp_precheck.hosts.github.pull_request import run_pull_request
from mp_precheck.hosts.github.release import run_release
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.hosts.github.status import not_analysed


def run(settings: Settings, github: GitHubPort, runner: RunnerIO, repo: GitRepo) -> int:
    """Run the Action once: release mode for a pushed tag (or ``mode: release``), else the pull request
    check; return the exit code (see the flows). Never raises: a bad ``mode`` input is one line, exit 2.
    """
    try:
        mode = resolve_mode(settings)
    except UserError as exc:
        return not_analysed(settings, github, runner, None, f"mp-precheck: {exc}", 2)
    if mode == "release":
        return run_release(settings, github, runner, repo)
    return run_pull_request(settings, github, runner, repo)

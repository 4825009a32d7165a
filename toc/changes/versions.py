"""Reading a version of a document: a file, or ``REVISION:PATH`` from Git (`read_version`).

Git runs as ``git show`` with an argument list from `git_show_command` (a
pure function, no shell; a revision that looks like an option is refused),
its output bounded by ``max_bytes``.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from toc.errors import OptionError, Problem, ReadError
from toc.files import MAX_BYTES, detect_format, load, loads
from toc.model import Document

__all__ = ["git_show_command", "read_version", "split_revision"]


def split_revision(spec: str) -> tuple[str, str] | None:
    """``(revision, path)`` when ``spec`` names a Git version, None for a file.

    A spec names a file when a file of that name exists; otherwise
    ``REVISION:PATH`` names the file at ``PATH`` in a Git revision (``HEAD~3``,
    a branch, a tag, a commit; an empty revision is the staged version).
    Paths are relative to the top of the repository, or to the current
    folder when they start with ``./``, as Git reads them.

    >>> split_revision("HEAD~3:theory.yaml")
    ('HEAD~3', 'theory.yaml')
    >>> split_revision("no-such-file.yaml") is None
    True
    >>> split_revision("--output=x:theory.yaml")
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: '--output=x:theory.yaml': a Git revision cannot start with '-'
    """
    if os.path.exists(spec) or ":" not in spec:
        return None
    revision, _, path = spec.partition(":")
    if revision.startswith("-"):
        raise OptionError(f"{spec!r}: a Git revision cannot start with '-'")
    if not path:
        raise OptionError(f"{spec!r}: name a file after the colon, as in HEAD~1:theory.yaml")
    return revision, path


def git_show_command(revision: str, path: str, *, executable: str = "git") -> list[str]:
    """The argument list that prints the file at ``path`` in ``revision``.

    A pure function, so that what is run can be tested without Git; no shell
    is involved, and a revision that looks like an option is refused.

    >>> git_show_command("HEAD~3", "theory.yaml")
    ['git', 'show', '--no-textconv', 'HEAD~3:theory.yaml']
    >>> git_show_command("-p", "theory.yaml")
    Traceback (most recent call last):
    ...
    toc.errors.OptionError: '-p': a Git revision cannot start with '-'
    """
    if revision.startswith("-"):
        raise OptionError(f"{revision!r}: a Git revision cannot start with '-'")
    # --no-textconv: the file as committed, even where a diff driver is set up.
    return [executable, "show", "--no-textconv", f"{revision}:{path}"]


def _git_show(spec: str, revision: str, path: str, cwd: str | None, max_bytes: int) -> bytes:
    executable = shutil.which("git")
    if executable is None:
        raise OptionError(
            f"reading {spec!r} needs Git, and `git` is not on PATH; install Git or name a file"
        )
    try:
        process = subprocess.Popen(
            git_show_command(revision, path, executable=executable),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as err:
        raise OptionError(f"could not run git: {err.strerror}") from None
    assert process.stdout is not None and process.stderr is not None
    with process:
        data = process.stdout.read(max_bytes + 1)
        if len(data) > max_bytes:
            process.kill()
            process.wait()
            raise ReadError(
                [
                    Problem(
                        f"the file is more than the limit of {max_bytes:,} bytes",
                        hint="split the document into smaller ones",
                        file=spec,
                    )
                ]
            )
        errors = process.stderr.read(64 * 1024)
        status = process.wait()
    if status != 0:
        reason = errors.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(
            [
                Problem(
                    f"git cannot show {path!r} in revision {revision or '(staged)'!r}"
                    + (f": {reason[-1]}" if reason else ""),
                    hint="check the revision (git log) and the path: it is relative to the top "
                    "of the repository, or to the current folder when it starts with ./",
                    file=spec,
                )
            ]
        )
    return data


def read_version(
    spec: str | os.PathLike[str],
    *,
    cwd: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """A version of a document: a file, or ``REVISION:PATH`` read from Git.

    Errors are those of `toc.load` (`ReadError`, `DocumentError`, each
    located in ``spec``); an option-like revision or a missing ``git`` is an
    `OptionError`. ``cwd`` is the folder Git runs in (default: the current one).
    """
    text = os.fspath(spec)
    where = os.fspath(cwd) if cwd is not None else None
    local = text if where is None or os.path.isabs(text) else os.path.join(where, text)
    found = None if os.path.exists(local) else split_revision(text)
    if found is None:
        return load(local, max_bytes=max_bytes)
    revision, path = found
    data = _git_show(text, revision, path, where, max_bytes)
    return loads(data, format=detect_format(path), file=text, max_bytes=max_bytes)

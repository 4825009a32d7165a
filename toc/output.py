"""Writing files safely: atomically, never over an input, without leftovers.

`write_atomic` is how every command and library function writes a file:
readers see the old content or the new, never a part, and a writer killed
mid-write leaves a temporary file the next write removes. An output that is a
symbolic link is written through it: the link stays, the file it points to
gets the new content and keeps its permissions. Before anything is written,
`refuse_input_as_output` makes sure no output is one of the input documents.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path as FsPath

from toc.errors import OptionError, WriteError

__all__ = ["STALE_AFTER", "refuse_input_as_output", "write_all", "write_atomic"]


def refuse_input_as_output(
    outputs: Iterable[str | os.PathLike[str]], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Raise `OptionError` when an output file is one of the input documents.

    Every command that writes calls this before it writes: a diagram or a
    report written over its document would destroy it. The same file counts
    however it is named: another path, a symbolic link or a hard link to it
    (the same device and inode). ``-`` (standard input or output) is no file.

    >>> refuse_input_as_output(["theory.svg"], ["theory.yaml"])
    >>> try:
    ...     refuse_input_as_output(["./theory.yaml"], ["theory.yaml"])
    ... except OptionError as err:
    ...     print(str(err).partition(":")[0])
    the output ./theory.yaml is the input document theory.yaml itself
    """
    documents: dict[tuple[int, int] | str, str] = {}
    for item in inputs:
        name = os.fspath(item)
        if name != "-":
            documents[_identity(name)] = name
    for item in outputs:
        name = os.fspath(item)
        found = documents.get(_identity(name)) if name != "-" else None
        if found is not None:
            raise OptionError(
                f"the output {name} is the input document {found} itself: writing it would "
                "replace the document; write to another file"
            )


def _identity(path: str) -> tuple[int, int] | str:
    """What makes two paths the same file: device and inode, or the resolved path of a
    file that does not exist yet."""
    try:
        info = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (info.st_dev, info.st_ino)


_TEMP_PREFIX = ".toc-"
_TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"\.toc-[a-z0-9_]{8}\.tmp")
"""The temporary files of `write_atomic`: ``.toc-`` and tempfile's eight random characters."""

STALE_AFTER = 15 * 60
"""Seconds after which a temporary file of `write_atomic` is a leftover of a killed
writer (no write takes minutes), and the next write beside it removes it."""


def _remove_stale(directory: FsPath) -> None:
    """Remove the temporary files a killed `write_atomic` left in ``directory``.

    Only regular files named like ours (`_TEMP_NAME`), owned by this user and
    untouched for `STALE_AFTER` seconds: a write in progress elsewhere keeps
    its file, and nothing else is ever removed.
    """
    try:
        entries = os.scandir(directory)
    except OSError:
        return
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    with entries:
        for entry in entries:
            if not entry.name.startswith(_TEMP_PREFIX) or not _TEMP_NAME.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(info.st_mode)
                    and (uid is None or info.st_uid == uid)
                    and now - info.st_mtime > STALE_AFTER
                ):
                    os.unlink(entry.path)
            except OSError:
                continue


def _mode_for(target: FsPath) -> int:
    # An existing file keeps its permissions; a new one is readable by all
    # (mkstemp's temporary file would be 0600). Reading the umask would mean
    # changing it, which is not safe beside other threads.
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return 0o644


def _is_special(target: FsPath) -> bool:
    """Whether ``target`` exists and is neither a regular file nor a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _through_link(path: FsPath) -> FsPath:
    """The file a path names: a symbolic link's final target (the link stays a link)."""
    return FsPath(os.path.realpath(path)) if os.path.islink(path) else path


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The content goes to a temporary file beside the target (``.toc-XXXXXXXX.tmp``),
    which is then renamed over it; on any failure the temporary file is removed.
    A writer killed mid-write (``kill -9``, a power cut) leaves its temporary file:
    the next write into the same folder removes such files once they are
    `STALE_AFTER` old. A ``path`` that is a symbolic link is written through:
    the link stays, and the file it points to (beside which the temporary
    file goes) is replaced, keeping its permissions.
    """
    target = _through_link(FsPath(path))
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
    except UnicodeEncodeError as err:
        raise WriteError(
            f"cannot write {os.fspath(path)}: the text holds {err.object[err.start]!r}, "
            "half of a UTF-16 surrogate pair, which UTF-8 cannot store"
        ) from None
    if _is_special(target):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written into, never
        # replaced: renaming over it would put a plain file where the device was.
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as err:
            raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None
        return
    directory = target.parent if str(target.parent) else FsPath(".")
    _remove_stale(directory)
    try:
        # A short name of its own, not the target's: a valid name of 250
        # characters has no room for more around it.
        fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=directory)
    except OSError as err:
        raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            # On disk before the rename, so a crash leaves the old file or the new.
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"cannot write {os.fspath(path)}: {err.strerror}") from None


def write_all(files: Sequence[tuple[str | os.PathLike[str], str | bytes]]) -> list[FsPath]:
    """Write several files, each atomically, in the order given: all of them, or none new.

    If one cannot be written, the files this call created are removed again
    (files that existed before keep their new content: each was replaced
    whole), and the `WriteError` is raised. Returns the paths written (as given; a
    symbolic link is written through, `write_atomic`).

    >>> import tempfile
    >>> folder = FsPath(tempfile.mkdtemp())
    >>> [p.name for p in write_all([(folder / "a.txt", b"a"), (folder / "b.txt", b"b")])]
    ['a.txt', 'b.txt']
    """
    created: list[FsPath] = []
    written: list[FsPath] = []
    try:
        for path, content in files:
            out = FsPath(path)
            # What is created is the file a link points to, never the link.
            real = _through_link(out)
            # os.path.exists, not Path.exists: a name the system refuses (too
            # long) is no file yet, and write_atomic says why it cannot be one.
            existed = os.path.exists(real)
            write_atomic(out, content)
            written.append(out)
            if not existed:
                created.append(real)
    except WriteError:
        for out in created:
            with contextlib.suppress(OSError):
                out.unlink()
        raise
    return written

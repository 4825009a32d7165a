"""``python -m toc``: the command line, as the ``toc`` program runs it."""

from toc.cli import run

if __name__ == "__main__":
    run()

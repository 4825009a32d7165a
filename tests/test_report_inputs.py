"""What a report reads besides the document: the Word template and the logo.

A template python-docx cannot read the way the report uses it is refused by
name before anything is rendered (exit 2, nothing written); a logo is a
regular file inside the document's folder, of at most `MAX_LOGO_BYTES`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import toc
from toc.cli import main
from toc.errors import OptionError
from toc.report.write import render_report

ROOT = Path(__file__).resolve().parent.parent
NILS = ROOT / "examples/nils-2018/nils-2018.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _good_template() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _with_part(part: str, content: bytes) -> bytes:
    """The default Word document with one part replaced."""
    source = zipfile.ZipFile(io.BytesIO(_good_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            data = content if info.filename == part else source.read(info.filename)
            package.writestr(info, data)
    return out.getvalue()


BAD_TEMPLATES = [
    pytest.param("word/styles.xml", b"<w:styles><broken", id="styles-not-xml"),
    pytest.param("word/styles.xml", b"<other/>", id="styles-not-styles"),
    pytest.param("word/document.xml", b"<w:document><broken", id="document-not-xml"),
    pytest.param(
        "word/document.xml",
        f'<w:document xmlns:w="{W}"/>'.encode(),
        id="document-without-body",
    ),
    pytest.param("[Content_Types].xml", b"<Types><broken", id="content-types"),
]


@pytest.mark.parametrize(("part", "content"), BAD_TEMPLATES)
def test_a_template_that_cannot_be_read_is_refused_by_name(
    tmp_path: Path, part: str, content: bytes
) -> None:
    template = tmp_path / "mall.docx"
    template.write_bytes(_with_part(part, content))
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        main, ["report", str(NILS), "-o", str(out / "r.docx"), "--template", str(template)]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: the Word template {str(template)!r} cannot be read as a Word document: "
        "open it in Word and save it again as a Word document (.docx)\n"
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("part", "content"), BAD_TEMPLATES)
def test_template_bytes_that_cannot_be_read_are_refused(part: str, content: bytes) -> None:
    with pytest.raises(OptionError) as info:
        render_report(toc.load(NILS), "docx", template=_with_part(part, content))
    assert str(info.value) == (
        "the Word template cannot be read as a Word document: "
        "open it in Word and save it again as a Word document (.docx)"
    )


def test_a_readable_template_is_used() -> None:
    files = render_report(toc.load(NILS), "docx", template=_good_template())
    assert next(iter(files)) == "report.docx"

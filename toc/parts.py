"""The parts a document is built of: interventions, actors, nodes with their
indicators, links, and the settings of its checks and its report.

`toc.model.Document` composes them with the models of `mechanisms`; import
them from `toc.model` (or `toc`), where they are public.
"""

from __future__ import annotations

import posixpath
from pathlib import PureWindowsPath
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError

from mechanisms.types import (
    STRICT_CONFIG,
    FreeText,
    Id,
    PartialDate,
    Quantity,
    Text,
    empty_list,
)
from toc.codes import CODES, resolve
from toc.findings import Severity
from toc.hints import did_you_mean

__all__ = [
    "REPORT_SECTIONS",
    "Actor",
    "CheckSettings",
    "Indicator",
    "Intervention",
    "Link",
    "Measurement",
    "Node",
    "ReportInfo",
]

ActorKind = Literal["state", "region", "municipality", "civil_society", "private", "user", "other"]


class _Model(BaseModel):
    model_config = STRICT_CONFIG


class Intervention(_Model):
    """A case judged separately (a cluster evaluation has several)."""

    id: Id
    """Unique id in the document."""
    name: Text
    """Its name, as shown in diagrams and reports."""
    period: FreeText | None = None
    """When it ran, e.g. ``2017-03/2018-03``."""
    description: FreeText | None = None
    """Optional free text (Markdown)."""


class Actor(_Model):
    """A partner that owns or carries out elements of the chain."""

    id: Id
    """Unique id in the document."""
    name: Text
    """Its name."""
    kind: ActorKind = "other"
    """state, region, municipality, civil_society, private, user or other."""
    description: FreeText | None = None
    """Optional free text (Markdown)."""


class Measurement(_Model):
    """One value of an indicator (baseline, target or an actual reading)."""

    value: Quantity
    """The value, in the indicator's unit (at most 2**53 in size)."""
    date: PartialDate | None = None
    """When it was (or is to be) measured."""
    source: FreeText | None = None
    """Where the value comes from."""


class Indicator(_Model):
    """A measure that shows whether an outcome is reached."""

    id: Id
    """Unique id in the document."""
    name: Text
    """What is measured."""
    unit: FreeText | None = None
    """Unit of the values (``percent``, ``persons``, ...)."""
    baseline: Measurement | None = None
    """The value before the intervention."""
    target: Measurement | None = None
    """The value aimed for."""
    actual: list[Measurement] = empty_list()
    """Readings over time; the latest by date is the current one."""
    method: FreeText | None = None
    """How it is measured."""
    frequency: FreeText | None = None
    """How often it is measured."""


class Node(_Model):
    """An element of the chain: a resource, an activity or an outcome."""

    id: Id
    """Unique id in the document."""
    stage: Id
    """One of the document's ``stages``."""
    label: Text
    """The text in the diagram box."""
    interventions: list[Id] = empty_list()
    """The interventions it belongs to; absent = common to all."""
    actors: list[Id] = empty_list()
    """Who owns or carries it."""
    description: FreeText | None = None
    """Optional longer free text (Markdown)."""
    indicators: list[Indicator] = empty_list()
    """Measures of it, usually on outcomes."""


# Files write a link's start as `from`; Python code as `from_` (`from` is a
# keyword): `Link(from_="money", to="work")`, which mypy accepts with the pydantic
# plugin and without it. The shared configuration already reads fields by name;
# the class keyword says so where the plugin can see it.
class Link(_Model, populate_by_name=True):
    """A causal link from one node to another."""

    from_: Id = Field(validation_alias="from", serialization_alias="from")
    """The node the link starts at."""
    to: Id
    """The node the link ends at."""
    mechanisms: list[Id] = empty_list()
    """Mechanisms that explain it; on loading, merged into the mechanisms' ``links``."""
    feedback: bool = False
    """A deliberate loop back to an earlier stage."""
    label: FreeText | None = None
    """Optional text on the arrow."""

    @property
    def ref(self) -> str:
        """The link's reference, ``"from->to"``."""
        return f"{self.from_}->{self.to}"


# Type checkers read `validation_alias`, so `Link(from_=...)` type-checks (with
# `alias`, mypy without the pydantic plugin would want a keyword `from`). Code
# that reads a field's key in files from `FieldInfo.alias` finds it there too.
Link.model_fields["from_"].alias = "from"


def _known_check(word: str) -> str:
    if resolve(word) is None:
        close = did_you_mean(word, [c.code for c in CODES] + [c.name for c in CODES])
        raise PydanticCustomError(
            "unknown_check",
            "unknown check {word}: {hint}",
            {
                "word": repr(word),
                "value": word,
                "hint": close
                or "use a code such as TOC006 or a name such as link-without-mechanism",
            },
        )
    return word


CheckWord = Annotated[str, AfterValidator(_known_check)]
"""A check's code (``TOC006``) or name (``link-without-mechanism``)."""


class CheckSettings(_Model):
    """How `toc check` treats this document's findings, the way a linter is configured.

    Codes and names may be mixed. ``toc check --select/--ignore/--severity``
    add to these settings for one run.
    """

    select: list[CheckWord] = empty_list()
    """Report only these checks; empty = all of them."""
    ignore: list[CheckWord] = empty_list()
    """Never report these checks."""
    severity: dict[CheckWord, Severity] = Field(default_factory=dict)
    """A different severity for some checks: ``{TOC009: warning}``."""


ReportSection = Literal[
    "title_page",
    "contents",
    "summary",
    "background",
    "theory",
    "changes",
    "mechanisms",
    "rivals",
    "indicators",
    "conclusions",
    "surveys",
    "findings",
]
"""A section of the evaluation report; docs/report.md says what each holds."""

REPORT_SECTIONS: tuple[str, ...] = get_args(ReportSection)
"""The sections an evaluation report can have (``toc report --sections``), in their
usual order."""


def _no_repeats(sections: list[str]) -> list[str]:
    for index, section in enumerate(sections):
        if section in sections[:index]:
            raise ValueError(f"section {section!r} is listed twice: list each section once")
    return sections


def _picture_file(path: str) -> str:
    """A logo's path, if it names a PNG or JPEG file inside the document's folder.

    An absolute path or one that leaves the folder (``../``) is refused: a
    document names its own pictures, never another file on the machine that
    reads it (a service rendering uploaded documents would embed it).
    """
    fields = {"path": repr(path)}
    if not path.lower().endswith((".png", ".jpg", ".jpeg")) or len(path) > 1000:
        raise PydanticCustomError(
            "logo_not_picture",
            "the logo {path} is not a PNG or JPEG file: name a .png or .jpg file",
            fields,
        )
    if path.startswith(("/", "\\")) or PureWindowsPath(path).drive:
        raise PydanticCustomError(
            "logo_absolute",
            "the logo {path} is an absolute path: give its path relative to the document's file",
            fields,
        )
    # A backslash counts as a separator too, as Windows reads it.
    normal = posixpath.normpath(path.replace("\\", "/"))
    if normal == ".." or normal.startswith("../"):
        raise PydanticCustomError(
            "logo_outside",
            "the logo {path} is outside the document's folder: put it in that folder "
            "(or a folder inside it)",
            fields,
        )
    return path


Logo = Annotated[str, AfterValidator(_picture_file)]
"""A picture file: a PNG or JPEG inside the document's folder, its path relative to the
document's file."""


class ReportInfo(_Model):
    """What the evaluation report says besides the theory: its title page and its prose.

    The text fields ``summary``, ``conclusions`` and ``recommendations`` may use
    Markdown (paragraphs, lists, emphasis, links).
    """

    title: Text | None = None
    """The report's title, if it is not the document's ``title``."""
    subtitle: FreeText | None = None
    """A line under the title, such as the kind of report (*Slutrapport*)."""
    client: FreeText | None = None
    """Who commissioned the evaluation (*beställare*)."""
    evaluators: list[Text] = empty_list()
    """Who wrote it: names, with their organisation if wished."""
    date: PartialDate | None = None
    """The report's date."""
    version: FreeText | None = None
    """Its version, such as ``1.0``."""
    status: FreeText | None = None
    """Its status, such as *utkast* (draft) or *slutversion* (final)."""
    summary: FreeText | None = None
    """The summary (*sammanfattning*) the report opens with (Markdown)."""
    conclusions: FreeText | None = None
    """The conclusions the report ends with (Markdown)."""
    recommendations: FreeText | None = None
    """Recommendations, after the conclusions (Markdown)."""
    logo: Logo | None = None
    """A logo for the title page: a PNG or JPEG file in the document's folder (or a folder
    inside it), its path relative to the document's file."""
    sections: Annotated[list[ReportSection], AfterValidator(_no_repeats)] = empty_list()
    """The report's sections, in order; empty = the usual ones for the audience."""

"""The document model: policyparse's public JSON contract.

The pydantic models are the single source of the JSON Schema
(``policyparse --schema``, committed as docs/schema.json).  Field names are
part of the contract; new fields may be added, existing ones are not renamed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..version import SCHEMA_VERSION
from ..vocab import (
    Comparator,
    DiagnosticCode,
    FigureKind,
    FurnitureKind,
    NodeKind,
    NodeStyle,
    NoteCode,
    ParagraphRole,
    Role,
    SectionFunction,
    Severity,
    TargetKind,
)

__all__ = [
    "Baseline",
    "Citation",
    "Comparator",
    "Diagnostic",
    "DiagnosticCode",
    "Document",
    "Figure",
    "FigureKind",
    "Furniture",
    "FurnitureKind",
    "Horizon",
    "Issuer",
    "Node",
    "NodeKind",
    "NodeStyle",
    "NoteCode",
    "ParagraphRole",
    "ResponsibilityNote",
    "ResponsibleUnit",
    "Role",
    "SectionFunction",
    "Severity",
    "Source",
    "Target",
    "TargetKind",
]

Span = Annotated[
    tuple[int, int],
    Field(
        description=(
            "Half-open [start, end) character offsets into the decoded input text; "
            "text[start:end] is exactly what the item covers."
        )
    ),
]


class _Model(BaseModel):
    # NaN and Infinity are no values: a record holding one is refused, not read.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Diagnostic(_Model):
    """Something odd but readable in the input, with where it is."""

    code: DiagnosticCode = Field(description="Stable machine-readable code, e.g. numbering_gap.")
    message: str = Field(description="One sentence for a human.")
    span: Span | None = Field(default=None, description="Where in the text, if anywhere.")
    severity: Severity = "warning"


class Horizon(_Model):
    """The years a plan covers, as printed in its title or text: 2024—2026年."""

    start: int
    end: int
    text: str
    span: Span


class Source(_Model):
    """Where the text came from, so a result can be traced and deduplicated."""

    path: str | None = None
    format: Literal["text", "markdown", "html", "docx", "pdf", "doc"] = "text"
    encoding: str | None = Field(
        default=None, description="Encoding the bytes were decoded with; null for str input."
    )
    sha256: str = Field(description="SHA-256 of the input bytes (of the UTF-8 text for str input).")
    pages: int | None = Field(
        default=None, description="A PDF's page count; null for every other format."
    )


class Baseline(_Model):
    """The figure a target starts from: an indicator table's base-year column (2020年, 基期值)."""

    value: float
    year: int | None = Field(default=None, description="The base year, from the column's header.")


class Target(_Model):
    """A quantity the plan commits to reach, keep or not exceed."""

    text: str = Field(description="The clause stating the target, exactly as printed.")
    span: Span
    indicator: str | None = Field(default=None, description="What is measured.")
    comparator: Comparator = "="
    value: float
    value_max: float | None = Field(default=None, description="Upper end of a range.")
    unit: str | None = Field(default=None, description="As printed, with its scale: 万人.")
    base_value: float | None = Field(default=None, description="value with the scale applied.")
    base_unit: str | None = Field(default=None, description="unit without its scale: 人.")
    kind: TargetKind = "level"
    year: int | None = None
    deadline: str | None = Field(default=None, description="The year phrase as printed.")
    period: str | None = Field(
        default=None,
        description="Rate per period as printed: 每年, 年均; 累计 for a total over the plan's "
        "period (an indicator table's [13.5]).",
    )
    owners: dict[Role, list[str]] = Field(
        default_factory=dict,
        description="Who answers for the target, by role: the canonical names of the units "
        "of its node, or of the nearest ancestor that names units (implied units under "
        'their role), in the order printed: {"lead": ["市发展改革委"], …}; for a table row '
        "that names who answers for it (考核责任单位, a row of targets assigned to a body), "
        "that row's units.",
    )
    owner_path: str | None = Field(
        default=None,
        description="Path of the node whose units answer for the target (its nearest "
        "numbered ancestor's for a paragraph); null where no node above names units.",
    )
    baseline: Baseline | None = Field(
        default=None, description="Where the indicator stands in the base year (tables)."
    )
    binding: bool | None = Field(
        default=None,
        description="约束性 (true) or 预期性 (false), from an indicator table's 属性 column; "
        "null where the plan does not say.",
    )


class Figure(_Model):
    """A quantity that is not a target: a policy parameter or a baseline.

    Kept apart from targets so that a table of commitments never mixes in a
    subsidy amount (每台最高补助15万元) or a statement of the past.
    """

    kind: FigureKind
    text: str
    span: Span
    comparator: Comparator = "="
    value: float
    value_max: float | None = None
    unit: str | None = None
    base_value: float | None = None
    base_unit: str | None = None
    year: int | None = None


class ResponsibleUnit(_Model):
    """A body named as answering for a node."""

    name: str = Field(
        description="The name as printed, layout whitespace removed, without alias brackets."
    )
    aliases: list[str] = Field(default_factory=list, description="Names given in 〔…〕.")
    role: Role = "responsible"
    span: Span = Field(description="The whole mention, alias brackets included.")
    canonical: str | None = Field(default=None, description="One name per body.")
    generic: bool = Field(default=False, description="A class of bodies: 各有关部门.")


class Deadline(_Model):
    """When the task a node states is due, as the document prints it for that node."""

    text: str = Field(description="As printed: 2024年10月, 2024年底前完成, 持续推进.")
    span: Span
    date: _dt.date | None = Field(
        default=None,
        description="The last day the text allows (2024年10月 → 2024-10-31, "
        "2024年上半年 → 2024-06-30); null where the task has no end date.",
    )
    ongoing: bool = Field(default=False, description="A task with no end: 持续推进, 长期坚持.")


class Node(_Model):
    """One block of the document tree; the same shape at every level."""

    kind: NodeKind
    level: int = Field(ge=1, description="Depth in the tree, 1 = top.")
    label: str | None = Field(default=None, description="Numbering as printed: （三）, 第五条.")
    number: int | None = Field(default=None, description="Integer value of the label.")
    path: str | None = Field(
        default=None,
        description="Printed numbers of numbered ancestors and the node, joined by '.'. "
        "Attachments are A1, A2 …; null for paragraphs.",
    )
    style: NodeStyle | None = Field(default=None, description="Numbering style, e.g. cn_paren.")
    role: ParagraphRole | None = Field(
        default=None,
        description="For paragraphs that are parts of a notice: title, doc_number, "
        "addressee, signature, date, note, attachment_list.",
    )
    title: str | None = None
    text: str = Field(
        default="",
        description="The node's own text after its label, up to its first child.",
    )
    span: Span = Field(description="The whole node, children included.")
    label_span: Span | None = None
    title_span: Span | None = Field(
        default=None, description="Source range of the title; title itself has spacing removed."
    )
    text_span: Span
    page: int | None = Field(
        default=None, description="The page of a PDF the node starts on (from 1); else null."
    )
    targets: list[Target] = Field(default_factory=list)
    figures: list[Figure] = Field(
        default_factory=list,
        description="Parameters and baselines: quantities that are not targets.",
    )
    responsible_units: list[ResponsibleUnit] = Field(default_factory=list)
    implied_units: list[ResponsibleUnit] = Field(
        default_factory=list,
        description="Units an earlier note assigns to this node without printing them "
        "(以下均需试点城市政府落实，不再列出); their span points at the note.",
    )
    deadline: Deadline | None = Field(
        default=None,
        description="The node's own deadline (完成时限：2024年10月, （2024年底前完成）, "
        "（持续推进）); a target's year is in the target.",
    )
    function: SectionFunction | None = Field(
        default=None,
        description="What a top-level section is for: preamble (the text before the first "
        "section), goals (总体要求, 主要目标), tasks, safeguards (保障措施, 组织实施), review "
        "(发展基础, 发展现状), annex (附件, 附则); null below the top.",
    )
    children: list[Node] = Field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, in document order (depth first).

        ``for n in doc.walk(): n.targets`` sees every target, however deep the
        plan's numbering goes; looping over two levels of children does not.
        """
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


class ResponsibilityNote(_Model):
    """A statement about the responsibility of later nodes."""

    code: NoteCode = Field(
        description="first_listed_is_lead: 列第一位者为牵头单位，下同; "
        "applies_below: 以下均需…落实，不再列出."
    )
    text: str
    span: Span
    unit: str | None = None


class Citation(_Model):
    """A document the text cites by its title: 根据《国务院关于…的通知》（国发〔2021〕3号）."""

    title: str = Field(description="Inside 《》 as printed, layout whitespace removed.")
    number: str | None = Field(
        default=None, description="Its 文号 (or order or standard number) where printed after it."
    )
    cue: str | None = Field(
        default=None, description="The word that cites it: 根据, 按照, 贯彻落实, 为落实 …"
    )
    span: Span = Field(description="The title with its brackets.")


class Furniture(_Model):
    """Page furniture kept out of the tree but not thrown away."""

    kind: FurnitureKind = Field(
        description="source_line (a portal's 来源 line), web_trailer (navigation words), "
        "page_number, running_head (a line repeated at page edges)."
    )
    text: str
    span: Span


# The notebook display of a Document, registered by the export stage (export/notebook.py).
DISPLAY: list[Callable[[Document], str]] = []


class Issuer(_Model):
    """A body that issues the document: one of the co-issuers of a joint notice."""

    name: str = Field(description="As printed (signature block, else title), spaces removed.")
    canonical: str | None = Field(default=None, description="One name per body.")
    span: Span | None = Field(default=None, description="Where it is printed; null from a page.")


class Document(_Model):
    """A parsed plan: metadata, the tree, and what could not be read cleanly."""

    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    title_span: Span | None = None
    plan_title: str | None = Field(
        default=None, description="Title of the plan a covering notice wraps."
    )
    doc_number: str | None = Field(default=None, description="文号, e.g. 国发〔2018〕42号.")
    issuer: str | None = None
    issuers: list[Issuer] = Field(
        default_factory=list,
        description="Every issuing body, in order: the signature block's names (all of "
        "them), the title's (某部 某委关于…, 某局等四部门), else the source line's.",
    )
    published: _dt.date | None = Field(
        default=None,
        description="Publication date; the signature date where none is printed.",
    )
    signed: _dt.date | None = Field(default=None, description="Date under the signature.")
    doc_type: str | None = Field(
        default=None, description="Kind of document from its title: 实施方案, 意见, 通知 …"
    )
    horizon: Horizon | None = None
    source: Source
    children: list[Node] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    responsibility_notes: list[ResponsibilityNote] = Field(default_factory=list)
    citations: list[Citation] = Field(
        default_factory=list,
        description="The documents the text cites in 《…》, in order; its own title, the plan "
        "it issues, forms and certificates (《营业执照》) are not citations.",
    )
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    text: str | None = Field(
        default=None, description="The decoded input text, when asked for (--with-text)."
    )

    @classmethod
    def parse_file(cls, *args: object, **kwargs: object) -> Document:
        """Not pydantic's deprecated loader: say where to go instead.

        ``Document.parse_file("plan.txt")`` reads like parsing a plan, but the
        method pydantic puts here loads a JSON dump; both are easy to reach for.
        """
        raise TypeError(
            "Document.parse_file is not a parser: use policyparse.parse_file(path) to "
            "parse a plan, or Document.model_validate_json(text) to load a saved Document"
        )

    def walk(self) -> Iterator[Node]:
        """Every node of the tree, in document order (depth first)."""
        for child in self.children:
            yield from child.walk()

    def _repr_html_(self) -> str | None:
        """How Jupyter shows a Document: the view of the plan in a frame of its own.

        With its text (``parse(..., with_text=True)``), the whole view: outline, marked
        text, targets and owners; without it, a summary of the counts, since the spans
        have nothing to point into.  The export stage draws it (``DISPLAY``, which
        ``policyparse.export.notebook`` fills when it loads: the model imports no later
        stage); None, and Jupyter shows the plain repr, if it has not loaded.
        """
        return DISPLAY[0](self) if DISPLAY else None

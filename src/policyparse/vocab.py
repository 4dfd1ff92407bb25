"""The closed vocabularies of the output, as Literal types.

Every stage that produces one of these values is typed with it, and the
public models (model.document) use the same types, so a misspelt value fails
the type check instead of reaching users, and docs/schema.json lists the
values a consumer can expect.
"""

from __future__ import annotations

from typing import Literal, get_args

NodeKind = Literal["section", "measure", "paragraph", "attachment", "box"]
# Numbering styles: 一、 （一） (1) 1. ① 第一部分/篇/编 第一章 第一节 第一条, and table rows.
NodeStyle = Literal[
    "cn_dun",
    "cn_paren",
    "arabic_paren",
    "arabic",
    "circled",
    "zh_part",
    "zh_chapter",
    "zh_section",
    "zh_article",
    "table_row",
    "box",
]
# The fixed part a paragraph plays in a notice.
ParagraphRole = Literal[
    "title",
    "doc_number",
    "addressee",
    "signature",
    "date",
    "note",
    "attachment_list",
]
# A block's role: a paragraph's, or the line that opens an attachment (附件2).
BlockRole = Literal[ParagraphRole, "attachment_marker"]
FurnitureKind = Literal[
    "source_line",
    "web_trailer",
    "page_number",
    "running_head",
    "issuer_head",
    "closing",
    "page_note",
]
Comparator = Literal["=", ">", ">=", "<", "<=", "~", "range"]
TargetKind = Literal["level", "increase", "decrease"]
FigureKind = Literal["parameter", "baseline"]
QuantityKind = Literal["target", "parameter", "baseline"]
Role = Literal["lead", "responsible", "cooperating", "guiding"]
NoteCode = Literal["first_listed_is_lead", "applies_below"]
# What a top-level section of a plan is for (structure/functions.py).
SectionFunction = Literal["preamble", "goals", "tasks", "safeguards", "review", "annex"]

# The closed lists every exporter, the view and the report walk: a new value of a
# Literal above is one line here and reaches all of them.
ROLES: tuple[Role, ...] = get_args(Role)
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
FIGURE_KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
SECTION_FUNCTIONS: tuple[SectionFunction, ...] = get_args(SectionFunction)
Severity = Literal["info", "warning", "error"]
# How undecodable bytes are treated: refused (an error) or replaced with U+FFFD.
Errors = Literal["strict", "replace"]
# The error codes of a batch's error records (docs/exports.md): the InputError family's,
# then what the batch itself records.
ErrorCode = Literal[
    "not_found",
    "not_a_file",
    "empty",
    "binary",
    "undecodable",
    "bad_format",
    "too_large",
    "unreadable",
    "error",
    "internal",
    "worker_died",
    "timeout",
]
# Why a batch left a path out (its skipped records, docs/exports.md): a file of a format
# plans come in that policyparse cannot read, a file that is no plan by its name, a
# folder it did not walk (a link to a folder, a hidden folder, one it could not list).
SkipReason = Literal[
    "unsupported_format",
    "not_a_plan",
    "link_to_folder",
    "hidden_folder",
    "unreadable_folder",
]
DiagnosticCode = Literal[
    # inputs
    "replaced_bytes",
    "replaced_surrogates",
    "encoding_guessed",
    "metadata_mismatch",
    "bad_page_metadata",
    "bad_word_numbering",
    "page_text_dropped",
    "page_too_deep",
    # text
    "invisible_characters",
    # layout
    "hard_wrap",
    "unbalanced_brackets",
    "glued_heading",
    "table_row_unreadable",
    "table_rows_missing",
    "table_unread",
    "table_too_wide",
    "too_many_cells",
    # structure
    "numbering_gap",
    "numbering_repeat",
    "duplicate_path",
    "empty_heading",
    "heading_without_body",
    "no_structure",
    "empty",
    # metadata
    "bad_date",
    "too_many_nodes",
    # extract
    "number_too_large",
    "too_many_quantities",
]

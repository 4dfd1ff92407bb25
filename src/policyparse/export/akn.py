"""Akoma Ntoso (OASIS LegalDocML 3.0) export, built with lxml.

Sections and measures become hierarchical containers with num and heading;
each gets a deterministic eId derived from its path; responsible units are
inline <organization> elements referring to TLCOrganization references, and
targets are carried in <proprietary> metadata pointing at their container.
The element rules the output follows are listed in docs/exports.md.
"""

from __future__ import annotations

import re
from typing import Any

from ..model.document import Document, Node, Target
from ..text.fold import compact

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
PP = "https://github.com/policyparse/policyparse/ns/targets/1.0"
_ELEMENT = {
    "zh_part": ("part", "part"),
    "zh_chapter": ("chapter", "chp"),
    "zh_section": ("section", "sec"),
    "zh_article": ("article", "art"),
}


# Characters XML 1.0 cannot hold (C0 controls but tab and line ends, surrogates,
# U+FFFE, U+FFFF): lxml refuses them, so they are written as U+FFFD, one for one,
# which keeps every offset into the text where it was.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _q(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


def _more_than_heading(node: Node) -> bool:
    """Whether the node's own text says more than its heading (then it gets an intro)."""
    return compact(node.text).rstrip("。:：") != (node.title or "")


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-") or "document"


class _AknWriter:
    def __init__(self, doc: Document, text: str) -> None:
        from lxml import etree

        self.E = etree
        self.doc = doc
        self.replaced = 0  # characters XML cannot hold, written as U+FFFD
        self.text = self.x(text)
        self.orgs: dict[str, str] = {}  # canonical name -> eId
        self.targets: list[tuple[str, Target]] = []  # (container eId, target)

    def x(self, value: str) -> str:
        """*value* with the characters XML 1.0 cannot hold replaced (and counted)."""
        value, n = _NOT_XML.subn("\ufffd", value)
        self.replaced += n
        return value

    def org(self, name: str) -> str:
        if name not in self.orgs:
            self.orgs[name] = f"org_{len(self.orgs) + 1}"
        return self.orgs[name]

    def lines(self, parent: Any, node: Node) -> None:
        """The node's own text, one <p> per line, with units marked inline."""
        start, end = node.text_span
        marks = sorted(
            (u.span[0], u.span[1], u)
            for u in node.responsible_units
            if start <= u.span[0] < u.span[1] <= end
        )
        pos = start
        p = self.E.SubElement(parent, _q("p"))
        last: Any = None

        def put(chunk: str) -> None:
            nonlocal p, last
            parts = chunk.split("\n")
            for k, part in enumerate(parts):
                if k:
                    p = self.E.SubElement(parent, _q("p"))
                    last = None
                if not part:
                    continue
                if last is None:
                    p.text = (p.text or "") + part
                else:
                    last.tail = (last.tail or "") + part

        for a, b, unit in marks:
            if a < pos:
                continue
            put(self.text[pos:a])
            org = self.E.SubElement(p, _q("organization"))
            org.set("refersTo", "#" + self.org(unit.canonical or unit.name))
            org.set("class", unit.role)
            org.text = self.text[a:b]
            last = org
            pos = b
        put(self.text[pos:end])

    def container(self, parent: Any, node: Node, prefix: str, index: int) -> None:
        if node.kind == "paragraph":
            eid = f"{prefix}para_{index}"
            el = self.E.SubElement(parent, _q("hcontainer"), name="paragraph", eId=eid)
            if node.role:
                el.set("class", node.role)
        else:
            tag, abbr = _ELEMENT.get(node.style or "", ("hcontainer", "hcontainer"))
            if node.kind == "attachment":
                tag, abbr = "hcontainer", "att"
            eid = f"{prefix}{abbr}_{node.number}"
            el = self.E.SubElement(parent, _q(tag), eId=eid)
            if tag == "hcontainer":
                el.set("name", node.kind)
            if node.label:
                self.E.SubElement(el, _q("num")).text = self.x(node.label)
            if node.title:
                self.E.SubElement(el, _q("heading")).text = self.x(node.title)
        for t in node.targets:
            self.targets.append((eid, t))
        if node.children:
            if node.kind != "paragraph" and _more_than_heading(node):
                self.lines(self.E.SubElement(el, _q("intro")), node)
            paragraphs = 0
            for child in node.children:
                if child.kind == "paragraph":
                    paragraphs += 1
                self.container(el, child, eid + "__", paragraphs)
        else:
            self.lines(self.E.SubElement(el, _q("content")), node)

    def build(self) -> Any:
        E, doc = self.E, self.doc
        root = E.Element(_q("akomaNtoso"), nsmap={None: AKN})
        body_doc = E.SubElement(root, _q("doc"), name=doc.doc_type or "document")
        meta = E.SubElement(body_doc, _q("meta"))
        if doc.title:
            preface = E.SubElement(body_doc, _q("preface"))
            E.SubElement(
                E.SubElement(preface, _q("p"), {"class": "title"}), _q("docTitle")
            ).text = self.x(doc.title)
            if doc.doc_number:
                p = E.SubElement(preface, _q("p"), {"class": "number"})
                E.SubElement(p, _q("docNumber")).text = self.x(doc.doc_number)
        main = E.SubElement(body_doc, _q("mainBody"))
        paragraphs = 0
        for node in doc.children:
            if node.kind == "paragraph":
                paragraphs += 1
            self.container(main, node, "", paragraphs)
        self.meta(meta)
        return root

    def meta(self, meta: Any) -> None:
        """<meta>: the FRBR identification, the organisations referred to, the targets."""
        self._identification(meta)
        self._references(meta)
        if self.targets:
            self._targets(meta)

    def _identification(self, meta: Any) -> None:
        """Work, expression and manifestation, named by date and 文号 (or title, or hash)."""
        E, doc = self.E, self.doc
        date = doc.published or doc.signed
        day = date.isoformat() if date else "0001-01-01"
        name = _slug(doc.doc_number or doc.title or (doc.source.sha256[:12]))
        work = f"/akn/cn/doc/{day}/{name}"
        ident = E.SubElement(meta, _q("identification"), source="#policyparse")
        levels = [
            ("FRBRWork", work, work + "/!main"),
            ("FRBRExpression", work + "/zho@", work + "/zho@/!main"),
            ("FRBRManifestation", work + "/zho@.xml", work + "/zho@/!main.xml"),
        ]
        for tag, uri, this in levels:
            el = E.SubElement(ident, _q(tag))
            E.SubElement(el, _q("FRBRthis"), value=this)
            E.SubElement(el, _q("FRBRuri"), value=uri)
            if tag == "FRBRWork":
                self._work(el, day, date is not None)
            elif tag == "FRBRExpression":
                E.SubElement(el, _q("FRBRdate"), date=day, name="expression")
                E.SubElement(el, _q("FRBRauthor"), href="#issuer")
                E.SubElement(el, _q("FRBRlanguage"), language="zho")
            else:
                E.SubElement(el, _q("FRBRdate"), date=day, name="transform")
                E.SubElement(el, _q("FRBRauthor"), href="#policyparse")

    def _work(self, el: Any, day: str, dated: bool) -> None:
        """The work's own fields: its date, author, country, and 文号 and title when known."""
        E, doc = self.E, self.doc
        E.SubElement(el, _q("FRBRdate"), date=day, name="published" if dated else "unknown")
        E.SubElement(el, _q("FRBRauthor"), href="#issuer")
        E.SubElement(el, _q("FRBRcountry"), value="cn")
        if doc.doc_number:
            E.SubElement(el, _q("FRBRnumber"), value=self.x(doc.doc_number))
        if doc.title:
            E.SubElement(el, _q("FRBRname"), value=self.x(doc.title))

    def _references(self, meta: Any) -> None:
        """The organisations: policyparse, the issuer, and every unit marked in the text."""
        E = self.E
        refs = E.SubElement(meta, _q("references"), source="#policyparse")
        E.SubElement(
            refs,
            _q("TLCOrganization"),
            eId="policyparse",
            href="/ontology/organization/policyparse",
            showAs="policyparse",
        )
        issuer = self.x(self.doc.issuer or "unknown")
        E.SubElement(
            refs,
            _q("TLCOrganization"),
            eId="issuer",
            href=f"/ontology/organization/cn/{issuer}",
            showAs=issuer,
        )
        for name, eid in self.orgs.items():
            E.SubElement(
                refs,
                _q("TLCOrganization"),
                eId=eid,
                href=f"/ontology/organization/cn/{self.x(name)}",
                showAs=self.x(name),
            )

    def _targets(self, meta: Any) -> None:
        """The targets, in policyparse's own namespace: Akoma Ntoso has no element for them."""
        E = self.E
        prop = E.SubElement(meta, _q("proprietary"), source="#policyparse")
        box = E.SubElement(prop, f"{{{PP}}}targets", nsmap={"pp": PP})
        for k, (eid, t) in enumerate(self.targets, 1):
            attrs = self._target_attrs(k, eid, t)
            E.SubElement(box, f"{{{PP}}}target", attrs).text = self.x(t.text)

    def _target_attrs(self, k: int, eid: str, t: Target) -> dict[str, str]:
        """A target's attributes: the fields it always has, then those it has a value for."""
        attrs = {
            "eId": f"tgt_{k}",
            "href": f"#{eid}",
            "indicator": self.x(t.indicator or ""),
            "comparator": t.comparator,
            "value": repr(t.value),
            "kind": t.kind,
            "start": str(t.span[0]),
            "end": str(t.span[1]),
        }
        optional = {
            "valueMax": t.value_max,
            "unit": t.unit,
            "baseValue": t.base_value,
            "baseUnit": t.base_unit,
            "year": t.year,
            "deadline": t.deadline,
            "period": t.period,
        }
        attrs.update(
            {
                k2: repr(v) if isinstance(v, float) else self.x(str(v))
                for k2, v in optional.items()
                if v is not None
            }
        )
        return attrs


def to_akn(doc: Document, text: str) -> bytes:
    """The document as Akoma Ntoso XML; *text* is the decoded input the spans point into."""
    return to_akn_counted(doc, text)[0]


def to_akn_counted(doc: Document, text: str) -> tuple[bytes, int]:
    """to_akn, and how many characters XML 1.0 cannot hold were written as U+FFFD.

    (Counted where written: a character of the title counts in the heading and
    in the text.)

    Control characters (other than tab and line ends) are legal in a plan's text
    but not in XML; where there were any, a comment at the top of the document
    says how many were replaced.
    """
    from lxml import etree

    writer = _AknWriter(doc, text)
    root = writer.build()
    if writer.replaced:
        root.addprevious(
            etree.Comment(
                f" policyparse: {writer.replaced} character(s) XML 1.0 cannot hold "
                "(control characters) written as U+FFFD "
            )
        )
    xml: bytes = etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return xml, writer.replaced

"""A report template checked before it is stored: every tag well formed and closed, every
field one that FIELDS documents, each mistake named with its place in the document
("paragraph 12", "table 2, row 3, cell 1") so that it is mended in Word, not discovered
when a report is due."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from docx import Document
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from reporting.documents.context import FIELD_KEYS

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
# docxtpl's own markers after the opening brace: a table row, cell, paragraph or run.
DOCXTPL_PREFIX = re.compile(r"^\{([{%])\s*(?:tr|tc|p|r)\s")
OPENERS = {"for": "endfor", "if": "endif"}
STATEMENTS = {"for", "endfor", "if", "elif", "else", "endif", "set"}
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
LOOP_KEYS = ("index", "index0", "first", "last", "length", "revindex", "revindex0")


class TemplateMistake(Exception):
    """What is wrong with a template, each mistake with its place."""

    def __init__(self, mistakes: list[str]):
        super().__init__("; ".join(mistakes))
        self.mistakes = mistakes


def environment() -> SandboxedEnvironment:
    """Templates are uploaded by people: they run sandboxed, with no access to Python's insides."""
    return SandboxedEnvironment(autoescape=True)


@dataclass
class Place:
    where: str
    text: str

    def __str__(self) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.where} (“{excerpt}”)"


def _paragraphs(document) -> list[Place]:
    """Every paragraph of the body in order, with where it is: tables counted in order."""
    body = document.element.body
    tables = {table: index for index, table in enumerate(body.iter(qn("w:tbl")), start=1)}
    places = []
    for count, paragraph in enumerate(body.iter(qn("w:p")), start=1):
        text = "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
        cell = next((node for node in paragraph.iterancestors(qn("w:tc"))), None)
        if cell is None:
            where = _("paragraph %(number)s") % {"number": count}
        else:
            row = cell.getparent()
            table = row.getparent()
            where = _("table %(table)s, row %(row)s, cell %(cell)s") % {
                "table": tables.get(table, "?"),
                "row": list(table.iterchildren(qn("w:tr"))).index(row) + 1,
                "cell": list(row.iterchildren(qn("w:tc"))).index(cell) + 1,
            }
        places.append(Place(where, text))
    for number, part in enumerate(_margins(document), start=1):
        for count, paragraph in enumerate(part.iter(qn("w:p")), start=1):
            text = "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
            where = _("header or footer %(part)s, paragraph %(number)s") % {"part": number, "number": count}
            places.append(Place(where, text))
    return places


def _margins(document) -> list:
    """The XML of each header and footer, once each (sections may share them)."""
    found = {}
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                found.setdefault(id(part._element), part._element)
    return list(found.values())


def _plain(tag: str) -> str:
    return DOCXTPL_PREFIX.sub(r"{\1 ", tag)


def _tag_mistakes(env, places: list[Place]) -> list[str]:
    """Tags not closed or not well formed, and blocks opened and not closed (or the reverse)."""
    mistakes, open_blocks = [], []
    for place in places:
        text = place.text
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            mistakes.append(_("%(place)s: a tag is not closed") % {"place": place})
            continue
        for tag in TAG.findall(text):
            tag = _plain(tag)
            if tag.startswith("{{"):
                problem = _syntax(env, tag)
            elif tag.startswith("{%"):
                problem = _statement(env, tag, place, open_blocks)
            else:
                problem = None
            if problem:
                mistakes.append(f"{place}: {tag}: {problem}")
    for word, place in open_blocks:
        mistakes.append(_("%(place)s: “%(tag)s” is never closed") % {"place": place, "tag": word})
    return mistakes


def _syntax(env, source: str) -> str | None:
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        return error.message
    return None


def _statement(env, tag: str, place: Place, open_blocks: list) -> str | None:
    words = tag[2:-2].split()
    word = words[0] if words else ""
    if word not in STATEMENTS:
        return _("unknown tag “%(word)s”") % {"word": word}
    if word in OPENERS:
        open_blocks.append((word, place))
        return _syntax(env, tag + "{% " + OPENERS[word] + " %}")
    if word in ("elif", "else"):
        if not open_blocks or (word == "elif" and open_blocks[-1][0] != "if"):
            return _("“%(word)s” outside a block") % {"word": word}
        return _syntax(env, "{% if 1 %}" + tag + "{% endif %}") if word == "elif" else None
    if word == "set":
        return _syntax(env, tag)
    opener = {closing: opening for opening, closing in OPENERS.items()}[word]
    if not open_blocks or open_blocks[-1][0] != opener:
        return _("“%(word)s” without its “%(opener)s”") % {"word": word, "opener": opener}
    open_blocks.pop()
    return None


def _unknown_fields(node, scope: dict) -> list[str]:
    """The names (and keys of known fields) used but not documented, given the loop
    variables in scope (name → the keys its rows have, or None for anything)."""
    found = []
    if isinstance(node, nodes.For):
        found += _unknown_fields(node.iter, scope)
        keys = FIELD_KEYS.get(node.iter.name) if isinstance(node.iter, nodes.Name) else None
        inner = dict(scope, loop=LOOP_KEYS)
        for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
            inner[target.name] = keys
        for child in [*node.body, *([node.test] if node.test else [])]:
            found += _unknown_fields(child, inner)
        for child in node.else_:
            found += _unknown_fields(child, scope)
        return found
    if isinstance(node, nodes.Assign):
        for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
            scope[target.name] = None
        return _unknown_fields(node.node, scope)
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.ctx == "load":
        name = node.node.name
        keys = scope[name] if name in scope else FIELD_KEYS.get(name)
        if keys is not None and node.attr not in keys:
            return [*_unknown_fields(node.node, scope), f"{name}.{node.attr}"]
    if isinstance(node, nodes.Name) and node.ctx == "load":
        return [] if node.name in scope or node.name in FIELD_KEYS else [node.name]
    for child in node.iter_child_nodes():
        found += _unknown_fields(child, scope)
    return found


def _where(name: str, places: list[Place]) -> str:
    short = name.split(".")[-1]
    for place in places:
        if any(re.search(rf"\b{re.escape(short)}\b", tag) for tag in TAG.findall(place.text)):
            return str(place)
    return _("somewhere in the document")


def check_template(content: bytes) -> None:
    """Raise TemplateMistake listing every mistake of the .docx `content`, each with its place."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
        # Read from the archive's directory before anything is unpacked: a small upload
        # must not expand into gigabytes.
        if expanded > MAX_EXPANDED_BYTES:
            raise TemplateMistake([_("The document is too large once unpacked.")])
        document = Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateMistake([_("This is not a Word document (.docx).")]) from error
    env = environment()
    places = _paragraphs(document)
    mistakes = _tag_mistakes(env, places)
    if mistakes:
        raise TemplateMistake(mistakes)
    from docxtpl import DocxTemplate

    template = DocxTemplate(io.BytesIO(content))
    # The body, then each header and footer, as docxtpl hands them to Jinja.
    parts = [document.element.body, *_margins(document)]
    source = "".join(template.patch_xml(template.xml_to_string(part)) for part in parts)
    try:
        tree = env.parse(source)
        env.compile(tree)
    except TemplateSyntaxError as error:
        raise TemplateMistake([error.message]) from error
    except Exception as error:  # an unknown filter or test: Jinja names it in its message
        raise TemplateMistake([str(error)]) from error
    unknown = list(dict.fromkeys(_unknown_fields(tree, dict.fromkeys(env.globals))))
    if unknown:
        message = _("%(place)s: unknown field “%(name)s”")
        raise TemplateMistake([message % {"place": _where(name, places), "name": name} for name in unknown])

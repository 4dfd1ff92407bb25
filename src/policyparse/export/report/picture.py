"""The co-responsibility network as a static SVG picture: laid out here, no script.

The units named on the most measures are placed by a small force-directed layout
(Fruchterman and Reingold's, seeded on a circle, so the same corpus gives the same
picture) and drawn as circles sized by measures and coloured by level, joined by
lines as thick as the number of measures they share.  Each unit links to its
targets in the report's targets table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ...errors import counted
from ..html import Html
from ..network import Network, level_of

LEVELS = ("national", "province", "city", "prefecture", "district", "county", "")
_W, _H, _PAD = 960, 620, 60


@dataclass(frozen=True)
class Placed:
    """A unit in the picture: where, how big, what level."""

    name: str
    x: float
    y: float
    measures: int
    level: str


def choose(net: Network, most: int = 40) -> tuple[list[str], list[tuple[str, str, int]]]:
    """The *most* units named on the most measures, and the co edges among them; a unit
    joined to none of the others is left out (it works with no one shown)."""
    ranked = sorted(net.units.items(), key=lambda kv: (-kv[1].measures, kv[0]))
    names = [n for n, u in ranked if u.measures > 0][:most]
    chosen = set(names)
    edges = [(a, b, w) for kind, a, b, w, _ in net.edges("co") if a in chosen and b in chosen]
    joined = {a for a, _, _ in edges} | {b for _, b, _ in edges}
    return [n for n in names if n in joined], edges


def layout(
    names: list[str], edges: list[tuple[str, str, int]], rounds: int = 300
) -> list[tuple[float, float]]:
    """Positions in [0, 1]²: each connected group laid out by Fruchterman–Reingold from a
    circle (deterministic), then the groups packed in rows, the largest first."""
    index = {name: i for i, name in enumerate(names)}
    groups = _groups(len(names), [(index[a], index[b]) for a, b, _ in edges])
    pairs = [(index[a], index[b], 1 + math.log1p(w) / 3) for a, b, w in edges]
    pos: list[tuple[float, float]] = [(0.0, 0.0)] * len(names)
    shelf_x = shelf_y = row_h = 0.0
    sides = [len(g) ** 0.8 for g in groups]
    width = max(sides[0] * 1.5, math.sqrt(sum(x * x for x in sides)) * 1.5) if sides else 1.0
    for group, side in zip(groups, sides, strict=True):
        local = _spring(group, [p for p in pairs if p[0] in group], rounds)
        if shelf_x + side > width and shelf_x > 0:
            shelf_x, shelf_y, row_h = 0.0, shelf_y + row_h, 0.0
        for i, (x, y) in local.items():
            pos[i] = (shelf_x + 0.1 * side + 0.8 * side * x, shelf_y + 0.1 * side + 0.8 * side * y)
        shelf_x += side
        row_h = max(row_h, side)
    return _fit(pos, square=False)


def _groups(n: int, links: list[tuple[int, int]]) -> list[set[int]]:
    """The connected groups of nodes 0…n-1, largest first (then by first node)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(a)] = root(b)
    found: dict[int, set[int]] = {}
    for i in range(n):
        found.setdefault(root(i), set()).add(i)
    return sorted(found.values(), key=lambda g: (-len(g), min(g)))


def _spring(
    group: set[int], pairs: list[tuple[int, int, float]], rounds: int
) -> dict[int, tuple[float, float]]:
    """One group's positions in [0, 1]² (a single node at the middle)."""
    members = sorted(group)
    n = len(members)
    if n == 1:
        return {members[0]: (0.5, 0.5)}
    at = {m: k for k, m in enumerate(members)}
    pos = [[math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)] for k in range(n)]
    local = [(at[a], at[b], w) for a, b, w in pairs]
    k = 3.0 / math.sqrt(n)
    step = 0.3
    for _ in range(rounds):
        move = [[0.0, 0.0] for _ in range(n)]
        _repel(pos, move, k)
        _attract(pos, move, local, k)
        for i in range(n):
            dx, dy = move[i]
            d = math.hypot(dx, dy) or 1e-9
            pos[i][0] += dx / d * min(d, step)
            pos[i][1] += dy / d * min(d, step)
        step = max(step * 0.98, 0.002)
    fitted = _fit([(x, y) for x, y in pos])
    return {m: fitted[at[m]] for m in members}


def _fit(pos: list[tuple[float, float]], square: bool = True) -> list[tuple[float, float]]:
    """Positions scaled into [0, 1]², keeping their proportions when *square*."""
    if not pos:
        return []
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    wide, high = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    if square:
        wide = high = max(wide, high)
    return [((x - min(xs)) / wide, (y - min(ys)) / high) for x, y in pos]


def _repel(pos: list[list[float]], move: list[list[float]], k: float) -> None:
    n = len(pos)
    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d2 = dx * dx + dy * dy or 1e-6
            f = k * k / d2
            move[i][0] += dx * f
            move[i][1] += dy * f
            move[j][0] -= dx * f
            move[j][1] -= dy * f


def _attract(
    pos: list[list[float]], move: list[list[float]], pairs: list[tuple[int, int, float]], k: float
) -> None:
    for i, j, w in pairs:
        dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
        d = math.hypot(dx, dy)
        f = d * w / k
        move[i][0] -= dx * f
        move[i][1] -= dy * f
        move[j][0] += dx * f
        move[j][1] += dy * f


def place(
    net: Network, national: frozenset[str], most: int = 40
) -> tuple[list[Placed], list[tuple[str, str, int]]]:
    """The units of the picture with their places, and its edges."""
    names, edges = choose(net, most)
    spots = layout(names, edges)
    placed = [
        Placed(
            name,
            _PAD + x * (_W - 2 * _PAD),
            _PAD + y * (_H - 2 * _PAD),
            net.units[name].measures,
            level_of(name, national)[0],
        )
        for name, (x, y) in zip(names, spots, strict=True)
    ]
    return placed, edges


def draw(
    h: Html, parent: Any, placed: list[Placed], edges: list[tuple[str, str, int]], caption: str
) -> None:
    """The picture: lines, then circles with labels, each unit a link to its targets."""
    fig = h.el(parent, "figure", class_="chart network")
    h.el(fig, "figcaption", caption)
    if not placed:
        h.el(fig, "p", "No units are named on the same measures.")
        return
    svg = h.el(
        fig,
        "svg",
        viewBox=f"0 0 {_W} {_H}",
        width=str(_W),
        height=str(_H),
        role="img",
        aria_label=f"{caption}: {counted(len(placed), 'unit')}, {counted(len(edges), 'link')}",
        id="network-svg",
    )
    where = {p.name: p for p in placed}
    most = max((w for _, _, w in edges), default=1)
    for a, b, w in edges:
        pa, pb = where[a], where[b]
        line = h.el(
            svg,
            "line",
            x1=f"{pa.x:.1f}",
            y1=f"{pa.y:.1f}",
            x2=f"{pb.x:.1f}",
            y2=f"{pb.y:.1f}",
            class_="edge",
            stroke_width=f"{0.6 + 4 * w / most:.2f}",
        )
        h.el(line, "title", f"{a} — {b}: {counted(w, 'measure')}")
    biggest = max(p.measures for p in placed)
    for p in placed:
        link = h.el(svg, "a", href=f"#targets:owner={quote(p.name)}", class_="unit-link")
        r = 4 + 14 * math.sqrt(p.measures / biggest)
        circle = h.el(
            link,
            "circle",
            cx=f"{p.x:.1f}",
            cy=f"{p.y:.1f}",
            r=f"{r:.1f}",
            class_=f"lv lv-{p.level or 'unknown'}",
        )
        level = p.level or "level unknown"
        h.el(circle, "title", f"{p.name}: {counted(p.measures, 'measure')} ({level})")
        label = p.name if len(p.name) <= 10 else p.name[:9] + "…"
        h.el(link, "text", label, x=f"{p.x:.1f}", y=f"{p.y - r - 3:.1f}", text_anchor="middle")
    _legend(h, fig, placed)


def _legend(h: Html, fig: Any, placed: list[Placed]) -> None:
    shown = [lv for lv in LEVELS if any(p.level == lv for p in placed)]
    ul = h.el(fig, "ul", class_="legend", aria_label="Levels")
    for lv in shown:
        li = h.el(ul, "li")
        h.el(li, "span", "●", class_=f"dot lv-{lv or 'unknown'}")
        li[-1].tail = f" {lv or 'level unknown'}"

"""A Neo4j Browser guide for analysts, served by the service and built from the Cypher files.

In Neo4j Browser (whose local server allows remote content from localhost and 127.0.0.1):

    :play http://127.0.0.1:8000/browser-guide
    :style http://127.0.0.1:8000/browser-guide/style.grass

The guide walks through the model, "who is near this skill", a gig's candidates and every
analytics metric. Each slide shows a query file's header as its explanation and its `:param`
lines and body as runnable blocks (a click puts them in the editor), so the guide always runs
exactly the queries the API runs. Browser fetches both from its own origin, with a CORS
preflight, so `open_to_neo4j_browser` opens each endpoint to any origin (both are public).
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib.resources import files

from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import request_response
from starlette.types import ASGIApp

from graph.queries import cypher

STYLE = files("service") / "browser_style.grass"
PARAM_PREFIX = "// :param "


@dataclass(frozen=True)
class Slide:
    title: str
    lead: str
    queries: tuple[str, ...]


SLIDES = (
    Slide("The model", "People, skills, gigs and departments in one graph.",
          ("analytics/explore_model",)),
    Slide("Who is near this skill", "Holders and aspirants of a skill and its neighbours.",
          ("analytics/explore_skill_neighbourhood", "matching/people_near_skill")),
    Slide("A gig's candidates", "Who could take a gig, and whom each requirement reaches.",
          ("analytics/explore_gig_candidates", "matching/candidate_reach")),
    Slide("Fill rate and speed", "Share of published gigs filled, and how fast.",
          ("analytics/fill_rate",)),
    Slide("Savings", "Internal hours valued at external rates.", ("analytics/savings",)),
    Slide("Utilisation", "Gig hours committed against capacity offered; the bench.",
          ("analytics/utilisation", "analytics/bench_by_skill")),
    Slide("Collaboration", "Who works with whom across departments (the API adds networkx: "
          "density, modularity, brokers).", ("analytics/collaboration_edges",)),
    Slide("Skill growth", "New skills, levels gained, aspirations realised.",
          ("analytics/skill_growth",)),
    Slide("Internal mobility", "Who worked outside their department.",
          ("analytics/internal_mobility",)),
    Slide("Managers as talent catalysts", "Reports growing elsewhere; approval speed.",
          ("analytics/manager_catalysts",)),
    Slide("Skill risk", "Skills a department would lose with one or two people.",
          ("analytics/skill_risk",)),
    Slide("Engagement and manager sentiment", "Pulse answers per quarter and department: "
          "counters only, never a person (the API folds groups under the anonymity floor into "
          "their parent department before it shows them).",
          ("analytics/pulse_groups", "analytics/pulse_scores")),
    Slide("Champions", "Whom to ask for a story: well-rated gigs, departments helped, "
          "endorsements given (the API adds the brokers networkx finds).",
          ("analytics/champions",)),
)  # fmt: skip


@dataclass(frozen=True)
class QueryParts:
    """A query file split into its explanation, its `:param` commands and its body."""

    explanation: str
    params: list[str]
    body: str

    @classmethod
    def of(cls, name: str) -> QueryParts:
        lines = cypher(name).splitlines()
        header_end = next(
            (i for i, line in enumerate(lines) if not line.startswith("//")), len(lines)
        )
        header = lines[:header_end]
        return cls(
            explanation=" ".join(
                line.removeprefix("//").strip()
                for line in header
                if not line.startswith(PARAM_PREFIX)
            ),
            params=[
                ":param " + line.removeprefix(PARAM_PREFIX)
                for line in header
                if line.startswith(PARAM_PREFIX)
            ],
            body="\n".join(lines[header_end:]).strip(),
        )


def _runnable(text: str) -> str:
    return f'<pre class="runnable">{html.escape(text)}</pre>'


def _query_html(name: str) -> str:
    parts = QueryParts.of(name)
    blocks = [
        f"<h4><code>cypher/{html.escape(name)}.cypher</code></h4>",
        f"<p>{html.escape(parts.explanation)}</p>",
        *(_runnable(param) for param in parts.params),
        _runnable(parts.body),
    ]
    return "\n".join(blocks)


def _slide_html(slide: Slide, extra: str = "") -> str:
    return (
        '<slide class="row-fluid">\n'
        f'<div class="col-sm-3"><h3>{html.escape(slide.title)}</h3>'
        f'<p class="lead">{html.escape(slide.lead)}</p></div>\n'
        f'<div class="col-sm-9">{extra}'
        + "\n".join(_query_html(name) for name in slide.queries)
        + "</div>\n</slide>"
    )


def guide_html(style_url: str) -> str:
    """The whole guide; `style_url` is where this service serves the GraSS style."""
    welcome = (
        "<p>Apply the project's style first, so people show their name, skills their label, "
        "gigs their title and departments their name:</p>" + _runnable(f":style {style_url}")
    )
    slides = [_slide_html(SLIDES[0], welcome)] + [_slide_html(slide) for slide in SLIDES[1:]]
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        "<title>talentgraph: exploring the marketplace</title></head><body>\n"
        '<article class="guide"><carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel></article>\n</body></html>\n"
    )


async def browser_guide(request: Request) -> Response:
    style_url = str(request.url_for("browser-style"))
    return HTMLResponse(guide_html(style_url))


async def browser_style(request: Request) -> Response:
    return PlainTextResponse(STYLE.read_text(encoding="utf-8"))


def open_to_neo4j_browser(endpoint: Callable[[Request], Awaitable[Response]]) -> ASGIApp:
    """`endpoint` answering Neo4j Browser's cross-origin fetch, preflight included."""
    return CORSMiddleware(
        request_response(endpoint), allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"]
    )

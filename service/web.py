"""The web app on the API's origin: the built files of `web/` at `/`, GraphiQL's page.

- Hashed assets (`/assets/…`, named by their content) are cached for a year, immutable.
- A page the browser navigates to (`Accept: text/html`) that names no file answers `index.html`
  (the app routes in the browser), never cached, so a new build is picked up on the next visit;
  anything else that is not there is a 404 (so a script calling an absent endpoint is told so).
- GraphiQL is a page of the same build (`graphiql.html`, its JavaScript and styles bundled), so it
  works on a machine without internet.
"""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
NOT_BUILT = (
    "The web app is not built: run `make web` (or `npm --prefix web run build`) and reload.\n"
)


class WebApp(StaticFiles):
    """Static files of the build with a single-page fallback."""

    def __init__(self, dist: Path) -> None:
        # html: the root is the app's page whatever the client accepts (curl, a load balancer)
        super().__init__(directory=dist, check_dir=False, html=True)
        self.dist = dist

    async def check_config(self) -> None:
        """A missing build is answered per request (503 with what to run), not a crash."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        index = self.dist / "index.html"
        if not index.is_file():
            return PlainTextResponse(NOT_BUILT, status_code=503)
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            last = path.rsplit("/", 1)[-1]
            names_a_file = path.startswith("assets/") or (last != "." and "." in last)
            navigation = "text/html" in Headers(scope=scope).get("accept", "")
            if error.status_code != 404 or names_a_file or not navigation:
                raise
            response = FileResponse(index)
        immutable = path.startswith("assets/") and response.status_code in (200, 304)
        response.headers["Cache-Control"] = IMMUTABLE if immutable else REVALIDATE
        return response


def graphiql_page(dist: Path) -> Response:
    """GraphiQL's page from the build, or a plain explanation when the app is not built."""
    page = dist / "graphiql.html"
    if not page.is_file():
        return PlainTextResponse(NOT_BUILT, status_code=503)
    response = FileResponse(page, media_type="text/html")
    response.headers["Cache-Control"] = REVALIDATE
    return response

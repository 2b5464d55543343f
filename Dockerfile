# syntax=docker/dockerfile:1
# The service's image (docker compose up runs it). Three stages: the web app's assets, the wheel,
# built exactly as tests/test_wheel_install.py builds it, and the runtime, where that wheel is
# installed (not editable) for a user without privileges, with the web app's build beside it.
# Nothing of a developer's checkout gets in (.dockerignore: no .venv, no .talentgraph databases
# or password files).

# The web app, built from the committed lockfile and SDL (codegen reads ../schema.graphql)
FROM node:22-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY schema.graphql /src/schema.graphql
COPY web/ ./
RUN npm run build

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY . .
RUN pip install --no-cache-dir build && python -m build --wheel --outdir /dist

FROM python:3.11-slim
RUN useradd --system --create-home --uid 10001 talentgraph
COPY --from=wheel /dist/*.whl /tmp/wheels/
RUN pip install --no-cache-dir /tmp/wheels/*.whl && rm -r /tmp/wheels
COPY --from=web /src/web/dist /srv/talentgraph/web
# Production: people sign in with the identity provider (TALENTGRAPH_OIDC_ISSUER); JSON logs.
ENV TALENTGRAPH_MODE=production \
    TALENTGRAPH_HOST=0.0.0.0 \
    TALENTGRAPH_PORT=8000 \
    TALENTGRAPH_WEB_DIST=/srv/talentgraph/web \
    PYTHONUNBUFFERED=1
USER talentgraph
WORKDIR /home/talentgraph
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status != 200)"]
CMD ["talentgraph", "serve"]

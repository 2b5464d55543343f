# The web app, built from the committed lockfile and SDL (codegen reads ../schema.graphql)
FROM node:22-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY schema.graphql /src/schema.graphql
COPY web/ ./
RUN npm run build

FROM python:3.11-slim
WORKDIR /app
COPY . .
COPY --from=web /src/web/dist /app/web/dist
RUN pip install --no-cache-dir -e .
# The image serves production: it refuses to start until TALENTGRAPH_SECRET holds at least 32
# random bytes (e.g. `openssl rand -base64 32`) that were never published.
ENV TALENTGRAPH_MODE=production
EXPOSE 8000
CMD ["talentgraph", "serve"]

FROM python:3.11-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -e .
# The image serves production: it refuses to start until TALENTGRAPH_SECRET holds at least 32
# random bytes (e.g. `openssl rand -base64 32`) that were never published.
ENV TALENTGRAPH_MODE=production
EXPOSE 8000
CMD ["talentgraph", "serve"]

/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// Two pages in one build: the app (index.html) and GraphiQL (graphiql.html), both served by
// `talentgraph serve` on the API's origin. `npm run dev` proxies the API to a running service.
const api = process.env.TALENTGRAPH_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: {
    rolldownOptions: {
      input: {
        app: resolve(import.meta.dirname, "index.html"),
        graphiql: resolve(import.meta.dirname, "graphiql.html"),
      },
    },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/dev": api,
    },
  },
  test: { include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], environment: "node" },
});

// Starts the service the journeys run against (tests/web_server.py: the tests' Neo4j with a
// generated organisation, `talentgraph serve` on a free port) and stops it afterwards.
import { spawn } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.TALENTGRAPH_WEB_URL) return () => Promise.resolve();
  const python = resolve(ROOT, ".venv", "bin", "python");
  const server = spawn(python, ["-m", "tests.web_server", "--people", "300"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((done, fail) => {
    let seen = "";
    server.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const ready = /READY (\S+)/.exec(seen);
      if (ready?.[1]) done(ready[1]);
    });
    server.on("exit", (code) => {
      fail(new Error(`tests.web_server exited with ${String(code)} before it was ready`));
    });
  });
  process.env.TALENTGRAPH_WEB_URL = url;
  return async () => {
    const exited = new Promise((done) => server.on("exit", done));
    server.kill("SIGTERM");
    await exited;
  };
}

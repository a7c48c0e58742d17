// The production web server that `npm start` runs: `next start` in WEB_CONCURRENCY worker processes
// sharing one port (Node's cluster module; the primary accepts connections and hands them round).
// One Node.js process renders one page at a time, so on a 2-core machine a second process serves
// what would otherwise queue behind a long render. A worker that dies is replaced; SIGTERM/SIGINT
// stop every worker before the primary exits, so no server is left running after `npm start` stops.
//
// Usage: node --import tsx lib/cli/web-server.ts <port> <host>
import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

const [port = "3000", host = "localhost"] = process.argv.slice(2);
const requested = Number(process.env.WEB_CONCURRENCY);
const workerCount = Number.isInteger(requested) && requested > 0 ? requested : Math.min(availableParallelism(), 4);
const STOP_TIMEOUT_MS = 10_000;
// Workers that keep dying at start (a port in use, a broken build) should stop the server, not spin.
const QUICK_EXIT_MS = 15_000;
const MAX_QUICK_EXITS = 3;

const require = createRequire(import.meta.url);
cluster.setupPrimary({
  exec: require.resolve("next/dist/bin/next"),
  args: ["start", "-p", port, "-H", host],
  execArgv: [],
});

let stopping = false;
let stopCode = 0;
let quickExits = 0;
const startedAt = new Map<Worker, number>();

function fork() {
  startedAt.set(cluster.fork(), Date.now());
}

cluster.on("exit", (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker) ?? 0);
  startedAt.delete(worker);
  if (stopping) {
    if (startedAt.size === 0) process.exit(stopCode);
    return;
  }
  console.error(`Web worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}).`);
  if (lived < QUICK_EXIT_MS && ++quickExits >= MAX_QUICK_EXITS) {
    console.error("Web workers keep stopping as they start: giving up.");
    stop(1);
    return;
  }
  fork();
});

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  stopCode = code;
  if (startedAt.size === 0) process.exit(code);
  for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
  setTimeout(() => {
    for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
    process.exit(code);
  }, STOP_TIMEOUT_MS).unref();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));
for (let i = 0; i < workerCount; i++) fork();

// The background worker: started beside the web server by `npm start`, or alone with
// `npx tsx lib/jobs/worker.ts`. Schedules and handlers come from the registry.
import { getQueue, stopQueue } from "./queue";
import { jobs } from "./registry";

export async function startWorker() {
  const queue = await getQueue();
  for (const [name, job] of Object.entries(jobs)) {
    await queue.createQueue(name);
    if (job.cron) await queue.schedule(name, job.cron, {}, { tz: "Europe/London" });
    await queue.work(name, async () => {
      await job.handler();
    });
  }
  return stopQueue;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stop = await startWorker();
  console.log(`[jobs] worker running: ${Object.keys(jobs).join(", ") || "no jobs registered"}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop().then(() => process.exit(0)));
}

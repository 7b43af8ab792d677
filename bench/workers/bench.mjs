// bench/workers.sh's measurements, in bare workerd (no wrangler proxy, no miniflare): the jmcp Worker as
// `wrangler deploy --dry-run` bundles it against a hello-world Worker, interleaved in one run.
//   cold: workerd process start -> first answered MCP request, per run a fresh process (median of RUNS); and where
//         that time goes, from variants of the same bundle whose fetch answers at once (each a delta over hello-world):
//         "module" (worker.js evaluated, the wasm module compiled by workerd, nothing instantiated), "instantiated"
//         (TeaVM's instance made, its start function run), "started" (the Java application started: the whole global
//         scope), then the full Worker answering its first MCP request
//   warm: sequential requests over keep-alive after a warm-up (p50 / p95 / mean)
// Usage: node bench.mjs WORKERD JMCP_BUNDLE_DIR HELLO_FILE OUT_DIR [runs] [requests]
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import http from "node:http";

const [workerd, bundleDir, helloFile, outDir, runsArg, requestsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 15);
const REQUESTS = Number(requestsArg ?? 1000);
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), "jmcp-workers-bench-"));   // workerd configs and module copies
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function config(name, modules, port) {
  const mods = modules.map(([n, kind, file]) => `(name = "${n}", ${kind} = embed "${file}")`).join(",\n    ");
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [
    ${mods}
  ],
  compatibilityDate = "2026-11-01",
  compatibilityFlags = ["disallow_eval_during_startup"],
);
`;
}

const wasm = readdirSync(bundleDir).find((f) => f.endsWith(".wasm"));
const bundled = readFileSync(resolve(bundleDir, "worker.js"), "utf8");
// variant(name, cuts): the bundle with each [text, replacement] applied once; the text must be there, so a change to
// worker.mjs that moves it fails here rather than measuring something else.
function variant(name, cuts) {
  let text = bundled;
  for (const [from, to] of cuts) {
    if (!text.includes(from)) throw new Error(`bench: "${from}" not found in the bundled worker.js`);
    text = text.replace(from, to);
  }
  const file = join(scratch, `${name}.js`);
  writeFileSync(file, text);
  return [["worker.js", "esModule", file], [wasm, "wasm", resolve(bundleDir, wasm)]];
}
const answerAtOnce = ["return await serve(request, env);",
  'return new Response(\'{"jsonrpc":"2.0","id":1,"result":{}}\', { headers: { "content-type": "application/json" } });'];
const noAppStart = ["if (!startJava(globalEnv)) started = true;", "if (true) started = true;"];
const noInstance = ["\nawait instantiate();\n", "\n"];
const variants = {
  hello: [["worker.js", "esModule", resolve(helloFile)]],
  module: variant("module", [answerAtOnce, noAppStart, noInstance]),
  instantiated: variant("instantiated", [answerAtOnce, noAppStart]),
  started: variant("started", [answerAtOnce]),
  jmcp: [["worker.js", "esModule", resolve(bundleDir, "worker.js")], [wasm, "wasm", resolve(bundleDir, wasm)]],
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BODY = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "test_simple_text", arguments: {} } });
function post(port, body = BODY, keepAlive = true) {
  return new Promise((ok, fail) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/mcp", method: "POST", agent: keepAlive ? agent : undefined,
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" } },
      (res) => {
        let data = "";
        res.on("data", (c) => (data += c));
        res.on("end", () => ok({ status: res.statusCode, body: data }));
      });
    req.on("error", fail);
    req.end(body);
  });
}

async function startWorkerd(name) {
  const port = await freePort();
  // embed paths are relative to the config file: copy each Worker's modules beside it
  mkdirSync(join(scratch, name), { recursive: true });
  const modules = variants[name].map(([n, kind, src]) => {
    copyFileSync(src, join(scratch, name, n));
    return [n, kind, `${name}/${n}`];
  });
  const file = join(scratch, `${name}.capnp`);
  writeFileSync(file, config(name, modules, port));
  const t0 = performance.now();
  const child = spawn(workerd, ["serve", file, "--experimental"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  for (;;) {
    try {
      const r = await post(port, BODY, false);
      if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status}: ${r.body.slice(0, 200)} ${stderr}`);
      return { child, port, ms: performance.now() - t0 };
    } catch (e) {
      if (e.code !== "ECONNREFUSED") throw e;
      if (child.exitCode !== null) throw new Error(`${name}: workerd exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  }
}

function stop(child) {
  return new Promise((ok) => {
    child.on("exit", ok);
    child.kill("SIGTERM");
  });
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const cold = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const order = Object.keys(cold);
for (let i = 0; i < RUNS; i++) {
  for (const name of i % 2 === 0 ? order : [...order].reverse()) {
    const { child, ms } = await startWorkerd(name);
    cold[name].push(ms);
    await stop(child);
  }
}
const warm = {};
for (const name of ["hello", "jmcp"]) {
  const { child, port } = await startWorkerd(name);
  for (let i = 0; i < 200; i++) await post(port);
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const r = await post(port);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${name}: HTTP ${r.status}`);
  }
  warm[name] = { p50: pct(times, 0.5), p95: pct(times, 0.95), mean: times.reduce((a, b) => a + b, 0) / times.length };
  await stop(child);
}
agent.destroy();
const median = (xs) => pct(xs, 0.5);
const result = {
  runs: RUNS,
  requests: REQUESTS,
  coldMedianMs: Object.fromEntries(Object.entries(cold).map(([name, ms]) => [name, median(ms)])),
  coldDeltaMs: median(cold.jmcp) - median(cold.hello),
  // each phase: its variant's median less the one before it, so the four add up to coldDeltaMs
  coldPhasesMs: {
    module: median(cold.module) - median(cold.hello),
    instantiate: median(cold.instantiated) - median(cold.module),
    appStart: median(cold.started) - median(cold.instantiated),
    firstRequest: median(cold.jmcp) - median(cold.started),
  },
  loadAverage: readFileSync("/proc/loadavg", "utf8").trim(),
  cold,
  warm,
};
writeFileSync(join(outDir, "result.json"), JSON.stringify(result, null, 2));
const f = (x) => x.toFixed(2);
console.log(`cold start (workerd start -> first MCP answer, median of ${RUNS}): hello-world ${f(result.coldMedianMs.hello)} ms, `
  + `jmcp ${f(result.coldMedianMs.jmcp)} ms, delta ${f(result.coldDeltaMs)} ms (goal <= +15 ms); of that, by phase: `
  + `worker.js and the wasm module's compilation ${f(result.coldPhasesMs.module)} ms, instantiation (TeaVM's start function) `
  + `${f(result.coldPhasesMs.instantiate)} ms, the Java application's start ${f(result.coldPhasesMs.appStart)} ms, `
  + `the first request ${f(result.coldPhasesMs.firstRequest)} ms`);
for (const name of ["hello", "jmcp"]) {
  console.log(`warm ${name}: p50 ${f(warm[name].p50)} ms, p95 ${f(warm[name].p95)} ms, mean ${f(warm[name].mean)} ms (${REQUESTS} sequential requests, keep-alive)`);
}

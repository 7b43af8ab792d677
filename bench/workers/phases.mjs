// Where a jmcp Worker's cold start goes, in Node (same V8 family as workerd): one fresh process per run, timing
// the phases the Worker module goes through before its first answer. Not the Workers runtime; a breakdown only.
// Usage: node --experimental-wasm-jspi phases.mjs WORKER_DIR [runs]   (WORKER_DIR: target/jmcp/cloudflare-workers/worker)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, runsArg] = process.argv.slice(2);
if (process.env.JMCP_PHASES_CHILD !== "1") {
  const runs = Number(runsArg ?? 9);
  const all = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], dir],
      { env: { ...process.env, JMCP_PHASES_CHILD: "1" }, encoding: "utf8" });
    all.push(JSON.parse(out.trim().split("\n").pop()));
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  const result = {};
  for (const k of Object.keys(all[0])) result[k] = +median(all.map((r) => r[k])).toFixed(2);
  console.log(JSON.stringify({ runs, medianMs: result }));
  process.exit(0);
}

const base = resolve(dir);
const wasmFile = readdirSync(base).find((f) => f.endsWith(".wasm"));
const t = {};
let t0 = performance.now();
const lap = (name) => { const now = performance.now(); t[name] = now - t0; t0 = now; };
const { load, registerJsBodies } = await import(pathToFileURL(join(base, "teavm-runtime.mjs")));
const jsBodies = (await import(pathToFileURL(join(base, "jsbodies.mjs")))).default;
const { installImports, promisingCall } = await import(pathToFileURL(join(base, "jmcp-jspi.mjs")));
registerJsBodies(jsBodies);
lap("importJs");
const bytes = readFileSync(join(base, wasmFile));
const module = await WebAssembly.compile(bytes);
lap("compile");
// the runtime's own work (string-builtins probe, imports) apart from V8's instantiation
const realInstantiate = WebAssembly.instantiate;
let instantiateMs = 0;
WebAssembly.instantiate = async (...args) => {
  const s = performance.now();
  try { return await realInstantiate.apply(WebAssembly, args); } finally { instantiateMs += performance.now() - s; }
};
const teavm = await load(module, { installImports });
WebAssembly.instantiate = realInstantiate;
lap("instantiateAndRuntime");
t.ofWhichWebAssemblyInstantiate = instantiateMs;
const java = teavm.exports;
const handle = promisingCall(teavm.instance.exports.jmcp_handle);
const failure = java.start("{}", {});
if (failure) throw new Error(failure);
lap("appStart");
const headers = JSON.stringify([["content-type", "application/json"], ["accept", "application/json, text/event-stream"],
  ["mcp-protocol-version", "2025-11-25"]]);
const body = new TextEncoder().encode(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call",
  params: { name: "test_simple_text", arguments: {} } }));
const first = (await handle(["POST", "/mcp", headers, body])).answer;
lap("firstRequest");
if (!first.includes("200")) throw new Error("unexpected answer: " + first.slice(0, 300));
await handle(["POST", "/mcp", headers, body]);
lap("secondRequest");
console.log(JSON.stringify(t));

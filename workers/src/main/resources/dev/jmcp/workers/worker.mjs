// The Worker module of a jmcp application (copied by `jmcp build --target cloudflare-workers`).
// The Java side (core + the application, compiled by TeaVM to WebAssembly GC) is instantiated once per isolate at
// top level, and the application is started there too (env comes from cloudflare:workers), since Cloudflare runs
// global scope while it pre-warms an isolate, before the first request: V8 compiling the start path's wasm
// functions is most of a cold start. Global scope refuses random bytes and I/O, so core draws its random key on
// first use; an application whose start needs either fails there, and then starts on the first request instead,
// in a fresh instance. Bodies go to Java and back as bytes; event streams are pumped from here, since Java
// has no threads and must never block the isolate. Serving a request and pumping a stream may wait for D1: they
// enter Java through WebAssembly.promising (jmcp-jspi.mjs), so several requests can be inside Java at once, each
// suspended at a statement.
import { env as globalEnv } from "cloudflare:workers";
import appModule from "./app.wasm";
import { load, registerJsBodies } from "./teavm-runtime.mjs";
import jsBodies from "./jsbodies.mjs";
import { installImports, promisingCall } from "./jmcp-jspi.mjs";

registerJsBodies(jsBodies);

const KEEP_ALIVE_MS = 15000;    // proxies cut silent connections
const STREAM_IDLE_MS = 300000;  // a stream nobody wakes for this long is cancelled
const encoder = new TextEncoder();
const NO_BYTES = new Uint8Array(0);

let java, javaCalls;
async function instantiate() {
  const teavm = await load(appModule, { installImports });
  java = teavm.exports;
  javaCalls = {
    handle: promisingCall(teavm.instance.exports.jmcp_handle),
    pump: promisingCall(teavm.instance.exports.jmcp_pump),
  };
}
await instantiate();
let started = false;
let startFailure = "";
let generation = 0;             // bumped on every re-instantiation; streams of an older one are dead
const streams = new Map();      // stream id -> { controller, keepAlive, idle, generation }

// A wasm trap (integer division by zero, stack overflow, an unreachable) or any other escape from Java may leave the
// instance's state half-updated, so the next request gets a fresh instance; this isolate keeps serving.
async function reinstantiate() {
  generation++;
  for (const s of streams.values()) closeStream(s, true);
  streams.clear();
  await instantiate();
  started = false;
}

let unsafe = false;
function callJava(fn) {
  try {
    return fn();
  } catch (e) {
    unsafe = true;
    throw e;
  }
}

async function callJavaAsync(fn) {
  try {
    return await fn();
  } catch (e) {
    unsafe = true;
    throw e;
  }
}

function startJava(env) {
  const config = {};
  for (const [name, value] of Object.entries(env ?? {})) {
    if (typeof value === "string") config[name] = value;
  }
  return callJava(() => java.start(JSON.stringify(config), env ?? {}));
}

function start(env) {
  startFailure = startJava(env);
  if (startFailure) console.error(startFailure);
  started = true;
}

// The tentative start at global scope; its failure is not logged, the first request's start says what is wrong.
let freshAfterEarlyStart = false;
try {
  if (!startJava(globalEnv)) started = true;
  else freshAfterEarlyStart = true;
} catch {
  freshAfterEarlyStart = true;
}
unsafe = false;

function internalError(body, status) {
  let id = null;
  try {
    const message = JSON.parse(new TextDecoder().decode(body));
    if (message && typeof message === "object" && !Array.isArray(message) && "id" in message) id = message.id;
  } catch {
    // not JSON: no id to echo
  }
  return new Response(JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32603, message: "Internal error" } }),
    { status, headers: { "content-type": "application/json" } });
}

function responseHeaders(pairs) {
  const headers = new Headers();
  for (const [name, value] of pairs) headers.append(name, value);
  return headers;
}

function closeStream(s, failed) {
  clearInterval(s.keepAlive);
  clearTimeout(s.idle);
  try {
    if (failed) s.controller.error(new Error("the Java instance was reset"));
    else s.controller.close();
  } catch {
    // already closed by the client
  }
}

// One pump of a stream at a time: a pump may wait for D1, and a wake meanwhile asks for another pass.
async function pump(id) {
  const s = streams.get(id);
  if (!s || s.generation !== generation) return;
  if (s.pumping) {
    s.again = true;
    return;
  }
  s.pumping = true;
  let out;
  try {
    do {
      s.again = false;
      try {
        out = (await callJavaAsync(() => javaCalls.pump([], id))).answer;
      } catch (e) {
        console.error("jmcp: event stream failed:", e);
        streams.delete(id);
        closeStream(s, true);
        return;
      }
      if (streams.get(id) !== s) return; // cancelled while Java waited
      if (out.length > 1) s.controller.enqueue(encoder.encode(out.substring(1)));
      if (out[0] === "1") {
        streams.delete(id);
        closeStream(s, false);
        return;
      }
    } while (s.again && s.generation === generation);
  } finally {
    s.pumping = false;
    if (s.cancelled) cancelInJava(id);
  }
  waitForWake(id);
}

// The stream waits for core to wake it; meanwhile keep-alive comments, and a stream nobody wakes is cancelled.
function waitForWake(id) {
  const s = streams.get(id);
  if (!s) return;
  clearTimeout(s.idle);
  s.idle = setTimeout(() => cancel(id), STREAM_IDLE_MS);
  if (!s.keepAlive) {
    s.keepAlive = setInterval(() => {
      try {
        s.controller.enqueue(encoder.encode(": keepalive\n\n"));
      } catch {
        cancel(id);
      }
    }, KEEP_ALIVE_MS);
  }
}

function cancel(id) {
  const s = streams.get(id);
  if (!s) return;
  streams.delete(id);
  clearInterval(s.keepAlive);
  clearTimeout(s.idle);
  if (s.generation !== generation) return;
  if (s.pumping) s.cancelled = true; // Java is inside this stream's pump; cancel when it comes out
  else cancelInJava(id);
}

function cancelInJava(id) {
  if (unsafe) return;
  try { callJava(() => java.cancel(id)); } catch (e) { console.error("jmcp: cancel failed:", e); }
}

// Core wakes a waiting stream only from Java code running on this thread, so asking after each call misses nothing.
function pumpWoken() {
  if (unsafe) return;
  let ids;
  try {
    ids = callJava(() => java.woken());
  } catch (e) {
    console.error("jmcp: woken failed:", e);
    return;
  }
  if (ids) for (const id of ids.split(",")) queueMicrotask(() => { pump(Number(id)).finally(pumpWoken); });
}

async function serve(request, env) {
  if (unsafe || freshAfterEarlyStart) {
    unsafe = false;
    freshAfterEarlyStart = false;
    await reinstantiate();
  }
  if (!started) start(env);
  const url = new URL(request.url);
  let body = NO_BYTES;
  if (request.body) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const limit = callJava(() => java.maxBodyBytes());
    // one byte over the limit is enough for Java to answer 413
    body = bytes.length > limit + 1 ? bytes.subarray(0, limit + 1) : bytes;
  }
  const headers = [];
  for (const [name, value] of request.headers) headers.push([name, value]);
  let head, responseBody;
  try {
    const { answer, bytes } = await callJavaAsync(() => javaCalls.handle([request.method, url.pathname, JSON.stringify(headers), body]));
    head = JSON.parse(answer);
    responseBody = bytes ?? NO_BYTES;
  } catch (e) {
    console.error("jmcp: request failed inside the Java instance; it will be replaced: " + e);
    return internalError(body, 500);
  } finally {
    pumpWoken();
  }
  const responseHeadersList = responseHeaders(head.headers);
  if (head.stream === undefined) {
    return new Response(responseBody.byteLength === 0 && (head.status === 202 || head.status === 204) ? null : responseBody,
      { status: head.status, headers: responseHeadersList });
  }
  const id = head.stream;
  // The first pump runs the handler; a trap there still gets a JSON-RPC answer, since nothing is sent yet. The stream
  // is registered (as being pumped) before it, since the pump may wait for D1 and a wake meanwhile must not be lost.
  const s = { controller: null, keepAlive: null, idle: null, generation, pumping: true, again: false, cancelled: false };
  streams.set(id, s);
  let first;
  try {
    first = (await callJavaAsync(() => javaCalls.pump([], id))).answer;
  } catch (e) {
    streams.delete(id);
    console.error("jmcp: request failed inside the Java instance; it will be replaced: " + e);
    return internalError(body, 500);
  } finally {
    s.pumping = false;
    pumpWoken();
  }
  if (first[0] === "1" || streams.get(id) !== s) {
    streams.delete(id);
    if (s.cancelled) cancelInJava(id);
    return new Response(first.substring(1), { status: head.status, headers: responseHeadersList });
  }
  const stream = new ReadableStream({
    start(controller) {
      s.controller = controller;
      if (first.length > 1) controller.enqueue(encoder.encode(first.substring(1)));
      if (s.again) pump(id).finally(pumpWoken);
      else waitForWake(id);
    },
    cancel() {
      cancel(id);
    },
  });
  return new Response(stream, { status: head.status, headers: responseHeadersList });
}

export default {
  async fetch(request, env) {
    try {
      return await serve(request, env);
    } catch (e) {
      console.error("jmcp: request failed:", e);
      unsafe = true;
      return internalError(NO_BYTES, 500);
    }
  },
};

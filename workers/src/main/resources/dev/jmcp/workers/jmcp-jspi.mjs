// JSPI (WebAssembly JavaScript Promise Integration) for the Java side: ways into Java that may wait, D1 and KV.
//
// D1 answers with Promises while Java's SqlDatabase returns results, so a statement suspends the request's
// WebAssembly stack: the Java entry runs under WebAssembly.promising (promising, promisingCall below) and the one
// import that waits, jmcp.d1Wait, is a WebAssembly.Suspending. JSPI suspends only stacks with no JavaScript frame
// between the two, so the entry is a raw wasm export (an @org.teavm.interop.Export of ints, not a TeaVM @JSExport
// wrapper) and strings pass beside it, through jmcpCalls. Why JSPI and not a replay of the request:
// workers/D1.md.
//
// Protocol with dev.jmcp.workers.JsD1, per statement: jmcpD1.start(db, requestJson) -> ticket (D1's Promise starts
// now); jmcp.d1Wait(ticket) suspends until it settles; jmcpD1.take(ticket) -> answer JSON ({"rows":[...]},
// {"changes":n} or {"error":"..."}). Tickets keep the statements of concurrent requests of one isolate apart. KV
// (dev.jmcp.workers.JsKv) works the same way through jmcpKv and jmcp.kvWait.

let active = 0; // requests inside a promising entry; a statement with none is outside any request
let nextTicket = 1;
const pending = new Map(); // ticket -> Promise that settles the ticket
const settled = new Map(); // ticket -> answer JSON

function requireJspi() {
    if (typeof WebAssembly.Suspending !== 'function' || typeof WebAssembly.promising !== 'function') {
        throw new Error('jmcp: this runtime lacks WebAssembly JSPI (WebAssembly.Suspending/promising), which D1 from '
            + 'Java needs; use a workerd whose V8 ships JSPI (13.7 or later), as the wrangler pinned in tools/wrangler does');
    }
}

/** Adds the imports the Java side declares with @Import(module = "jmcp"); pass as TeaVM's load({installImports}). */
export function installImports(imports) {
    requireJspi();
    const wait = (ticket) => {
        const promise = pending.get(ticket);
        if (promise === undefined) return undefined; // already settled: return without suspending
        pending.delete(ticket);
        return promise;
    };
    // Two names for one wait, so that the build sees from the module's imports which bindings it needs.
    imports.jmcp = { d1Wait: new WebAssembly.Suspending(wait), kvWait: new WebAssembly.Suspending(wait) };
}

/**
 * Wraps a wasm export (an @Export of the Java side, not a TeaVM @JSExport wrapper) so that it may suspend on D1:
 * the result answers with a Promise of the export's result.
 */
export function promising(wasmExport) {
    requireJspi();
    const entry = WebAssembly.promising(wasmExport);
    return async (...args) => {
        active++;
        try {
            return await entry(...args);
        } finally {
            active--;
        }
    };
}

const calls = new Map(); // call number -> { args, answer, bytes } of a promisingCall in flight
const headDecoder = new TextDecoder();
let nextCall = 1;

/**
 * Wraps a wasm export `(call: i32, ...ints) -> void` whose Java side reads its arguments with jmcpCalls.arg(call, i)
 * (strings) or jmcpCalls.bytesArg(call, i) (a Uint8Array, as an Int8Array view), and gives its answer with
 * jmcpCalls.answer(call, text) or jmcpCalls.answerHead(call, utf8Int8Array) (decoded here, so Java needs no charset
 * code) and, for a body, jmcpCalls.answerBytes(call, int8Array): the result takes
 * `(args, ...ints)` and answers a Promise of `{ answer, bytes }` (bytes null when Java gave none). The export may
 * wait for D1.
 */
export function promisingCall(wasmExport) {
    const entry = promising(wasmExport);
    return async (args, ...ints) => {
        const call = nextCall++;
        const slot = { args, answer: undefined, bytes: null };
        calls.set(call, slot);
        try {
            await entry(call, ...ints);
            if (slot.answer === undefined) throw new Error('jmcp: the Java entry gave no answer');
            return { answer: slot.answer, bytes: slot.bytes };
        } finally {
            calls.delete(call);
        }
    };
}

// Called from the Java side's @JSBody scripts (dev.jmcp.workers.WorkerExports).
globalThis.jmcpCalls = {
    arg(call, index) {
        const value = calls.get(call)?.args[index];
        return value === undefined ? null : value;
    },

    bytesArg(call, index) {
        const value = calls.get(call)?.args[index];
        return value == null ? null : new Int8Array(value.buffer, value.byteOffset, value.byteLength);
    },

    answer(call, text) {
        const slot = calls.get(call);
        if (slot) slot.answer = text;
    },

    answerHead(call, utf8) {
        const slot = calls.get(call);
        if (slot) slot.answer = headDecoder.decode(utf8);
    },

    answerBytes(call, bytes) {
        const slot = calls.get(call);
        if (slot) slot.bytes = bytes;
    },
};

function isD1(value) {
    return value != null && typeof value.prepare === 'function' && typeof value.batch === 'function';
}

function errorAnswer(message) {
    return JSON.stringify({ error: message });
}

function base64(bytes) {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
}

function jsonValue(value) {
    if (value instanceof ArrayBuffer) return base64(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) return base64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    if (Array.isArray(value)) return base64(Uint8Array.from(value)); // D1 gives BLOBs as arrays of bytes
    return value;
}

async function runStatement(db, request) {
    if (!isD1(db)) throw new Error('not a D1 binding');
    const statement = db.prepare(request.sql).bind(...request.params);
    if (request.rows) {
        const result = await statement.all();
        const rows = result.results.map((row) => {
            const out = {};
            for (const [name, value] of Object.entries(row)) out[name] = jsonValue(value);
            return out;
        });
        return JSON.stringify({ rows });
    }
    const result = await statement.run();
    return JSON.stringify({ changes: result.meta?.changes ?? 0 });
}

function message(error) {
    const text = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return cause && !text.includes(cause) ? text + ' (' + cause + ')' : text;
}

/**
 * Starts `run()` (which answers a Promise of the answer JSON) under a new ticket, unless no request is being served;
 * the Java side then waits for the ticket and takes the answer. Whatever `run` throws or rejects with becomes an
 * error answer.
 */
function startTicket(what, run) {
    const ticket = nextTicket++;
    if (active === 0) {
        settled.set(ticket, errorAnswer(what + ' can only be reached while a request is served (through a promising '
            + 'entry), not while the application starts'));
    } else {
        let started;
        try {
            started = run();
        } catch (error) {
            started = Promise.reject(error);
        }
        pending.set(ticket, started.then(
            (answer) => { settled.set(ticket, answer); },
            (error) => { settled.set(ticket, errorAnswer(message(error))); }));
    }
    return ticket;
}

function take(ticket) {
    const answer = settled.get(ticket);
    settled.delete(ticket);
    return answer ?? errorAnswer('no answer for ticket ' + ticket + ' (taken twice, or never awaited)');
}

// Called from the Java side's @JSBody scripts (JsD1).
globalThis.jmcpD1 = {
    isD1,

    start(db, requestJson) {
        return startTicket('D1', () => runStatement(db, JSON.parse(requestJson)));
    },

    take,
};

function isKv(value) {
    return value != null && typeof value.get === 'function' && typeof value.put === 'function'
        && typeof value.delete === 'function' && typeof value.getWithMetadata === 'function';
}

async function runKv(kv, request) {
    if (!isKv(kv)) throw new Error('not a KV namespace binding');
    switch (request.op) {
        case 'get':
            return JSON.stringify({ value: await kv.get(request.key) });
        case 'put':
            await kv.put(request.key, request.value, { expirationTtl: request.ttl });
            return '{}';
        case 'delete':
            await kv.delete(request.key);
            return '{}';
        default:
            throw new Error('unknown KV operation ' + request.op);
    }
}

// Called from the Java side's @JSBody scripts (JsKv); the protocol is KvCache.Operations'.
globalThis.jmcpKv = {
    isKv,

    start(kv, requestJson) {
        return startTicket('KV', () => runKv(kv, JSON.parse(requestJson)));
    },

    take,
};

// Checks the notes example on Workers against its D1 database, over MCP (2025-11-25, JSON responses), in one of
// three phases that scripts/workers-d1.sh runs around restarts of workerd:
//   write  URL       creates notes (one, then 10 at once) and reads them back through other requests
//   read   URL ID N  a fresh isolate still reads note ID, and notes://index lists N notes
//   broken URL ID    with the notes table gone, a tool answers a tool error and a read a JSON-RPC error
// Prints one line per check; exits 1 on the first failure. Uses nothing but Node's fetch.

const [phase, url, ...args] = process.argv.slice(2);
let nextId = 1;
let checks = 0;

async function rpc(method, params) {
    const response = await fetch(url, {
        method: 'POST',
        headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-protocol-version': '2025-11-25',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    });
    const text = await response.text();
    if (!response.headers.get('content-type')?.startsWith('application/json')) {
        throw new Error(`${method}: HTTP ${response.status} ${response.headers.get('content-type')}: ${text.slice(0, 300)}`);
    }
    return JSON.parse(text);
}

function check(what, ok, detail) {
    if (!ok) {
        console.error(`FAILED: ${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
        process.exit(1);
    }
    checks++;
    console.log(`ok: ${what}`);
}

function toolResult(message) {
    return message.result ?? {};
}

async function readNote(id) {
    return rpc('resources/read', { uri: `notes://${id}` });
}

async function write() {
    const init = await rpc('initialize', {
        protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'workers-d1', version: '1' },
    });
    check('initialize', init.result?.serverInfo?.name === 'notes', init);

    const created = toolResult(await rpc('tools/call', {
        name: 'create_note', arguments: { title: 'Groceries', body: 'milk and eggs', tags: ['home', 'food'] },
    }));
    const id = created.structuredContent?.id;
    check('create_note writes a note and answers its id', !created.isError && Number.isInteger(id), created);

    const read = await readNote(id);
    const markdown = read.result?.contents?.[0]?.text ?? '';
    check('another request (resources/read) reads it back', markdown.includes('# Groceries') && markdown.includes('milk and eggs')
        && markdown.includes('tags: home, food'), read);

    const found = toolResult(await rpc('tools/call', { name: 'search_notes', arguments: { query: 'EGGS' } }));
    const notes = found.structuredContent?.notes ?? [];
    check('search_notes finds it', notes.length === 1 && notes[0].id === id, found);

    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => rpc('tools/call', {
        name: 'create_note', arguments: { title: `Note ${i}`, body: `body ${i}` },
    })));
    const ids = many.map((m) => toolResult(m).structuredContent?.id);
    check('10 concurrent create_note calls get 10 distinct ids', new Set(ids).size === 10 && !ids.includes(id)
        && ids.every(Number.isInteger), many);

    const updated = toolResult(await rpc('tools/call', {
        name: 'update_note', arguments: { id, body: 'milk, eggs and bread' },
    }));
    check('update_note changes it', !updated.isError, updated);
    const reread = (await readNote(id)).result?.contents?.[0]?.text ?? '';
    check('the change is read back', reread.includes('milk, eggs and bread'), reread);
    console.log(`id=${id}`);
}

async function readAfterRestart() {
    const [id, count] = args.map(Number);
    const read = await readNote(id);
    const markdown = read.result?.contents?.[0]?.text ?? '';
    check(`a new isolate reads note ${id} back`, markdown.includes('# Groceries') && markdown.includes('milk, eggs and bread'), read);
    const index = await rpc('resources/read', { uri: 'notes://index' });
    const listed = JSON.parse(index.result?.contents?.[0]?.text ?? '[]');
    check(`notes://index lists all ${count} notes`, listed.length === count, listed);

    // With a progress token the answer is an event stream, so the reads happen while the Worker pumps it
    const events = await stream('tools/call', { name: 'summarize_notes', arguments: {}, _meta: { progressToken: 'p' } });
    const progress = events.filter((m) => m.method === 'notifications/progress');
    const result = events.find((m) => m.id !== undefined)?.result;
    check(`summarize_notes streams ${count} progress notifications and its summary`, progress.length === count
        && progress[count - 1]?.params?.progress === count && !result?.isError
        && result?.content?.[0]?.text?.includes(`${count} notes`), events);
}

/** A request whose answer is an SSE stream: the JSON-RPC messages in it. */
async function stream(method, params) {
    const response = await fetch(url, {
        method: 'POST',
        headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-protocol-version': '2025-11-25',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    });
    const text = await response.text();
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
        throw new Error(`${method}: expected an event stream, got HTTP ${response.status} ${response.headers.get('content-type')}: ${text.slice(0, 300)}`);
    }
    return text.split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)));
}

async function broken() {
    const [id] = args.map(Number);
    const search = toolResult(await rpc('tools/call', { name: 'search_notes', arguments: { query: 'milk' } }));
    check('a failing D1 statement in a tool gives a tool error', search.isError === true
        && search.content?.[0]?.text === 'Tool search_notes failed with an internal error.', search);
    const read = await readNote(id);
    check('a failing D1 statement in a resource read gives a JSON-RPC internal error', read.error?.code === -32603
        && read.error?.message === `Reading notes://${id} failed with an internal error`, read);
    const ping = await rpc('ping', {});
    check('the isolate still serves', ping.result !== undefined, ping);
}

try {
    if (phase === 'write') await write();
    else if (phase === 'read') await readAfterRestart();
    else if (phase === 'broken') await broken();
    else throw new Error(`unknown phase ${phase}; use write, read or broken`);
} catch (e) {
    console.error(`FAILED: ${e.message}`);
    process.exit(1);
}
console.log(`workers-d1 ${phase}: ${checks} checks ok`);

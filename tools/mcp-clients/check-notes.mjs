// Checks what ts-client.mjs printed for notes-plan.json against an empty notes database: exits 1 naming each miss.
import { readFileSync } from 'node:fs';

const out = JSON.parse(readFileSync(0, 'utf8'));
const misses = [];
const expect = (ok, what) => { if (!ok) misses.push(what); };
const [, tools, created, found, summary, resource, prompt] = out.steps;

expect(out.protocolVersion === '2025-11-25', `negotiated 2025-11-25, got ${out.protocolVersion}`);
const names = (tools?.tools ?? []).map((t) => t.name);
for (const n of ['create_note', 'search_notes', 'update_note', 'delete_note', 'summarize_notes']) expect(names.includes(n), `tools/list has ${n}`);
expect(created?.structuredContent?.id === 1, `create_note returned id 1, got ${JSON.stringify(created?.structuredContent)}`);
expect(JSON.stringify(found?.structuredContent ?? {}).includes('Interop from TypeScript'), 'search_notes finds the new note');
expect(!summary?.isError, 'summarize_notes succeeded');
const progress = summary?.progress ?? [];
expect(progress.length >= 1, `summarize_notes streamed progress, got ${progress.length} notifications`);
expect(progress.every((p, i) => i === 0 || p.progress >= progress[i - 1].progress), 'progress never decreases');
expect(out.logs.some((l) => l.step === 4 && l.level === 'info'), 'summarize_notes sent info logs after setLevel(info)');
expect(resource?.contents?.[0]?.text?.includes('Interop from TypeScript'), 'notes://1 holds the note');
expect(JSON.stringify(prompt?.messages ?? []).includes('notes://1'), 'review_note embeds notes://1');

if (misses.length) {
  console.error('TypeScript SDK interop: ' + misses.length + ' check(s) failed:\n  ' + misses.join('\n  '));
  console.error(JSON.stringify(out, null, 2).slice(0, 4000));
  process.exit(1);
}
console.log(`TypeScript SDK interop: all checks passed (${out.steps.length} steps, ${progress.length} progress notifications, ${out.logs.length} log messages)`);

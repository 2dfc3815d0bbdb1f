// Peer side of bench/compare/whatsapp: parses one WhatsApp export with the npm package
// whatsapp-chat-parser (pinned in package.json) and prints
//   messages=N parse_ms=WALL cpu_ms=CPU (all threads of the process, GC included)
// timing parseString only (the file is read before the clock starts, as casegraph's bench maps
// it before its clock starts). PATH is a chat .txt or a folder holding _chat.txt /
// "WhatsApp Chat….txt". Usage: node parse.mjs PATH
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseString } from 'whatsapp-chat-parser';

let path = process.argv[2];
if (statSync(path).isDirectory()) {
  const names = readdirSync(path);
  const chat = names.find((n) => n === '_chat.txt') ?? names.find((n) => n.endsWith('.txt') && n.includes('WhatsApp'));
  path = join(path, chat);
}
const text = readFileSync(path, 'utf8');
const cpuStart = process.cpuUsage();
const start = performance.now();
const messages = parseString(text, { parseAttachments: true });
const elapsed = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(`messages=${messages.length} parse_ms=${elapsed.toFixed(1)} cpu_ms=${((cpu.user + cpu.system) / 1000).toFixed(1)}`);

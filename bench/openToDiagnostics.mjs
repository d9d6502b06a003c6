// Time from didOpen to the first published diagnostics, over stdio against the bundled server,
// for generated profile files of about 100, 1,000 and 10,000 lines. Prints a table of medians.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { LspClient } = require(path.join(root, 'out/test/lsp/lspClient.js'));
const example = readFileSync(path.join(root, 'examples/fleet.rapolicy.yaml'), 'utf8');

function profileFile(lines) {
	const parts = [];
	let count = 0;
	for (let i = 0; count < lines; i++) {
		// Every tenth profile carries one error, so the diagnostics are not empty.
		const text = i % 10 === 9 ? example.replace('RA_Solicit_ExpireValue_Edt: 30', 'RA_Solicit_ExpireValue_Edt: 300') : example;
		parts.push(text);
		count += text.split('\n').length;
	}
	return parts.join('---\n');
}

const syncmlExample = readFileSync(path.join(root, 'examples/helpdesk-offer-help.syncml'), 'utf8');
const commandsOf = /(<(Replace|Delete|Get)>[\s\S]*?<\/\2>)/g;
const sampleCommands = [...syncmlExample.matchAll(commandsOf)].map((m) => m[1]);

function syncmlFile(commands) {
	const body = [];
	for (let i = 0; i < commands; i++) {
		const command = sampleCommands[i % sampleCommands.length].replace(/<CmdID>\d+<\/CmdID>/, `<CmdID>${i + 1}</CmdID>`);
		// Every hundredth command carries one error.
		body.push(i % 100 === 96 ? command.replace('value="1"', 'value="7"') : command);
	}
	return `<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncBody>\n    ${body.join('\n    ')}\n    <Final/>\n  </SyncBody>\n</SyncML>\n`;
}

const runs = Number(process.env.BENCH_RUNS ?? 7);
async function measure(label, text, languageId, extension) {
	const client = new LspClient();
	await client.initialize();
	const times = [];
	let count = 0;
	for (let i = 0; i < runs; i++) {
		const uri = `file:///bench/${label}-${i}.${extension}`;
		const start = process.hrtime.bigint();
		const published = await client.open(uri, text, languageId);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
		count = published.diagnostics.length;
	}
	await client.stop();
	times.sort((a, b) => a - b);
	console.log(`| ${label} | ${text.split('\n').length} | ${count} | ${times[Math.floor(times.length / 2)].toFixed(1)} | ${times[0].toFixed(1)} | ${times[times.length - 1].toFixed(1)} |`);
}

console.log(`| file | lines | diagnostics | open → diagnostics, median of ${runs} (ms) | min | max |`);
console.log('|---|---|---|---|---|---|');
for (const size of [100, 1000, 10000]) {
	await measure(`YAML ~${size} lines`, profileFile(size), 'rapolicy', 'rapolicy.yaml');
}
for (const commands of [100, 1000, 2000, 5000]) {
	await measure(`SyncML ${commands} commands`, syncmlFile(commands), 'syncml', 'syncml');
}

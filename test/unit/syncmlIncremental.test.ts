import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import type { CompletionItem } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCompletions, getDiagnostics, parseSyncmlDocument } from '../../server/src/service';
import { applySyncmlCompletion, caret, coveredText, diagnoseSyncml, parseSyncml, SYNCML_URI, syncmlMessage } from '../helpers/service';

type Parsed = ReturnType<typeof parseSyncmlDocument>;

const example = fs.readFileSync(path.join(__dirname, '../../../examples/helpdesk-offer-help.syncml'), 'utf8');
const SAMPLES = [...example.matchAll(/(<(Replace|Delete|Get)>[\s\S]*?<\/\2>)/g)].map((m) => m[1]);

/** A message of `count` commands from the example, with CmdIDs 1..count. */
function message(count: number): string {
	const body = Array.from({ length: count }, (_, i) => SAMPLES[i % SAMPLES.length].replace(/<CmdID>\d+<\/CmdID>/, `<CmdID>${i + 1}</CmdID>`));
	return syncmlMessage(`    ${body.join('\n    ')}\n`);
}

/** What a user sees of a parse: the diagnostics and what the file sets. */
function observed(doc: Parsed) {
	return {
		diagnostics: getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => [d.code, d.range, d.message, d.severity, JSON.stringify(d.data ?? null)]),
		settings: doc.profiles.flatMap((p) => p.policies).map((s) => [s.name.value, s.name.start, s.name.end, s.state?.kind === 'scalar' ? s.state.value : undefined, s.span.start, s.span.end, s.options.map((o) => [o.id.value, o.id.start, o.value.start, o.value.end])]),
	};
}

/** Completion at `|`, and what each item makes of the text. */
function getCompletionsAt(marked: string): { items: CompletionItem[]; apply: (item: CompletionItem) => string } {
	const { text, offset } = caret(marked);
	return { items: getCompletions(parseSyncml(text), offset).items, apply: (item) => applySyncmlCompletion(text, item) };
}

function edit(text: string, at: number, remove: number, insert: string): string {
	return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Parses `after` from `before`'s parse, and fresh, and checks that both read the same. */
function reparse(before: string, after: string): { previous: Parsed; next: Parsed } {
	const previous = parseSyncmlDocument(SYNCML_URI, 1, before);
	const next = parseSyncmlDocument(SYNCML_URI, 2, after, previous);
	const fresh = parseSyncmlDocument(SYNCML_URI, 2, after);
	assert.deepEqual(observed(next), observed(fresh));
	assert.equal(next.kind, fresh.kind);
	return { previous, next };
}

/** Applies the edits one after another, each parse from the one before, and checks each against a fresh parse. */
function agreesAcrossEdits(base: string, edits: readonly ((before: string) => string)[]): void {
	let before = base;
	let previous = parseSyncmlDocument(SYNCML_URI, 1, before);
	edits.forEach((change, i) => {
		const after = change(before);
		const next = parseSyncmlDocument(SYNCML_URI, i + 2, after, previous);
		const fresh = parseSyncmlDocument(SYNCML_URI, i + 2, after);
		assert.deepEqual(observed(next), observed(fresh));
		assert.equal(next.kind, fresh.kind);
		before = after;
		previous = next;
	});
}

describe('SyncML: an edit reads again only what it touched', () => {
	const text = message(12);
	const value = text.indexOf('value="1"', text.indexOf('<CmdID>5<')) + 'value="'.length;

	it('re-reads only the command an edit inside it touched, and moves the others', () => {
		const { previous, next } = reparse(text, edit(text, value, 0, '7'));
		const touched = next.chunks.findIndex((c) => c.start < value && value < c.start + c.result.length);
		assert.ok(touched > 0);
		next.chunks.forEach((chunk, i) => {
			if (i === touched) {
				assert.notEqual(chunk.result, previous.chunks[i].result);
			} else {
				assert.equal(chunk.result, previous.chunks[i].result, `command ${i + 1} is reused`);
				assert.equal(chunk.start, previous.chunks[i].start + (i > touched ? 1 : 0));
			}
		});
		assert.ok(diagnoseSyncml(edit(text, value, 0, '7')).some((d) => d.code === 'enum-value'));
	});

	it('moves every command after a line break typed between two commands, reading none again', () => {
		const third = text.indexOf('<CmdID>3<');
		const gap = text.indexOf('\n', text.indexOf('\n    </', third) + 1);
		const { previous, next } = reparse(text, edit(text, gap, 0, '\n'));
		next.chunks.forEach((chunk, i) => assert.equal(chunk.result, previous.chunks[i].result));
	});

	it('reads the frame again when an edit crosses commands, reusing the commands it did not change', () => {
		const from = text.indexOf('<Replace>', text.indexOf('<CmdID>4<') - 60);
		const to = text.indexOf('</Delete>', from) + '</Delete>'.length;
		const { previous, next } = reparse(text, edit(text, from, to - from, ''));
		const reused = next.chunks.filter((c) => previous.chunks.some((p) => p.result === c.result)).length;
		assert.equal(reused, next.chunks.length);
	});

	it('agrees with a fresh parse after edits that break the XML', () => {
		const cases: [number, number, string][] = [
			[value, 0, '<'],
			[text.indexOf('</Item>', value), 2, ''],
			[text.indexOf('</Replace>', value) + 2, 7, 'Replac'],
			[text.indexOf('</SyncBody>'), 0, '<Replace><CmdID>99</CmdID>'],
			[text.indexOf('<Replace>', value), 1, ''],
			[text.indexOf('</Target>', value), 0, '</SyncBody>'],
			[text.indexOf('<Data>', value) + 6, 0, '<![CDATA['],
			[text.indexOf('<Item>', value) + 1, 4, 'Itm'],
		];
		for (const [at, remove, insert] of cases) {
			reparse(text, edit(text, at, remove, insert));
		}
	});

	it('agrees with a fresh parse after any sequence of small edits (property)', () => {
		const base = message(6);
		const piece = fc.constantFrom('<', '>', '/', '"', '=', '&', ';', ' ', '\n', 'a', 'Replace', '</Item>', '<Data>', ']]>', '<!--', '-->', '<![CDATA[');
		const step = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: piece });
		fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
			agreesAcrossEdits(base, steps.map((s) => (before) => edit(before, s.at % (before.length + 1), s.remove, s.insert)));
		}), { seed: 0x5eed, numRuns: 150 });
	});
});

describe('SyncML: edits agree with a fresh parse in every document kind', () => {
	const commands = (count: number) => Array.from({ length: count }, (_, i) => SAMPLES[i % SAMPLES.length].replace(/<CmdID>\d+<\/CmdID>/, i % 2 === 0 ? '' : `<CmdID>${i + 1}</CmdID>`));
	const kinds: readonly [string, string][] = [
		['a Fleet profile', `<!-- profile -->\n${commands(6).join('\n')}\n`],
		['a SyncBody root', `<SyncBody>\n${message(6).split('<SyncBody>\n')[1].split('  </SyncBody>')[0]}</SyncBody>\n`],
		['a device message', message(4).replace('</SyncBody>', '<Results><CmdID>9</CmdID><CmdRef>2</CmdRef><Item><Source><LocURI>./Device/Vendor/MSFT/Policy/Result/RemoteAssistance/SessionLogging</LocURI></Source><Data>&lt;enabled/&gt;</Data></Item></Results>\n  </SyncBody>')],
	];
	for (const [name, base] of kinds) {
		it(`after any sequence of small edits to ${name} (property)`, () => {
			const piece = fc.constantFrom('<', '>', '/', ' ', '\n', 'Replace', '</Replace>', '<Replace>', '<CmdID>3</CmdID>', '<SyncBody>', '</Item>', '<Source>', '<!--', '-->');
			const step = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: piece });
			fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
				agreesAcrossEdits(base, steps.map((s) => (before) => edit(before, s.at % (before.length + 1), s.remove, s.insert)));
			}), { seed: 0x6b1d, numRuns: 80 });
		});
	}

	it('keeps the kind across an edit inside one command, and finds a new one when the frame changes', () => {
		const profile = `${commands(3).join('\n')}\n`;
		const value = profile.indexOf('value="1"') + 'value="'.length;
		const { next } = reparse(profile, edit(profile, value, 0, '7'));
		assert.equal(next.kind, 'profile');
		const wrapped = `<SyncBody>\n${profile}</SyncBody>\n`;
		assert.equal(reparse(profile, wrapped).next.kind, 'body');
		const results = '<Results><CmdID>9</CmdID><CmdRef>2</CmdRef><Item><Source><LocURI>./Device/Vendor/MSFT/Policy/Result/RemoteAssistance/SessionLogging</LocURI></Source><Data>&lt;enabled/&gt;</Data></Item></Results>';
		const body = wrapped.replace('<Replace>', `${results}\n<Replace>`);
		assert.equal(reparse(wrapped, body).next.kind, 'device');
	});
});

describe('SyncML: commands that undo each other, across edits', () => {
	const text = message(12);
	const sixth = text.indexOf('<CmdID>6<');
	const payload = text.indexOf('<enabled/>', sixth) + 1;
	const conflicts = (doc: Parsed) => getDiagnostics(doc, DEFAULT_SETTINGS).filter((d) => d.code === 'conflicting-commands');

	it('warns once an edit inside one command gives a policy other data, and stops when it is undone', () => {
		const changed = edit(text, payload, 'enabled'.length, 'disabled');
		const { previous, next } = reparse(text, changed);
		assert.equal(conflicts(previous).length, 0);
		assert.equal(conflicts(next).length, 2, 'at command 6 and at command 10, which sets it back');
		assert.equal(conflicts(reparse(changed, text).next).length, 0);
	});

	it('finds the same conflicts as a fresh parse after any series of edits that change what commands set', () => {
		// Each edit turns one command's payload, command name or policy into another, so policies
		// keep being written one way, then two ways, then one way again, by other commands.
		const swaps: [string, string][] = [
			['&lt;enabled/&gt;', '&lt;disabled/&gt;'], ['&lt;disabled/&gt;', '&lt;enabled/&gt;'], ['value="1"', 'value="0"'], ['value="0"', 'value="1"'],
			['<Replace>', '<Delete>'], ['</Replace>', '</Delete>'], ['/SessionLogging<', '/SolicitedRemoteAssistance<'], ['/SolicitedRemoteAssistance<', '/SessionLogging<'],
		];
		const step = fc.record({ command: fc.nat({ max: 11 }), swap: fc.nat({ max: swaps.length - 1 }) });
		fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
			agreesAcrossEdits(text, steps.map((s) => (before) => {
				const start = before.indexOf(`<CmdID>${s.command + 1}</CmdID>`);
				const [from, to] = swaps[s.swap];
				const at = before.indexOf(from, start);
				const end = before.indexOf('<CmdID>', start + 1);
				return at < 0 || (end >= 0 && at > end) ? before : edit(before, at, from.length, to);
			}));
		}), { seed: 0xc0f1, numRuns: 200 });
	});

	it('names the right line after lines are added above the earlier command', () => {
		const changed = edit(text, payload, 'enabled'.length, 'disabled');
		const second = changed.indexOf('<CmdID>2</CmdID>') + '<CmdID>2</CmdID>'.length;
		const { next } = reparse(changed, edit(changed, second, 0, '\n\n'));
		assert.equal(conflicts(next).length, 2);
	});
});

describe('SyncML: recovery without cascades', () => {
	const command = (item: string) => syncmlMessage(`    <Replace>\n      <CmdID>1</CmdID>\n      <Item>\n${item}      </Item>\n    </Replace>\n`);
	const uri = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging';
	const meta = '        <Meta><Format xmlns="syncml:metinf">chr</Format></Meta>\n';

	it('reads a misspelt end tag as the end of the open element, with one diagnostic and its fix', () => {
		const text = command(`        <Target><LocURI>${uri}</LocURI></Targt>\n${meta}        <Data>&lt;enabled/&gt;</Data>\n`);
		const diagnostics = diagnoseSyncml(text);
		assert.deepEqual(diagnostics.map((d) => d.code), ['xml-syntax'], JSON.stringify(diagnostics));
		assert.equal(coveredText(text, diagnostics[0]), 'Targt');
		assert.match(diagnostics[0].message, /<\/Target>/);
	});

	it('reports an unclosed element and nothing that only its repair caused', () => {
		const text = command(`        <Target><LocURI>${uri}</LocURI>\n${meta}        <Data>&lt;enabled/&gt;</Data>\n`);
		const codes = diagnoseSyncml(text).map((d) => d.code);
		assert.ok(codes.includes('xml-syntax'));
		assert.deepEqual(codes.filter((c) => c !== 'xml-syntax'), [], JSON.stringify(codes));
	});
});

describe('SyncML: completion proposes only what validation accepts', () => {
	it('offers no Get, Atomic or Sequence inside an Atomic, and every proposal there validates', () => {
		const text = syncmlMessage('    <Atomic>\n      <CmdID>1</CmdID>\n      |\n    </Atomic>\n');
		const { items, apply } = getCompletionsAt(text);
		const labels = items.map((i) => i.label);
		for (const refused of ['Get', 'Atomic', 'Sequence']) {
			assert.ok(!labels.includes(refused), `${refused} in ${JSON.stringify(labels)}`);
			assert.ok(!labels.some((l) => l.startsWith(`${refused} `)), `${refused} snippets in ${JSON.stringify(labels)}`);
		}
		assert.ok(labels.includes('Replace') && labels.some((l) => l.startsWith('Delete ')));
		for (const item of items) {
			const codes = diagnoseSyncml(apply(item)).map((d) => d.code);
			assert.ok(!codes.includes('unsupported-command') && !codes.includes('nested-atomic'), `${item.label}: ${codes.join(', ')}`);
		}
	});

	it('offers no Sequence in SyncBody', () => {
		const { items } = getCompletionsAt(syncmlMessage('    |\n'));
		assert.ok(!items.some((i) => i.label === 'Sequence'));
		assert.ok(items.some((i) => i.label === 'Atomic'));
	});
});

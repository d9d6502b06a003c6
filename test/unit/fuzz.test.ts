/**
 * Property-based robustness tests of the language service, with a fixed seed and a fixed number
 * of cases that run in seconds: random and mutated profiles, SyncML, ADMX and ADML files (alone,
 * carried by SyncML and Intune exports, ingested by a profile), every feature on each (see
 * test/fuzz/fuzzCore.ts for the checks); and random and mutated Registry.pol, LGPO text and
 * GroupPolicy scripts through their readers, import and writers (test/fuzz/gpoCore.ts). A failure
 * prints the seed, the replay path and a counterexample shrunk by deleting text or bytes.
 * test/fuzz/longFuzz.ts runs the same properties longer.
 *
 * The service runs in a child process (test/fuzz/fuzzWorker.ts) that is killed when a document
 * hangs, so a hang fails its test with the document instead of stopping the whole test run. Every
 * limit counts the CPU time of the child, not time on the clock, so a machine busy with other work
 * makes the tests slower but neither fails them nor checks fewer documents.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChildRunner, type Outcome } from '../fuzz/childRunner';
import { newStats, RangeChecker, type FuzzStats, type Lang } from '../fuzz/fuzzCore';
import type { CaseReply, FuzzProgress, FuzzReply, FuzzRequest, PropertyReply } from '../fuzz/fuzzWorker';
import { applyMutation, loadSeeds, type Mutation } from '../fuzz/generators';
import { ADML_URI, ADMX_URI, seeds as admxSeeds } from '../fuzz/admxGenerators';
import type { GroupPolicyCase } from '../fuzz/gpoCore';
import { fixtures as gpoFixtures } from '../fuzz/gpoGenerators';
import { describeCase, PROPERTY_WEIGHTS, summary, type AnyCase } from '../fuzz/properties';

const SEED = 0x5eed_2024;
/** Cases per unit of a property's weight (weights 1..4; 0.1 for the large ADMX files, a few cases each). */
const RUNS_PER_WEIGHT = 45;
/** Every feature on one small document takes a few ms of CPU; a case that takes this long fails its property. */
const CASE_CPU_MS = 3_000;
/** This much CPU time without the next case is a hang: the child is killed. */
const STALL_CPU_MS = 10_000;
/** A property takes well under a second of CPU; after this long it stops, shrinking a failure included, and reports. */
const PROPERTY_CPU_MS = 30_000;
/** The child is killed after this much CPU time on one property, in case it cannot even report. */
const PROPERTY_KILL_CPU_MS = 60_000;

const WORKER = path.join(__dirname, '..', 'fuzz', 'fuzzWorker.js');
const runner = new ChildRunner<FuzzRequest, FuzzReply, FuzzProgress>(WORKER, ['--no-warnings']);
const stats = newStats();
const started = performance.now();

function add(from: FuzzStats): void {
	stats.documents += from.documents;
	stats.calls += from.calls;
	stats.clean += from.clean;
	stats.diagnostics += from.diagnostics;
	if (from.maxCpuMs > stats.maxCpuMs) {
		stats.maxCpuMs = from.maxCpuMs;
		stats.slowest = from.slowest;
	}
}

/** The reply, or a failed assertion that says how the child died and on which document. */
function replyOf<T extends FuzzReply>(outcome: Outcome<FuzzReply, FuzzProgress>): T {
	switch (outcome.kind) {
		case 'reply':
			return outcome.reply as T;
		case 'error':
			return assert.fail(`the fuzz worker failed:\n${outcome.error}`);
		case 'timeout':
			return assert.fail(`the service hangs (${outcome.reason}; killed) on this ${describeCase(outcome.last)}`);
		case 'crash':
			return assert.fail(`the process died (exit ${outcome.code}, signal ${outcome.signal}) on this ${describeCase(outcome.last)}\n${outcome.stderr.slice(0, 3000)}`);
	}
}

async function checkCase(label: string, c: AnyCase, options: { warningPreview?: boolean; roundTrip?: boolean } = {}): Promise<void> {
	const outcome = await runner.run({ kind: 'case', label, case: c, options }, { cpuMs: STALL_CPU_MS });
	const reply = replyOf<CaseReply>(outcome);
	add(reply.stats);
	if (reply.failure !== undefined) {
		assert.fail(reply.failure);
	}
}

function checkDocument(label: string, lang: Lang, text: string, options: { offsets?: readonly number[]; warningPreview?: boolean; roundTrip?: boolean } = {}): Promise<void> {
	return checkCase(label, { lang, text, origin: label, offsets: options.offsets ?? [] }, options);
}

after(() => {
	runner.close();
	console.log(summary(stats, (performance.now() - started) / 1000));
});

describe('fuzz: the checks themselves', () => {
	it('every example file passes every check as it is', async () => {
		const seeds = loadSeeds();
		assert.ok(seeds.some((s) => s.lang === 'rapolicy') && seeds.some((s) => s.lang === 'syncml'), 'examples of both languages');
		for (const seed of seeds) {
			await checkDocument(seed.name, seed.lang, seed.text, { offsets: [1, seed.text.length - 1], roundTrip: true });
		}
	});

	it('every small real ADMX file (alone and with its ADML), ADML file and Group Policy file passes every check as it is', async () => {
		const admx = admxSeeds('small');
		assert.ok(admx.length > 5);
		for (const seed of admx) {
			await checkCase(seed.name, { lang: 'admx', text: seed.admx, origin: seed.name, offsets: [1, seed.admx.length >> 1], uri: ADMX_URI });
			if (seed.adml !== undefined) {
				await checkCase(seed.name, { lang: 'admx', text: seed.admx, origin: seed.name, offsets: [], uri: ADMX_URI, adml: seed.adml });
				await checkCase(seed.name, { lang: 'admx', text: seed.adml, origin: seed.name, offsets: [1], uri: ADML_URI });
			}
		}
		const files = (['registry-pol', 'lgpo', 'powershell'] as const).flatMap((format) => gpoFixtures(format).map((f) => ({ format, ...f })));
		assert.ok(files.length >= 5);
		for (const file of files) {
			await checkCase(file.name, { format: file.format, content: file.content, origin: file.name });
		}
	});

	it('the range checker catches ranges outside the text, reversed, or splitting a surrogate pair', () => {
		const check = new RangeChecker('ab\r\n😀x\n', 'rapolicy');
		check.range({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, 'fine');
		check.range({ start: { line: 1, character: 2 }, end: { line: 1, character: 3 } }, 'after the emoji');
		assert.deepEqual(check.problems, []);
		check.range({ start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, 'past the line end');
		check.range({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, 'past the last line');
		check.range({ start: { line: 0, character: 2 }, end: { line: 0, character: 1 } }, 'reversed');
		check.range({ start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }, 'inside the emoji');
		assert.equal(check.problems.length, 6, check.problems.join('\n'));
		assert.equal(TextDocument.create('file:///x', 'x', 1, 'ab\r\n😀x\n').lineCount, check.table.lineCount);
	});

	it('mutations do what they say', () => {
		const m = (kind: Mutation['kind'], at: number, token = '', span = 0, n = 1): Mutation => ({ kind, at, token, span, n });
		assert.equal(applyMutation('a\nb\n', m('eol-cr', 0)), 'a\rb\r');
		assert.equal(applyMutation('a\nb\n', m('eol-crlf', 0)), 'a\r\nb\r\n');
		assert.equal(applyMutation('abc', m('insert', 500_000, ']]>')), 'ab]]>c');
		assert.equal(applyMutation('abcdef', m('truncate', 500_000)), 'abc');
		assert.equal(applyMutation('a\nb\n', m('duplicate-line', 0)), 'a\na\nb\n');
		assert.equal(applyMutation('  a: 1\n', m('indent-tab', 0, '', 0, 2)), '\ta: 1\n');
		assert.equal(applyMutation('x: 30\n', m('number', 0, '', 0, 3)), 'x: 120\n');
	});
});

/**
 * Counterexamples the properties found, shrunk by hand to a few characters and kept as their own
 * tests, so each problem shows up by name (a property stops at its first failure). `at` lists
 * strings after which completion, hover and code actions are also asked.
 */
const COUNTEREXAMPLES: readonly { title: string; lang: Lang; text: string; at?: readonly string[]; warningPreview?: boolean }[] = [
	{ title: 'YAML: completion at the start of a document that begins with a line break returns', lang: 'rapolicy', text: '\nprofile: P\n' },
	{ title: 'YAML: a syntax error next to an emoji ends between its two UTF-16 halves', lang: 'rapolicy', text: 'x: !😀\n' },
	{ title: 'YAML: a diagnostic after a key made of an emoji ends inside it', lang: 'rapolicy', text: ': 😀:' },
	{ title: 'YAML: the outline range of a profile ending in an emoji ends inside it', lang: 'rapolicy', text: ' :\n😀' },
	{ title: 'YAML: an option with an empty key gives an outline symbol with an empty name', lang: 'rapolicy', text: 'profile: P\npolicies:\n  SessionLogging:\n    state: enabled\n    options:\n      "": 1\n' },
	{
		title: 'SyncML: an Item with an empty LocURI gives an outline symbol with an empty name',
		lang: 'syncml',
		text: '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI></LocURI></Target></Item></Replace><Final/></SyncBody></SyncML>',
	},
	{ title: 'SyncML: completing VerDTD before a line break gives an edit range over two lines', lang: 'syncml', text: '<VerDTD><\n>', at: ['<VerDTD>'] },
	{ title: 'SyncML: completing a LocURI on the line after its start tag gives an edit range over two lines', lang: 'syncml', text: '<LocURI>t\n<', at: ['t\n'] },
	{ title: 'SyncML: completing a CmdID on the next line gives an edit range over two lines', lang: 'syncml', text: '<CmdID>2\n<', at: ['2\n'] },
	{
		title: 'SyncML: completing inside the &gt; that ends <enabled/> gives an edit range after the cursor',
		lang: 'syncml',
		text: '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_Optimize_Bandwidth</LocURI></Target><Data>&lt;enabled/&gt;</Data></Item></Replace><Final/></SyncBody></SyncML>',
		at: ['&lt;enabled/&g'],
	},
	{
		title: 'YAML: the preview throws when every rule is a warning and an enabled policy lacks an option',
		lang: 'rapolicy',
		text: 'profile: P\npolicies:\n  RA_Optimize_Bandwidth: { state: enabled }\n',
		warningPreview: true,
	},
	{
		title: 'YAML: the preview throws when every rule is a warning and a message holds U+F000',
		lang: 'rapolicy',
		text: 'profile: P\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: "a\\uF000b"\n      RA_Options_Connect_Message: ok\n',
		warningPreview: true,
	},
	{
		title: 'SyncML: the preview throws when every rule is a warning and the payload lacks an option',
		lang: 'syncml',
		text: '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/ADMX_RemoteAssistance/RA_Optimize_Bandwidth</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta><Data>&lt;enabled/&gt;</Data></Item></Replace><Final/></SyncBody></SyncML>',
		warningPreview: true,
	},
	{ title: 'ADMX: a category cut off before its name gives an outline symbol with an empty name', lang: 'admx', text: '<policyDefinitions><categories><category' },
	{ title: 'ADMX: a policy cut off before its name gives an outline symbol with an empty name', lang: 'admx', text: '<policyDefinitions><policies><policy' },
	{
		title: 'ADMX: categories that are each other\'s parents vanish from the outline with the policies under them',
		lang: 'admx',
		text: '<policyDefinitions><categories><category name="A" displayName="a"><parentCategory ref="B"/></category><category name="B" displayName="b"><parentCategory ref="A"/></category></categories><policies><policy name="P" class="Machine" displayName="p" key="K"><parentCategory ref="A"/></policy></policies></policyDefinitions>',
	},
];

/** The same for Group Policy files, and files built to make a reader work far longer than their size warrants. */
const GROUP_POLICY_COUNTEREXAMPLES: readonly { title: string; case: Omit<GroupPolicyCase, 'origin'> }[] = [
	{ title: 'Registry.pol: a QWORD record of no bytes is read as a number with no digits', case: { format: 'registry-pol', content: Uint8Array.from([80, 82, 101, 103, 1, 0, 0, 0, 91, 0, 0, 0, 59, 0, 0, 0, 59, 0, 11, 0, 0, 0, 59, 0, 2, 0, 0, 0, 59, 0, 0, 0, 93, 0]) } },
	{ title: 'Registry.pol: a record that claims 4 GB of data', case: { format: 'registry-pol', content: Uint8Array.from([80, 82, 101, 103, 1, 0, 0, 0, 91, 0, 75, 0, 0, 0, 59, 0, 86, 0, 0, 0, 59, 0, 4, 0, 0, 0, 59, 0, 255, 255, 255, 255, 59, 0, 1, 0, 0, 0, 93, 0]) } },
	{ title: 'LGPO text: a DWORD past 32 bits is read as one', case: { format: 'lgpo', content: 'Computer\no\n\ndword:8443709551' } },
	{ title: 'GroupPolicy script: a DWord past 32 bits is read as one', case: { format: 'powershell', content: 'Set-GPRegistryValue -Key\'HKLM\\\'-ValueName\'\'-Type DWord -Value 4294967296' } },
	{ title: 'GroupPolicy script: 200,000 unclosed ${ in one string', case: { format: 'powershell', content: `Set-GPRegistryValue -Key "${'${'.repeat(200_000)}"` } },
	{ title: 'GroupPolicy script: brackets nested 100,000 deep', case: { format: 'powershell', content: `${'('.repeat(100_000)}Set-GPRegistryValue -Key 'HKLM\\x' -ValueName v -Type DWord -Value 1${')'.repeat(100_000)}` } },
];

describe('fuzz: shrunk counterexamples', () => {
	for (const c of COUNTEREXAMPLES) {
		it(c.title, async () => {
			const offsets = (c.at ?? []).map((marker) => {
				const i = c.text.indexOf(marker);
				assert.ok(i >= 0, `test setup: ${JSON.stringify(marker)} is not in the text`);
				return i + marker.length;
			});
			await checkDocument(c.title, c.lang, c.text, { offsets, warningPreview: c.warningPreview });
		});
	}
});

describe('fuzz: Group Policy counterexamples', () => {
	for (const c of GROUP_POLICY_COUNTEREXAMPLES) {
		it(c.title, () => checkCase(c.title, { ...c.case, origin: c.title }));
	}
});

describe('fuzz: every feature on random and mutated documents', () => {
	PROPERTY_WEIGHTS.forEach(({ name, weight }, index) => {
		it(name, async () => {
			const numRuns = Math.max(1, Math.round(RUNS_PER_WEIGHT * weight));
			const outcome = await runner.run(
				{ kind: 'property', name, seed: SEED + index, numRuns, cpuLimitMs: PROPERTY_CPU_MS, maxCpuMsPerCase: CASE_CPU_MS },
				{ cpuMs: PROPERTY_KILL_CPU_MS, stallCpuMs: STALL_CPU_MS },
			);
			const reply = replyOf<PropertyReply>(outcome);
			add(reply.stats);
			if (reply.failed) {
				assert.fail(reply.report);
			}
			assert.ok(!reply.interrupted, `only ${reply.numRuns} of ${numRuns} cases were checked within ${PROPERTY_CPU_MS} ms of CPU`);
		});
	});
});

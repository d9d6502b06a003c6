/**
 * Hostile inputs: each must give a clear diagnostic (or the too-large notice), never a crash or a
 * hang. Each case runs in a child process (test/fuzz/hostileWorker.ts) with the server's own stack
 * size, so a stack overflow, running out of memory or an endless loop is caught and reported
 * instead of taking the test run down; the child is killed as hung once it has used HANG_CPU_MS
 * of CPU time on a case. The child also runs every feature on the input with the checks of the
 * fuzz tests (ranges inside the text, nothing throws) and watches every file and network access,
 * to prove external entities are never followed.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYNCML_EXPIRY_120, YAML_EXPIRY_120, type HostileCaseName } from '../fuzz/hostileCases';
import { ChildRunner, type Outcome as ChildOutcome } from '../fuzz/childRunner';
import type { HostileReport, HostileRequest, ReportedDiagnostic } from '../fuzz/hostileWorker';

type Lang = 'rapolicy' | 'syncml' | 'admx';

const WORKER = path.join(__dirname, '..', 'fuzz', 'hostileWorker.js');
const CANARY_SECRET = `rapolicy-canary-${process.pid}-7f3c9a`;
/** Text of /etc/passwd that must appear in no result (the test never reads the file itself). */
const PASSWD_NEEDLES = ['root:x:0:0', 'root:*:0:0', ':/usr/sbin/nologin', ':/bin/bash', ':/bin/false', 'daemon:x:'];

let canaryDir = '';
let canaryPath = '';

type Outcome = ChildOutcome<HostileReport, never>;

/**
 * CPU time after which a case counts as hung, in ms. The slowest case takes a few seconds of CPU,
 * while a loop that never ends, or work that grows with the square of a 5 MB input, takes far
 * more. CPU time, unlike time on the clock, does not grow when other work keeps the machine busy.
 */
const HANG_CPU_MS = 30_000;

/** One child process serves the cases in turn; one that hangs is killed and the next case gets a new one. */
const runner = new ChildRunner<HostileRequest, HostileReport>(WORKER, ['--max-old-space-size=2048', '--no-warnings']);

/** Runs one case in a loaded child (started first if the last case killed it), killed as hung after HANG_CPU_MS. */
function runHostile(name: HostileCaseName, lang: Lang): Promise<Outcome> {
	return runner.run({
		name,
		lang,
		canaryPath,
		needles: [CANARY_SECRET, ...PASSWD_NEEDLES, 'lollollol'],
		watchedPaths: ['/etc/passwd', 'passwd', canaryPath, canaryDir],
		countChars: ['\uFFFD', '\u0000', '\uFEFF', '\r', '\t'],
	}, { cpuMs: HANG_CPU_MS });
}

// ---- Timing table ----

const table: string[] = [];

function logTiming(label: string, outcome: Outcome): void {
	let line: string;
	if (outcome.kind === 'reply') {
		const r = outcome.reply;
		const slowest = Object.entries(r.timings).sort((a, b) => b[1] - a[1])[0];
		line = `${label}: ${outcome.ms.toFixed(0)} ms in all, ${outcome.cpuMs.toFixed(0)} ms of CPU (input ${r.buildMs.toFixed(0)}, every feature ${r.featuresMs.toFixed(0)} in ${r.calls} calls; slowest ${slowest ? `${slowest[0]} ${slowest[1].toFixed(0)}` : '-'}); ${r.textLength} characters, ${r.lineCount} lines, ${r.diagnosticCount} diagnostics [${[...new Set(r.diagnostics.map((d) => d.code))].join(', ')}]${r.ok ? '' : '; CHECK FAILED'}`;
	} else if (outcome.kind === 'timeout') {
		line = `${label}: KILLED after ${outcome.ms.toFixed(0)} ms (hang: ${outcome.reason})`;
	} else if (outcome.kind === 'crash') {
		line = `${label}: CRASHED after ${outcome.ms.toFixed(0)} ms (exit ${outcome.code}, signal ${outcome.signal})`;
	} else {
		line = `${label}: THREW after ${outcome.ms.toFixed(0)} ms`;
	}
	table.push(line);
	console.log(`hostile: ${line}`);
}

// ---- Expectations ----

interface Expect {
	readonly problems: string[];
	check(condition: unknown, message: string): void;
}

function expecter(): Expect {
	const problems: string[] = [];
	return { problems, check: (condition, message) => void (condition ? undefined : problems.push(message)) };
}

function show(d: ReportedDiagnostic): string {
	return `${d.code} ${JSON.stringify(d.range)} covering ${JSON.stringify(d.covered.slice(0, 80))}${d.coveredLength > 80 ? `... (${d.coveredLength} characters)` : ''}: ${d.message.slice(0, 160)}`;
}

function list(report: HostileReport): string {
	return report.diagnostics.length === 0 ? '(none)' : report.diagnostics.slice(0, 12).map(show).join('\n    ');
}

/** The common part: the child finished, every feature ran and passed the checks, nothing was read. */
function finished(outcome: Outcome): HostileReport {
	if (outcome.kind === 'timeout') {
		assert.fail(`the service hangs (or is far too slow) on this input: the child ${outcome.reason}, and was killed.${outcome.stderr ? `\n${outcome.stderr.slice(0, 2000)}` : ''}`);
	}
	if (outcome.kind === 'crash') {
		assert.fail(`the process crashed (exit ${outcome.code}, signal ${outcome.signal}) after ${outcome.ms.toFixed(0)} ms:\n${outcome.stderr.slice(0, 3000)}`);
	}
	if (outcome.kind === 'error') {
		assert.fail(`the service threw:\n${outcome.error}`);
	}
	return outcome.reply;
}

function common(e: Expect, report: HostileReport): void {
	e.check(report.ok, `a feature failed on this input:\n${report.failure ?? ''}`);
	e.check(report.touchedWatched.length === 0, `files or the network were touched: ${JSON.stringify(report.touchedWatched)}`);
	e.check(report.foundNeedles.length === 0, `results hold text that must not be there: ${JSON.stringify(report.foundNeedles)}`);
	for (const d of report.diagnostics) {
		e.check(typeof d.code === 'string' && d.message.trim() !== '', `diagnostic without code or message: ${show(d)}`);
	}
}

function only(e: Expect, report: HostileReport, code: string): ReportedDiagnostic | undefined {
	const found = report.diagnostics.filter((d) => d.code === code);
	e.check(found.length === 1, `expected exactly one ${code}, got:\n    ${list(report)}`);
	return found[0];
}

/** Exactly one diagnostic, of `code`, covering exactly `text`, on line `line`. */
function exactly(e: Expect, report: HostileReport, code: string, text: string, line?: number): void {
	e.check(report.diagnosticCount === 1 && report.diagnostics[0]?.code === code, `expected only ${code}, got:\n    ${list(report)}`);
	const d = report.diagnostics.find((x) => x.code === code);
	if (d) {
		e.check(d.covered === text, `${code} covers ${JSON.stringify(d.covered.slice(0, 80))}, not exactly ${JSON.stringify(text)} (${JSON.stringify(d.range)})`);
		if (line !== undefined) {
			e.check(d.range.start.line === line && d.range.end.line === line, `${code} is on line ${d.range.start.line}..${d.range.end.line}, not ${line}`);
		}
	}
}

function lineOf(text: string, needle: string): number {
	return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

interface Case {
	readonly name: HostileCaseName;
	readonly title: string;
	readonly langs: readonly Lang[];
	readonly expect: (e: Expect, report: HostileReport, lang: Lang) => void;
}

const EXPIRY_LINE: Readonly<Partial<Record<Lang, number>>> = { rapolicy: lineOf(YAML_EXPIRY_120, ': 120'), syncml: lineOf(SYNCML_EXPIRY_120, 'value="120"') };

const CASES: readonly Case[] = [
	{
		name: 'xml-billion-laughs',
		title: 'XML entity expansion (billion laughs) is refused, never expanded',
		langs: ['syncml'],
		expect: (e, r) => {
			const d = only(e, r, 'xml-doctype');
			e.check(d && d.covered.startsWith('<!DOCTYPE SyncML [') && d.coveredTail.endsWith(']>'), `xml-doctype does not cover the whole DOCTYPE: ${d && show(d)}`);
			e.check(r.outputChars < 2_000_000, `results are ${r.outputChars} characters (largest ${JSON.stringify(r.largestOutput)}): entities were expanded`);
		},
	},
	{
		name: 'xml-external-entities',
		title: 'external entities (/etc/passwd, a local canary file, http) are refused and never read',
		langs: ['syncml'],
		expect: (e, r) => {
			const d = only(e, r, 'xml-doctype');
			e.check(d && d.covered.startsWith('<!DOCTYPE SyncML [') && d.covered.includes('/etc/passwd') && d.coveredTail.endsWith(']>'), `xml-doctype does not cover the DOCTYPE: ${d && show(d)}`);
			const doctypeEnd = SYNCML_DOCTYPE_LINES;
			for (const x of r.diagnostics.filter((x) => x.range.start.line < doctypeEnd)) {
				e.check(x.code === 'xml-doctype', `the DOCTYPE is reported as ${x.code}, not xml-doctype: ${show(x)}`);
			}
		},
	},
	{
		name: 'xml-doctype',
		title: 'a DOCTYPE alone is refused with one xml-doctype',
		langs: ['syncml'],
		expect: (e, r) => {
			e.check(r.diagnosticCount === 1 && r.diagnostics[0]?.code === 'xml-doctype', `expected only xml-doctype, got:\n    ${list(r)}`);
			e.check(r.diagnostics[0]?.covered.startsWith('<!DOCTYPE SyncML PUBLIC') && r.diagnostics[0]?.coveredTail.endsWith('.dtd">'), `xml-doctype does not cover the DOCTYPE: ${r.diagnostics[0] && show(r.diagnostics[0])}`);
		},
	},
	{
		name: 'xml-nested-100000',
		title: 'XML nested 100,000 deep stops at the depth limit with a clear message',
		langs: ['syncml'],
		expect: (e, r) => {
			const deep = r.diagnostics.find((d) => d.code === 'xml-syntax' && /nested more than \d+ deep/.test(d.message));
			e.check(deep, `no "nested more than N deep" xml-syntax diagnostic among:\n    ${list(r)}`);
			e.check(deep?.covered === 'Atomic', `the depth diagnostic covers ${JSON.stringify(deep?.covered)}, not the element name Atomic`);
		},
	},
	{
		name: 'profile-nested-100000',
		title: 'a profile whose top-level command nests 100,000 deep stops at the depth limit',
		langs: ['syncml'],
		expect: (e, r) => {
			const deep = r.diagnostics.find((d) => d.code === 'xml-syntax' && /nested more than \d+ deep/.test(d.message));
			e.check(deep?.covered === 'Atomic', `no depth diagnostic on Atomic among:\n    ${list(r)}`);
		},
	},
	{
		name: 'profile-5000-roots',
		title: 'a profile of 5,000 top-level commands is read as one, each command checked',
		langs: ['syncml'],
		expect: (e, r) => {
			e.check(r.diagnostics.every((d) => d.code === 'missing-format' || d.code === 'conflicting-commands'), `only per-command problems expected, got:\n    ${list(r)}`);
			e.check(!r.diagnostics.some((d) => d.code === 'syncml-structure' || d.code === 'missing-cmdid'), 'no structure or CmdID problem in a profile');
		},
	},
	{
		name: 'yaml-nested-100000',
		title: 'YAML flow collections nested 100,000 deep give an error, not a stack overflow',
		langs: ['rapolicy'],
		expect: (e, r) => {
			e.check(r.diagnostics.some((d) => d.severity === 1), `no error among:\n    ${list(r)}`);
		},
	},
	{
		name: 'yaml-alias-bomb',
		title: 'YAML alias bomb (billion laughs with &a / *a) before the profile keys',
		langs: ['rapolicy'],
		expect: (e, r) => {
			e.check(r.diagnostics.some((d) => d.severity === 1), `no error among:\n    ${list(r)}`);
			e.check(r.outputChars < 2_000_000, `results are ${r.outputChars} characters (largest ${JSON.stringify(r.largestOutput)}): aliases were expanded`);
		},
	},
	{
		name: 'yaml-alias-bomb-in-options',
		title: 'YAML alias bomb (billion laughs with &a / *a) inside the helper list of a policy',
		langs: ['rapolicy'],
		expect: (e, r) => {
			e.check(r.diagnostics.some((d) => d.severity === 1), `no error among:\n    ${list(r)}`);
			e.check(r.outputChars < 2_000_000, `results are ${r.outputChars} characters (largest ${JSON.stringify(r.largestOutput)}): aliases were expanded`);
		},
	},
	{
		name: '50mb',
		title: 'a 50 MB file gets the too-large notice and nothing else',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r) => {
			e.check(r.textLength >= 50 * 1024 * 1024, `the input is only ${r.textLength} characters`);
			e.check(r.diagnosticCount === 1 && r.diagnostics[0]?.code === 'too-large', `expected only too-large, got:\n    ${list(r)}`);
			const d = r.diagnostics[0];
			e.check(d && d.range.start.line === 0 && d.range.start.character === 0, `too-large is not at the start: ${d && show(d)}`);
			e.check(d && d.message.includes(String(r.textLength)), `the too-large message does not say how large the file is: ${d?.message}`);
		},
	},
	{
		name: '5mb-line',
		title: 'a single line of 5 MB is checked (text-too-long on the value) without hanging',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r) => {
			e.check(r.lineCount === 1 && r.textLength > 5 * 1024 * 1024, `the input is ${r.textLength} characters on ${r.lineCount} lines`);
			const d = only(e, r, 'text-too-long');
			// The problem covers the characters past the 1023 the element allows.
			e.check(d && d.range.start.line === 0 && d.covered.includes('Remote-assistance-is-about-to-start.') && d.coveredLength >= 5 * 1024 * 1024 - 1023 && d.coveredLength <= 5 * 1024 * 1024 + 2 - 1023, `text-too-long does not cover the 5 MB value past its first 1023 characters: ${d && show(d)}`);
		},
	},
	{
		name: 'nul-invalid-utf8',
		title: 'NUL and invalid UTF-8 (decoded to U+FFFD): invalid-character on exactly the NUL',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r) => {
			e.check(r.charCounts['\uFFFD'] >= 6 && r.charCounts['\u0000'] === 1, `the editor's decoding should give U+FFFD and one NUL: ${JSON.stringify(r.charCounts)}`);
			const d = only(e, r, 'invalid-character');
			e.check(d && d.covered === '\u0000' && d.message.includes('U+0000'), `invalid-character does not cover exactly the NUL: ${d && show(d)}`);
			e.check(r.diagnostics.every((x) => x.code === 'invalid-character'), `other diagnostics besides invalid-character:\n    ${list(r)}`);
		},
	},
	{
		name: 'bom-clean',
		title: 'a BOM (U+FEFF kept in the text) before a clean file gives no diagnostic',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r) => {
			e.check(r.charCounts['\uFEFF'] === 1 && r.head.startsWith('\uFEFF'), `the text does not start with a BOM: ${JSON.stringify(r.head)}`);
			e.check(r.diagnosticCount === 0, `a clean file with a BOM has diagnostics:\n    ${list(r)}`);
		},
	},
	{
		name: 'bom-expiry',
		title: 'after a BOM, the expiry of 120 is still covered exactly',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r, lang) => exactly(e, r, 'decimal-range', '120', EXPIRY_LINE[lang]),
	},
	{
		name: 'cr-only',
		title: 'CR-only line ends: the expiry of 120 is reported on its line and covered exactly',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r, lang) => {
			e.check(r.charCounts['\r'] > 5 && r.lineCount > 5, `the text should have CR line ends: ${JSON.stringify(r.charCounts)}, ${r.lineCount} lines`);
			exactly(e, r, 'decimal-range', '120', EXPIRY_LINE[lang]);
		},
	},
	{
		name: 'crlf',
		title: 'CRLF line ends: the expiry of 120 is reported on its line and covered exactly',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r, lang) => exactly(e, r, 'decimal-range', '120', EXPIRY_LINE[lang]),
	},
	{
		name: 'mixed-tabs',
		title: 'tabs and spaces mixed where the language allows them: only the expiry of 120',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r, lang) => {
			e.check(r.charCounts['\t'] >= 4, `the text should hold tabs: ${JSON.stringify(r.charCounts)}`);
			exactly(e, r, 'decimal-range', '120', EXPIRY_LINE[lang]);
		},
	},
	{
		name: 'tab-indentation',
		title: 'a tab as YAML indentation is a yaml-syntax error on the tab',
		langs: ['rapolicy'],
		expect: (e, r) => {
			const d = r.diagnostics.find((x) => x.code === 'yaml-syntax' && /tab/i.test(x.message));
			e.check(d, `no yaml-syntax diagnostic about the tab among:\n    ${list(r)}`);
			e.check(d?.covered === '\t', `the tab diagnostic covers ${JSON.stringify(d?.covered)}, not the tab`);
		},
	},
	{
		name: 'non-bmp',
		title: 'emoji and other non-BMP characters before an error on the same line: the range is exact in UTF-16',
		langs: ['rapolicy', 'syncml'],
		expect: (e, r, lang) => exactly(e, r, 'decimal-range', '120', lang === 'rapolicy' ? 0 : EXPIRY_LINE.syncml),
	},
	{
		name: 'non-bmp-name',
		title: 'a policy name with emoji: unknown-policy covers the whole name, both halves of each emoji',
		langs: ['rapolicy'],
		expect: (e, r) => {
			const d = only(e, r, 'unknown-policy');
			e.check(d?.covered === '🎉SessionLogging😀', `unknown-policy covers ${JSON.stringify(d?.covered)}, not exactly the name`);
		},
	},
	{
		name: 'admx-category-chain',
		title: 'an ADMX of 2,000 policies under a chain of 16,000 categories is checked in time that grows with its size, not their product',
		langs: ['admx'],
		expect: (e, r) => {
			e.check(r.textLength > 1_000_000, `the input is only ${r.textLength} characters`);
			// Only Intune's 1 MB limit, which a file this size is over.
			e.check(r.diagnosticCount === 1 && r.diagnostics[0].code === 'admx-intune-import', `a well-formed file has other diagnostics:\n    ${list(r)}`);
		},
	},
	{
		name: 'admx-60000-undeclared-prefixes',
		title: 'an ADMX of 60,000 policies that refer to undeclared prefixes gets one problem per prefix, in time that grows with its size',
		langs: ['admx'],
		expect: (e, r) => {
			const prefixes = r.diagnostics.filter((d) => d.code === 'admx-reference');
			e.check(prefixes.length === 2 && prefixes.every((d) => /^The prefix (other|windows) is not declared \(here and in 59999 more references\)/.test(d.message)), `not one admx-reference per prefix among:\n    ${list(r)}`);
		},
	},
	{
		name: 'admx-100000-diagnostics',
		title: 'an ADMX with 100,000 diagnostics answers code actions for all of them at once, in time that grows with their number',
		langs: ['admx'],
		expect: (e, r) => {
			// One per policy, and one for a file over the 1 MB Intune takes.
			e.check(r.diagnosticCount === 100_001 && r.diagnostics.every((d) => d.code === 'admx-intune-import'), `expected 100,001 admx-intune-import, got ${r.diagnosticCount}:\n    ${list(r)}`);
		},
	},
	{
		name: 'admx-nested-100000',
		title: 'an ADMX nesting <elements> 100,000 deep stops at the depth limit with a clear message',
		langs: ['admx'],
		expect: (e, r) => {
			const deep = r.diagnostics.find((d) => d.code === 'admx-syntax' && /nested more than \d+ deep/.test(d.message));
			e.check(deep?.covered === 'elements', `no depth diagnostic on elements among:\n    ${list(r)}`);
		},
	},
];

/** Lines before <SyncML in the external-entity case: the DOCTYPE and the XML declaration. */
const SYNCML_DOCTYPE_LINES = 9;

describe('hostile inputs', () => {
	before(() => {
		canaryDir = mkdtempSync(path.join(tmpdir(), 'rapolicy-hostile-'));
		canaryPath = path.join(canaryDir, 'secret.txt');
		writeFileSync(canaryPath, `${CANARY_SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`);
	});
	after(() => {
		runner.close();
		rmSync(canaryDir, { recursive: true, force: true });
		console.log(`hostile: ${table.length} cases\n  ${table.join('\n  ')}`);
	});

	for (const c of CASES) {
		for (const lang of c.langs) {
			const label = `${c.name} (${lang})`;
			it(`${c.title} [${lang}]`, async () => {
				const outcome = await runHostile(c.name, lang);
				logTiming(label, outcome);
				const report = finished(outcome);
				const e = expecter();
				c.expect(e, report, lang);
				common(e, report);
				assert.deepEqual(e.problems, [], `${label}:\n  ${e.problems.join('\n  ')}`);
			});
		}
	}
});

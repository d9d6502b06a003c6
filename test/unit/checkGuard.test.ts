/**
 * A check that throws on one part of a document reports that part and leaves every other
 * diagnostic standing. The checks are data the guard runs (server/src/service/problems/guard.ts);
 * the tests hand it a throwing check, and hand the product's own checks a model that throws when
 * read (through the same doors the editor and the command line use), never a hook of its own.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getDiagnostics, loadAdmx, parseDocument, parsePolicyDocument, withIngestedAdmx, type AdmxFile } from '../../server/src/service';
import { guarded, runChecks, type Check } from '../../server/src/service/problems/guard';
import type { Problem } from '../../server/src/service/problems/problem';
import type { PolicySetting } from '../../server/src/service/model/policyModel';
import { checkProfile } from '../../server/src/service/policy/policyRules';
import { YamlEditWriter } from '../../server/src/service/profile/yamlEdits';
import { minimalAdmx } from '../helpers/admxText';

const META = '<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>';

/** A model object that throws when `property` is read, as a check with a bug would. */
function breaking<T extends object>(model: T, property: keyof T & string): T {
	return Object.create(model, { [property]: { get: () => { throw new TypeError(`cannot read ${property}`); } } }) as T;
}

/** Each problem as `code: covered text`. */
function covered(text: string, problems: readonly Problem[]): string[] {
	return problems.map((p) => `${p.code}: ${text.slice(p.span.start, p.span.end)}`);
}

function diagnostics(text: string, list: readonly Diagnostic[]): string[] {
	const lines = text.split('\n');
	const offset = (p: Diagnostic['range']['start']) => lines.slice(0, p.line).reduce((n, line) => n + line.length + 1, 0) + p.character;
	return list.map((d) => `${String(d.code)}: ${text.slice(offset(d.range.start), offset(d.range.end))}`);
}

describe('the check guard', () => {
	interface Part {
		readonly name: string;
		readonly start: number;
	}
	const parts: Part[] = [{ name: 'A', start: 0 }, { name: 'B', start: 10 }];
	const found = (message: string, at: number): Problem => ({ code: 'schema', span: { start: at, end: at + 1 }, message });
	const checks: Check<Part>[] = [
		{ name: 'first', run: (part, problems) => problems.push(found(`first on ${part.name}`, part.start)) },
		{
			name: 'exploding',
			run: (part, problems) => {
				problems.push(found(`exploding on ${part.name}`, part.start));
				if (part.name === 'B') {
					throw new RangeError('no such\nthing');
				}
			},
		},
		{ name: 'last', run: (part, problems) => problems.push(found(`last on ${part.name}`, part.start)) },
	];

	it('runs every other check and part, takes back what the failing one found on its part, and reports the failure there', () => {
		const problems: Problem[] = [];
		runChecks(checks, parts, (part) => ({ span: { start: part.start, end: part.start + 5 }, name: `part ${part.name}` }), problems);
		assert.deepEqual(problems.map((p) => `${p.code} ${p.span.start}-${p.span.end}: ${p.message}`), [
			'schema 0-1: first on A',
			'schema 10-11: first on B',
			'schema 0-1: exploding on A',
			'check-failed 10-15: The exploding check failed on part B (RangeError: no such thing), so this part is not fully checked; the other checks still ran. This is a bug in rapolicy: please report it with the text that causes it.',
			'schema 0-1: last on A',
			'schema 10-11: last on B',
		]);
	});

	it('gives the fallback in place of the result of work that throws, and the result of work that does not', () => {
		const problems: Problem[] = [];
		assert.equal(guarded('counting', { span: { start: 3, end: 4 }, name: 'this part' }, problems, () => 7, 0), 7);
		assert.equal(guarded('counting', { span: { start: 3, end: 4 }, name: 'this part' }, problems, () => { throw new Error('x'); }, 0), 0);
		assert.deepEqual(problems.map((p) => p.code), ['check-failed']);
	});
});

describe('a check that throws on a part of a document', () => {
	it('a policy: the other policies and the profile still report, and the failure stands on that policy\'s entry', () => {
		const yaml = 'profile: "a\\nb"\npolicies:\n  SessionLoging: { state: enabled }\n  RA_Optimize_Bandwidth: { state: enabled }\n  SessionLogging: { state: on }\n';
		const [profile] = parsePolicyDocument('file:///p.rapolicy.yaml', 1, yaml).profiles;
		const policies = profile.policies.map((setting, i) => (i === 1 ? breaking<PolicySetting>(setting, 'definition') : setting));
		const problems: Problem[] = [];
		checkProfile({ ...profile, policies }, new YamlEditWriter(yaml), problems);
		assert.deepEqual(covered(yaml, problems), [
			'invalid-character: "a\\nb"',
			'unknown-policy: SessionLoging',
			'check-failed: RA_Optimize_Bandwidth: { state: enabled }',
			'invalid-state: on',
		]);
		assert.match(problems[2].message, /^The policy check failed on the policy RA_Optimize_Bandwidth \(TypeError: cannot read definition\)/);
	});

	it('a profile\'s ADMX: the editor still shows every other diagnostic of the file, and the failure at the admx entries', () => {
		const yaml = 'profile: P\nadmx:\n  - app: Contoso\n    file: contoso.admx\npolicies:\n  SessionLoging: { state: enabled }\n  Contoso/P: { state: enabled }\n';
		const text = minimalAdmx();
		// The file as the editor reads it, with a model that throws once a check reads its problems.
		const read = () => ({ admx: breaking<AdmxFile>(loadAdmx(text), 'problems'), adml: undefined, text });
		const doc = withIngestedAdmx(parseDocument('file:///w/p.rapolicy.yaml', 1, yaml, 'rapolicy'), [], read);
		// Unread, the file ingests nothing, and the policy of it is said to be of an AppName nothing ingests.
		assert.deepEqual(diagnostics(yaml, getDiagnostics(doc, DEFAULT_SETTINGS)), ['check-failed: app: Contoso\n    file: contoso.admx', 'unknown-policy: SessionLoging', 'ingested-app: Contoso']);
	});

	it('an ingested policy of SyncML: each other item still reports, and the failure stands on that item\'s LocURI', () => {
		const uri = './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Cat/P';
		const syncml = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody>\n<Replace><CmdID>1</CmdID><Item>${META}<Target><LocURI>${uri}</LocURI></Target><Data>&lt;enabled/&gt;</Data></Item></Replace>\n<Replace><CmdID>1</CmdID><Item>${META}<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging</LocURI></Target><Data>&lt;enabled/&gt;&lt;data id="x" value="1"/&gt;</Data></Item></Replace>\n<Final/></SyncBody></SyncML>\n`;
		// Ingested elsewhere, as the rapolicy.admx.ingested setting names it, with a model that throws once its policies are looked in.
		const admx = breaking<AdmxFile>(loadAdmx(minimalAdmx()), 'policies');
		const doc = withIngestedAdmx(parseDocument('file:///m.syncml', 1, syncml, 'syncml'), [{ app: 'Contoso', admx, order: -1 }]);
		assert.deepEqual(diagnostics(syncml, getDiagnostics(doc, DEFAULT_SETTINGS)), [
			`check-failed: ${uri}`,
			'duplicate-cmdid: 1',
			'unknown-option: x',
		]);
	});
});

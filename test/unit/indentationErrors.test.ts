import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { DEFAULT_SETTINGS, getCodeActions, getDiagnostics, parsePolicyDocument } from '../../server/src/service';
import { applyFix, codes, covered, diagnose, onlyDiagnostic as only, TEST_URI } from '../helpers/service';

const HEAD = 'profile: test\nscope: device\npolicies:\n';

describe('indentation: YAML syntax errors explained at the line that causes them', () => {
	const overIndented = HEAD + [
		'  UnsolicitedRemoteAssistance:',
		'      state: enabled',
		'    options:',
		'      RA_Unsolicit_Control_List: remote-control',
		'',
	].join('\n');

	it('reports an over-indented state first, at its own line, and nothing that only follows from it', () => {
		const found = diagnose(overIndented);
		assert.deepEqual(found.map((d) => d.code), ['yaml-syntax'], JSON.stringify(found.map((d) => d.message)));
		const [d] = found;
		assert.equal(d.range.start.line, 4);
		assert.equal(covered(overIndented, d), 'state');
		assert.match(d.message, /state is indented deeper than options below it.*indent both with 4 spaces/);
	});

	it('re-indents the state to its siblings\' column', () => {
		const { after, action } = applyFix(overIndented, 'yaml-syntax');
		assert.match(action.title, /4 spaces/);
		assert.equal(after, overIndented.replace('      state: enabled', '    state: enabled'));
		assert.deepEqual(codes(after), ['missing-option'], 'only the genuine problem of the profile is left');
	});

	it('explains a key indented less than the one above it, and fixes it', () => {
		const text = HEAD + '  SessionLogging:\n    state: enabled\n   options: {}\n';
		const d = only(text, 'yaml-syntax');
		assert.equal(covered(text, d), 'options');
		assert.match(d.message, /options is indented less than state above it.*4 spaces/);
		const { after } = applyFix(text, 'yaml-syntax');
		assert.equal(after, HEAD + '  SessionLogging:\n    state: enabled\n    options: {}\n');
	});

	it('explains a list entry that does not line up with the one above it, as one error instead of three', () => {
		const text = HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit:\n        - CONTOSO\\A\n       - CONTOSO\\B\n';
		const d = only(text, 'yaml-syntax');
		assert.deepEqual(codes(text), ['yaml-syntax']);
		assert.equal(covered(text, d), 'CONTOSO\\B');
		assert.match(d.message, /^The list entry CONTOSO\\B is indented less than the list entry CONTOSO\\A above it.*8 spaces/);
		assert.deepEqual(codes(applyFix(text, 'yaml-syntax').after), []);
	});

	it('explains a key indented deeper than a key with a value above it, as one error instead of two', () => {
		const text = HEAD + '  SessionLogging:\n    state: enabled\n      options:\n        X: 1\n';
		const found = diagnose(text);
		assert.deepEqual(found.map((d) => d.code), ['yaml-syntax'], JSON.stringify(found.map((d) => d.message)));
		assert.equal(covered(text, found[0]), 'options');
		assert.match(found[0].message, /options is indented deeper than state above it/);
		const { after } = applyFix(text, 'yaml-syntax');
		assert.equal(after, HEAD + '  SessionLogging:\n    state: enabled\n    options:\n      X: 1\n');
		assert.ok(!codes(after).includes('yaml-syntax'));
	});

	it('explains an over-indented first key of the document', () => {
		const text = '  profile: test\npolicies:\n  SessionLogging: { state: enabled }\n';
		const d = only(text, 'yaml-syntax');
		assert.equal(covered(text, d), 'profile');
		assert.match(d.message, /^profile is indented deeper than policies below it.*start both at the beginning of the line/);
		assert.deepEqual(codes(applyFix(text, 'yaml-syntax').after), []);
	});

	it('leaves an error inside a flow mapping to YAML', () => {
		const text = HEAD + '  SessionLogging: { state: enabled,\n options: {} }\n';
		const found = diagnose(text).filter((d) => d.code === 'yaml-syntax');
		assert.ok(found.length > 0);
		for (const d of found) {
			assert.match(d.message, /^YAML syntax error: /, 'the library\'s own words');
		}
		assert.ok(!codes(text).includes('misplaced-key'));
	});

	it('keeps the genuine problems outside the damaged block: other policies and other documents', () => {
		const first = HEAD + [
			'  UnsolicitedRemoteAssistance:',
			'      state: enabled',
			'    options:',
			'      RA_Unsolicit_Control_List: remote-control',
			'  SessionLogging: { state: enabld }',
			'',
		].join('\n');
		const second = 'profile: second\nscope: user\npolicies:\n  RA_EncryptedTicketOnly: { state: enabled }\n';
		const text = `${first}---\n${second}`;
		assert.deepEqual(codes(text), ['yaml-syntax', 'invalid-state', 'invalid-scope']);
		assert.equal(diagnose(text)[0].range.start.line, 4);
	});

	it('reports a misplaced key in one document and a genuine problem in the next', () => {
		const text = HEAD + '  SessionLogging:\n    state: enabled\n    RA_EncryptedTicketOnly:\n      state: enabled\n---\nprofile: two\npolicies:\n  SessionLogging: { state: enable }\n';
		assert.deepEqual(codes(text), ['misplaced-key', 'invalid-state']);
	});

	it('says to indent with spaces where a tab indents, and drops what only follows from it', () => {
		const text = 'profile: t\npolicies:\n\tSessionLogging:\n\t\tstate: enabled\n';
		const found = diagnose(text);
		assert.ok(found.length > 0 && found.every((d) => d.code === 'yaml-syntax'), JSON.stringify(found.map((d) => [d.code, d.message])));
		assert.match(found[0].message, /tab/i);
		assert.match(found[0].message, /spaces/);
		let fixed = text;
		while (codes(fixed).includes('yaml-syntax')) {
			fixed = applyFix(fixed, 'yaml-syntax').after;
		}
		assert.equal(fixed, 'profile: t\npolicies:\n  SessionLogging:\n    state: enabled\n');
		assert.deepEqual(codes(fixed), []);
	});
});

describe('indentation: incremental parsing', () => {
	it('gives the diagnostics and fixes of a fresh parse after edits that shift indentation', () => {
		const base = `${HEAD}  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n    RA_Unsolicit_DACL_Edit:\n      - CONTOSO\\RA-Helpdesk\n---\n${HEAD}  SessionLogging:\n    state: enabled\n  scope: device\n`;
		const edit = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom('', ' ', '  ', '\t', '\n', '    state: enabled\n', '  '));
		fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
			let text = base;
			let previous = parsePolicyDocument(TEST_URI, 0, text);
			edits.forEach(([at, remove, insert], version) => {
				const start = at % (text.length + 1);
				text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
				const incremental = parsePolicyDocument(TEST_URI, version + 1, text, previous);
				const fresh = parsePolicyDocument(TEST_URI, version + 1, text);
				const diagnostics = getDiagnostics(fresh, DEFAULT_SETTINGS);
				assert.deepEqual(getDiagnostics(incremental, DEFAULT_SETTINGS), diagnostics);
				assert.deepEqual(getCodeActions(incremental, diagnostics, DEFAULT_SETTINGS), getCodeActions(fresh, diagnostics, DEFAULT_SETTINGS));
				previous = incremental;
			});
		}), { seed: 7, numRuns: 60 });
	});
});

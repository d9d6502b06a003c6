import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCodeActions } from '../../server/src/service';
import { applyEdits, codes, crlf, diagnose, FULL_PROFILE, parse, rawDiagnostics, TEST_URI } from '../helpers/service';

function mutate(from: string, to: string, text = FULL_PROFILE): string {
	assert.ok(text.includes(from), `test setup: ${JSON.stringify(from)} is not in the text`);
	return text.replace(from, to);
}

function isSuppression(action: CodeAction): boolean {
	return (action.edit?.changes?.[TEST_URI] ?? []).some((e) => e.newText.includes('rapolicy-disable-next-line'));
}

/** The quick fixes (not the suppression comment) offered for the first diagnostic of `code`. */
function fixesFor(text: string, code: string): { diagnostic: Diagnostic; actions: CodeAction[] } {
	const diagnostics = rawDiagnostics(text);
	const diagnostic = diagnostics.find((d) => d.code === code);
	assert.ok(diagnostic, `no ${code} in ${JSON.stringify(codes(text))}`);
	const actions = getCodeActions(parse(text), [diagnostic], DEFAULT_SETTINGS).filter((a) => !isSuppression(a));
	return { diagnostic, actions };
}

function apply(text: string, action: CodeAction): string {
	const edits = action.edit?.changes?.[TEST_URI];
	assert.ok(edits && edits.length > 0, `${action.title} has edits for the document`);
	return applyEdits(text, edits);
}

/**
 * Applies the fix for the first `code` diagnostic (the one whose title matches, or the only or
 * preferred one) and checks the spec's promise: that problem is gone and no YAML error is new.
 */
function fix(text: string, code: string, title?: RegExp): { after: string; action: CodeAction } {
	const { actions } = fixesFor(text, code);
	assert.ok(actions.length > 0, `a quick fix is offered for ${code}`);
	const action = title ? actions.find((a) => title.test(a.title)) : actions.find((a) => a.isPreferred) ?? actions[0];
	assert.ok(action, `a fix titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
	assert.equal(action.kind, 'quickfix');
	assert.deepEqual(action.diagnostics?.map((d) => d.code), [code]);
	const after = apply(text, action);
	const before = codes(text).filter((c) => c === code).length;
	const afterCodes = codes(after);
	assert.ok(afterCodes.filter((c) => c === code).length < before, `${code} is gone after "${action.title}":\n${after}\n${JSON.stringify(afterCodes)}`);
	assert.ok(!afterCodes.includes('yaml-syntax') || codes(text).includes('yaml-syntax'), `no YAML syntax error after "${action.title}":\n${after}`);
	assert.ok(afterCodes.filter((c) => c === 'duplicate-key').length <= codes(text).filter((c) => c === 'duplicate-key').length, `no duplicate key after "${action.title}":\n${after}`);
	return { after, action };
}

describe('quick fixes: did you mean', () => {
	it('renames a misspelt policy', () => {
		const { after, action } = fix(mutate('  SessionLogging:', '  SessionLoging:'), 'unknown-policy');
		assert.equal(action.isPreferred, true);
		assert.match(action.title, /SessionLogging/);
		assert.equal(after, FULL_PROFILE);
	});

	it('fixes the letter case of a policy name', () => {
		const { after } = fix(mutate('  RA_Optimize_Bandwidth:', '  ra_optimize_bandwidth:'), 'unknown-policy');
		assert.equal(after, FULL_PROFILE);
	});

	it('renames an ADMX policy name to its CSP name', () => {
		const { after } = fix('profile: A\npolicies:\n  RA_Logging: { state: enabled }\n', 'unknown-policy');
		assert.equal(after, 'profile: A\npolicies:\n  SessionLogging: { state: enabled }\n');
		assert.deepEqual(codes(after), []);
	});

	it('renames a misspelt top-level key', () => {
		const { after } = fix(mutate('description:', 'descripton:'), 'unknown-key');
		assert.equal(after, FULL_PROFILE);
	});

	it('renames a misspelt key inside a policy', () => {
		const { after } = fix('profile: A\npolicies:\n  SessionLogging:\n    stat: enabled\n', 'unknown-key');
		assert.equal(after, 'profile: A\npolicies:\n  SessionLogging:\n    state: enabled\n');
		assert.deepEqual(codes(after), []);
	});

	it('renames a misspelt option id', () => {
		const { after } = fix(mutate('RA_Solicit_Mailto_List: mailto', 'RA_Solicit_Mailto_Lst: mailto'), 'unknown-option');
		assert.equal(after, FULL_PROFILE);
	});

	it('fixes the letter case of an option id', () => {
		const { after } = fix(mutate('RA_Unsolicit_Control_List:', 'ra_unsolicit_control_list:'), 'unknown-option');
		assert.equal(after, FULL_PROFILE);
	});

	it('corrects a misspelt state', () => {
		const { after } = fix(mutate('SessionLogging: { state: enabled }', 'SessionLogging: { state: enabeld }'), 'invalid-state');
		assert.equal(after, FULL_PROFILE);
	});

	it('corrects a misspelt enum alias', () => {
		const { after } = fix(mutate('RA_Solicit_ExpireUnits_List: hours', 'RA_Solicit_ExpireUnits_List: hour'), 'enum-value');
		assert.equal(after, FULL_PROFILE);
	});

	it('changes an invalid scope to device', () => {
		const { after } = fix(mutate('scope: device', 'scope: user'), 'invalid-scope');
		assert.equal(after, FULL_PROFILE);
	});

	it('unquotes a quoted expiry', () => {
		const { after } = fix(mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: "4"'), 'value-type');
		assert.equal(after, FULL_PROFILE);
	});

	it('keeps the duration of an expiry out of range by moving to a larger unit (120 hours is 5 days)', () => {
		const text = mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 120');
		assert.match(diagnose(text).find((d) => d.code === 'decimal-range')?.message ?? '', /120 hours is 5 days/);
		const { after, action } = fix(text, 'decimal-range');
		assert.match(action.title, /5 days/);
		assert.deepEqual(codes(after), []);
		assert.match(after, /RA_Solicit_ExpireValue_Edt: 5\n/);
		assert.match(after, /RA_Solicit_ExpireUnits_List: days\n/);
		const { after: nearest } = fix(text, 'decimal-range', /nearest allowed value/);
		assert.match(nearest, /RA_Solicit_ExpireValue_Edt: 99\n/);
		assert.match(nearest, /RA_Solicit_ExpireUnits_List: hours\n/);
	});

	it('offers only the nearest allowed value, named as a different duration, when no larger unit holds the same time', () => {
		const { after, action } = fix(mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 150'), 'decimal-range');
		assert.equal(fixesFor(mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 150'), 'decimal-range').actions.length, 1, 'only the nearest value');
		assert.match(action.title, /99 hours \(the nearest allowed value: a different duration\)/);
		assert.match(after, /RA_Solicit_ExpireValue_Edt: 99\n/);
	});

	it('maps the words admins write for a state, and a truncated choice, to what they mean', () => {
		for (const [word, state] of [['on', 'enabled'], ['yes', 'enabled'], ['true', 'enabled'], ['off', 'disabled'], ['no', 'disabled'], ['false', 'disabled']]) {
			const { after } = fix(mutate('SessionLogging: { state: enabled }', `SessionLogging: { state: ${word} }`), 'invalid-state');
			assert.match(after, new RegExp(`SessionLogging: \\{ state: ${state} \\}`), word);
		}
		const { after } = fix(mutate('RA_Unsolicit_Control_List: remote-control', 'RA_Unsolicit_Control_List: remote'), 'enum-value');
		assert.match(after, /RA_Unsolicit_Control_List: remote-control\n/);
	});

	it('makes a single helper a list', () => {
		const { after } = fix(mutate('RA_Unsolicit_DACL_Edit:\n        - CORP\\RA-Helpdesk', 'RA_Unsolicit_DACL_Edit: CORP\\RA-Helpdesk'), 'value-type');
		assert.deepEqual(codes(after), []);
	});

	it('fixes a misspelt policy in a CRLF file and in the second document', () => {
		const text = crlf(`${FULL_PROFILE}---\nprofile: B\npolicies:\n  SessionLoggin: { state: enabled }\n`);
		const { after } = fix(text, 'unknown-policy');
		assert.equal(after, crlf(`${FULL_PROFILE}---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n`));
	});
});

describe('quick fixes: add missing options', () => {
	it('expands a flow-style enabled policy into a block with every option', () => {
		const text = 'profile: A\npolicies:\n  SolicitedRemoteAssistance: { state: enabled }\n  SessionLogging: { state: enabled }\n';
		const { after, action } = fix(text, 'missing-option');
		assert.equal(action.isPreferred, true);
		assert.deepEqual(codes(after), []);
		assert.match(after, /RA_Solicit_Control_List: remote-control/);
		assert.match(after, /RA_Solicit_ExpireValue_Edt: 1\b/);
		assert.match(after, /RA_Solicit_ExpireUnits_List: hours/);
		assert.match(after, /RA_Solicit_Mailto_List: mailto/);
		assert.match(after, /\n  SessionLogging: \{ state: enabled \}\n$/);
	});

	it('adds the one missing option after the others', () => {
		const { after, action } = fix(mutate('      RA_Solicit_Mailto_List: mailto\n', ''), 'missing-option');
		assert.match(action.title, /RA_Solicit_Mailto_List/);
		assert.deepEqual(codes(after), []);
	});

	it('adds missing options at the end of a file without a final line break', () => {
		const text = 'profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: view-only';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.match(after, /RA_Solicit_Control_List: view-only\n      RA_Solicit_/);
	});

	it('adds options under an empty options key', () => {
		const text = 'profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n  SessionLogging: { state: enabled }\n';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
	});

	it('adds an options block to a block-style policy that has only a state', () => {
		const text = 'profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: enabled\n  SessionLogging: { state: enabled }\n';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.match(after, /\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: \S+\n  SessionLogging/);
	});

	it('adds options inside a flow options map', () => {
		const text = 'profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options: { RA_Solicit_Control_List: view-only }\n';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
	});

	it('adds the helper list to an Offer policy without a syntax error', () => {
		const text = 'profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n';
		const { after } = fix(text, 'missing-option');
		assert.match(after, /RA_Unsolicit_DACL_Edit/);
	});

	it('follows the file\'s indentation of four spaces', () => {
		const text = 'profile: A\npolicies:\n    SolicitedRemoteAssistance:\n        state: enabled\n        options:\n            RA_Solicit_Control_List: view-only\n';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.match(after, /^            RA_Solicit_Mailto_List: mailto$/m);
	});

	it('keeps CRLF line breaks', () => {
		const text = crlf('profile: A\npolicies:\n  SolicitedRemoteAssistance: { state: enabled }\n  SessionLogging: { state: enabled }\n');
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.ok(!/[^\r]\n/.test(after), `only CRLF line breaks: ${JSON.stringify(after)}`);
	});

	it('works in the second document', () => {
		const text = `${FULL_PROFILE}---\nprofile: B\npolicies:\n  RA_Optimize_Bandwidth: { state: enabled }\n`;
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.ok(after.startsWith(FULL_PROFILE), 'the first document is untouched');
	});

	it('keeps a comment line that follows the options', () => {
		const text = 'profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: view-only\n  # logging follows\n  SessionLogging: { state: enabled }\n';
		const { after } = fix(text, 'missing-option');
		assert.deepEqual(codes(after), []);
		assert.match(after, /# logging follows/);
	});
});

describe('quick fixes: remove ignored options', () => {
	it('removes a block of options from a disabled policy', () => {
		const text = mutate('    state: enabled\n    options:\n      RA_Solicit_Control_List', '    state: disabled\n    options:\n      RA_Solicit_Control_List');
		const { after, action } = fix(text, 'ignored-options');
		assert.equal(action.isPreferred, true);
		assert.deepEqual(codes(after), []);
		assert.match(after, /  SolicitedRemoteAssistance:\n    state: disabled\n  CustomizeWarningMessages:/);
	});

	it('removes options with a nested list at the end of the file', () => {
		const text = 'profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: not-configured\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit:\n        - CORP\\A\n';
		const { after } = fix(text, 'ignored-options');
		assert.equal(after, 'profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: not-configured\n');
	});

	it('removes options from a flow-style policy', () => {
		const text = 'profile: A\npolicies:\n  SessionLogging: { state: disabled, options: { x: 1 } }\n';
		const { after } = fix(text, 'ignored-options');
		assert.deepEqual(codes(after), []);
		assert.match(after, /SessionLogging: \{ state: disabled ?\}/);
	});

	it('removes options written before the state in a flow-style policy', () => {
		const text = 'profile: A\npolicies:\n  SessionLogging: { options: { x: 1 }, state: disabled }\n';
		const { after } = fix(text, 'ignored-options');
		assert.deepEqual(codes(after), []);
	});

	it('removes options written before the state in a block policy', () => {
		const text = 'profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    options:\n      RA_Optimize_Bandwidth_List: 8\n    state: disabled\n  SessionLogging: { state: enabled }\n';
		const { after } = fix(text, 'ignored-options');
		assert.equal(after, 'profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: disabled\n  SessionLogging: { state: enabled }\n');
	});

	it('removes options in a CRLF file and keeps the next document intact', () => {
		const text = crlf('profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: disabled\n    options:\n      RA_Optimize_Bandwidth_List: 8\n---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n');
		const { after } = fix(text, 'ignored-options');
		assert.equal(after, crlf('profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: disabled\n---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n'));
		assert.deepEqual(codes(after), []);
	});
});

describe('quick fixes: missing state', () => {
	for (const [name, text] of [
		['flow map', 'profile: A\npolicies:\n  SessionLogging: {}\n'],
		['no value', 'profile: A\npolicies:\n  SessionLogging:\n  RA_EncryptedTicketOnly: { state: enabled }\n'],
		['block with options', 'profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    options:\n      RA_Optimize_Bandwidth_List: 8\n'],
	] as const) {
		it(`adds state: enabled to a policy without state (${name})`, () => {
			const { after } = fix(text, 'missing-state', /enabled/);
			assert.deepEqual(codes(after), [], after);
		});
	}
});

describe('code actions in general', () => {
	it('offers nothing for a diagnostic the service did not report', () => {
		const text = FULL_PROFILE;
		const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, message: 'x', code: 'unknown-policy' };
		assert.deepEqual(getCodeActions(parse(text), [foreign], DEFAULT_SETTINGS), []);
	});

	it('offers a fix for every diagnostic of a file with many problems, each fix leaving valid YAML', () => {
		const text = [
			'profile: A',
			'descripton: x',
			'scope: user',
			'policies:',
			'  SessionLoging: { state: enabled }',
			'  RA_EncryptedTicketOnly: { state: enable }',
			'  RA_Optimize_Bandwidth: { state: enabled }',
			'  SolicitedRemoteAssistance:',
			'    state: disabled',
			'    options:',
			'      RA_Solicit_Control_List: view-only',
			'',
		].join('\n');
		const diagnostics = rawDiagnostics(text);
		assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-key', 'invalid-scope', 'unknown-policy', 'invalid-state', 'missing-option', 'ignored-options']);
		for (const diagnostic of diagnostics) {
			const actions = getCodeActions(parse(text), [diagnostic], DEFAULT_SETTINGS).filter((a) => !isSuppression(a));
			assert.ok(actions.length > 0, `a fix for ${diagnostic.code}`);
			const after = apply(text, actions.find((a) => a.isPreferred) ?? actions[0]);
			const afterCodes = codes(after);
			assert.ok(!afterCodes.includes('yaml-syntax'), `${diagnostic.code}: ${after}`);
			assert.equal(afterCodes.filter((c) => c === diagnostic.code).length, codes(text).filter((c) => c === diagnostic.code).length - 1, `${diagnostic.code} fixed`);
		}
	});
});

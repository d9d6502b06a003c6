import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, covered, crlf, diagnose, FULL_PROFILE, type TextDiagnostic } from '../helpers/service';

/** FULL_PROFILE with one exact piece of text replaced; fails loudly if the piece is not there. */
function mutate(from: string, to: string, text = FULL_PROFILE): string {
	assert.ok(text.includes(from), `test setup: ${JSON.stringify(from)} is not in the text`);
	return text.replace(from, to);
}

/** A minimal profile around a `policies:` body (lines indented by two spaces). */
function profile(policies: string): string {
	return `profile: Test\npolicies:\n${policies}`;
}

/** The only diagnostic of `code`; fails when there is not exactly one. */
function only(text: string, code: string): TextDiagnostic {
	const found = diagnose(text).filter((d) => d.code === code);
	assert.equal(found.length, 1, `expected one ${code} in ${JSON.stringify(codes(text))}`);
	return found[0];
}

const ENABLED_SOLICITED = `  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: remote-control
      RA_Solicit_ExpireValue_Edt: 1
      RA_Solicit_ExpireUnits_List: hours
      RA_Solicit_Mailto_List: mailto
`;

const helpers = (list: string) => profile(`  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: view-only
      RA_Unsolicit_DACL_Edit:${list}
`);

describe('validation of a profile', () => {
	it('accepts a profile that sets every policy correctly', () => {
		assert.deepEqual(diagnose(FULL_PROFILE), []);
	});

	it('reports an expiry of 120 at the value, with the allowed range', () => {
		const text = FULL_PROFILE.replace('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 120');
		const [d] = diagnose(text);
		assert.equal(d.code, 'decimal-range');
		assert.equal(covered(text, d), '120');
		assert.match(d.message, /1 to 99/);
	});

	it('reports a wrongly cased policy name with the right spelling', () => {
		const text = FULL_PROFILE.replace('  SessionLogging:', '  sessionLogging:');
		assert.deepEqual(codes(text), ['unknown-policy']);
		assert.match(diagnose(text)[0].message, /write SessionLogging/);
	});

	it('accepts a profile with comments, disabled and flow-style policies', () => {
		const text = `# comment\nprofile: Helpdesk\ndescription: Helpdesk offers help.\nscope: device\npolicies:\n  SolicitedRemoteAssistance:\n    state: disabled\n  SessionLogging: { state: enabled }\n  RA_EncryptedTicketOnly: { state: enabled }\n`;
		assert.deepEqual(diagnose(text), []);
	});

	it('accepts every policy in every non-enabled state without options', () => {
		for (const state of ['disabled', 'not-configured']) {
			const text = profile(['UnsolicitedRemoteAssistance', 'SolicitedRemoteAssistance', 'CustomizeWarningMessages', 'SessionLogging', 'RA_EncryptedTicketOnly', 'RA_Optimize_Bandwidth']
				.map((p) => `  ${p}: { state: ${state} }\n`).join(''));
			assert.deepEqual(codes(text), [], state);
		}
	});
});

describe('validation: YAML and document structure', () => {
	it('reports a YAML syntax error as yaml-syntax at the offending character', () => {
		const text = profile('  SessionLogging: {state: enabled]\n');
		const d = only(text, 'yaml-syntax');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), ']');
		assert.equal(d.range.start.line, 2);
		assert.match(d.message, /\}/, 'the message says the flow map must end with }');
	});

	it('reports a tab used as indentation as yaml-syntax', () => {
		const text = profile('  SessionLogging:\n\tstate: enabled\n');
		const d = diagnose(text).find((x) => x.code === 'yaml-syntax');
		assert.ok(d, JSON.stringify(codes(text)));
		assert.equal(d.range.start.line, 3);
		assert.match(d.message, /tab/i);
	});

	it('reports a duplicate top-level key at its second occurrence', () => {
		const text = 'profile: A\npolicies:\n  SessionLogging: { state: enabled }\nprofile: B\n';
		const d = only(text, 'duplicate-key');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'profile');
		assert.equal(d.range.start.line, 3);
		assert.match(d.message, /profile/);
	});

	it('reports a duplicate policy and a duplicate state key', () => {
		const text = profile('  SessionLogging: { state: enabled }\n  SessionLogging: { state: disabled, state: enabled }\n');
		const dups = diagnose(text).filter((d) => d.code === 'duplicate-key');
		assert.deepEqual(dups.map((d) => [covered(text, d), d.range.start.line]), [['SessionLogging', 3]]);
		const inner = profile('  SessionLogging: { state: disabled, state: enabled }\n');
		const d = only(inner, 'duplicate-key');
		assert.equal(covered(inner, d), 'state');
		assert.equal(d.range.start.character, inner.split('\n')[2].lastIndexOf('state'));
	});

	it('reports a duplicate option id', () => {
		const text = mutate('      RA_Solicit_Mailto_List: mailto\n', '      RA_Solicit_Mailto_List: mailto\n      RA_Solicit_Mailto_List: simple-mapi\n');
		const d = only(text, 'duplicate-key');
		assert.equal(covered(text, d), 'RA_Solicit_Mailto_List');
		assert.equal(d.range.start.line, 17);
	});

	it('reports an unknown top-level key with a did-you-mean', () => {
		const text = mutate('description:', 'descripton:');
		const d = only(text, 'unknown-key');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'descripton');
		assert.match(d.message, /description/);
		assert.deepEqual(codes(text), ['unknown-key']);
	});

	it('reports an unknown key in a policy with a did-you-mean', () => {
		const text = profile('  SessionLogging:\n    stat: enabled\n');
		const d = only(text, 'unknown-key');
		assert.equal(covered(text, d), 'stat');
		assert.match(d.message, /Did you mean `?state`?/);
	});

	it('suggests options for a key named option', () => {
		const text = mutate('  RA_Optimize_Bandwidth:\n    state: enabled\n    options:', '  RA_Optimize_Bandwidth:\n    state: enabled\n    option:');
		const d = diagnose(text).find((x) => x.code === 'unknown-key');
		assert.ok(d, JSON.stringify(codes(text)));
		assert.equal(covered(text, d), 'option');
		assert.match(d.message, /Did you mean `?options`?/);
	});

	it('reports an unknown key without a close match and lists the allowed keys', () => {
		const text = 'profile: A\nowner: Someone\npolicies:\n  SessionLogging: { state: enabled }\n';
		const d = only(text, 'unknown-key');
		assert.equal(covered(text, d), 'owner');
		for (const key of ['profile', 'description', 'scope', 'policies']) {
			assert.ok(d.message.includes(key), `message names ${key}: ${d.message}`);
		}
	});

	it('reports a missing profile name', () => {
		const text = 'policies:\n  SessionLogging: { state: enabled }\n';
		const d = only(text, 'missing-profile');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(d.range.start.line, 0);
		assert.match(d.message, /profile:/);
		assert.deepEqual(codes(text), ['missing-profile']);
	});

	it('reports missing policies', () => {
		const text = 'profile: A\ndescription: Nothing yet.\n';
		const d = only(text, 'missing-policies');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.match(d.message, /policies:/);
		assert.deepEqual(codes(text), ['missing-policies']);
	});

	it('reports empty policies at the policies key', () => {
		for (const text of ['profile: A\npolicies:\n', 'profile: A\npolicies: {}\n']) {
			const d = only(text, 'missing-policies');
			assert.equal(covered(text, d), 'policies', text);
		}
	});

	it('reports policies written as a list as value-type', () => {
		const text = 'profile: A\npolicies:\n  - SessionLogging\n';
		const d = only(text, 'value-type');
		assert.equal(d.range.start.line, 2);
		assert.match(d.message, /mapping/);
	});

	it('reports a profile name that is not text as value-type', () => {
		const text = mutate('profile: Full', 'profile: 2024');
		const d = only(text, 'value-type');
		assert.equal(covered(text, d), '2024');
		assert.match(d.message, /quotes/);
	});

	it('reports a scope other than device at the value', () => {
		for (const scope of ['user', 'Device', 'machine']) {
			const text = mutate('scope: device', `scope: ${scope}`);
			const d = only(text, 'invalid-scope');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.equal(covered(text, d), scope);
			assert.match(d.message, /device/);
			assert.deepEqual(codes(text), ['invalid-scope']);
		}
	});
});

describe('validation: a document or key of the wrong shape', () => {
	/** The message names the two required keys as required and the other two as optional. */
	function saysWhatIsRequired(message: string): void {
		assert.match(message, /`profile` and `policies` are required/);
		assert.match(message, /`description`, `scope` and `admx` are optional/);
	}

	it('says which profile keys are required when a document is a list or a single value', () => {
		for (const [text, shape] of [['- profile: A\n- policies: {}\n', 'a list'], ['Helpdesk\n', 'a single value']]) {
			const d = only(text, 'invalid-structure');
			assert.equal(covered(text, d), text.trimEnd());
			assert.ok(d.message.includes(`This document is ${shape}`), d.message);
			saysWhatIsRequired(d.message);
			assert.match(d.message, /profile: <name>/, 'says what to write instead');
		}
	});

	it('says what a key of the profile document may be when it is not a plain name', () => {
		const text = '? [a, b]\n: 1\nprofile: A\npolicies:\n  SessionLogging: { state: enabled }\n';
		const d = only(text, 'invalid-structure');
		assert.equal(covered(text, d), '[a, b]');
		assert.match(d.message, /is a list/);
		saysWhatIsRequired(d.message);
	});

	it('says what a key under policies, in a policy and under options may be', () => {
		const text = profile('  ~: { state: enabled }\n  SessionLogging:\n    { a: 1 }: 3\n    state: enabled\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      [x]: 1\n');
		const found = diagnose(text).filter((d) => d.code === 'invalid-structure');
		assert.deepEqual(found.map((d) => covered(text, d)), ['~', '{ a: 1 }', '[x]']);
		assert.match(found[0].message, /reads as null/);
		assert.match(found[0].message, /policy name, such as `SessionLogging`/);
		assert.match(found[1].message, /is a mapping/);
		assert.match(found[1].message, /`state` \(required\)/);
		assert.match(found[2].message, /option id of RA_Optimize_Bandwidth: `RA_Optimize_Bandwidth_List`/);
	});
});

describe('validation: policies and states', () => {
	it('reports an unknown policy with a did-you-mean', () => {
		const text = mutate('  SessionLogging:', '  SessionLoging:');
		const d = only(text, 'unknown-policy');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'SessionLoging');
		assert.match(d.message, /Did you mean SessionLogging/);
	});

	it('reports each wrongly cased policy name, naming the right spelling', () => {
		const names = ['UnsolicitedRemoteAssistance', 'SolicitedRemoteAssistance', 'CustomizeWarningMessages', 'SessionLogging', 'RA_EncryptedTicketOnly', 'RA_Optimize_Bandwidth'];
		for (const name of names) {
			const wrong = name.toLowerCase();
			const text = mutate(`  ${name}:`, `  ${wrong}:`);
			assert.deepEqual(codes(text), ['unknown-policy'], name);
			const d = only(text, 'unknown-policy');
			assert.equal(covered(text, d), wrong);
			assert.ok(d.message.includes(name), d.message);
		}
	});

	it('reports an unrelated policy name and lists the six policies', () => {
		const text = profile('  TurnOffFirewall: { state: enabled }\n');
		const d = only(text, 'unknown-policy');
		assert.equal(covered(text, d), 'TurnOffFirewall');
		for (const name of ['CustomizeWarningMessages', 'SessionLogging', 'SolicitedRemoteAssistance', 'UnsolicitedRemoteAssistance', 'RA_EncryptedTicketOnly', 'RA_Optimize_Bandwidth']) {
			assert.ok(d.message.includes(name), `message lists ${name}`);
		}
	});

	it('suggests the CSP name for the ADMX name of a policy', () => {
		const text = profile('  RA_Logging: { state: enabled }\n');
		const d = only(text, 'unknown-policy');
		assert.match(d.message, /SessionLogging/);
	});

	it('reports a policy without state at the policy name', () => {
		for (const body of ['  SessionLogging: {}\n', '  SessionLogging:\n', '  SessionLogging:\n    options: {}\n']) {
			const text = profile(body);
			const d = only(text, 'missing-state');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.equal(covered(text, d), 'SessionLogging');
			assert.match(d.message, /state: enabled/);
		}
	});

	it('reports an invalid state at the value with a did-you-mean', () => {
		const text = mutate('RA_EncryptedTicketOnly: { state: not-configured }', 'RA_EncryptedTicketOnly: { state: enable }');
		const d = only(text, 'invalid-state');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'enable');
		assert.match(d.message, /Did you mean enabled/);
		assert.match(d.message, /not-configured/);
	});

	it('reports states in the wrong case or type as invalid-state', () => {
		for (const state of ['Enabled', 'true', 'on', '1', 'notconfigured']) {
			const text = profile(`  SessionLogging:\n    state: ${state}\n`);
			const d = only(text, 'invalid-state');
			assert.equal(covered(text, d), state, state);
		}
	});

	it('warns about options on a disabled or not-configured policy, at the options key', () => {
		for (const state of ['disabled', 'not-configured']) {
			const text = mutate('    state: enabled\n    options:\n      RA_Solicit_Control_List', `    state: ${state}\n    options:\n      RA_Solicit_Control_List`);
			const d = only(text, 'ignored-options');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.equal(covered(text, d), 'options');
			assert.equal(d.range.start.line, 12);
			assert.match(d.message, /state: enabled|[Rr]emove/);
			assert.deepEqual(codes(text), ['ignored-options'], 'the options of a policy that is not enabled are not checked further');
		}
	});

	it('warns about options in a flow-style policy that is not enabled', () => {
		const text = profile('  SessionLogging: { state: disabled, options: { RA_x: 1 } }\n');
		const d = only(text, 'ignored-options');
		assert.equal(covered(text, d), 'options');
		assert.deepEqual(codes(text), ['ignored-options']);
	});
});

describe('validation: options of an enabled policy', () => {
	it('reports a missing option by id at the options key', () => {
		const text = mutate('      RA_Solicit_Mailto_List: mailto\n', '');
		const d = only(text, 'missing-option');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'options');
		assert.match(d.message, /RA_Solicit_Mailto_List/);
		assert.deepEqual(codes(text), ['missing-option']);
	});

	it('reports every missing option when an enabled policy has no options at all', () => {
		const text = profile('  SolicitedRemoteAssistance: { state: enabled }\n');
		const d = only(text, 'missing-option');
		for (const id of ['RA_Solicit_Control_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List']) {
			assert.ok(d.message.includes(id), `message names ${id}`);
		}
		assert.equal(covered(text, d), 'SolicitedRemoteAssistance');
	});

	it('requires both warning messages and both Offer options', () => {
		const messages = profile('  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Connect_Message: Hello\n');
		assert.match(only(messages, 'missing-option').message, /RA_Options_Share_Control_Message/);
		const offer = profile('  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n');
		assert.match(only(offer, 'missing-option').message, /RA_Unsolicit_DACL_Edit/);
		const bandwidth = profile('  RA_Optimize_Bandwidth: { state: enabled }\n');
		assert.match(only(bandwidth, 'missing-option').message, /RA_Optimize_Bandwidth_List/);
	});

	it('accepts an enabled policy with every option given', () => {
		assert.deepEqual(codes(profile(ENABLED_SOLICITED)), []);
	});

	it('does not require options for policies that have none', () => {
		assert.deepEqual(codes(profile('  SessionLogging: { state: enabled }\n  RA_EncryptedTicketOnly:\n    state: enabled\n')), []);
	});

	it('reports an unknown option with a did-you-mean, and not also as missing', () => {
		const text = mutate('RA_Solicit_Mailto_List: mailto', 'RA_Solicit_Mailto_Lst: mailto');
		const d = only(text, 'unknown-option');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'RA_Solicit_Mailto_Lst');
		assert.match(d.message, /Did you mean RA_Solicit_Mailto_List/);
		assert.deepEqual(codes(text), ['unknown-option']);
	});

	it('reports an option id in the wrong case with the right spelling', () => {
		const text = mutate('RA_Solicit_Mailto_List: mailto', 'ra_solicit_mailto_list: mailto');
		const d = only(text, 'unknown-option');
		assert.equal(covered(text, d), 'ra_solicit_mailto_list');
		assert.ok(d.message.includes('RA_Solicit_Mailto_List'));
	});

	it('reports an option of another policy as unknown-option', () => {
		const text = mutate('      RA_Optimize_Bandwidth_List: no-background\n', '      RA_Optimize_Bandwidth_List: no-background\n      RA_Solicit_Mailto_List: mailto\n');
		const d = only(text, 'unknown-option');
		assert.equal(covered(text, d), 'RA_Solicit_Mailto_List');
		assert.match(d.message, /RA_Optimize_Bandwidth_List/, 'lists the options the policy does have');
	});

	it('reports an option on a policy that has none', () => {
		const text = profile('  SessionLogging: { state: enabled, options: { LogPath: C } }\n');
		const d = only(text, 'unknown-option');
		assert.equal(covered(text, d), 'LogPath');
		assert.match(d.message, /no options/);
	});

	it('reports values of the wrong type as value-type at the value', () => {
		const cases: [string, string, string][] = [
			['RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: four', 'four'],
			['RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: "4"', '"4"'],
			['RA_Solicit_Control_List: view-only', 'RA_Solicit_Control_List: true', 'true'],
			['RA_Solicit_Control_List: view-only', 'RA_Solicit_Control_List: "0"', '"0"'],
			['RA_Options_Connect_Message: A helper is connecting.', 'RA_Options_Connect_Message: 42', '42'],
			['RA_Options_Connect_Message: A helper is connecting.', 'RA_Options_Connect_Message: true', 'true'],
			['RA_Unsolicit_DACL_Edit:\n        - CORP\\RA-Helpdesk', 'RA_Unsolicit_DACL_Edit: CORP\\RA-Helpdesk', 'CORP\\RA-Helpdesk'],
		];
		for (const [from, to, value] of cases) {
			const text = mutate(from, to);
			const d = only(text, 'value-type');
			assert.equal(d.severity, DiagnosticSeverity.Error, to);
			assert.equal(covered(text, d), value, to);
			assert.deepEqual(codes(text), ['value-type'], to);
		}
	});

	it('says what to write instead for quoted numbers and unquoted numbers in text', () => {
		assert.match(only(mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: "4"'), 'value-type').message, /write 4 without quotes/);
		assert.match(only(mutate('RA_Solicit_Control_List: view-only', 'RA_Solicit_Control_List: "0"'), 'value-type').message, /view-only/);
		assert.match(only(mutate('RA_Options_Connect_Message: A helper is connecting.', 'RA_Options_Connect_Message: 42'), 'value-type').message, /quotes/);
		assert.match(only(mutate('RA_Unsolicit_DACL_Edit:\n        - CORP\\RA-Helpdesk', 'RA_Unsolicit_DACL_Edit: CORP\\RA-Helpdesk'), 'value-type').message, /list/);
	});

	it('reports an enum option whose value is a list as value-type with the exact range', () => {
		const text = mutate('RA_Solicit_Control_List: view-only', 'RA_Solicit_Control_List: [ 1 ]');
		const d = only(text, 'value-type');
		assert.equal(covered(text, d), '[ 1 ]');
	});

	it('reports an enum value that is not allowed, listing the allowed values with labels', () => {
		const text = mutate('RA_Solicit_Control_List: view-only', 'RA_Solicit_Control_List: full');
		const d = only(text, 'enum-value');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'full');
		for (const word of ['remote-control', 'view-only', 'Allow helpers to remotely control the computer', 'Allow helpers to only view the computer']) {
			assert.ok(d.message.includes(word), `message has ${word}: ${d.message}`);
		}
	});

	it('reports an enum number that is not an item, and suggests a near alias', () => {
		const number = mutate('RA_Optimize_Bandwidth_List: no-background', 'RA_Optimize_Bandwidth_List: 13');
		const d = only(number, 'enum-value');
		assert.equal(covered(number, d), '13');
		for (const word of ['no-optimization', '14', 'no-full-window-drag', '12', 'no-background', '8', 'full-optimization', 'Turn off background']) {
			assert.ok(d.message.includes(word), `message has ${word}`);
		}
		const typo = mutate('RA_Solicit_ExpireUnits_List: hours', 'RA_Solicit_ExpireUnits_List: hour');
		assert.match(only(typo, 'enum-value').message, /Did you mean hours/);
		const otherEnum = mutate('RA_Solicit_Mailto_List: mailto', 'RA_Solicit_Mailto_List: days');
		assert.match(only(otherEnum, 'enum-value').message, /simple-mapi.*mailto|mailto.*simple-mapi/);
	});

	it('accepts every alias and every ADMX number of every enum option', () => {
		const enums: [string, [string, number][]][] = [
			['RA_Solicit_Control_List: view-only', [['remote-control', 1], ['view-only', 0]]],
			['RA_Unsolicit_Control_List: remote-control', [['remote-control', 1], ['view-only', 0]]],
			['RA_Solicit_ExpireUnits_List: hours', [['minutes', 0], ['hours', 1], ['days', 2]]],
			['RA_Solicit_Mailto_List: mailto', [['simple-mapi', 0], ['mailto', 1]]],
			['RA_Optimize_Bandwidth_List: no-background', [['no-optimization', 14], ['no-full-window-drag', 12], ['no-background', 8], ['full-optimization', 0]]],
		];
		for (const [line, items] of enums) {
			const id = line.split(':')[0];
			for (const [alias, value] of items) {
				assert.deepEqual(codes(mutate(line, `${id}: ${alias}`)), [], `${id}: ${alias}`);
				assert.deepEqual(codes(mutate(line, `${id}: ${value}`)), [], `${id}: ${value}`);
			}
		}
	});

	it('rejects an alias of one enum used in another', () => {
		const text = mutate('RA_Unsolicit_Control_List: remote-control', 'RA_Unsolicit_Control_List: hours');
		assert.deepEqual(codes(text), ['enum-value']);
	});

	it('accepts expiry values 1 and 99 and rejects 0, 100, -5 and 4.5 as decimal-range', () => {
		for (const ok of ['1', '99']) {
			assert.deepEqual(codes(mutate('RA_Solicit_ExpireValue_Edt: 4', `RA_Solicit_ExpireValue_Edt: ${ok}`)), [], ok);
		}
		for (const bad of ['0', '100', '-5', '4.5']) {
			const text = mutate('RA_Solicit_ExpireValue_Edt: 4', `RA_Solicit_ExpireValue_Edt: ${bad}`);
			const d = only(text, 'decimal-range');
			assert.equal(d.severity, DiagnosticSeverity.Error);
			assert.equal(covered(text, d), bad);
			assert.match(d.message, /whole number from 1 to 99/);
		}
	});

	it('reports a text option over 1023 characters as an error, on the characters past the limit, and accepts exactly 1023', () => {
		const exact = mutate('Control is about to be shared.', 'x'.repeat(1023));
		assert.deepEqual(codes(exact), []);
		const long = `${'y'.repeat(1023)}zz`;
		const text = mutate('Control is about to be shared.', long);
		const d = only(text, 'text-too-long');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), 'zz');
		assert.match(d.message, /1023/);
	});

	it('counts characters, not bytes, for text length', () => {
		assert.deepEqual(codes(mutate('Control is about to be shared.', 'é'.repeat(1023))), []);
	});

	it('accepts empty and multi-line text', () => {
		assert.deepEqual(codes(mutate('Control is about to be shared.', '""')), []);
		assert.deepEqual(codes(mutate('RA_Options_Connect_Message: A helper is connecting.', 'RA_Options_Connect_Message: |\n        First line.\n        Second line.')), []);
	});

	it('reports an empty helper list as an error at the exact value', () => {
		const text = helpers(' []');
		const d = only(text, 'empty-helper-list');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), '[]');
		assert.match(d.message, /\\/, 'gives an example helper');
	});

	it('reports an empty helper list written with a trailing comment at the brackets only', () => {
		const text = helpers(' [ ]   # none yet');
		const d = only(text, 'empty-helper-list');
		assert.equal(covered(text, d), '[ ]');
	});

	it('reports a helper list with no value at all as empty-helper-list', () => {
		const text = helpers('');
		const d = only(text, 'empty-helper-list');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(d.range.start.line, 6);
	});

	it('warns about a helper that is not DOMAIN\\name, at the entry', () => {
		for (const helper of ['helpdesk', 'CORP/helpdesk', 'CORP\\\\x\\y']) {
			const text = helpers(`\n        - CORP\\RA-Helpdesk\n        - ${helper}`);
			const d = only(text, 'helper-format');
			assert.equal(d.severity, DiagnosticSeverity.Warning);
			assert.equal(covered(text, d), helper);
			assert.match(d.message, /DOMAIN\\/);
		}
	});

	it('suggests DOMAIN\\name for a UPN helper', () => {
		const text = helpers('\n        - helpdesk@corp.example.com');
		const d = only(text, 'helper-format');
		assert.match(d.message, /CORP\\helpdesk/);
	});

	it('warns about a duplicate helper at the second entry, ignoring case', () => {
		const text = helpers('\n        - CORP\\RA-Helpdesk\n        - CORP\\Tier2\n        - corp\\ra-helpdesk');
		const d = only(text, 'duplicate-helper');
		assert.equal(d.severity, DiagnosticSeverity.Warning);
		assert.equal(covered(text, d), 'corp\\ra-helpdesk');
		assert.equal(d.range.start.line, 9);
		assert.match(d.message, /[Rr]emove/);
		const flow = helpers(' [ CORP\\A, CORP\\A ]');
		const f = only(flow, 'duplicate-helper');
		assert.equal(covered(flow, f), 'CORP\\A');
		assert.equal(f.range.start.character, flow.split('\n')[6].lastIndexOf('CORP'));
	});

	it('reports U+F000 in a text value as invalid-character (error)', () => {
		const text = mutate('Control is about to be shared.', 'Control\uF000shared.');
		const d = only(text, 'invalid-character');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.ok(covered(text, d).includes('\uF000'));
		assert.match(d.message, /U\+F000/);
		assert.match(d.message, /[Rr]emove/);
	});

	it('reports a control character written as an escape as invalid-character', () => {
		const text = mutate('Control is about to be shared.', '"Control\\x01shared"');
		const d = only(text, 'invalid-character');
		assert.equal(d.severity, DiagnosticSeverity.Error);
		assert.equal(covered(text, d), '"Control\\x01shared"');
		assert.match(d.message, /U\+0001/);
	});

	it('reports invalid characters in helpers, profile name text and U+FFFE', () => {
		const helper = helpers('\n        - "CORP\\\\A\\uF000B"');
		assert.deepEqual(codes(helper), ['invalid-character']);
		const nonChar = mutate('A helper is connecting.', '"bad \\uFFFE"');
		assert.deepEqual(codes(nonChar), ['invalid-character']);
		const bell = mutate('A helper is connecting.', '"bell \\a"');
		assert.deepEqual(codes(bell), ['invalid-character']);
	});

	it('accepts tabs, line breaks and characters outside the BMP in text', () => {
		assert.deepEqual(codes(mutate('A helper is connecting.', '"tab\\there\\nnew line 😀"')), []);
	});
});

describe('validation: severities', () => {
	const cases: [string, string, DiagnosticSeverity][] = [
		['yaml-syntax', profile('  SessionLogging: {state: enabled]\n'), DiagnosticSeverity.Error],
		['duplicate-key', 'profile: A\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n', DiagnosticSeverity.Error],
		['unknown-key', mutate('scope:', 'scoep:'), DiagnosticSeverity.Error],
		['missing-profile', 'policies:\n  SessionLogging: { state: enabled }\n', DiagnosticSeverity.Error],
		['missing-policies', 'profile: A\n', DiagnosticSeverity.Error],
		['invalid-scope', mutate('scope: device', 'scope: user'), DiagnosticSeverity.Error],
		['unknown-policy', mutate('  SessionLogging:', '  Logging:'), DiagnosticSeverity.Error],
		['missing-state', profile('  SessionLogging: {}\n'), DiagnosticSeverity.Error],
		['invalid-state', profile('  SessionLogging: { state: yes }\n'), DiagnosticSeverity.Error],
		['ignored-options', profile('  SessionLogging: { state: disabled, options: {} }\n'), DiagnosticSeverity.Warning],
		['missing-option', profile('  RA_Optimize_Bandwidth: { state: enabled }\n'), DiagnosticSeverity.Error],
		['unknown-option', mutate('RA_Solicit_Mailto_List:', 'RA_Solicit_Mail:'), DiagnosticSeverity.Error],
		['value-type', mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: soon'), DiagnosticSeverity.Error],
		['enum-value', mutate('no-background', 'no-wallpaper'), DiagnosticSeverity.Error],
		['decimal-range', mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 100'), DiagnosticSeverity.Error],
		['text-too-long', mutate('A helper is connecting.', 'z'.repeat(2000)), DiagnosticSeverity.Error],
		['empty-helper-list', helpers(' []'), DiagnosticSeverity.Error],
		['helper-format', helpers('\n        - nobody'), DiagnosticSeverity.Warning],
		['duplicate-helper', helpers('\n        - CORP\\A\n        - CORP\\A'), DiagnosticSeverity.Warning],
		['invalid-character', mutate('A helper is connecting.', '"\\0"'), DiagnosticSeverity.Error],
	];
	for (const [code, text, severity] of cases) {
		it(`${code} is reported with severity ${severity} by default`, () => {
			const d = only(text, code);
			assert.equal(d.severity, severity);
			assert.equal(d.source, 'rapolicy');
			assert.ok(d.message.length > 20, 'the message explains the problem');
		});
	}
});

describe('validation: several documents in one file', () => {
	const second = `profile: Second
policies:
  SessionLoging: { state: enabled }
  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: view-only
      RA_Solicit_ExpireValue_Edt: 0
      RA_Solicit_ExpireUnits_List: weeks
      RA_Solicit_Mailto_List: mailto
`;
	const text = `${FULL_PROFILE}---\n${second}`;
	const firstLines = FULL_PROFILE.split('\n').length - 1;

	it('checks each document and places ranges in the second document', () => {
		const ds = diagnose(text);
		assert.deepEqual(ds.map((d) => d.code), ['unknown-policy', 'decimal-range', 'enum-value']);
		assert.deepEqual(ds.map((d) => covered(text, d)), ['SessionLoging', '0', 'weeks']);
		assert.deepEqual(ds.map((d) => d.range.start.line), [firstLines + 3, firstLines + 8, firstLines + 9]);
		assert.equal(ds[0].range.start.character, 2);
	});

	it('reports a missing profile name in the second document only', () => {
		const twoDocs = `${FULL_PROFILE}---\ndescription: No name.\npolicies:\n  SessionLogging: { state: disabled }\n`;
		const d = only(twoDocs, 'missing-profile');
		assert.equal(d.range.start.line, firstLines + 1);
		assert.deepEqual(codes(twoDocs), ['missing-profile']);
	});

	it('does not report the same policy in two documents as a duplicate key', () => {
		const twoDocs = 'profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SessionLogging: { state: disabled }\n';
		assert.deepEqual(codes(twoDocs), []);
	});

	it('reports a duplicate key and a YAML syntax error in the second document there', () => {
		const dup = 'profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n  SessionLogging: { state: disabled }\n';
		const d = only(dup, 'duplicate-key');
		assert.equal(d.range.start.line, 7);
		assert.equal(covered(dup, d), 'SessionLogging');
		const syntax = 'profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled ]\n';
		const s = only(syntax, 'yaml-syntax');
		assert.equal(s.range.start.line, 6);
	});

	it('ignores an empty document between separators and a leading ---', () => {
		const t = '---\nprofile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\n---\nprofile: B\npolicies:\n  RA_EncryptedTicketOnly: { state: enable }\n';
		const d = only(t, 'invalid-state');
		assert.equal(d.range.start.line, 8);
		assert.equal(covered(t, d), 'enable');
	});
});

describe('validation: CRLF line endings', () => {
	it('accepts the full profile written with CRLF', () => {
		assert.deepEqual(diagnose(crlf(FULL_PROFILE)), []);
	});

	it('places ranges right in a CRLF file', () => {
		const lf = mutate('scope: device', 'scope: user', mutate('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 120', mutate('        - CORP\\RA-Helpdesk', '        - helpdesk')));
		const text = crlf(lf);
		const expected = diagnose(lf).map((d) => [d.code, d.range, covered(lf, d)]);
		const actual = diagnose(text).map((d) => [d.code, d.range, covered(text, d)]);
		assert.deepEqual(actual, expected);
		assert.deepEqual(actual.map((a) => a[2]), ['user', 'helpdesk', '120']);
	});

	it('places ranges right in the second document of a CRLF file', () => {
		const text = crlf('profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: view-only\n      RA_Solicit_ExpireValue_Edt: 4\n      RA_Solicit_ExpireUnits_List: hour\n      RA_Solicit_Mailto_List: mailto\n');
		const d = only(text, 'enum-value');
		assert.deepEqual(d.range, { start: { line: 11, character: 35 }, end: { line: 11, character: 39 } });
		assert.equal(covered(text, d), 'hour');
	});

	it('reports a multi-line block value over 1023 characters in a CRLF file without counting CR twice', () => {
		const body = Array.from({ length: 10 }, () => 'w'.repeat(99)).join('\n');
		const lf = mutate('A helper is connecting.', `|\n${body.split('\n').map((l) => `        ${l}`).join('\n')}`);
		assert.deepEqual(codes(lf), [], 'ten lines of 99 characters are 999 characters of text');
		assert.deepEqual(codes(crlf(lf)), []);
	});
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codes, covered, crlf, diagnose, fixAll, onlyDiagnostic as only } from '../helpers/service';

const HEAD = 'profile: test\nscope: device\npolicies:\n';

describe('indentation: a key one level too deep or too shallow (misplaced-key)', () => {
	const example = HEAD + [
		'  UnsolicitedRemoteAssistance:',
		'    state: enabled',
		'    options:',
		'      RA_Unsolicit_Control_List: remote-control',
		'    RA_Unsolicit_DACL_Edit:',
		'      - CONTOSO\\RA-Helpdesk',
		'  SessionLogging:',
		'    state: enabled',
		'    SolicitedRemoteAssistance:',
		'      state: disabled',
		'',
	].join('\n');

	it('reports an outdented option and a nested policy once each, at the key, saying where they belong', () => {
		const found = diagnose(example);
		assert.deepEqual(found.map((d) => d.code), ['misplaced-key', 'misplaced-key']);
		const [option, policy] = found;
		assert.equal(option.range.start.line, 7);
		assert.equal(covered(example, option), 'RA_Unsolicit_DACL_Edit');
		assert.equal(option.message, 'Indent RA_Unsolicit_DACL_Edit under options: it is an option of UnsolicitedRemoteAssistance.');
		assert.equal(policy.range.start.line, 11);
		assert.equal(covered(example, policy), 'SolicitedRemoteAssistance');
		assert.match(policy.message, /^SolicitedRemoteAssistance is a policy: outdent it to the level of SessionLogging, under policies/);
	});

	it('moves each of them where it belongs, and the profile is then clean', () => {
		const optionFixed = applyFix(example, 'misplaced-key', 0).after;
		assert.deepEqual(codes(optionFixed), ['misplaced-key']);
		assert.match(optionFixed, /      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit:\n        - CONTOSO\\RA-Helpdesk\n  SessionLogging:/);
		const policyFixed = applyFix(example, 'misplaced-key', 1).after;
		assert.deepEqual(codes(policyFixed), ['misplaced-key']);
		assert.match(policyFixed, /  SessionLogging:\n    state: enabled\n  SolicitedRemoteAssistance:\n    state: disabled\n$/);
		assert.deepEqual(codes(fixAll(example, 'misplaced-key')), []);
	});

	it('moves an option under an options: that is further up, past other keys, with its whole block', () => {
		const text = HEAD + [
			'  UnsolicitedRemoteAssistance:',
			'    options:',
			'      RA_Unsolicit_Control_List: remote-control',
			'    state: enabled',
			'    RA_Unsolicit_DACL_Edit:',
			'      - CONTOSO\\RA-Helpdesk',
			'      - CONTOSO\\RA-Tier2',
			'  SessionLogging: { state: enabled }',
			'',
		].join('\n');
		const d = only(text, 'misplaced-key');
		assert.equal(covered(text, d), 'RA_Unsolicit_DACL_Edit');
		assert.deepEqual(codes(text), ['misplaced-key'], 'the option counts as given: no missing-option');
		const { after, action } = applyFix(text, 'misplaced-key');
		assert.match(action.title, /options/);
		assert.equal(after, HEAD + [
			'  UnsolicitedRemoteAssistance:',
			'    options:',
			'      RA_Unsolicit_Control_List: remote-control',
			'      RA_Unsolicit_DACL_Edit:',
			'        - CONTOSO\\RA-Helpdesk',
			'        - CONTOSO\\RA-Tier2',
			'    state: enabled',
			'  SessionLogging: { state: enabled }',
			'',
		].join('\n'));
		assert.deepEqual(codes(after), []);
	});

	it('moves an option written above options: below it', () => {
		const text = HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    RA_Unsolicit_Control_List: view-only\n    options:\n      RA_Unsolicit_DACL_Edit: [ CONTOSO\\RA-Helpdesk ]\n';
		assert.deepEqual(codes(text), ['misplaced-key']);
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_DACL_Edit: [ CONTOSO\\RA-Helpdesk ]\n      RA_Unsolicit_Control_List: view-only\n');
		assert.deepEqual(codes(after), []);
	});

	it('adds options: when the policy has none, and still checks the value of the misplaced option', () => {
		const text = HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    RA_Unsolicit_Control_List: remote-contrl\n    RA_Unsolicit_DACL_Edit:\n      - CONTOSO\\RA-Helpdesk\n';
		assert.deepEqual(codes(text), ['misplaced-key', 'enum-value', 'misplaced-key']);
		const d = diagnose(text)[0];
		assert.match(d.message, /^Indent RA_Unsolicit_Control_List under a new options: .*option of UnsolicitedRemoteAssistance/);
		const first = applyFix(text, 'misplaced-key').after;
		assert.equal(first, HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-contrl\n    RA_Unsolicit_DACL_Edit:\n      - CONTOSO\\RA-Helpdesk\n');
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-contrl\n      RA_Unsolicit_DACL_Edit:\n        - CONTOSO\\RA-Helpdesk\n');
		assert.deepEqual(codes(after), ['enum-value']);
	});

	it('moves state out of options: to the policy, where it counts (no missing-state)', () => {
		const text = HEAD + '  RA_Optimize_Bandwidth:\n    options:\n      RA_Optimize_Bandwidth_List: no-background\n      state: enabled\n';
		const d = only(text, 'misplaced-key');
		assert.deepEqual(codes(text), ['misplaced-key']);
		assert.equal(covered(text, d), 'state');
		assert.match(d.message, /^state belongs to RA_Optimize_Bandwidth, not to its options: outdent it to the level of options/);
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  RA_Optimize_Bandwidth:\n    options:\n      RA_Optimize_Bandwidth_List: no-background\n    state: enabled\n');
		assert.deepEqual(codes(after), []);
	});

	it('indents a state written at the level of the policies under the policy above it', () => {
		const text = HEAD + '  SessionLogging:\n  state: enabled\n  RA_EncryptedTicketOnly: { state: disabled }\n';
		const d = only(text, 'misplaced-key');
		assert.deepEqual(codes(text), ['misplaced-key'], 'no missing-state, no unknown-policy');
		assert.match(d.message, /^state belongs to SessionLogging above it: indent it under SessionLogging/);
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  SessionLogging:\n    state: enabled\n  RA_EncryptedTicketOnly: { state: disabled }\n');
		assert.deepEqual(codes(after), []);
	});

	it('moves a policy written under options: out to the policies', () => {
		const text = HEAD + '  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: no-background\n      SessionLogging:\n        state: enabled\n';
		const d = only(text, 'misplaced-key');
		assert.deepEqual(codes(text), ['misplaced-key']);
		assert.match(d.message, /^SessionLogging is a policy: outdent it to the level of RA_Optimize_Bandwidth, under policies/);
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: no-background\n  SessionLogging:\n    state: enabled\n');
		assert.deepEqual(codes(after), []);
	});

	it('indents a policy written at the top level under policies:', () => {
		const text = HEAD + '  SessionLogging: { state: enabled }\nRA_EncryptedTicketOnly:\n  state: disabled\n';
		const d = only(text, 'misplaced-key');
		assert.deepEqual(codes(text), ['misplaced-key']);
		assert.match(d.message, /^RA_EncryptedTicketOnly is a policy: indent it under policies/);
		const after = fixAll(text, 'misplaced-key');
		assert.equal(after, HEAD + '  SessionLogging: { state: enabled }\n  RA_EncryptedTicketOnly:\n    state: disabled\n');
		assert.deepEqual(codes(after), []);
	});

	it('moves a profile key nested in a policy or in the policies to the top level', () => {
		for (const text of [
			'profile: test\npolicies:\n  SessionLogging:\n    state: enabled\n    scope: device\n  RA_EncryptedTicketOnly: { state: disabled }\n',
			'profile: test\npolicies:\n  SessionLogging:\n    state: enabled\n  scope: device\n  RA_EncryptedTicketOnly: { state: disabled }\n',
		]) {
			const d = only(text, 'misplaced-key');
			assert.deepEqual(codes(text), ['misplaced-key'], text);
			assert.equal(covered(text, d), 'scope');
			assert.match(d.message, /^scope belongs to the whole profile: outdent it to the top level/);
			const after = fixAll(text, 'misplaced-key');
			assert.equal(after, 'profile: test\npolicies:\n  SessionLogging:\n    state: enabled\n  RA_EncryptedTicketOnly: { state: disabled }\nscope: device\n');
			assert.deepEqual(codes(after), []);
		}
	});

	it('keeps the reports it made before when the key cannot belong there (already given, or a flow mapping)', () => {
		const twice = HEAD + '  SessionLogging:\n    state: enabled\n    options:\n      state: disabled\n';
		assert.ok(!codes(twice).includes('misplaced-key'), JSON.stringify(codes(twice)));
		const flow = HEAD + '  UnsolicitedRemoteAssistance: { state: enabled, options: { RA_Unsolicit_Control_List: remote-control }, RA_Unsolicit_DACL_Edit: [ CONTOSO\\RA-Helpdesk ] }\n';
		assert.ok(!codes(flow).includes('misplaced-key'), JSON.stringify(codes(flow)));
		assert.ok(codes(flow).includes('unknown-key'));
	});

	it('moves the block right in a CRLF file and at the end of a file without a final line break', () => {
		const lf = HEAD + '  UnsolicitedRemoteAssistance:\n    options:\n      RA_Unsolicit_Control_List: remote-control\n    state: enabled\n    RA_Unsolicit_DACL_Edit:\n      - CONTOSO\\RA-Helpdesk';
		const expected = HEAD + '  UnsolicitedRemoteAssistance:\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit:\n        - CONTOSO\\RA-Helpdesk\n    state: enabled\n';
		assert.equal(fixAll(lf, 'misplaced-key'), expected);
		assert.equal(fixAll(crlf(lf), 'misplaced-key'), crlf(expected));
	});
});

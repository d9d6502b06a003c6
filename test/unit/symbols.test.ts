import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { getDocumentSymbols } from '../../server/src/service';
import { checkNesting, contains, covered, crlf, FULL_PROFILE, parse } from '../helpers/service';

function symbols(text: string): DocumentSymbol[] {
	return getDocumentSymbols(parse(text));
}

describe('document symbols', () => {
	it('outlines profile → policies → options', () => {
		const [profile, ...rest] = symbols(FULL_PROFILE);
		assert.equal(rest.length, 0);
		assert.equal(profile.name, 'Full');
		assert.deepEqual(profile.children?.map((c) => c.name), [
			'UnsolicitedRemoteAssistance',
			'SolicitedRemoteAssistance',
			'CustomizeWarningMessages',
			'SessionLogging',
			'RA_EncryptedTicketOnly',
			'RA_Optimize_Bandwidth',
		]);
		const solicited = profile.children?.[1];
		assert.deepEqual(solicited?.children?.map((c) => c.name), ['RA_Solicit_Control_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List']);
		assert.deepEqual(profile.children?.[3].children ?? [], [], 'SessionLogging has no options');
		checkNesting([profile]);
	});

	it('selects the profile name, the policy names and the option ids', () => {
		const [profile] = symbols(FULL_PROFILE);
		assert.equal(covered(FULL_PROFILE, { range: profile.selectionRange }), 'Full');
		for (const policy of profile.children ?? []) {
			assert.equal(covered(FULL_PROFILE, { range: policy.selectionRange }), policy.name);
			for (const option of policy.children ?? []) {
				assert.equal(covered(FULL_PROFILE, { range: option.selectionRange }), option.name);
			}
		}
	});

	it('gives the state of each policy and the value of each option as detail', () => {
		const [profile] = symbols(FULL_PROFILE);
		const byName = new Map(profile.children?.map((c) => [c.name, c]));
		assert.equal(byName.get('RA_EncryptedTicketOnly')?.detail, 'not-configured');
		assert.equal(byName.get('SessionLogging')?.detail, 'enabled');
		const expiry = byName.get('SolicitedRemoteAssistance')?.children?.find((c) => c.name === 'RA_Solicit_ExpireValue_Edt');
		assert.equal(expiry?.detail, '4');
	});

	it('uses distinct symbol kinds for the three levels', () => {
		const [profile] = symbols(FULL_PROFILE);
		const policy = profile.children?.[0] as DocumentSymbol;
		const option = policy.children?.[0] as DocumentSymbol;
		assert.equal(new Set([profile.kind, policy.kind, option.kind]).size, 3);
		assert.ok(Object.values(SymbolKind).includes(profile.kind));
	});

	it('makes a policy range cover its whole entry', () => {
		const [profile] = symbols(FULL_PROFILE);
		const offer = profile.children?.[0] as DocumentSymbol;
		const text = covered(FULL_PROFILE, offer);
		assert.ok(text.startsWith('UnsolicitedRemoteAssistance:'));
		assert.ok(text.includes('CORP\\RA-Helpdesk'));
		assert.ok(!text.includes('SolicitedRemoteAssistance:\n    state'), 'stops before the next policy');
	});

	it('gives one profile per document with ranges in the second document', () => {
		const text = `${FULL_PROFILE}---\nprofile: Second\npolicies:\n  SessionLogging: { state: disabled }\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: 0\n`;
		const list = symbols(text);
		assert.deepEqual(list.map((s) => s.name), ['Full', 'Second']);
		const second = list[1];
		const firstLines = FULL_PROFILE.split('\n').length - 1;
		assert.equal(second.selectionRange.start.line, firstLines + 1);
		assert.equal(covered(text, { range: second.selectionRange }), 'Second');
		assert.deepEqual(second.children?.map((c) => c.name), ['SessionLogging', 'RA_Optimize_Bandwidth']);
		const option = second.children?.[1].children?.[0] as DocumentSymbol;
		assert.equal(covered(text, { range: option.selectionRange }), 'RA_Optimize_Bandwidth_List');
		assert.equal(option.selectionRange.start.line, firstLines + 7);
		assert.ok(!contains(list[0].range, second.selectionRange), 'the first profile does not reach into the second');
		checkNesting(list);
	});

	it('keeps ranges right in a CRLF file', () => {
		const text = crlf(FULL_PROFILE);
		const [profile] = symbols(text);
		const [lfProfile] = symbols(FULL_PROFILE);
		assert.deepEqual(JSON.parse(JSON.stringify(profile.children?.map((c) => [c.name, c.selectionRange]))), JSON.parse(JSON.stringify(lfProfile.children?.map((c) => [c.name, c.selectionRange]))));
		for (const policy of profile.children ?? []) {
			assert.equal(covered(text, { range: policy.selectionRange }), policy.name);
		}
	});

	it('names a profile without a name and still lists its policies', () => {
		const [profile] = symbols('policies:\n  SessionLogging: { state: enabled }\n');
		assert.ok(profile.name.length > 0);
		assert.deepEqual(profile.children?.map((c) => c.name), ['SessionLogging']);
	});

	it('lists unknown policies and options as written', () => {
		const [profile] = symbols('profile: A\npolicies:\n  SessionLoging: { state: enabled }\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      Level: 8\n');
		assert.deepEqual(profile.children?.map((c) => c.name), ['SessionLoging', 'RA_Optimize_Bandwidth']);
		assert.deepEqual(profile.children?.[1].children?.map((c) => c.name), ['Level']);
	});

	it('does not throw on half-typed documents', () => {
		const text = `${FULL_PROFILE}---\nprofile: B\npolicies:\n  Sess`;
		for (let end = 0; end <= text.length; end += 7) {
			assert.doesNotThrow(() => symbols(text.slice(0, end)), `prefix of ${end}`);
		}
		const [, second] = symbols('profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  Sess');
		assert.equal(second.name, 'B');
	});

	it('returns nothing for an empty file', () => {
		assert.deepEqual(symbols(''), []);
		assert.deepEqual(symbols('# only a comment\n'), []);
	});
});

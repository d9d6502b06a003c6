import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';
import { getCompletions } from '../../server/src/service';
import { applyCompletion, caret, codes, covered, crlf, diagnose, editOf, FULL_PROFILE, item, labels, parse } from '../helpers/service';

/** Completions at the `|` caret: the clean text and the items. */
function complete(marked: string): { text: string; items: CompletionItem[] } {
	const { text, offset } = caret(marked);
	return { text, items: getCompletions(parse(text), offset).items };
}

/** Labels in the order an editor shows them (by sortText, then label). */
function sorted(items: readonly CompletionItem[]): string[] {
	return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

const POLICY_DETAILS: Record<string, string> = {
	UnsolicitedRemoteAssistance: 'Configure Offer Remote Assistance',
	SolicitedRemoteAssistance: 'Configure Solicited Remote Assistance',
	CustomizeWarningMessages: 'Customize warning messages',
	SessionLogging: 'Turn on session logging',
	RA_EncryptedTicketOnly: 'Allow only Windows Vista or later connections',
	RA_Optimize_Bandwidth: 'Turn on bandwidth optimization',
};

const PROFILE_SNIPPETS = ['rapolicy-helpdesk-offers-help', 'rapolicy-locked-down', 'rapolicy-solicited-short-invitations'];
const TEMPLATES = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..', 'templates');

/** The whole-profile snippets among `items`. */
function profileSnippets(items: readonly CompletionItem[]): string[] {
	return labels(items).filter((l) => l.startsWith('rapolicy-'));
}

describe('completion of whole profiles where a profile can start', () => {
	it('offers every template when `rapolicy-` is typed at column 0 of an empty file, replacing the whole word', () => {
		const { text, items } = complete('rapolicy-|');
		assert.deepEqual(profileSnippets(items), PROFILE_SNIPPETS);
		for (const label of PROFILE_SNIPPETS) {
			const snippet = item(items, label);
			assert.equal(snippet.kind, CompletionItemKind.Snippet);
			assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
			assert.equal(covered(text, editOf(snippet)), 'rapolicy-');
			const template = fs.readFileSync(path.join(TEMPLATES, `${label.slice('rapolicy-'.length)}.rapolicy.yaml`), 'utf8');
			assert.equal(applyCompletion(text, snippet), template, 'accepting the defaults gives the template');
			const docs = snippet.documentation as MarkupContent;
			assert.ok(docs.value.includes(/^description: (.*)$/m.exec(template)?.[1] ?? '?'), docs.value);
			assert.ok(docs.value.includes('```yaml\n') && docs.value.includes('policies:'), 'with a preview');
		}
	});

	it('offers them in an empty document, on a blank line of comments only, and right after ---', () => {
		assert.deepEqual(profileSnippets(complete('|').items), PROFILE_SNIPPETS);
		assert.deepEqual(profileSnippets(complete('# Helpdesk\n|\n').items), PROFILE_SNIPPETS);
		assert.deepEqual(profileSnippets(complete(`${FULL_PROFILE}---\n|`).items), PROFILE_SNIPPETS);
		assert.deepEqual(profileSnippets(complete(`${FULL_PROFILE}---\nrapolicy-lo|\n`).items), PROFILE_SNIPPETS);
	});

	it('does not offer them in a value position', () => {
		assert.deepEqual(profileSnippets(complete('profile: rapolicy-|').items), []);
		assert.deepEqual(profileSnippets(complete('scope: |').items), []);
	});

	it('does not offer them inside policies, indented or not, nor in a document that has profile keys', () => {
		assert.deepEqual(profileSnippets(complete('profile: A\npolicies:\n  rapolicy-|\n').items), []);
		assert.deepEqual(profileSnippets(complete('profile: A\npolicies:\n  SessionLogging:\n    |\n').items), []);
		assert.deepEqual(profileSnippets(complete('profile: A\n|\n').items), []);
		assert.deepEqual(profileSnippets(complete('|\npolicies:\n  SessionLogging: { state: enabled }\n').items), []);
		assert.deepEqual(profileSnippets(complete(`---\n|\n---\n${FULL_PROFILE}`).items), PROFILE_SNIPPETS, 'the next document does not count');
	});

	it('does not offer them after text on the line or in a comment', () => {
		assert.deepEqual(profileSnippets(complete('x rapolicy-|').items), []);
		assert.deepEqual(profileSnippets(complete('#rapolicy-|').items), []);
	});
});

describe('completion of top-level keys', () => {
	it('proposes the five keys in an empty document, and the whole profiles', () => {
		const { items } = complete('|');
		assert.deepEqual(labels(items).sort(), ['admx', 'description', 'policies', 'profile', 'scope', ...PROFILE_SNIPPETS].sort());
	});

	it('leaves out keys already present', () => {
		const { items } = complete('profile: A\n|\npolicies:\n  SessionLogging: { state: enabled }\n');
		assert.deepEqual(labels(items).sort(), ['admx', 'description', 'scope']);
	});

	it('replaces a half-typed key and inserts a key with its colon', () => {
		const { text, items } = complete('profile: A\npol|');
		const policies = item(items, 'policies');
		assert.equal(covered(text, editOf(policies)), 'pol');
		const applied = applyCompletion(text, policies);
		assert.match(applied, /^profile: A\npolicies:/);
		assert.deepEqual(codes(applied), ['missing-policies'], 'no YAML syntax error after inserting the key');
	});

	it('inserts scope with its only value', () => {
		const { text, items } = complete('profile: A\nsc|\npolicies:\n  SessionLogging: { state: enabled }\n');
		const applied = applyCompletion(text, item(items, 'scope'));
		assert.match(applied, /^scope: device$/m);
		assert.deepEqual(codes(applied), []);
	});

	it('proposes device as the scope value', () => {
		const { items } = complete('profile: A\nscope: |\n');
		assert.deepEqual(labels(items), ['device']);
	});

	it('proposes the keys again in the second document of a file', () => {
		const { items } = complete('profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\n|');
		assert.deepEqual(labels(items).sort(), ['admx', 'description', 'policies', 'scope']);
	});
});

describe('completion of policy names', () => {
	it('proposes the six policies with their Group Policy names as detail', () => {
		const { items } = complete('profile: A\npolicies:\n  |');
		assert.deepEqual(labels(items).sort(), Object.keys(POLICY_DETAILS).sort());
		for (const [name, detail] of Object.entries(POLICY_DETAILS)) {
			assert.equal(item(items, name).detail, detail, name);
		}
	});

	it('inserts a whole policy that validates, with state and every required option', () => {
		for (const name of Object.keys(POLICY_DETAILS)) {
			const { text, items } = complete('profile: A\npolicies:\n  |');
			const applied = applyCompletion(text, item(items, name));
			assert.deepEqual(diagnose(applied), [], `${name}:\n${applied}`);
			assert.match(applied, new RegExp(`^  ${name}:\\n    state: enabled$`, 'm'), applied);
		}
	});

	it('fills Solicited Remote Assistance with the Group Policy defaults', () => {
		const { text, items } = complete('profile: A\npolicies:\n  |');
		const applied = applyCompletion(text, item(items, 'SolicitedRemoteAssistance'));
		assert.equal(applied, `profile: A
policies:
  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: remote-control
      RA_Solicit_ExpireValue_Edt: 1
      RA_Solicit_ExpireUnits_List: hours
      RA_Solicit_Mailto_List: mailto`);
	});

	it('fills Offer Remote Assistance with remote control and a helper entry', () => {
		const { text, items } = complete('profile: A\npolicies:\n  |');
		const applied = applyCompletion(text, item(items, 'UnsolicitedRemoteAssistance'));
		assert.match(applied, /^      RA_Unsolicit_Control_List: remote-control$/m);
		assert.match(applied, /^      RA_Unsolicit_DACL_Edit:\n        - [^\\\s]+\\[^\\\s]+$/m);
	});

	it('fills the warning messages with both text options', () => {
		const { text, items } = complete('profile: A\npolicies:\n  |');
		const applied = applyCompletion(text, item(items, 'CustomizeWarningMessages'));
		assert.match(applied, /RA_Options_Share_Control_Message: /);
		assert.match(applied, /RA_Options_Connect_Message: /);
	});

	it('completes a half-typed policy name without a colon (`  Sess`)', () => {
		const { text, items } = complete('profile: A\npolicies:\n  Sess|');
		const logging = item(items, 'SessionLogging');
		assert.equal(covered(text, editOf(logging)), 'Sess');
		const applied = applyCompletion(text, logging);
		assert.equal(applied, 'profile: A\npolicies:\n  SessionLogging:\n    state: enabled');
		assert.deepEqual(diagnose(applied), []);
	});

	it('completes a half-typed policy name between other policies, leaving out those present', () => {
		const { text, items } = complete('profile: A\npolicies:\n  RA_EncryptedTicketOnly: { state: enabled }\n  Sess|\n  SolicitedRemoteAssistance: { state: disabled }\n');
		assert.ok(!labels(items).includes('RA_EncryptedTicketOnly'));
		assert.ok(!labels(items).includes('SolicitedRemoteAssistance'));
		assert.ok(labels(items).includes('SessionLogging'));
		const applied = applyCompletion(text, item(items, 'SessionLogging'));
		assert.deepEqual(diagnose(applied), [], applied);
	});

	it('replaces the whole word when the caret is inside it', () => {
		const { text, items } = complete('profile: A\npolicies:\n  Se|ss\n');
		assert.equal(covered(text, editOf(item(items, 'SessionLogging'))), 'Sess');
	});

	it('inserts only the name when the colon is already there', () => {
		const { text, items } = complete('profile: A\npolicies:\n  Sess|:\n    state: enabled\n');
		const logging = item(items, 'SessionLogging');
		const applied = applyCompletion(text, logging);
		assert.equal(applied, 'profile: A\npolicies:\n  SessionLogging:\n    state: enabled\n');
		assert.deepEqual(diagnose(applied), []);
	});

	it('proposes policy names inside a flow policies map', () => {
		const { text, items } = complete('profile: A\npolicies: { Sess| }\n');
		assert.equal(items.length, 6);
		assert.equal(covered(text, editOf(item(items, 'SessionLogging'))), 'Sess');
	});

	it('proposes policy names in a flow policies map after a flow-style policy', () => {
		const { text, items } = complete('profile: A\npolicies: { RA_EncryptedTicketOnly: { state: enabled }, Sess| }\n');
		assert.ok(labels(items).includes('SessionLogging'));
		assert.ok(!labels(items).includes('RA_EncryptedTicketOnly'));
		assert.equal(covered(text, editOf(item(items, 'SessionLogging'))), 'Sess');
	});

	it('follows a four-space indentation when inserting a whole policy', () => {
		const { text, items } = complete('profile: A\npolicies:\n    SessionLogging:\n        state: enabled\n    |');
		const applied = applyCompletion(text, item(items, 'SolicitedRemoteAssistance'));
		assert.deepEqual(diagnose(applied), [], applied);
		assert.match(applied, /^            RA_Solicit_Mailto_List: mailto$/m);
	});

	it('proposes policy names in the second document', () => {
		const { text, items } = complete('profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  |');
		assert.equal(items.length, 6, 'SessionLogging of the first document does not count as present');
		const applied = applyCompletion(text, item(items, 'RA_Optimize_Bandwidth'));
		assert.deepEqual(diagnose(applied), [], applied);
	});

	it('works in a CRLF file and keeps CRLF line breaks', () => {
		const { text, items } = complete(crlf('profile: A\npolicies:\n  Solic|\n'));
		const solicited = item(items, 'SolicitedRemoteAssistance');
		assert.equal(covered(text, editOf(solicited)), 'Solic');
		const applied = applyCompletion(text, solicited);
		assert.ok(!/[^\r]\n/.test(applied), 'no bare LF');
		assert.deepEqual(diagnose(applied), [], applied);
	});
});

describe('completion inside a policy', () => {
	it('proposes state and options under a policy with options', () => {
		const { items } = complete('profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    |\n');
		assert.deepEqual(labels(items).sort(), ['options', 'state']);
	});

	it('does not propose options for a policy without any', () => {
		const { items } = complete('profile: A\npolicies:\n  SessionLogging:\n    |\n');
		assert.deepEqual(labels(items), ['state']);
	});

	it('inserts options with every required option for an enabled policy', () => {
		const { text, items } = complete('profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    |\n');
		assert.deepEqual(labels(items), ['options']);
		const applied = applyCompletion(text, item(items, 'options'));
		assert.deepEqual(diagnose(applied), [], applied);
	});

	it('proposes the three states for an empty `state: ` value', () => {
		for (const marked of [
			'profile: A\npolicies:\n  SessionLogging:\n    state: |',
			'profile: A\npolicies:\n  SessionLogging:\n    state: |\n',
			'profile: A\npolicies:\n  SessionLogging:\n    state:|\n',
		]) {
			const { items } = complete(marked);
			assert.deepEqual(labels(items), ['enabled', 'disabled', 'not-configured'], JSON.stringify(marked));
		}
	});

	it('replaces a half-typed state', () => {
		const { text, items } = complete('profile: A\npolicies:\n  SessionLogging:\n    state: dis|\n');
		const disabled = item(items, 'disabled');
		assert.equal(covered(text, editOf(disabled)), 'dis');
		assert.deepEqual(diagnose(applyCompletion(text, disabled)), []);
	});

	it('proposes state in a half-typed flow map (`SessionLogging: { st`)', () => {
		const { text, items } = complete('profile: A\npolicies:\n  SessionLogging: { st|');
		assert.deepEqual(labels(items), ['state']);
		assert.equal(covered(text, editOf(items[0])), 'st');
	});

	it('proposes the states after `state:` in a flow map', () => {
		const { text, items } = complete('profile: A\npolicies:\n  SessionLogging: { state: | }\n');
		assert.deepEqual(labels(items), ['enabled', 'disabled', 'not-configured']);
		assert.deepEqual(diagnose(applyCompletion(text, item(items, 'not-configured'))), []);
		const open = complete('profile: A\npolicies:\n  SessionLogging: { state: |');
		assert.deepEqual(labels(open.items), ['enabled', 'disabled', 'not-configured']);
	});

	it('leaves out keys of the flow map that are present', () => {
		const { items } = complete('profile: A\npolicies:\n  SolicitedRemoteAssistance: { state: enabled, | }\n');
		assert.deepEqual(labels(items), ['options']);
	});
});

describe('completion of options', () => {
	const solicited = (rest: string) => `profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n${rest}`;

	it('proposes the option ids not yet present', () => {
		const { items } = complete(solicited('      RA_Solicit_Control_List: view-only\n      |\n      RA_Solicit_Mailto_List: mailto\n'));
		assert.deepEqual(labels(items).sort(), ['RA_Solicit_ExpireUnits_List', 'RA_Solicit_ExpireValue_Edt']);
	});

	it('proposes all four option ids under an empty options key', () => {
		const { items } = complete(solicited('      |'));
		assert.deepEqual(labels(items).sort(), ['RA_Solicit_Control_List', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_Mailto_List']);
	});

	it('inserts an option id with its default value', () => {
		const { text, items } = complete(solicited('      RA_Solicit_Control_List: view-only\n      RA_Solicit_ExpireValue_Edt: 2\n      RA_Solicit_Mailto_List: mailto\n      RA_Solicit_Exp|\n'));
		const units = item(items, 'RA_Solicit_ExpireUnits_List');
		assert.equal(covered(text, editOf(units)), 'RA_Solicit_Exp');
		const applied = applyCompletion(text, units);
		assert.match(applied, /^      RA_Solicit_ExpireUnits_List: hours$/m);
		assert.deepEqual(diagnose(applied), []);
	});

	it('proposes enum aliases first, each with its label beside it, then the numbers', () => {
		const { items } = complete(solicited('      RA_Solicit_ExpireUnits_List: |\n'));
		assert.deepEqual(sorted(items), ['minutes', 'hours', 'days', '0', '1', '2']);
		const hours = item(items, 'hours');
		const beside = `${hours.labelDetails?.description ?? ''} ${hours.labelDetails?.detail ?? ''} ${hours.detail ?? ''}`;
		assert.match(beside, /Hours/);
		assert.equal(editOf(hours).newText, 'hours');
	});

	it('proposes the bandwidth levels with their labels', () => {
		const { items } = complete('profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: |\n');
		assert.deepEqual(sorted(items).slice(0, 4).sort(), ['full-optimization', 'no-background', 'no-full-window-drag', 'no-optimization']);
		const background = item(items, 'no-background');
		assert.match(`${background.labelDetails?.description ?? ''} ${background.detail ?? ''}`, /Turn off background/);
		assert.ok(labels(items).includes('8'));
	});

	it('replaces a half-typed enum value', () => {
		const { text, items } = complete(solicited('      RA_Solicit_Control_List: vi|\n'));
		const view = item(items, 'view-only');
		assert.equal(covered(text, editOf(view)), 'vi');
	});

	it('proposes enum values inside a flow options map', () => {
		const { items } = complete('profile: A\npolicies:\n  RA_Optimize_Bandwidth:\n    state: enabled\n    options: { RA_Optimize_Bandwidth_List: | }\n');
		assert.ok(labels(items).includes('no-background'), JSON.stringify(labels(items)));
	});

	it('proposes the missing option ids inside a flow options map', () => {
		const { items } = complete('profile: A\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options: { RA_Solicit_Control_List: 1, | }\n');
		assert.deepEqual(labels(items).sort(), ['RA_Solicit_ExpireUnits_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_Mailto_List']);
	});

	it('proposes a helper entry skeleton after a dash', () => {
		const marked = 'profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit:\n        - |\n';
		const { text, items } = complete(marked);
		assert.equal(items.length, 1);
		const applied = applyCompletion(text, items[0]);
		assert.match(applied, /^        - [A-Za-z0-9-]+\\[A-Za-z0-9-]+$/m, applied);
		assert.deepEqual(diagnose(applied), [], applied);
	});

	it('proposes a helper entry with its dash on an empty line of the list', () => {
		const marked = 'profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit:\n        - CORP\\A\n        |\n';
		const { text, items } = complete(marked);
		assert.equal(items.length, 1);
		const applied = applyCompletion(text, items[0]);
		assert.match(applied, /^        - CORP\\A\n        - [A-Za-z0-9-]+\\[A-Za-z0-9-]+$/m, applied);
		assert.deepEqual(diagnose(applied), [], applied);
	});

	it('proposes the expiry default and an empty text', () => {
		const expiry = complete(solicited('      RA_Solicit_ExpireValue_Edt: |\n'));
		assert.deepEqual(labels(expiry.items), ['1']);
		const message = complete('profile: A\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Connect_Message: |\n');
		assert.equal(message.items.length, 1);
	});
});

describe('completion robustness', () => {
	it('never throws at any offset of any prefix of a full profile', () => {
		const text = `${FULL_PROFILE}---\nprofile: Second\npolicies:\n  SessionLogging: { st`;
		for (let end = 0; end <= text.length; end++) {
			const prefix = text.slice(0, end);
			const doc = parse(prefix);
			assert.doesNotThrow(() => getCompletions(doc, end), `prefix of ${end} characters`);
		}
		const doc = parse(text);
		for (let offset = 0; offset <= text.length; offset++) {
			assert.doesNotThrow(() => getCompletions(doc, offset), `offset ${offset}`);
		}
	});

	it('never throws in a CRLF file, and gives state proposals there', () => {
		const text = crlf(FULL_PROFILE);
		const doc = parse(text);
		for (let offset = 0; offset <= text.length; offset++) {
			assert.doesNotThrow(() => getCompletions(doc, offset), `offset ${offset}`);
		}
		const { items } = complete(crlf('profile: A\npolicies:\n  SessionLogging:\n    state: |\n'));
		assert.deepEqual(labels(items), ['enabled', 'disabled', 'not-configured']);
	});

	it('still completes when another part of the document has a syntax error', () => {
		const { items } = complete('profile: "unclosed\npolicies:\n  SessionLogging:\n    state: |\n  Other: { state: ]\n');
		assert.deepEqual(labels(items), ['enabled', 'disabled', 'not-configured']);
	});

	it('proposes no states under an unknown policy', () => {
		assert.deepEqual(labels(complete('profile: A\npolicies:\n  NotAPolicy:\n    state: |\n').items), []);
	});
});

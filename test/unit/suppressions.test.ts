import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getCodeActions, normalizeSettings, RULES } from '../../server/src/service';
import { applyEdits, codes, crlf, diagnose, parse, rawDiagnostics, TEST_URI } from '../helpers/service';

/** A profile whose helper list has a badly written helper and a duplicate. */
const HELPERS = `profile: A
policies:
  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: view-only
      RA_Unsolicit_DACL_Edit:
        - CORP\\A
        - helpdesk
        - CORP\\A
`;

/** Inserts `line` (with the indentation of the following line) before the line starting with `before`. */
function insertBefore(text: string, before: string, comment: string): string {
	const i = text.indexOf(before);
	assert.ok(i >= 0, `test setup: ${before} not found`);
	const lineStart = text.lastIndexOf('\n', i) + 1;
	const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	return `${text.slice(0, lineStart)}${indent}${comment}${eol}${text.slice(lineStart)}`;
}

describe('suppression comments', () => {
	it('starts from a helper-format warning and a duplicate-helper warning', () => {
		assert.deepEqual(codes(HELPERS), ['helper-format', 'duplicate-helper']);
	});

	it('silences the named rule on the next line', () => {
		const text = insertBefore(HELPERS, '        - helpdesk', '# rapolicy-disable-next-line helper-format');
		assert.deepEqual(codes(text), ['duplicate-helper']);
	});

	it('does not silence other rules on the next line', () => {
		const text = insertBefore(HELPERS, '        - helpdesk', '# rapolicy-disable-next-line duplicate-helper');
		assert.deepEqual(codes(text), ['helper-format', 'duplicate-helper']);
	});

	it('silences only the next line, not lines further down', () => {
		const text = insertBefore(HELPERS, '        - helpdesk', '# rapolicy-disable-next-line duplicate-helper');
		const d = diagnose(text).find((x) => x.code === 'duplicate-helper');
		assert.ok(d, 'the duplicate two lines below is still reported');
		const far = insertBefore(HELPERS, '      RA_Unsolicit_DACL_Edit', '# rapolicy-disable-next-line helper-format duplicate-helper');
		assert.deepEqual(codes(far), ['helper-format', 'duplicate-helper']);
	});

	it('silences several rules named with spaces or commas', () => {
		const text = `profile: A
policies:
  # rapolicy-disable-next-line unknown-policy, invalid-state
  SessionLoging: { state: enable }
  # rapolicy-disable-next-line invalid-state missing-state
  RA_EncryptedTicketOnly: { state: enable }
`;
		assert.deepEqual(codes(text), []);
	});

	it('silences every rule on the next line when no rule is named', () => {
		const text = insertBefore(HELPERS.replace('        - CORP\\A\n', ''), '        - helpdesk', '# rapolicy-disable-next-line');
		assert.deepEqual(codes(text), []);
	});

	it('silences an error as well as a warning', () => {
		const text = 'profile: A\nscope: user\npolicies:\n  SessionLogging: { state: enabled }\n';
		assert.deepEqual(codes(text), ['invalid-scope']);
		assert.deepEqual(codes(insertBefore(text, 'scope: user', '# rapolicy-disable-next-line invalid-scope')), []);
	});

	it('works in a CRLF file', () => {
		const text = insertBefore(crlf(HELPERS), '        - helpdesk', '# rapolicy-disable-next-line helper-format');
		assert.ok(text.includes('\r\n        # rapolicy-disable-next-line helper-format\r\n'));
		assert.deepEqual(codes(text), ['duplicate-helper']);
	});

	it('works in the second document of a file', () => {
		const text = `profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  # rapolicy-disable-next-line unknown-policy\n  SessionLoging: { state: enabled }\n  RA_EncryptedTicketOnly: { state: enable }\n`;
		assert.deepEqual(codes(text), ['invalid-state']);
	});

	it('a comment naming a rule that is not on the next line changes nothing', () => {
		const text = insertBefore(HELPERS, '        - helpdesk', '# rapolicy-disable-next-line unknown-policy');
		assert.deepEqual(codes(text), ['helper-format', 'duplicate-helper']);
	});

	it('is offered as a code action that silences the diagnostic when applied', () => {
		const doc = parse(HELPERS);
		const diagnostic = rawDiagnostics(HELPERS).find((d) => d.code === 'helper-format');
		assert.ok(diagnostic);
		const action = getCodeActions(doc, [diagnostic], DEFAULT_SETTINGS).find((a) => (a.edit?.changes?.[TEST_URI] ?? []).some((e) => e.newText.includes('rapolicy-disable-next-line')));
		assert.ok(action, 'a suppression action is offered');
		const after = applyEdits(HELPERS, action.edit?.changes?.[TEST_URI] ?? []);
		assert.deepEqual(codes(after), ['duplicate-helper']);
	});
});

describe('rule settings (validation.rules)', () => {
	it('turns a rule off', () => {
		const settings = normalizeSettings({ validation: { rules: { 'helper-format': 'off' } } });
		assert.deepEqual(codes(HELPERS, settings), ['duplicate-helper']);
	});

	it('sets a rule\'s severity', () => {
		const cases: [string, number][] = [['error', DiagnosticSeverity.Error], ['warning', DiagnosticSeverity.Warning], ['information', DiagnosticSeverity.Information], ['hint', DiagnosticSeverity.Hint]];
		for (const [level, severity] of cases) {
			const settings = normalizeSettings({ validation: { rules: { 'duplicate-helper': level } } });
			const d = diagnose(HELPERS, settings);
			assert.equal(d.find((x) => x.code === 'duplicate-helper')?.severity, severity, level);
			assert.equal(d.find((x) => x.code === 'helper-format')?.severity, DiagnosticSeverity.Warning, 'other rules keep their default');
		}
	});

	it('can lower an error to a warning and turn an error off', () => {
		const text = 'profile: A\nscope: user\npolicies:\n  SolicitedRemoteAssistance: { state: enabled }\n';
		const lowered = diagnose(text, normalizeSettings({ validation: { rules: { 'invalid-scope': 'warning' } } }));
		assert.equal(lowered.find((d) => d.code === 'invalid-scope')?.severity, DiagnosticSeverity.Warning);
		assert.equal(lowered.find((d) => d.code === 'missing-option')?.severity, DiagnosticSeverity.Error);
		assert.deepEqual(codes(text, normalizeSettings({ validation: { rules: { 'missing-option': 'off' } } })), ['invalid-scope']);
	});

	it('ignores unknown rules and unknown levels', () => {
		const settings = normalizeSettings({ validation: { rules: { 'helper-format': 'loud', 'no-such-rule': 'off', 'duplicate-helper': 3 } } });
		assert.deepEqual(diagnose(HELPERS, settings), diagnose(HELPERS));
	});

	it('accepts malformed settings as the defaults', () => {
		for (const raw of [undefined, null, 42, 'x', {}, { validation: null }, { validation: { rules: 'off' } }]) {
			assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS, JSON.stringify(raw));
		}
	});

	it('turns validation off entirely with validation.enable = false', () => {
		assert.deepEqual(diagnose(HELPERS, normalizeSettings({ validation: { enable: false } })), []);
	});

	it('knows every diagnostic code of the spec as a rule', () => {
		const spec = ['yaml-syntax', 'duplicate-key', 'unknown-key', 'missing-profile', 'missing-policies', 'invalid-scope', 'unknown-policy', 'missing-state', 'invalid-state', 'ignored-options', 'missing-option', 'unknown-option', 'value-type', 'enum-value', 'decimal-range', 'text-too-long', 'empty-helper-list', 'helper-format', 'duplicate-helper', 'invalid-character'];
		for (const code of spec) {
			assert.ok(Object.prototype.hasOwnProperty.call(RULES, code), code);
		}
		const warnings = ['ignored-options', 'helper-format', 'duplicate-helper'];
		for (const code of spec) {
			assert.equal(RULES[code as keyof typeof RULES].severity, warnings.includes(code) ? 'warning' : 'error', code);
		}
	});

	it('combines a suppression comment with a rule setting', () => {
		const text = insertBefore(HELPERS, '        - helpdesk', '# rapolicy-disable-next-line helper-format');
		const settings = normalizeSettings({ validation: { rules: { 'duplicate-helper': 'off' } } });
		assert.deepEqual(codes(text, settings), []);
	});

	it('offers no quick fix for a rule that is turned off', () => {
		const settings = normalizeSettings({ validation: { rules: { 'helper-format': 'off' } } });
		const diagnostic = rawDiagnostics(HELPERS).find((d) => d.code === 'helper-format');
		assert.ok(diagnostic);
		assert.deepEqual(getCodeActions(parse(HELPERS), [diagnostic], settings), []);
	});
});

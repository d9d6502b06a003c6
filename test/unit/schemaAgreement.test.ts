import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse as parseData } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildProfileSchema } from '../../server/src/service';
import { codes, diagnose, FULL_PROFILE } from '../helpers/service';

/** The repository root, from out/test/unit or test/unit. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

function mutate(from: string, to: string, text = FULL_PROFILE): string {
	assert.ok(text.includes(from), `test setup: ${JSON.stringify(from)} is not in the text`);
	return text.replace(from, to);
}

const p = (policies: string) => `profile: Corpus\npolicies:\n${policies}`;

const OFFER = (helpers: string, control = 'remote-control') => p(`  UnsolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Unsolicit_Control_List: ${control}
      RA_Unsolicit_DACL_Edit:${helpers}
`);

const SOLICIT = (control: string, expiry: string, units: string, mail: string) => p(`  SolicitedRemoteAssistance:
    state: enabled
    options:
      RA_Solicit_Control_List: ${control}
      RA_Solicit_ExpireValue_Edt: ${expiry}
      RA_Solicit_ExpireUnits_List: ${units}
      RA_Solicit_Mailto_List: ${mail}
`);

const MESSAGES = (share: string, connect: string) => p(`  CustomizeWarningMessages:
    state: enabled
    options:
      RA_Options_Share_Control_Message: ${share}
      RA_Options_Connect_Message: ${connect}
`);

/** Single-document profiles without YAML syntax errors or duplicate keys, valid and invalid. */
const CORPUS: [string, string][] = [
	// valid
	['full profile', FULL_PROFILE],
	['minimal', p('  SessionLogging: { state: enabled }\n')],
	['every policy disabled', p('  SessionLogging: { state: disabled }\n  RA_EncryptedTicketOnly: { state: disabled }\n  SolicitedRemoteAssistance: { state: disabled }\n  UnsolicitedRemoteAssistance: { state: disabled }\n  CustomizeWarningMessages: { state: disabled }\n  RA_Optimize_Bandwidth: { state: disabled }\n')],
	['not-configured', p('  RA_Optimize_Bandwidth:\n    state: not-configured\n')],
	['numbers for enums', SOLICIT('0', '99', '2', '0')],
	['aliases for enums, expiry 1', SOLICIT('view-only', '1', 'minutes', 'simple-mapi')],
	['bandwidth number 14', p('  RA_Optimize_Bandwidth: { state: enabled, options: { RA_Optimize_Bandwidth_List: 14 } }\n')],
	['bandwidth alias', p('  RA_Optimize_Bandwidth: { state: enabled, options: { RA_Optimize_Bandwidth_List: full-optimization } }\n')],
	['two helpers, flow list', OFFER(' [ CORP\\A, CORP\\B ]')],
	['empty messages', MESSAGES('""', "''")],
	['multi-line message', MESSAGES('|\n        Line one.\n        Line two.', 'Short.')],
	['message with emoji and tab escape', MESSAGES('"Hi 😀\\tthere"', 'ok')],
	['description and scope', `profile: P\ndescription: Something.\nscope: device\npolicies:\n  SessionLogging: { state: enabled }\n`],
	['enabled policy without options with empty options', p('  SessionLogging:\n    state: enabled\n    options: {}\n')],
	['enabled policy without options with null options', p('  RA_EncryptedTicketOnly:\n    state: enabled\n    options:\n')],
	['anchors and aliases', p(`  SolicitedRemoteAssistance:
    state: &on enabled
    options:
      RA_Solicit_Control_List: &ctl view-only
      RA_Solicit_ExpireValue_Edt: 3
      RA_Solicit_ExpireUnits_List: days
      RA_Solicit_Mailto_List: mailto
  SessionLogging: { state: *on }
`)],
	['text over 1023', MESSAGES('x'.repeat(1500), 'y')],
	['warning only: helper not DOMAIN\\name', OFFER('\n        - helpdesk@corp.example.com')],
	['warning only: duplicate helper', OFFER('\n        - CORP\\A\n        - corp\\a')],
	['warning only: options on a disabled policy', p('  SolicitedRemoteAssistance:\n    state: disabled\n    options:\n      Whatever: 1\n')],
	['quoted profile name that looks like a number', 'profile: "2024"\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['expiry written as 5.0', SOLICIT('1', '5.0', 'hours', 'mailto')],
	// invalid
	['missing profile', 'policies:\n  SessionLogging: { state: enabled }\n'],
	['missing policies', 'profile: A\n'],
	['empty policies', 'profile: A\npolicies: {}\n'],
	['policies as a list', 'profile: A\npolicies:\n  - SessionLogging\n'],
	['unknown top-level key', 'profile: A\nowner: me\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['scope user', 'profile: A\nscope: user\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['scope empty', 'profile: A\nscope:\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['profile name a number', 'profile: 12\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['profile name empty', 'profile: ""\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['profile name only spaces', 'profile: "   "\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['description empty', 'profile: A\ndescription: ""\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['description with no value', 'profile: A\ndescription:\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['description a number', 'profile: A\ndescription: 3\npolicies:\n  SessionLogging: { state: enabled }\n'],
	['unknown policy', p('  SessionLoging: { state: enabled }\n')],
	['wrongly cased policy', p('  sessionlogging: { state: enabled }\n')],
	['missing state', p('  SessionLogging: {}\n')],
	['policy with no value', p('  SessionLogging:\n')],
	['invalid state', p('  SessionLogging: { state: on }\n')],
	['state Enabled', p('  SessionLogging: { state: Enabled }\n')],
	['unknown key in a policy', p('  SessionLogging: { state: enabled, note: x }\n')],
	['missing option', p('  SolicitedRemoteAssistance: { state: enabled }\n')],
	['unknown option', mutate('RA_Solicit_Mailto_List: mailto', 'RA_Solicit_Mailto_Lst: mailto')],
	['option on a policy without options', p('  SessionLogging: { state: enabled, options: { x: 1 } }\n')],
	['enum alias unknown', SOLICIT('full', '1', 'hours', 'mailto')],
	['enum number unknown', SOLICIT('1', '1', '3', 'mailto')],
	['enum quoted number', SOLICIT('"1"', '1', 'hours', 'mailto')],
	['enum boolean', SOLICIT('true', '1', 'hours', 'mailto')],
	['expiry 0', SOLICIT('1', '0', 'hours', 'mailto')],
	['expiry 100', SOLICIT('1', '100', 'hours', 'mailto')],
	['expiry 4.5', SOLICIT('1', '4.5', 'hours', 'mailto')],
	['expiry quoted', SOLICIT('1', '"4"', 'hours', 'mailto')],
	['expiry text', SOLICIT('1', 'four', 'hours', 'mailto')],
	['text option a number', MESSAGES('42', 'ok')],
	['text option with no value', MESSAGES('', 'ok')],
	['text option with U+F000', MESSAGES('"a\\uF000b"', 'ok')],
	['text option with a control character', MESSAGES('"a\\x07b"', 'ok')],
	['empty helper list', OFFER(' []')],
	['helper list with no value', OFFER('')],
	['helper list a single string', OFFER(' CORP\\A')],
	['helper entry empty', OFFER('\n        - ""')],
	['helper entry a number', OFFER('\n        - 42')],
	['helper with U+F000', OFFER('\n        - "CORP\\\\A\\uF000B"')],
	['options a list on an enabled policy', p('  RA_Optimize_Bandwidth:\n    state: enabled\n    options: [ 8 ]\n')],
	['options a string on a disabled policy', p('  RA_Optimize_Bandwidth:\n    state: disabled\n    options: eight\n')],
	['policy settings a string', p('  SessionLogging: enabled\n')],
	['document a list', '- profile: A\n'],
];

describe('JSON Schema', () => {
	it('is checked in as schemas/rapolicy.schema.json, equal to buildProfileSchema()', () => {
		const checkedIn: unknown = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'rapolicy.schema.json'), 'utf8'));
		assert.deepEqual(checkedIn, JSON.parse(JSON.stringify(buildProfileSchema())));
	});

	it('compiles with ajv', () => {
		const ajv = new Ajv({ allErrors: true, strict: false });
		assert.doesNotThrow(() => ajv.compile(buildProfileSchema()));
	});
});

describe('schema agreement: service errors ⇔ schema invalid', () => {
	const ajv = new Ajv({ allErrors: true, strict: false });
	const validate = ajv.compile(buildProfileSchema());

	it('uses a corpus of at least 25 varied profiles, both valid and invalid, without syntax errors or duplicate keys', () => {
		assert.ok(CORPUS.length >= 25);
		const valid = CORPUS.filter(([, text]) => validate(parseData(text))).length;
		assert.ok(valid >= 10 && CORPUS.length - valid >= 10, `${valid} valid of ${CORPUS.length}`);
		for (const [name, text] of CORPUS) {
			const found = codes(text);
			assert.ok(!found.includes('yaml-syntax') && !found.includes('duplicate-key'), `${name}: ${JSON.stringify(found)}`);
		}
	});

	for (const [name, text] of CORPUS) {
		it(`agrees on: ${name}`, () => {
			const errors = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error);
			const schemaValid = validate(parseData(text)) as boolean;
			const detail = `service errors: ${JSON.stringify(errors.map((d) => `${String(d.code)}: ${d.message}`))}; ajv errors: ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`) ?? [])}`;
			assert.equal(errors.length > 0, !schemaValid, detail);
		});
	}
});

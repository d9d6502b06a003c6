import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DEFAULT_SETTINGS, getDiagnostics, parsePolicyDocument, POLICIES, resolveProfiles, type ResolvedProfile } from '../../server/src/service';

/** A profile named Test with the given policies lines. */
export const profile = (policies: string): string => `profile: Test\npolicies:\n${policies}`;

/** Strings XML 1.0 can carry, without U+F000. */
export const xmlText = fc.string({ unit: fc.oneof(
	fc.constantFrom('\t', '\n', '&', '<', '>', '"', '\'', ']', ';', '#', 'x', 'F', '0'),
	fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCodePoint(c)),
	fc.integer({ min: 0xe000, max: 0xfffd }).filter((c) => c !== 0xf000).map((c) => String.fromCodePoint(c)),
	fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
) });

const helper = fc.tuple(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,10}$/), fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,15}[A-Za-z0-9]$/)).map(([d, n]) => `${d}\\${n}`);
const message = xmlText.filter((s) => s.trim() === s && s.length > 0 && s.length < 200 && !/[\t\n\r]/.test(s));
const policyYaml = fc.oneof(
	fc.constantFrom('disabled', 'not-configured').chain((state) => fc.constantFrom(...POLICIES.map((p) => `  ${p.name}: { state: ${state} }\n`))),
	fc.constantFrom('  SessionLogging: { state: enabled }\n', '  RA_EncryptedTicketOnly: { state: enabled }\n'),
	fc.tuple(fc.constantFrom('remote-control', 'view-only', '0', '1'), fc.uniqueArray(helper, { minLength: 1, maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }))
		.map(([control, helpers]) => `  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: ${control}\n      RA_Unsolicit_DACL_Edit:\n${helpers.map((h) => `        - ${JSON.stringify(h)}\n`).join('')}`),
	fc.tuple(fc.constantFrom('remote-control', 'view-only'), fc.integer({ min: 1, max: 99 }), fc.constantFrom('minutes', 'hours', 'days', '2'), fc.constantFrom('mailto', 'simple-mapi'))
		.map(([c, v, u, m]) => `  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: ${c}\n      RA_Solicit_ExpireValue_Edt: ${v}\n      RA_Solicit_ExpireUnits_List: ${u}\n      RA_Solicit_Mailto_List: ${m}\n`),
	fc.tuple(message, message).map(([a, b]) => `  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: ${JSON.stringify(a)}\n      RA_Options_Connect_Message: ${JSON.stringify(b)}\n`),
	fc.constantFrom('no-optimization', 'no-full-window-drag', 'no-background', 'full-optimization', '14').map((v) => `  RA_Optimize_Bandwidth:\n    state: enabled\n    options:\n      RA_Optimize_Bandwidth_List: ${v}\n`),
);
/** Random valid profiles: every policy and state, helpers, expiry, messages with any XML character. */
export const profileYaml = fc.uniqueArray(policyYaml, { minLength: 1, maxLength: 6, selector: (p) => p.split(':')[0] }).map((policies) => profile(policies.join('')));

/** The first profile of a policy file that must be valid, resolved as the encoders take it. */
export function validProfile(text: string): ResolvedProfile {
	const doc = parsePolicyDocument('file:///t.rapolicy.yaml', 1, text);
	assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.message), [], 'the profile is valid');
	return resolveProfiles(doc)[0];
}

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { DEFAULT_SETTINGS, encodeLgpoText, encodePowerShell, getDiagnostics, parsePolicyDocument, parseSyncmlDocument, registryListing, resolveProfiles, type ResolvedProfile } from '../../server/src/service';
import { lgpoSetting, lgpoText, LgpoTextError, readLgpoText } from '../../server/src/service/gpo/lgpoText';
import { powerShellScript, readPowerShell } from '../../server/src/service/gpo/powershell';
import type { GpReadResult, GpWrite } from '../../server/src/service/gpo/registryOperation';
import { registryPolFile, RegistryPolNameError } from '../../server/src/service/gpo/registryPol';
import { profileYaml } from '../helpers/profiles';

/**
 * Names reach the comment lines of the Group Policy exports. Whatever they hold, the exports read
 * back through the product's own readers to the same records as with a plain name, with no line
 * the profile did not set.
 */
const HOSTILE = 'Helpdesk\r\nusing module \\\\host\\EVIL\\x.psm1\nRemove-Item C:\\EVIL -Recurse\u2028Set-GPRegistryValue -Name G -Key HKLM\\Software\\Run -ValueName EVIL -Type String -Value y\u0085Computer\nSoftware\\EVIL\nx\nDWORD:1';

/** Every line that holds the marker is a comment of its format. */
const onlyInComments = (text: string, comment: string) => lines(text).filter((line) => line.includes('EVIL')).every((line) => line.startsWith(comment));

function resolved(yaml: string): ResolvedProfile {
	return resolveProfiles(parsePolicyDocument('file:///p.rapolicy.yaml', 1, yaml))[0];
}

const named = (profile: ResolvedProfile, name: string): ResolvedProfile => ({ ...profile, name });
const lines = (text: string) => text.split(/\r?\n/);
/** The records a reading gives, without their offsets, which a longer comment moves; `where` names lines, which no name may add. */
const recordsOf = (read: GpReadResult) => read.records.map(({ at: _at, ...record }) => record);
const PLAIN = resolved('profile: Plain\npolicies:\n  SessionLogging: { state: enabled }\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit: [CORP\\Help]\n');

describe('names cannot steer the Group Policy exports', () => {
	it('a profile name with line breaks stays inside its comment in PowerShell, LGPO text and the registry view', () => {
		const hostile = named(PLAIN, HOSTILE);
		for (const [encode, read, comment] of [[encodePowerShell, readPowerShell, '#'], [encodeLgpoText, readLgpoText, ';']] as const) {
			const clean = encode(PLAIN);
			const text = encode(hostile);
			assert.equal(lines(text).length, lines(clean).length, 'no line was added');
			assert.ok(onlyInComments(text, comment), text);
			assert.deepEqual(recordsOf(read(text)), recordsOf(read(clean)));
		}
		const view = registryListing([hostile]);
		assert.equal(lines(view).length, lines(registryListing([PLAIN])).length);
	});

	it('a policy key with line breaks stays inside its comment too', () => {
		const write: GpWrite = { title: 'T', holds: 'ingested ADMX policies', policies: [{ key: `App/P${HOSTILE}`, state: 'enabled', operations: [{ kind: 'set', hive: 'HKLM', key: 'Software\\Policies\\T', name: 'V', type: 'REG_DWORD', data: '1' }] }] };
		const plain: GpWrite = { ...write, policies: [{ ...write.policies[0], key: 'App/P' }] };
		assert.deepEqual(recordsOf(readPowerShell(powerShellScript(write))), recordsOf(readPowerShell(powerShellScript(plain))));
		assert.equal(lines(powerShellScript(write)).length, lines(powerShellScript(plain)).length);
		assert.deepEqual(recordsOf(readLgpoText(lgpoText(write))), recordsOf(readLgpoText(lgpoText(plain))));
		assert.equal(lines(lgpoText(write)).length, lines(lgpoText(plain)).length);
	});

	it('any name, with every control and separator character, changes no record and adds no line', () => {
		const anyChar = fc.oneof(
			fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
			fc.constantFrom('\u2028', '\u2029', ';', '#', '<#', '#>', '`', '$(', '\'', '"', '\u2018'),
			fc.string({ maxLength: 3 }),
		);
		fc.assert(fc.property(profileYaml, fc.array(anyChar, { maxLength: 40 }).map((parts) => parts.join('')), (yaml, name) => {
			const profile = resolved(yaml);
			for (const [encode, read] of [[encodePowerShell, readPowerShell], [encodeLgpoText, readLgpoText]] as const) {
				let clean: string;
				try {
					clean = encode(profile);
				} catch {
					// A value LGPO text cannot carry is refused whatever the name; nothing to compare.
					continue;
				}
				const text = encode(named(profile, name));
				assert.equal(lines(text).length, lines(clean).length);
				assert.deepEqual(recordsOf(read(text)), recordsOf(read(clean)));
			}
		}), { numRuns: 150, seed: 20261208 });
	});

	it('a profile or policy name with a line break is an error at the name, with a fix that joins it', () => {
		const yaml = 'profile: "Helpdesk\\nRemove-Item C:\\\\"\npolicies:\n  SessionLogging: { state: enabled }\n';
		const doc = parsePolicyDocument('file:///p.rapolicy.yaml', 1, yaml);
		const [problem] = doc.problems.filter((p) => p.code === 'invalid-character');
		assert.ok(problem, JSON.stringify(doc.problems));
		assert.equal(yaml.slice(problem.span.start, problem.span.end), '"Helpdesk\\nRemove-Item C:\\\\"');
		assert.match(problem.message, /^A profile's name is one line: it holds \\n, which would end a comment line/);
		const fix = problem.fixes?.[0];
		assert.ok(fix);
		const fixed = yaml.slice(0, fix.edits[0].span.start) + fix.edits[0].newText + yaml.slice(fix.edits[0].span.end);
		assert.deepEqual(getDiagnostics(parsePolicyDocument('file:///p.rapolicy.yaml', 2, fixed), DEFAULT_SETTINGS), []);
		assert.match(fixed, /^profile: Helpdesk Remove-Item C:\\\\?\n/);
	});
});

describe('values a Group Policy format would read as something else', () => {
	const offer = (helpers: string) => `profile: P\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: view-only\n      RA_Unsolicit_DACL_Edit: ${helpers}\n`;
	const found = (yaml: string) => parsePolicyDocument('file:///p.rapolicy.yaml', 1, yaml).problems.filter((p) => p.code !== 'schema').map((p) => `${p.code}: ${yaml.slice(p.span.start, p.span.end)}`);

	it('a helper that would be a Registry.pol directive or an LGPO comment is an error at the entry, in a profile and in a payload', () => {
		assert.deepEqual(found(offer('["**delvals.", ";CORP\\\\x", "CORP\\\\Help"]')), ['reserved-name: "**delvals."', 'reserved-name: ";CORP\\\\x"']);
		const xml = '<SyncBody><Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data><![CDATA[<enabled/><data id="RA_Unsolicit_Control_List" value="0"/><data id="RA_Unsolicit_DACL_Edit" value="**delvals.&#xF000;**delvals."/>]]></Data></Item></Replace><Final/></SyncBody>';
		const problems = parseSyncmlDocument('file:///m.syncml', 1, xml).problems.map((p) => `${p.code}: ${xml.slice(p.span.start, p.span.end)}`);
		assert.deepEqual(problems, ['reserved-name: **delvals.']);
	});

	it('the writers refuse such a name rather than write another record', () => {
		const set = (name: string): GpWrite['policies'][number]['operations'][number] => ({ kind: 'set', hive: 'HKLM', key: 'Software\\Policies\\T', name, type: 'REG_SZ', data: 'x' });
		assert.throws(() => registryPolFile([set('**delvals.')], 'HKLM'), RegistryPolNameError);
		assert.throws(() => lgpoSetting(set(';CORP\\x')), LgpoTextError);
		assert.doesNotThrow(() => registryPolFile([set('CORP\\x')], 'HKLM'));
	});
});

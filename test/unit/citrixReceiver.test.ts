import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/cli';
import { decodeFile } from '../../server/src/common/decodeFile';
import {
	admxRegistryOperations, blockingErrors, DEFAULT_SETTINGS, encodeIntune, encodeLgpoText, encodePayload, encodePowerShell, encodeRegistryPol, encodeSyncml, gpOperations, importIntune,
	importSyncml, loadAdml, loadAdmx, parseIntuneDocument, parsePolicyDocument, parseSyncmlDocument, policyUri, registryPolFile, registryPolRecord, registryText, resolveProfiles,
	withIngestedAdmx, type AdmxSource, type ImportResult, type ParsedDocument, type ResolvedProfile,
} from '../../server/src/service';
import type { AdmxPolicy } from '../../server/src/service/admx/admxModel';
import { readAdmx } from '../../server/src/service/admx/readAdmx';
import { admxPolicyMarkdown } from '../../server/src/service/features/admxHover';
import { lgpoText, readLgpoText } from '../../server/src/service/gpo/lgpoText';
import { powerShellScript, readPowerShell } from '../../server/src/service/gpo/powershell';
import { readRegistryPol } from '../../server/src/service/gpo/registryPol';
import type { GpOperation, GpRecord } from '../../server/src/service/gpo/registryOperation';
import { lintAdmx } from '../../server/src/service/ingestion/lintAdmx';

const DIR = path.join(__dirname, '../../../test/fixtures/real/admx/citrix');

/** A fixture decoded as the command line decodes files (the byte order mark dropped). */
function textOf(file: string): string {
	const decoded = decodeFile(new Uint8Array(readFileSync(path.join(DIR, file))));
	assert.ok('text' in decoded, file);
	return decoded.text;
}

const RECEIVER: AdmxSource = (() => {
	const text = textOf('receiver.admx');
	return { text, admx: loadAdmx(text), adml: loadAdml(textOf('en-US/receiver.adml')) };
})();

function policy(name: string): AdmxPolicy {
	const found = RECEIVER.admx.policies.find((p) => p.name === name);
	assert.ok(found, name);
	return found;
}

const OAUTH = 'Software\\Policies\\Citrix\\ICA Client\\OAuth Redirection';
const PROTOCOL = 'Software\\Classes\\citrix-oauth-redir';
const REDIRECTOR = '"c:\\Program Files (x86)\\Citrix\\ICA Client\\redirector.exe" /launch "%1"';

const BASELINE = `profile: Citrix Workspace baseline
description: Workspace app settings from Citrix's receiver.admx
admx:
  - app: CitrixWorkspace
    file: receiver.admx
policies:
  CitrixWorkspace/Policy_OAuthRedirection:
    state: enabled
    options:
      Part_OAuthRedirectionRedirectionPattern: https://login.example.com/*
      Part_OAuthRedirectionScheme: https
  CitrixWorkspace/Policy_TransportProtocal:
    state: enabled
    options:
      refid_HDXoverUDP: Preferred
  CitrixWorkspace/Policy_ClientAutoReconnect:
    state: enabled
    options:
      Part_ClientAutoReconnect_Reconnect: true
      Part_ClientAutoReconnect_CGP: false
      Part_ClientAutoReconnect_Dimming: 40
  CitrixWorkspace/Storefronts:
    state: enabled
    options:
      Storefronts_Part:
        - Store;https://storefront.example.com/Citrix/Store/discovery;On;Main store
  CitrixWorkspace/Policy_LocalAppDiscovery:
    state: enabled
    options:
      EnableLocalAppDiscovery_Value: true
      LocalAppWhitelist_Value: [notepad.exe, calc.exe]
  CitrixWorkspace/Policy_HideConfigChecker: { state: disabled }
`;

/** The profile with its admx entries read from `files` (receiver.admx beside it unless told otherwise). */
function document(yaml: string, files: ReadonlyMap<string, AdmxSource> = new Map([['receiver.admx', RECEIVER]])): ParsedDocument {
	return withIngestedAdmx(parsePolicyDocument('file:///p/citrix.rapolicy.yaml', 1, yaml), [], (file) => files.get(file) ?? { error: `${file} is not there` });
}

/** A profile that must be free of errors, resolved as the encoders take it. */
function resolved(yaml: string, files?: ReadonlyMap<string, AdmxSource>): ResolvedProfile {
	const doc = document(yaml, files);
	assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS).map((e) => `${e.code} ${e.message}`), []);
	return resolveProfiles(doc)[0];
}

/** The file an import saves beside the profile, read back as the profile finds it: receiver.admx as carried, with the fixture's ADML. */
function saved(result: ImportResult): Map<string, AdmxSource> {
	const [file] = result.admxFiles ?? [];
	assert.equal(file?.file, 'receiver.admx');
	assert.equal(file.text, RECEIVER.text, 'saved as carried');
	return new Map([[file.file, { text: file.text, admx: loadAdmx(file.text), adml: RECEIVER.adml }]]);
}

/** What a record sets or deletes, without where it was read. */
const recordOf = (record: GpRecord) => record.kind === 'set' ? `set ${record.key}\\[${record.name}] ${record.type} ${record.data}` : record.kind === 'delete' ? `delete ${record.key}\\[${record.name}]` : `${record.kind} ${record.key}`;
const operationOf = (operation: GpOperation) => operation.kind === 'set' ? `set ${operation.key}\\[${operation.name}] ${operation.type} ${typeof operation.data === 'string' ? operation.data : operation.data.join('\0')}` : operation.kind === 'delete' ? `delete ${operation.key}\\[${operation.name}]` : `${operation.kind} ${operation.key}`;

describe('Citrix Workspace receiver.admx: the key\'s default value (valueName="")', () => {
	it('reads the whole file: every policy, the enabledList items of valueName="" as the default value, and only the file\'s own schema warnings', () => {
		assert.deepEqual(RECEIVER.admx.problems, []);
		assert.equal(RECEIVER.admx.policies.length, 170);
		assert.deepEqual(policy('Policy_OAuthRedirection').enabledList.map((i) => [i.key, i.valueName, i.value]), [
			[PROTOCOL, '', { kind: 'string', value: 'URL:Citrix OAuth2 Redirection Helper' }],
			[PROTOCOL, 'URL Protocol', { kind: 'string', value: '' }],
			[`${PROTOCOL}\\shell\\open\\command`, '', { kind: 'string', value: REDIRECTOR }],
		]);
		// Seven elements write their policy's own value (Smartcard, local credentials, audio input, settings UI): true of the file, and only warnings.
		const lint = lintAdmx(RECEIVER.admx, RECEIVER.text, RECEIVER.adml);
		assert.deepEqual([...new Set(lint.map((p) => `${p.code}/${p.severity ?? 'default'}`))], ['admx-schema/default']);
		assert.equal(lint.length, 7);
	});

	it('the registry derivation writes the default value of each key, as the Group Policy editor does', () => {
		const oauth = policy('Policy_OAuthRedirection');
		const values = new Map([['Part_OAuthRedirectionRedirectionPattern', 'https://login.example.com/*'], ['Part_OAuthRedirectionScheme', 'https']]);
		assert.deepEqual(admxRegistryOperations(oauth, 'HKCU', 'enabled', values).map(operationOf), [
			`set ${OAUTH}\\[AllowOAuthRedirection] REG_DWORD 1`,
			`set ${PROTOCOL}\\[] REG_SZ URL:Citrix OAuth2 Redirection Helper`,
			`set ${PROTOCOL}\\[URL Protocol] REG_SZ `,
			`set ${PROTOCOL}\\shell\\open\\command\\[] REG_SZ ${REDIRECTOR}`,
			`set ${OAUTH}\\[Pattern] REG_SZ https://login.example.com/*`,
			`set ${OAUTH}\\[Scheme] REG_SZ https`,
		]);
		assert.throws(() => admxRegistryOperations(oauth, 'HKLM', 'enabled', values), /class="User"/);
	});

	it('a profile of its policies validates clean and places the User policy under ./User; the payload does not depend on value names', () => {
		assert.deepEqual(document(BASELINE).problems, []);
		const profile = resolved(BASELINE);
		const [oauth, transport] = profile.policies;
		assert.equal(policyUri(oauth), './User/Vendor/MSFT/Policy/Config/CitrixWorkspace~Policy~CITRIX_COMPONENTS~ICAClient~UserExperience/Policy_OAuthRedirection');
		assert.equal(encodePayload(oauth), '<enabled/><data id="Part_OAuthRedirectionRedirectionPattern" value="https://login.example.com/*"/><data id="Part_OAuthRedirectionScheme" value="https"/>');
		assert.equal(policyUri(transport), './Device/Vendor/MSFT/Policy/Config/CitrixWorkspace~Policy~CITRIX_COMPONENTS~ICAClient~Network/Policy_TransportProtocal');
		assert.equal(encodePayload(profile.policies[3]), '<enabled/><data id="Storefronts_Part" value="STORE1&#xF000;Store;https://storefront.example.com/Citrix/Store/discovery;On;Main store"/>');
	});

	it('exports to SyncML (escaped and CDATA) and Intune JSON that ingest it first, check without an error, and import back to the same export', () => {
		const profile = resolved(BASELINE);
		for (const encoding of ['escape', 'cdata'] as const) {
			const syncml = encodeSyncml(profile, { encoding, fullMessage: false });
			assert.ok(syncml.indexOf('ADMXInstall/CitrixWorkspace/Policy/receiver') < syncml.indexOf('<Replace>'), encoding);
			const doc = parseSyncmlDocument('file:///p/citrix.syncml', 1, syncml);
			assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS), [], encoding);
			assert.deepEqual([...new Set(doc.problems.map((p) => p.code))], ['admx-schema'], encoding);
			const back = importSyncml(doc);
			assert.deepEqual(back.skipped, [], encoding);
			assert.equal(encodeSyncml(resolved(back.yaml, saved(back)), { encoding, fullMessage: false }), syncml, encoding);
		}
		const intune = JSON.stringify(encodeIntune(profile).profile, null, 2);
		const doc = parseIntuneDocument('file:///p/citrix.json', 1, intune);
		assert.deepEqual(blockingErrors(doc, DEFAULT_SETTINGS), []);
		const back = importIntune(doc);
		assert.deepEqual(back.skipped, []);
		assert.equal(JSON.stringify(encodeIntune(resolved(back.yaml, saved(back))).profile, null, 2), intune);
	});

	it('the Group Policy channels write the default value: an empty-name record, an empty value-name line, -ValueName \'\', (Default)', () => {
		const profile = resolved(BASELINE);
		assert.ok(encodeLgpoText(profile).includes([
			'; the empty value name below is the key\'s default value',
			'User',
			PROTOCOL,
			'',
			'SZ:URL:Citrix OAuth2 Redirection Helper',
			'',
			'User',
			PROTOCOL,
			'URL Protocol',
			'SZ:',
		].join('\n')));
		assert.ok(encodePowerShell(profile).includes(`Set-GPRegistryValue -Name $GpoName -Key 'HKCU\\${PROTOCOL}\\shell\\open\\command' -ValueName '' -Type String -Value '${REDIRECTOR}' | Out-Null\n`));
		assert.match(registryText(profile.policies), /\n {2}HKCU\\Software\\Classes\\citrix-oauth-redir\n {4}\(Default\) {22}REG_SZ {5}URL:Citrix OAuth2 Redirection Helper\n {4}URL Protocol {19}REG_SZ {5}\n/);
		// A user Registry.pol: the records read back are the operations, default values included.
		const user = gpOperations(profile.policies[0]);
		assert.deepEqual(readRegistryPol(registryPolFile(user, 'HKCU')).records.map(recordOf), user.map(operationOf));
		// The machine policies of the profile alone make a machine Registry.pol.
		const machine = { ...profile, policies: profile.policies.slice(1) };
		assert.deepEqual(readRegistryPol(encodeRegistryPol(machine)).records.map(recordOf), machine.policies.flatMap(gpOperations).map(operationOf));
	});
});

describe('rapolicy on receiver.admx', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-citrix-'));
	mkdirSync(path.join(dir, 'en-US'));
	copyFileSync(path.join(DIR, 'receiver.admx'), path.join(dir, 'receiver.admx'));
	copyFileSync(path.join(DIR, 'en-US/receiver.adml'), path.join(dir, 'en-US/receiver.adml'));
	writeFileSync(path.join(dir, 'citrix.rapolicy.yaml'), BASELINE);
	const run = (...args: string[]) => {
		let stdout = '';
		let stderr = '';
		const code = runCli(args, { cwd: dir, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: (file) => readFileSync(path.resolve(dir, file)) });
		return { code, stdout, stderr };
	};

	it('lints the file with its seven warnings, validates the profile clean, and encodes it for LGPO and PowerShell', () => {
		const lint = run('admx', 'lint', 'receiver.admx');
		assert.equal(lint.code, 0);
		assert.match(lint.stderr, /1 file checked: 0 errors, 7 other problems/);
		assert.deepEqual(run('validate', 'citrix.rapolicy.yaml'), { code: 0, stdout: '', stderr: '1 file checked: 0 errors, 0 other problems\n' });
		assert.match(run('encode', '--to', 'lgpo', 'citrix.rapolicy.yaml').stdout, /\nUser\nSoftware\\Classes\\citrix-oauth-redir\\shell\\open\\command\n\nSZ:"c:\\Program Files/);
		assert.match(run('encode', '--to', 'powershell', 'citrix.rapolicy.yaml').stdout, /-Key 'HKCU\\Software\\Classes\\citrix-oauth-redir' -ValueName '' -Type String -Value 'URL:Citrix OAuth2 Redirection Helper'/);
		// A machine Registry.pol cannot hold the User policy, and says where it goes.
		const pol = run('encode', '--to', 'registry-pol', '-o', 'machine.pol', 'citrix.rapolicy.yaml');
		assert.equal(pol.code, 1);
		assert.match(pol.stderr, /HKCU\\Software\\Policies\\Citrix\\ICA Client\\OAuth Redirection: write the HKCU operations to a user Registry\.pol/);
	});
});

describe('the key\'s default value through every Group Policy reader and writer', () => {
	// receiver.admx names the default value in a User policy only; the readers of LGPO text and scripts take machine policy.
	const text = `<policyDefinitions><policies><policy name="Handler" class="Machine" displayName="d" explainText="e" key="Software\\Contoso\\Handler" valueName="">
<enabledValue><string>on</string></enabledValue><disabledValue><delete/></disabledValue>
<enabledList><item key="Software\\Contoso\\Handler\\shell" valueName=""><value><string>open</string></value></item></enabledList>
<elements><text id="Command" key="Software\\Contoso\\Handler\\shell\\open\\command" valueName="" expandable="true"/><decimal id="Count" valueName="Count"/></elements>
</policy></policies></policyDefinitions>`;
	const file = readAdmx(text);
	const [handler] = file.policies;
	const enabled = admxRegistryOperations(handler, 'HKLM', 'enabled', new Map([['Command', '%ProgramFiles%\\Contoso\\open.exe "%1"'], ['Count', '3']]));
	const disabled = admxRegistryOperations(handler, 'HKLM', 'disabled', new Map());
	const write = { title: 'T', holds: 'ingested ADMX policies', policies: [{ key: 'Contoso/Handler', state: 'enabled' as const, operations: [...enabled, ...disabled] }] };

	it('hover names it (Default)', () => {
		assert.match(admxPolicyMarkdown(file, handler), /^Registry: `Software\\Contoso\\Handler` \\ `\(Default\)`; enabled "on", disabled deletes the value$/m);
	});

	it('derives a set and a deletion of the default value', () => {
		assert.deepEqual(enabled.map(operationOf), [
			'set Software\\Contoso\\Handler\\[] REG_SZ on',
			'set Software\\Contoso\\Handler\\shell\\[] REG_SZ open',
			'set Software\\Contoso\\Handler\\shell\\open\\command\\[] REG_EXPAND_SZ %ProgramFiles%\\Contoso\\open.exe "%1"',
			'set Software\\Contoso\\Handler\\[Count] REG_DWORD 3',
		]);
		assert.deepEqual(disabled.map(operationOf), [
			'delete Software\\Contoso\\Handler\\[]',
			'delete Software\\Contoso\\Handler\\shell\\open\\command\\[]',
			'delete Software\\Contoso\\Handler\\[Count]',
		]);
	});

	it('Registry.pol: the value name is a lone NUL, **del. alone deletes it, and a record without name or data still only makes the key', () => {
		const record = registryPolRecord(enabled[0]);
		const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
		assert.deepEqual([...record.subarray(0, 2 + 2 * 'Software\\Contoso\\Handler'.length + 8)], [...utf16('['), ...utf16('Software\\Contoso\\Handler'), 0, 0, ...utf16(';'), 0, 0, ...utf16(';')]);
		const file = registryPolFile([...enabled, ...disabled], 'HKLM');
		assert.deepEqual(readRegistryPol(file).records.map(recordOf), [...enabled, ...disabled].map(operationOf));
		const keyOnly = new Uint8Array([...registryPolFile([], 'HKLM'), ...utf16('['), ...utf16('Software\\Contoso'), 0, 0, ...utf16(';'), 0, 0, ...utf16(';'), 0, 0, 0, 0, ...utf16(';'), 0, 0, 0, 0, ...utf16(';'), ...utf16(']')]);
		assert.deepEqual(readRegistryPol(keyOnly), { records: [], skipped: [] });
	});

	it('LGPO text: an empty value-name line after a comment, read back as the default value', () => {
		const lgpo = lgpoText(write);
		assert.ok(lgpo.includes('; the empty value name below is the key\'s default value\nComputer\nSoftware\\Contoso\\Handler\n\nSZ:on\n'));
		assert.ok(lgpo.includes('; the empty value name below is the key\'s default value\nComputer\nSoftware\\Contoso\\Handler\n\nDELETE\n'));
		const read = readLgpoText(lgpo);
		assert.deepEqual(read.skipped, []);
		assert.deepEqual(read.records.map(recordOf), [...enabled, ...disabled].map(operationOf));
		assert.deepEqual(readLgpoText(lgpo.replace(/\n/g, '\r\n')).records.map(recordOf), [...enabled, ...disabled].map(operationOf));
	});

	it('PowerShell: -ValueName \'\', read back as the default value', () => {
		const script = powerShellScript(write);
		assert.ok(script.includes(`Set-GPRegistryValue -Name $GpoName -Key 'HKLM\\Software\\Contoso\\Handler' -ValueName '' -Type String -Value 'on' | Out-Null\n`));
		assert.ok(script.includes(`Set-GPRegistryValue -Name $GpoName -Key 'HKLM\\Software\\Contoso\\Handler' -ValueName '' -Disable | Out-Null\n`));
		const read = readPowerShell(script);
		assert.deepEqual(read.skipped, []);
		assert.deepEqual(read.records.map(recordOf), [...enabled, ...disabled].map(operationOf));
	});
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import {
	DEFAULT_SETTINGS,
	encodeFleet,
	encodeIntune,
	encodeLgpoText,
	encodePayload,
	encodePowerShell,
	encodeRegistryPol,
	encodeSettingsCatalog,
	encodeSyncml,
	getDiagnostics,
	groupPolicyFormat,
	importGroupPolicy,
	importIntune,
	importSyncml,
	parseIntuneDocument,
	parsePolicyDocument,
	parseSyncmlDocument,
	resolveProfiles,
	type ImportResult,
	type ResolvedProfile, policyKey, policyUri
} from '../../server/src/service';
import { readLgpoText } from '../../server/src/service/gpo/lgpoText';
import { readPowerShell } from '../../server/src/service/gpo/powershell';
import { readRegistryPol } from '../../server/src/service/gpo/registryPol';
import { profileYaml, validProfile } from '../helpers/profiles';

const TS = 'Software\\Policies\\Microsoft\\Windows NT\\Terminal Services';

const resolved = validProfile;

/** The policies of an import as `name state` lines, with the values of enabled ones. */
function policiesOf(result: ImportResult): string[] {
	if (result.yaml === '') {
		return [];
	}
	return resolved(result.yaml).policies.map((p) => `${policyKey(p)} ${p.state}${p.values.size > 0 ? ` ${JSON.stringify(Object.fromEntries(p.values))}` : ''}`);
}

/** A PReg record, built here byte by byte from MS-GPREG 2.2.1 rather than with the exporter. */
function record(key: string, name: string, type: number, data: Buffer): Buffer {
	const u16 = (text: string) => Buffer.from(text, 'utf16le');
	const dword = (n: number) => {
		const b = Buffer.alloc(4);
		b.writeUInt32LE(n);
		return b;
	};
	return Buffer.concat([u16('['), u16(`${key}\0`), u16(';'), u16(`${name}\0`), u16(';'), dword(type), u16(';'), dword(data.length), u16(';'), data, u16(']')]);
}
const dwordData = (n: number) => {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(n);
	return b;
};
const szData = (text: string) => Buffer.from(`${text}\0`, 'utf16le');
const pol = (...records: Buffer[]) => new Uint8Array(Buffer.concat([Buffer.from('PReg\x01\x00\x00\x00', 'latin1'), ...records]));

describe('Registry.pol import', () => {
	it('reads the STIG shape: solicited help off with its options deleted, a Samba-style directive with DWORD dummy data', () => {
		const records = [
			record(TS, 'fAllowToGetHelp', 4, dwordData(0)),
			record(TS, '**del.fAllowFullControl', 1, szData(' ')),
			record(TS, '**del.MaxTicketExpiry', 4, dwordData(0)),
			record(TS, '**DeleteValues', 1, szData('MaxTicketExpiryUnits;fUseMailto')),
			record(`${TS}\\RAUnsolicit`, '**delvals.', 1, szData('')),
			record(TS, 'fAllowUnsolicited', 4, dwordData(0)),
			record(TS, '**del.fAllowUnsolicitedFullControl', 1, szData('')),
			record('Software\\Policies\\Microsoft\\Windows\\Personalization', 'NoLockScreen', 4, dwordData(1)),
		];
		const bytes = pol(...records);
		assert.equal(groupPolicyFormat(bytes), 'registry-pol');
		const result = importGroupPolicy('file:///gpo/registry.pol', 'registry-pol', bytes);
		assert.deepEqual(policiesOf(result), ['SolicitedRemoteAssistance disabled', 'UnsolicitedRemoteAssistance disabled']);
		const lastAt = 8 + records.slice(0, 7).reduce((sum, r) => sum + r.length, 0);
		assert.deepEqual(result.skipped, [`record 8 at byte 0x${lastAt.toString(16).toUpperCase()}: HKLM\\Software\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen: not a Remote Assistance policy value`]);
		assert.match(result.yaml, /^profile: registry\ndescription: Converted from the Registry\.pol registry\.pol\./);
	});

	it('keeps the records before damage and says where the damage is', () => {
		const whole = pol(record(TS, 'LoggingEnabled', 4, dwordData(1)), record(TS, 'fAllowToGetHelp', 4, dwordData(0)));
		const result = importGroupPolicy('file:///cut.pol', 'registry-pol', whole.subarray(0, whole.length - 6));
		assert.deepEqual(policiesOf(result), ['SessionLogging enabled']);
		assert.equal(result.skipped.length, 1);
		assert.match(result.skipped[0], /^record 2 at byte 0x\w+: the record does not end with \] after its 4 bytes of data; the rest of the file \(\d+ bytes\) is not read$/);
	});

	it('names a version it does not know and a directive it does not read', () => {
		assert.deepEqual(readRegistryPol(new Uint8Array(Buffer.from('PReg\x02\x00\x00\x00', 'latin1'))).skipped, ['byte 0x4: Registry.pol version 2; only version 1 is defined']);
		const read = readRegistryPol(pol(record(TS, '**SecureKey', 4, dwordData(1))));
		assert.deepEqual(read.records, []);
		assert.deepEqual(read.skipped, [`record 1 at byte 0x8: **SecureKey on ${TS}: a directive this import does not read`]);
	});

	it('reads keys and value names without regard to case, as the registry does', () => {
		const bytes = pol(record(TS.toUpperCase(), 'FALLOWUNSOLICITED', 4, dwordData(1)), record(TS.toLowerCase(), 'fallowunsolicitedfullcontrol', 4, dwordData(0)), record(`${TS}\\raunsolicit`, 'CORP\\Help', 1, szData('CORP\\Help')));
		assert.deepEqual(policiesOf(importGroupPolicy('file:///c.pol', 'registry-pol', bytes)), ['UnsolicitedRemoteAssistance enabled {"RA_Unsolicit_Control_List":"0","RA_Unsolicit_DACL_Edit":["CORP\\\\Help"]}']);
	});

	it('reads a **DeleteValues record naming 200,000 values without overflowing the stack', () => {
		const names = Array.from({ length: 200_000 }, (_, i) => `v${i}`).join(';');
		const file = pol(record(TS, '**DeleteValues', 1, szData(names)));
		const read = readRegistryPol(file);
		assert.equal(read.records.length, 200_000);
		// The one record runs from the header's end to the file's.
		assert.deepEqual(read.records[199_999], { kind: 'delete', key: TS, name: 'v199999', where: 'record 1 at byte 0x8', at: { start: 8, end: file.length } });
	});

	it('names a number record whose data is not the 4 or 8 bytes of its type, and leaves it out', () => {
		const qword = Buffer.alloc(8);
		qword.writeBigUInt64LE(18446744073709551615n);
		const read = readRegistryPol(pol(record(TS, 'LoggingEnabled', 4, Buffer.alloc(2)), record(TS, 'Big', 11, qword), record(TS, 'Wide', 4, Buffer.alloc(8)), record(TS, 'Short', 11, dwordData(1))));
		assert.deepEqual(read.records.map((r) => r.kind === 'set' && `${r.name}=${r.data}`), ['Big=18446744073709551615']);
		assert.deepEqual(read.skipped.map((s) => s.replace(/ at byte 0x\w+/, '')), [
			`record 1: LoggingEnabled on ${TS}: a REG_DWORD holds 4 bytes, not 2`,
			`record 3: Wide on ${TS}: a REG_DWORD holds 4 bytes, not 8`,
			`record 4: Short on ${TS}: a REG_QWORD holds 8 bytes, not 4`,
		]);
	});

	it('is not taken for a Registry.pol without its signature', () => {
		assert.equal(groupPolicyFormat(new Uint8Array(Buffer.from('<SyncML/>'))), undefined);
	});
});

describe('Group Policy semantics of an import', () => {
	const lgpo = (...settings: string[]) => settings.join('\n\n');
	const set = (name: string, data: string, key = TS) => `Computer\n${key}\n${name}\n${data}`;
	const run = (text: string) => importGroupPolicy('file:///p.txt', 'lgpo', text);

	it('a policy value neither on nor off is left out and named', () => {
		const result = run(lgpo(set('LoggingEnabled', 'DWORD:2')));
		assert.deepEqual(policiesOf(result), []);
		assert.deepEqual(result.skipped, ['line 1: SessionLogging: LoggingEnabled is REG_DWORD 2; the policy is on with REG_DWORD 1 and off with 0, so it is left out']);
	});

	it('options without the policy value are left out: Group Policy reads the policy as not configured', () => {
		const result = run(lgpo(set('fAllowFullControl', 'DWORD:1')));
		assert.deepEqual(policiesOf(result), []);
		assert.deepEqual(result.skipped, ['line 1: SolicitedRemoteAssistance: its options are set but fAllowToGetHelp is not, so Group Policy reads it as not configured; left out']);
	});

	it('deletions without the policy value read as disabled, with a note', () => {
		const result = run(lgpo(set('fAllowUnsolicitedFullControl', 'DELETE'), set('*', 'DELETEALLVALUES', `${TS}\\RAUnsolicit`)));
		assert.deepEqual(policiesOf(result), ['UnsolicitedRemoteAssistance disabled']);
		assert.deepEqual(result.skipped, []);
		assert.deepEqual(result.notes, ['line 1: UnsolicitedRemoteAssistance: fAllowUnsolicited is deleted, not set to 0; read as disabled, as Group Policy reads a policy\'s deletions']);
	});

	it('the last record of a value holds, and a later delete removes a helper', () => {
		const result = run(lgpo(
			set('fAllowUnsolicited', 'DWORD:0'),
			set('fAllowUnsolicited', 'DWORD:1'),
			set('fAllowUnsolicitedFullControl', 'DWORD:1'),
			set('CORP\\A', 'SZ:CORP\\A', `${TS}\\RAUnsolicit`),
			set('CORP\\B', 'SZ:CORP\\B', `${TS}\\RAUnsolicit`),
			set('CORP\\A', 'DELETE', `${TS}\\RAUnsolicit`),
		));
		assert.deepEqual(policiesOf(result), ['UnsolicitedRemoteAssistance enabled {"RA_Unsolicit_Control_List":"1","RA_Unsolicit_DACL_Edit":["CORP\\\\B"]}']);
	});

	it('an option of the wrong registry type is left out and named; the profile then says the option is missing', () => {
		const result = run(lgpo(set('fAllowToGetHelp', 'DWORD:1'), set('MaxTicketExpiry', 'SZ:2')));
		assert.equal(result.yaml, 'profile: p\ndescription: Converted from the LGPO text p.txt.\npolicies:\n  SolicitedRemoteAssistance: { state: enabled }\n');
		assert.deepEqual(result.skipped, ['line 6: SolicitedRemoteAssistance: MaxTicketExpiry is REG_SZ, not REG_DWORD; the option RA_Solicit_ExpireValue_Edt is left out']);
	});

	it('values the one value check refuses are kept, each with a note naming its record and what is wrong', () => {
		const result = run(lgpo(
			set('fAllowToGetHelp', 'DWORD:1'),
			set('fAllowFullControl', 'DWORD:1'),
			set('MaxTicketExpiry', 'DWORD:120'),
			set('MaxTicketExpiryUnits', 'DWORD:1'),
			set('fUseMailto', 'DWORD:7'),
			set('fAllowUnsolicited', 'DWORD:1'),
			set('fAllowUnsolicitedFullControl', 'DWORD:1'),
			set('helpdesk', 'SZ:helpdesk', `${TS}\\RAUnsolicit`),
		));
		// The profile keeps what the GPO holds, so the editor shows the same findings on the values.
		assert.match(result.yaml, /RA_Solicit_ExpireValue_Edt: 120\n/);
		assert.match(result.yaml, /- helpdesk\n/);
		const doc = parsePolicyDocument('file:///p.rapolicy.yaml', 1, result.yaml);
		assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.code), ['decimal-range', 'enum-value', 'helper-format']);
		assert.deepEqual(result.notes, [
			"line 36: UnsolicitedRemoteAssistance: Helper 'helpdesk' is not written as DOMAIN\\user or DOMAIN\\group. For example CONTOSO\\Helpdesk.",
			'line 11: SolicitedRemoteAssistance: RA_Solicit_ExpireValue_Edt must be a whole number from 1 to 99; 120 is not. 120 hours is 5 days: write that instead.',
			'line 21: SolicitedRemoteAssistance: 7 is not a value of RA_Solicit_Mailto_List. Use one of 0 (Simple MAPI), 1 (Mailto).',
		]);
	});

	it('a file without Remote Assistance values converts to nothing and names each value', () => {
		const result = run(lgpo(set('NoLockScreen', 'DWORD:1', 'Software\\Policies\\Microsoft\\Windows\\Personalization')));
		assert.equal(result.yaml, '');
		assert.deepEqual(result.skipped, ['line 1: HKLM\\Software\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen: not a Remote Assistance policy value']);
	});
});

describe('LGPO text import', () => {
	it('is told apart by its first setting line, past comments', () => {
		assert.equal(groupPolicyFormat('; made by hand\n\nComputer\nSoftware\nX\nDWORD:1\n'), 'lgpo');
		assert.equal(groupPolicyFormat('user:S-1-5-21-1\nSoftware\nX\nDWORD:1\n'), 'lgpo');
		assert.equal(groupPolicyFormat('profile: x\n'), undefined);
	});

	it('reads CRLF, hexadecimal DWORDs, User settings named and bad lines named, then goes on', () => {
		const text = [
			'; comment',
			'Computer', TS, 'LoggingEnabled', 'DWORD:0x1', '',
			'User', 'Software\\X', 'Y', 'SZ:z', '',
			'Stray line',
			'Computer', TS, 'CreateEncryptedOnlyTickets', 'NUMBER:1', '',
			'Computer', TS, 'UseBandwidthOptimization',
			'Computer', TS, 'fAllowToGetHelp', 'DWORD:0',
		].join('\r\n');
		const read = readLgpoText(text);
		assert.deepEqual(read.records.map((r) => r.kind === 'set' && `${r.name}=${r.data} (${r.where})`), ['LoggingEnabled=1 (line 2)', 'fAllowToGetHelp=0 (line 21)']);
		assert.deepEqual(read.skipped, [
			'line 7: User Software\\X\\Y: a user setting; Remote Assistance policies are machine (Computer) policies',
			'line 12: "Stray line" is not a section: each setting starts with Computer or User',
			'line 16: "NUMBER:1" is not LGPO data: write DWORD:<number>, SZ:<text>, DELETE or DELETEALLVALUES',
			'line 18: the setting has 2 of its 3 lines after the section (key, value name, data)',
		]);
	});
	it('names a DWORD or QWORD no registry value can hold, and keeps every digit of a large hexadecimal QWORD', () => {
		const setting = (name: string, data: string) => `Computer\n${TS}\n${name}\n${data}\n`;
		const read = readLgpoText([setting('A', 'DWORD:4294967295'), setting('B', 'DWORD:4294967296'), setting('C', 'DWORD:0xFFFFFFFFFFFFFFFFFFFFF'), setting('D', 'QWORD:0xFFFFFFFFFFFFFFFF'), setting('E', 'QWORD:18446744073709551616'), setting('F', 'DWORD:-1')].join('\n'));
		assert.deepEqual(read.records.map((r) => r.kind === 'set' && `${r.name}=${r.data}`), ['A=4294967295', 'D=18446744073709551615']);
		assert.deepEqual(read.skipped, [
			'line 9: "4294967296" is not a DWORD: write a whole number from 0 to 4294967295',
			'line 14: "0xFFFFFFFFFFFFFFFFFFFFF" is not a DWORD: write a whole number from 0 to 4294967295',
			'line 24: "18446744073709551616" is not a QWORD: write a whole number from 0 to 18446744073709551615',
			'line 29: "-1" is not a DWORD: write a whole number from 0 to 4294967295',
		]);
	});
});

describe('GroupPolicy script import', () => {
	it('reads the cmdlet calls of a hand-written script: variables, continued lines, several helpers in one call', () => {
		const script = [
			'$gpo = \'RA - Offer Remote Assistance\'',
			'$ts  = \'HKLM\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\'',
			'Set-GPRegistryValue -Name $gpo -Key $ts -ValueName fAllowUnsolicited -Type DWord -Value 1',
			'Set-GPRegistryValue -Name $gpo -Key $ts -ValueName fAllowUnsolicitedFullControl -Type DWord -Value 1  # remote control',
			'Set-GPRegistryValue -Name $gpo -Key "$ts\\RAUnsolicit" -ValueName \'CORP\\RA-Helpdesk\',\'CORP\\RA-Tier2\' `',
			'  -Type String -Value \'CORP\\RA-Helpdesk\',\'CORP\\RA-Tier2\'',
			'<# solicited help',
			'   is off #>',
			'Set-GPRegistryValue -Name $gpo -Key $ts -ValueName fAllowToGetHelp -Type DWord -Value 0; Set-GPRegistryValue -Name $gpo -Key $ts -ValueName fAllowFullControl -Disable',
		].join('\n');
		assert.equal(groupPolicyFormat(script), 'powershell');
		const result = importGroupPolicy('file:///ra.ps1', 'powershell', script);
		assert.deepEqual(policiesOf(result), [
			'UnsolicitedRemoteAssistance enabled {"RA_Unsolicit_Control_List":"1","RA_Unsolicit_DACL_Edit":["CORP\\\\RA-Helpdesk","CORP\\\\RA-Tier2"]}',
			'SolicitedRemoteAssistance disabled',
		]);
		assert.deepEqual(result.skipped, []);
	});

	it('stops expanding a string past 65,536 characters, so a few hundred bytes cannot grow into gigabytes', () => {
		const names = 'abcdefghijkl'.split('');
		const script = [
			'$a = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
			...names.slice(1).map((name, i) => `$${name} = "${`$${names[i]}`.repeat(4)}"`),
			`Set-GPRegistryValue -Name G -Key "HKLM\\${TS}\\RAUnsolicit" -ValueName CORP\\A -Type String -Value "$l"`,
		].join('\n');
		assert.ok(script.length < 500);
		const read = readPowerShell(script);
		assert.deepEqual(read.records, []);
		assert.deepEqual(read.skipped, [
			'line 7: a double-quoted string expands its variables past 65,536 characters, so this import does not work out its value',
			'line 13: Set-GPRegistryValue: its -Value uses a value this import cannot work out',
		]);
	});

	it('reads the negative numbers its writer writes for DWord and QWord values past the signed range, and names a number neither holds', () => {
		const call = (name: string, type: string, value: string) => `Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName ${name} -Type ${type} -Value ${value}`;
		const read = readPowerShell([call('A', 'DWord', '-1'), call('B', 'DWord', '-2147483648'), call('C', 'QWord', '-1'), call('D', 'DWord', '0xFFFFFFFF'), call('E', 'DWord', '4294967296'), call('F', 'DWord', '-2147483649'), call('G', 'QWord', '18446744073709551616')].join('\n'));
		assert.deepEqual(read.records.map((r) => r.kind === 'set' && `${r.name}=${r.data}`), ['A=4294967295', 'B=2147483648', 'C=18446744073709551615', 'D=4294967295']);
		assert.deepEqual(read.skipped, [
			'line 5: Set-GPRegistryValue: -Value 4294967296 is not a DWord: write a whole number from -2147483648 to 4294967295',
			'line 6: Set-GPRegistryValue: -Value -2147483649 is not a DWord: write a whole number from -2147483648 to 4294967295',
			'line 7: Set-GPRegistryValue: -Value 18446744073709551616 is not a QWord: write a whole number from -9223372036854775808 to 18446744073709551615',
		]);
		// The writer's own output for the largest DWord reads back: a value the check refuses, yet a value.
		const [profile] = resolveProfiles(parsePolicyDocument('file:///p.rapolicy.yaml', 1, 'profile: P\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: view-only\n      RA_Solicit_ExpireValue_Edt: 4294967295\n      RA_Solicit_ExpireUnits_List: minutes\n      RA_Solicit_Mailto_List: mailto\n'));
		const script = encodePowerShell(profile);
		assert.match(script, /-ValueName 'MaxTicketExpiry' -Type DWord -Value -1 /);
		const back = importGroupPolicy('file:///p.ps1', 'powershell', script);
		assert.deepEqual(back.skipped, []);
		assert.match(back.yaml, /RA_Solicit_ExpireValue_Edt: 4294967295\n/);
	});

	it('undoes a doubled quote of either kind and expands backtick escapes in double quotes', () => {
		const read = readPowerShell(`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName ViewMessage -Type String -Value 'It''s ‘‘ours’’', "a\`tb ""c"" $undefined"`);
		assert.deepEqual(read.skipped, ['line 1: Set-GPRegistryValue: its -Value uses a value this import cannot work out']);
		const plain = readPowerShell(`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName ViewMessage -Type String -Value "a\`tb ""c"" $"`);
		assert.deepEqual(plain.records.map((r) => r.kind === 'set' && r.data), ['a\tb "c" $']);
		const single = readPowerShell(`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName ViewMessage -Type String -Value 'It''s ‘‘ours’’'`);
		assert.deepEqual(single.records.map((r) => r.kind === 'set' && r.data), ['It\'s ‘ours’']);
	});

	it('Remove-GPRegistryValue takes a value back out of the GPO; -Disable on a key deletes its values', () => {
		const script = [
			`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName LoggingEnabled -Type DWord -Value 1`,
			`Remove-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName LoggingEnabled`,
			`Set-GPRegistryValue -Name x -Key 'HKEY_LOCAL_MACHINE\\${TS}' -ValueName fAllowUnsolicited -Type DWord -Value 0`,
			`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}\\RAUnsolicit' -Disable`,
		].join('\n');
		const result = importGroupPolicy('file:///x.ps1', 'powershell', script);
		assert.deepEqual(policiesOf(result), ['UnsolicitedRemoteAssistance disabled']);
		assert.deepEqual(result.skipped, []);
	});

	it('names the calls it cannot read: positional arguments, unknown variables, user keys, a missing type', () => {
		const script = [
			'Set-GPRegistryValue x HKLM\\Software\\X',
			'Set-GPRegistryValue -Name x -Key $elsewhere -ValueName A -Type DWord -Value 1',
			'Set-GPRegistryValue -Name x -Key HKCU\\Software\\X -ValueName A -Type DWord -Value 1',
			`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName LoggingEnabled -Value 1`,
			`Set-GPRegistryValue -Name x -Key 'HKLM\\${TS}' -ValueName LoggingEnabled -Type DWord -Value one`,
		].join('\n');
		assert.deepEqual(readPowerShell(script).skipped, [
			'line 1: Set-GPRegistryValue: it has positional arguments; name every parameter (-Key, -ValueName, -Type, -Value)',
			'line 2: Set-GPRegistryValue: its -Key uses a value this import cannot work out (a variable set elsewhere or a subexpression)',
			'line 3: Set-GPRegistryValue: its key HKCU\\Software\\X is not under HKLM; Remote Assistance policies are machine policies',
			'line 4: Set-GPRegistryValue: it has no -Type',
			'line 5: Set-GPRegistryValue: -Value one is not a DWord: write a whole number from -2147483648 to 4294967295',
		]);
	});
});

describe('export then import through every channel: the same payloads', () => {
	/** What the device receives, policy by policy; not-configured ones travel only in SyncML, as a Delete. */
	const payloads = (p: ResolvedProfile, withDeletes = false) => p.policies.filter((x) => withDeletes || x.state !== 'not-configured').map((x) => [policyUri(x), x.state === 'not-configured' ? 'Delete' : encodePayload(x)]);
	const back = (result: ImportResult) => (result.yaml === '' ? [] : payloads(resolved(result.yaml)));
	const CHANNELS: readonly [string, (p: ResolvedProfile) => ImportResult | undefined][] = [
		['SyncML', (p) => importSyncml(parseSyncmlDocument('file:///m.syncml', 1, encodeSyncml(p, { encoding: 'escape', fullMessage: false })))],
		['Fleet', (p) => {
			const fleet = encodeFleet(p, 'cdata').profile;
			return fleet === '' ? undefined : importSyncml(parseSyncmlDocument('file:///f.xml', 1, fleet));
		}],
		['Intune custom profile', (p) => importIntune(parseIntuneDocument('file:///c.json', 1, JSON.stringify(encodeIntune(p).profile)))],
		['Intune settings catalog', (p) => importIntune(parseIntuneDocument('file:///s.json', 1, JSON.stringify(encodeSettingsCatalog(p).policy)))],
		['LGPO text', (p) => importGroupPolicy('file:///p.txt', 'lgpo', encodeLgpoText(p))],
		['PowerShell', (p) => importGroupPolicy('file:///p.ps1', 'powershell', encodePowerShell(p))],
		['Registry.pol', (p) => importGroupPolicy('file:///registry.pol', 'registry-pol', encodeRegistryPol(p))],
	];
	for (const [name, roundTrip] of CHANNELS) {
		it(name, () => {
			fc.assert(fc.property(profileYaml, (yaml) => {
				const source = resolved(yaml);
				const result = roundTrip(source);
				const syncml = name === 'SyncML';
				assert.deepEqual(result ? (syncml ? payloads(resolved(result.yaml), true) : back(result)) : [], payloads(source, syncml));
				assert.deepEqual(result?.skipped ?? [], []);
			}), { seed: 29, numRuns: 150 });
		});
	}
});

describe('Group Policy readers on hostile input', () => {
	it('never throw: random bytes after a PReg header, random LGPO text and scripts', () => {
		const header = new Uint8Array(Buffer.from('PReg\x01\x00\x00\x00', 'latin1'));
		const valid = encodeRegistryPol(resolved('profile: P\npolicies:\n  SessionLogging: { state: enabled }\n'));
		fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(valid.length), (bytes, cut) => {
			importGroupPolicy('file:///r.pol', 'registry-pol', new Uint8Array([...header, ...bytes]));
			// A valid file cut anywhere and followed by noise keeps its whole records.
			const damaged = importGroupPolicy('file:///r.pol', 'registry-pol', new Uint8Array([...valid.subarray(0, cut), ...bytes]));
			assert.ok(damaged.yaml === '' || damaged.yaml.includes('SessionLogging'));
		}), { seed: 3, numRuns: 300 });
		const line = fc.oneof(fc.constantFrom('Computer', 'User', TS, 'fAllowToGetHelp', 'DWORD:1', 'SZ:x', 'DELETE', '*', 'DELETEALLVALUES', '', '; c'), fc.string());
		fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
			importGroupPolicy('file:///p.txt', 'lgpo', lines.join('\n'));
		}), { seed: 3, numRuns: 300 });
		const token = fc.oneof(fc.constantFrom('Set-GPRegistryValue', 'Remove-GPRegistryValue', '-Key', '-ValueName', '-Type', 'DWord', 'String', '-Value', '-Disable', '$a', '=', '\'', '"', '`', '`\n', ',', '|', '(', '#', '<#', '#>', '\n', `'HKLM\\${TS}'`, 'fAllowToGetHelp', '1'), fc.string({ maxLength: 5 }));
		fc.assert(fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
			importGroupPolicy('file:///p.ps1', 'powershell', tokens.join(' '));
		}), { seed: 3, numRuns: 500 });
	});
});

describe('real Group Policy files (test/fixtures/real/group-policy)', () => {
	const dir = path.join(__dirname, '../../../test/fixtures/real/group-policy');
	const importFixture = (file: string) => {
		const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
		const content = groupPolicyFormat(bytes) ? bytes : new TextDecoder().decode(bytes);
		const format = groupPolicyFormat(content);
		assert.ok(format, `${file} is told apart by its content`);
		return { format, result: importGroupPolicy(`file:///${file}`, format, content) };
	};
	const DOD_SHARE = 'You are about to allow other personnel to remotely control your system. You must monitor the activity until the session is closed.';
	const DOD_CONNECT = 'You are about to allow other personnel to remotely connect to your system. Sensitive data should not be displayed during this session.';
	const CASES: readonly [string, string, string[]][] = [
		['nsa-shb-win10-stig-computer.registry.pol', 'registry-pol', ['SolicitedRemoteAssistance disabled']],
		['dod-stig-win8-computer.registry.pol', 'registry-pol', [
			'SolicitedRemoteAssistance disabled',
			'UnsolicitedRemoteAssistance disabled',
			'SessionLogging enabled',
			`CustomizeWarningMessages enabled ${JSON.stringify({ RA_Options_Share_Control_Message: DOD_SHARE, RA_Options_Connect_Message: DOD_CONNECT })}`,
		]],
		['ms-scm-win81-machine.registry.pol', 'registry-pol', ['SolicitedRemoteAssistance disabled', 'UnsolicitedRemoteAssistance disabled']],
		['ms-scm-win81-machine.lgpo.txt', 'lgpo', ['SolicitedRemoteAssistance disabled', 'UnsolicitedRemoteAssistance disabled']],
		['ash-stig-ws2012r2-ms.lgpo.txt', 'lgpo', ['SolicitedRemoteAssistance disabled', 'UnsolicitedRemoteAssistance disabled', 'SessionLogging enabled']],
	];
	for (const [file, format, expected] of CASES) {
		it(`${file}: ${expected.length} ${expected.length === 1 ? 'policy' : 'policies'}, every other value named`, () => {
			const imported = importFixture(file);
			assert.equal(imported.format, format);
			assert.deepEqual(policiesOf(imported.result), expected);
			assert.deepEqual(imported.result.notes, [], 'each policy value is set, so nothing is read by inference');
			assert.ok(imported.result.skipped.length > 50);
			assert.deepEqual(imported.result.skipped.filter((s) => !/not a Remote Assistance policy value$|a user setting;|deletes every value of a key no Remote Assistance policy uses$/.test(s)), []);
			assert.deepEqual(imported.result.skipped.filter((s) => /Terminal Services\\[^\\]*$/.test(s) && /\\(fAllow|MaxTicket|fUseMailto|LoggingEnabled|UseCustomMessages|ShareControlMessage|ViewMessage|CreateEncryptedOnlyTickets|UseBandwidthOptimization|OptimizeBandwidth)/i.test(s)), [], 'no Remote Assistance value is left out');
		});
	}

	it('the Server 2012 R2 STIG text names its USER entry as a user setting', () => {
		assert.ok(importFixture('ash-stig-ws2012r2-ms.lgpo.txt').result.skipped.some((s) => /^line 837: USER .*Software Publishing\\State: a user setting/.test(s)));
	});
});

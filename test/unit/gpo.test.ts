import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	DEFAULT_SETTINGS,
	encodeLgpoText,
	encodePowerShell,
	encodeRegistryPol,
	getDiagnostics,
	LgpoTextError,
	parsePolicyDocument,
	quotePowerShell,
	registryText,
	resolveProfiles,
	type ResolvedProfile,
} from '../../server/src/service';

const TS = 'Software\\policies\\Microsoft\\Windows NT\\Terminal Services';
const RAU = `${TS}\\RAUnsolicit`;

function profileOf(policies: string): ResolvedProfile {
	const doc = parsePolicyDocument('file:///t.rapolicy.yaml', 1, `profile: GP\npolicies:\n${policies}`);
	assert.deepEqual(getDiagnostics(doc, DEFAULT_SETTINGS).map((d) => d.message), [], 'the fixture is valid');
	return resolveProfiles(doc)[0];
}

const ENABLED = {
	UnsolicitedRemoteAssistance: '    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit:\n        - CORP\\RA-Helpdesk\n        - CORP\\O\'Brien\n',
	SolicitedRemoteAssistance: '    options:\n      RA_Solicit_Control_List: view-only\n      RA_Solicit_ExpireValue_Edt: 2\n      RA_Solicit_ExpireUnits_List: hours\n      RA_Solicit_Mailto_List: mailto\n',
	CustomizeWarningMessages: '    options:\n      RA_Options_Share_Control_Message: IT\'s taking control\n      RA_Options_Connect_Message: Support is connecting\n',
	SessionLogging: '',
} as const;
type Name = keyof typeof ENABLED;
type State = 'enabled' | 'disabled' | 'not-configured';

const single = (name: Name, state: State) => profileOf(`  ${name}:\n    state: ${state}\n${state === 'enabled' ? ENABLED[name] : ''}`);

/** One LGPO setting: section, key, value name, data (B2.3). */
const lgpo = (key: string, name: string, data: string) => `Computer\n${key}\n${name}\n${data}`;
const LGPO_HEADER = '; GP: Remote Assistance policies for LGPO.exe /t\n; INFERRED: the layout follows LGPO.exe output found in public repositories, not Microsoft\'s LGPO.pdf\n; Where ControlPolicyConflict/MDMWinsOverGP is 1, a value MDM sets for the same policy wins over this one.\n';

/** Hand-written from B2.3 and A.3 D3/D4. */
const LGPO: Record<Name, Record<State, string[]>> = {
	UnsolicitedRemoteAssistance: {
		'enabled': [
			lgpo(TS, 'fAllowUnsolicited', 'DWORD:1'),
			lgpo(TS, 'fAllowUnsolicitedFullControl', 'DWORD:1'),
			lgpo(RAU, '*', 'DELETEALLVALUES'),
			lgpo(RAU, 'CORP\\RA-Helpdesk', 'SZ:CORP\\RA-Helpdesk'),
			lgpo(RAU, 'CORP\\O\'Brien', 'SZ:CORP\\O\'Brien'),
		],
		'disabled': [lgpo(TS, 'fAllowUnsolicited', 'DWORD:0'), lgpo(TS, 'fAllowUnsolicitedFullControl', 'DELETE'), lgpo(RAU, '*', 'DELETEALLVALUES')],
		'not-configured': [],
	},
	SolicitedRemoteAssistance: {
		'enabled': [
			lgpo(TS, 'fAllowToGetHelp', 'DWORD:1'),
			lgpo(TS, 'fAllowFullControl', 'DWORD:0'),
			lgpo(TS, 'MaxTicketExpiry', 'DWORD:2'),
			lgpo(TS, 'MaxTicketExpiryUnits', 'DWORD:1'),
			lgpo(TS, 'fUseMailto', 'DWORD:1'),
		],
		'disabled': [
			lgpo(TS, 'fAllowToGetHelp', 'DWORD:0'),
			lgpo(TS, 'fAllowFullControl', 'DELETE'),
			lgpo(TS, 'MaxTicketExpiry', 'DELETE'),
			lgpo(TS, 'MaxTicketExpiryUnits', 'DELETE'),
			lgpo(TS, 'fUseMailto', 'DELETE'),
		],
		'not-configured': [],
	},
	CustomizeWarningMessages: {
		'enabled': [
			lgpo(TS, 'UseCustomMessages', 'DWORD:1'),
			lgpo(TS, 'ShareControlMessage', 'SZ:IT\'s taking control'),
			lgpo(TS, 'ViewMessage', 'SZ:Support is connecting'),
		],
		'disabled': [lgpo(TS, 'UseCustomMessages', 'DWORD:0'), lgpo(TS, 'ShareControlMessage', 'DELETE'), lgpo(TS, 'ViewMessage', 'DELETE')],
		'not-configured': [],
	},
	SessionLogging: {
		'enabled': [lgpo(TS, 'LoggingEnabled', 'DWORD:1')],
		'disabled': [lgpo(TS, 'LoggingEnabled', 'DWORD:0')],
		'not-configured': [],
	},
};

/** One cmdlet call as the script writes it (B2.4), HKLM\ prefixed and single-quoted. */
const ps = (key: string, rest: string) => `Set-GPRegistryValue -Name $GpoName -Key 'HKLM\\${key}' ${rest} | Out-Null`;

const PS: Record<Name, Record<State, string[]>> = {
	UnsolicitedRemoteAssistance: {
		'enabled': [
			ps(TS, '-ValueName \'fAllowUnsolicited\' -Type DWord -Value 1'),
			ps(TS, '-ValueName \'fAllowUnsolicitedFullControl\' -Type DWord -Value 1'),
			ps(RAU, '-ValueName \'CORP\\RA-Helpdesk\', \'CORP\\O\'\'Brien\' -Type String -Value \'CORP\\RA-Helpdesk\', \'CORP\\O\'\'Brien\''),
		],
		'disabled': [
			ps(TS, '-ValueName \'fAllowUnsolicited\' -Type DWord -Value 0'),
			ps(TS, '-ValueName \'fAllowUnsolicitedFullControl\' -Disable'),
			ps(RAU, '-Disable'),
		],
		'not-configured': [],
	},
	SolicitedRemoteAssistance: {
		'enabled': [
			ps(TS, '-ValueName \'fAllowToGetHelp\' -Type DWord -Value 1'),
			ps(TS, '-ValueName \'fAllowFullControl\' -Type DWord -Value 0'),
			ps(TS, '-ValueName \'MaxTicketExpiry\' -Type DWord -Value 2'),
			ps(TS, '-ValueName \'MaxTicketExpiryUnits\' -Type DWord -Value 1'),
			ps(TS, '-ValueName \'fUseMailto\' -Type DWord -Value 1'),
		],
		'disabled': [
			ps(TS, '-ValueName \'fAllowToGetHelp\' -Type DWord -Value 0'),
			ps(TS, '-ValueName \'fAllowFullControl\' -Disable'),
			ps(TS, '-ValueName \'MaxTicketExpiry\' -Disable'),
			ps(TS, '-ValueName \'MaxTicketExpiryUnits\' -Disable'),
			ps(TS, '-ValueName \'fUseMailto\' -Disable'),
		],
		'not-configured': [],
	},
	CustomizeWarningMessages: {
		'enabled': [
			ps(TS, '-ValueName \'UseCustomMessages\' -Type DWord -Value 1'),
			ps(TS, '-ValueName \'ShareControlMessage\' -Type String -Value \'IT\'\'s taking control\''),
			ps(TS, '-ValueName \'ViewMessage\' -Type String -Value \'Support is connecting\''),
		],
		'disabled': [
			ps(TS, '-ValueName \'UseCustomMessages\' -Type DWord -Value 0'),
			ps(TS, '-ValueName \'ShareControlMessage\' -Disable'),
			ps(TS, '-ValueName \'ViewMessage\' -Disable'),
		],
		'not-configured': [],
	},
	SessionLogging: {
		'enabled': [ps(TS, '-ValueName \'LoggingEnabled\' -Type DWord -Value 1')],
		'disabled': [ps(TS, '-ValueName \'LoggingEnabled\' -Type DWord -Value 0')],
		'not-configured': [],
	},
};

interface PolRecord {
	readonly key: string;
	readonly name: string;
	readonly type: number;
	readonly data: string;
}

/** Reads a Registry.pol by MS-GPREG 2.2.1, checking every delimiter; data as hex for exact comparison. */
function readPol(bytes: Uint8Array): PolRecord[] {
	const buf = Buffer.from(bytes);
	assert.equal(buf.subarray(0, 8).toString('hex'), '5052656701000000', 'PReg, version 1');
	let at = 8;
	const expect = (char: string) => {
		assert.equal(buf.subarray(at, at + 2).toString('hex'), Buffer.from(char, 'utf16le').toString('hex'), `${char} at ${at}`);
		at += 2;
	};
	const stringZ = () => {
		const start = at;
		while (buf.readUInt16LE(at) !== 0) {
			at += 2;
		}
		at += 2;
		return buf.subarray(start, at - 2).toString('utf16le');
	};
	const records: PolRecord[] = [];
	while (at < buf.length) {
		expect('[');
		const key = stringZ();
		expect(';');
		const name = stringZ();
		expect(';');
		const type = buf.readUInt32LE(at);
		at += 4;
		expect(';');
		const size = buf.readUInt32LE(at);
		at += 4;
		expect(';');
		const data = buf.subarray(at, at + size).toString('hex');
		at += size;
		expect(']');
		records.push({ key, name, type, data });
	}
	assert.equal(at, buf.length, 'nothing after the last record');
	return records;
}

/** The expected records, from the LGPO goldens: DWORD is type 4 with 4 LE bytes; SZ and directives type 1 with UTF-16LE and its NUL. */
function polRecords(settings: readonly string[]): PolRecord[] {
	return settings.map((setting) => {
		const [, key, name, data] = setting.split('\n');
		const sz = (text: string) => Buffer.from(`${text}\0`, 'utf16le').toString('hex');
		if (data.startsWith('DWORD:')) {
			return { key, name, type: 4, data: Number(data.slice(6)).toString(16).padStart(2, '0') + '000000' };
		}
		if (data.startsWith('SZ:')) {
			return { key, name, type: 1, data: sz(data.slice(3)) };
		}
		return { key, name: data === 'DELETE' ? `**del.${name}` : '**delvals.', type: 1, data: '0000' };
	});
}

describe('Group Policy outputs: every channel × state', () => {
	for (const name of Object.keys(LGPO) as Name[]) {
		for (const state of ['enabled', 'disabled', 'not-configured'] as const) {
			const profile = single(name, state);
			const note = state === 'not-configured' ? `${name}: not configured, nothing written` : `${name}: ${state}`;
			it(`${name} ${state}: LGPO text`, () => {
				const body = state === 'not-configured' ? `; ${note}` : [`; ${note}`, ...LGPO[name][state]].join('\n\n');
				assert.equal(encodeLgpoText(profile), `${LGPO_HEADER}\n${body}\n`);
			});
			it(`${name} ${state}: PowerShell`, () => {
				const script = encodePowerShell(profile);
				assert.match(script, /^# GP: [^\n]*\n(# [^\n]*\n)*param\(\[Parameter\(Mandatory\)\]\[string\]\$GpoName\)\n\n\$ErrorActionPreference = 'Stop'\nImport-Module GroupPolicy\n\n/);
				assert.ok(script.endsWith(`\n# ${note}\n${PS[name][state].map((line) => `${line}\n`).join('')}`), script);
			});
			it(`${name} ${state}: Registry.pol, record by record`, () => {
				assert.deepEqual(readPol(encodeRegistryPol(profile)), polRecords(LGPO[name][state]));
			});
		}
	}
});

describe('Registry.pol bytes', () => {
	it('the first record of Offer RA is the 174 bytes B2.2 computes, ending in type 4, size 4, data 1', () => {
		const bytes = Buffer.from(encodeRegistryPol(single('UnsolicitedRemoteAssistance', 'enabled')));
		assert.equal(bytes.subarray(8, 10).toString('hex'), '5b00');
		assert.equal(bytes.subarray(8 + 174 - 2, 8 + 174).toString('hex'), '5d00');
		assert.equal(bytes.subarray(8 + 174 - 24, 8 + 174).toString('hex'), '640000003b00040000003b00040000003b00010000005d00');
	});

	it('a helper is REG_SZ with size 34 for CORP\\RA-Helpdesk (16 characters and the NUL, two bytes each)', () => {
		const helper = readPol(encodeRegistryPol(single('UnsolicitedRemoteAssistance', 'enabled')))[3];
		assert.deepEqual([helper.key, helper.name, helper.type, helper.data.length / 2], [RAU, 'CORP\\RA-Helpdesk', 1, 34]);
	});

	it('a profile with nothing configured is the header alone', () => {
		assert.equal(Buffer.from(encodeRegistryPol(single('SessionLogging', 'not-configured'))).toString('hex'), '5052656701000000');
	});
});

describe('Group Policy text channels: safety', () => {
	it('PowerShell quoting doubles the ASCII and typographic single quotes, which all end a quoted string', () => {
		assert.equal(quotePowerShell('a\'b\u2018c\u2019d\u201Ae\u201Bf $x `n'), '\'a\'\'b\u2018\u2018c\u2019\u2019d\u201A\u201Ae\u201B\u201Bf $x `n\'');
	});

	it('LGPO text refuses a line break instead of shifting the following fields', () => {
		const profile = profileOf('  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: IT\n      RA_Options_Connect_Message: "Line1\\nLine2"\n');
		assert.throws(() => encodeLgpoText(profile), LgpoTextError);
		assert.match(encodePowerShell(profile), /-Value 'Line1\nLine2'/);
	});
});

describe('registry view: Group Policy deletions (D3, D4)', () => {
	it('disabled lists the deleted element values and the cleared helper key, marked as inferred', () => {
		const view = registryText(single('UnsolicitedRemoteAssistance', 'disabled').policies);
		assert.match(view, /fAllowUnsolicited +REG_DWORD +0\n {4}fAllowUnsolicitedFullControl +deleted\n {2}HKLM\\.*\\RAUnsolicit\n {4}\(every value deleted\)\n/);
		assert.match(view, /^# deletions: .*INFERRED/m);
	});

	it('an enabled list clears its key before the helpers', () => {
		assert.match(registryText(single('UnsolicitedRemoteAssistance', 'enabled').policies), /RAUnsolicit\n {4}\(every value deleted\)\n {4}CORP\\RA-Helpdesk +REG_SZ/);
	});
});

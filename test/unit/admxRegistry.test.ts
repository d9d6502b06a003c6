import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadAdml, loadAdmx } from '../../server/src/service/admx/admxCache';
import type { AdmxEnum, AdmxFile, AdmxPolicy } from '../../server/src/service/admx/admxModel';
import { admxRegistryOperations, AdmxRegistryError, enumChoiceText, type AdmxValues } from '../../server/src/service/gpo/admxRegistry';
import { displayText } from '../../server/src/service/admx/readAdml';
import { lgpoSetting, LgpoTextError } from '../../server/src/service/gpo/lgpoText';
import type { GpHive, GpOperation } from '../../server/src/service/gpo/registryOperation';
import { gpRegistryCalls } from '../../server/src/service/gpo/powershell';
import { readRegistryPol, registryPolFile, RegistryPolHiveError } from '../../server/src/service/gpo/registryPol';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');
const everything = loadAdmx(readFileSync(path.join(FIXTURES, 'admx/everything.admx'), 'utf8'));
const everythingAdml = loadAdml(readFileSync(path.join(FIXTURES, 'admx/en-US/everything.adml'), 'utf8'));
const firefox = loadAdmx(readFileSync(path.join(FIXTURES, 'real/admx/firefox/firefox.admx'), 'utf8'));
const makeMeAdmin = loadAdmx(readFileSync(path.join(FIXTURES, 'real/admx/makemeadmin/SinclairMakeMeAdmin.admx'), 'utf8'));

function policyOf(file: AdmxFile, name: string): AdmxPolicy {
	const found = file.policies.find((p) => p.name === name);
	assert.ok(found, name);
	return found;
}

const values = (entries: Record<string, string | readonly string[]>): AdmxValues => new Map(Object.entries(entries));
const NONE = values({});

/** Expected operations, written out by hand from the ADMX. */
const set = (hive: GpHive, key: string, name: string, type: 'REG_DWORD' | 'REG_QWORD' | 'REG_SZ' | 'REG_EXPAND_SZ', data: string): GpOperation => ({ kind: 'set', hive, key, name, type, data });
const multi = (hive: GpHive, key: string, name: string, data: readonly string[]): GpOperation => ({ kind: 'set', hive, key, name, type: 'REG_MULTI_SZ', data });
const del = (hive: GpHive, key: string, name: string): GpOperation => ({ kind: 'delete', hive, key, name });
const delAll = (hive: GpHive, key: string): GpOperation => ({ kind: 'deleteAllValues', hive, key });

const KEY = 'Software\\Policies\\Contoso\\Everything';
const KINDS = `${KEY}\\Kinds`;

/** Every element of AllKinds with a value, each taking the branch named in its comment. */
const ALL_VALUES = values({
	Name: 'Ada',
	Path: '%ProgramData%\\Contoso', // expandable
	Count: '7',
	Plain: '12', // storeAsText
	Huge: '4000000000', // longDecimal
	Flag: 'true', // trueValue string + trueList
	Simple: 'false', // no falseValue: DWORD 0
	Mode: '5', // decimal item with a valueList
	Lines: ['first', 'second'],
	Plainlist: ['a.example', 'a.example', 'b.example', 'b.example'], // self-named
	Numbered: ['1', 'one', '2', 'two'], // valuePrefix="" additive: no clearing
	Prefixed: ['Site1', '%USERPROFILE%\\a', 'Site2', 'b'], // prefix, expandable
	Explicit: ['Alpha', 'first value', 'Beta', 'second value'],
	Both: ['Chosen', 'value'], // explicitValue wins over valuePrefix
});

describe('ADMX policy to Group Policy operations: every element kind (everything.admx)', () => {
	const allKinds = policyOf(everything, 'AllKinds');

	it('enabled: the policy value, the enabledList with its defaultKey and an item key, a longDecimal as REG_QWORD', () => {
		assert.deepEqual(admxRegistryOperations(policyOf(everything, 'Switch'), 'HKLM', 'enabled', NONE), [
			set('HKLM', KEY, 'Switch', 'REG_DWORD', '1'),
			set('HKLM', `${KEY}\\Extra`, 'On', 'REG_SZ', 'yes'),
			set('HKLM', 'Software\\Policies\\Contoso\\Other', 'Big', 'REG_QWORD', '18446744073709551615'),
		]);
	});

	it('disabled: a <delete/> disabledValue and a disabledList item that deletes', () => {
		assert.deepEqual(admxRegistryOperations(policyOf(everything, 'Switch'), 'HKLM', 'disabled', NONE), [
			del('HKLM', KEY, 'Switch'),
			del('HKLM', KEY, 'On'),
		]);
	});

	it('enabled under HKCU: each element in document order, with the type its attributes choose', () => {
		assert.deepEqual(admxRegistryOperations(allKinds, 'HKCU', 'enabled', ALL_VALUES), [
			set('HKCU', KINDS, 'Name', 'REG_SZ', 'Ada'),
			set('HKCU', KINDS, 'Path', 'REG_EXPAND_SZ', '%ProgramData%\\Contoso'),
			set('HKCU', KINDS, 'Count', 'REG_DWORD', '7'),
			set('HKCU', KINDS, 'Plain', 'REG_SZ', '12'),
			set('HKCU', KINDS, 'Huge', 'REG_QWORD', '4000000000'),
			set('HKCU', KINDS, 'Flag', 'REG_SZ', 'on'),
			set('HKCU', KINDS, 'FlagExtra', 'REG_DWORD', '7'),
			set('HKCU', KINDS, 'Simple', 'REG_DWORD', '0'),
			set('HKCU', KINDS, 'Mode', 'REG_DWORD', '5'),
			set('HKCU', KINDS, 'Turbo', 'REG_SZ', '1'),
			multi('HKCU', KINDS, 'Lines', ['first', 'second']),
			delAll('HKCU', `${KEY}\\Plain`),
			set('HKCU', `${KEY}\\Plain`, 'a.example', 'REG_SZ', 'a.example'),
			set('HKCU', `${KEY}\\Plain`, 'b.example', 'REG_SZ', 'b.example'),
			set('HKCU', `${KEY}\\Numbered`, '1', 'REG_SZ', 'one'),
			set('HKCU', `${KEY}\\Numbered`, '2', 'REG_SZ', 'two'),
			delAll('HKCU', `${KEY}\\Prefixed`),
			set('HKCU', `${KEY}\\Prefixed`, 'Site1', 'REG_EXPAND_SZ', '%USERPROFILE%\\a'),
			set('HKCU', `${KEY}\\Prefixed`, 'Site2', 'REG_EXPAND_SZ', 'b'),
			delAll('HKCU', `${KEY}\\Explicit`),
			set('HKCU', `${KEY}\\Explicit`, 'Alpha', 'REG_SZ', 'first value'),
			set('HKCU', `${KEY}\\Explicit`, 'Beta', 'REG_SZ', 'second value'),
			delAll('HKCU', `${KEY}\\Both`),
			set('HKCU', `${KEY}\\Both`, 'Chosen', 'REG_SZ', 'value'),
		]);
	});

	it('a checkbox: a <delete/> falseValue deletes without the trueList; no trueValue writes DWORD 1', () => {
		assert.deepEqual(admxRegistryOperations(allKinds, 'HKLM', 'enabled', values({ Flag: 'false', Simple: 'true' })), [
			del('HKLM', KINDS, 'Flag'),
			set('HKLM', KINDS, 'Simple', 'REG_DWORD', '1'),
		]);
	});

	it('an enum: a string item, a decimal item without valueList, and a <delete/> item chosen by its label', () => {
		const mode = allKinds.elements.find((e) => e.id === 'Mode') as AdmxEnum;
		const removed = mode.items.find((item) => displayText(everythingAdml, item.displayName) === 'Removed');
		assert.ok(removed);
		const modeOf = (text: string) => admxRegistryOperations(allKinds, 'HKLM', 'enabled', values({ Mode: text }));
		assert.deepEqual(modeOf('01:00:00'), [set('HKLM', KINDS, 'Mode', 'REG_SZ', '01:00:00')]);
		assert.deepEqual(modeOf('0'), [set('HKLM', KINDS, 'Mode', 'REG_DWORD', '0')]);
		assert.equal(enumChoiceText(removed), '$(string.Mode_Gone)');
		assert.deepEqual(modeOf(enumChoiceText(removed)), [del('HKLM', KINDS, 'Mode')]);
	});

	it('disabled: no policy value without a valueName; each element value deleted, each list key cleared, values ignored', () => {
		assert.deepEqual(admxRegistryOperations(allKinds, 'HKLM', 'disabled', ALL_VALUES), [
			...['Name', 'Path', 'Count', 'Plain', 'Huge', 'Flag', 'Simple', 'Mode', 'Lines'].map((name) => del('HKLM', KINDS, name)),
			...['Plain', 'Numbered', 'Prefixed', 'Explicit', 'Both'].map((list) => delAll('HKLM', `${KEY}\\${list}`)),
		]);
	});

	it('an element without a value writes nothing; an empty non-additive list only clears its key', () => {
		assert.deepEqual(admxRegistryOperations(allKinds, 'HKLM', 'enabled', values({ Count: '3', Plainlist: [] })), [
			set('HKLM', KINDS, 'Count', 'REG_DWORD', '3'),
			delAll('HKLM', `${KEY}\\Plain`),
		]);
	});

	it('a valueName without enabledValue or disabledValue: DWORD 1 when enabled, deleted when disabled', () => {
		const userOnly = policyOf(everything, 'UserOnly');
		assert.deepEqual(admxRegistryOperations(userOnly, 'HKCU', 'enabled', NONE), [set('HKCU', KEY, 'UserOnly', 'REG_DWORD', '1')]);
		assert.deepEqual(admxRegistryOperations(userOnly, 'HKCU', 'disabled', NONE), [del('HKCU', KEY, 'UserOnly')]);
	});

	it('refuses a hive the policy class does not allow, and values that do not fit their element', () => {
		const refused = (policy: string, hive: GpHive, given: AdmxValues, message: RegExp) =>
			assert.throws(() => admxRegistryOperations(policyOf(everything, policy), hive, 'enabled', given), (e: unknown) => e instanceof AdmxRegistryError && message.test(e.message));
		refused('UserOnly', 'HKLM', NONE, /^UserOnly has class="User", so it is written under HKCU, not HKLM$/);
		refused('Loose', 'HKCU', NONE, /class="Machine".*HKLM, not HKCU/);
		refused('AllKinds', 'HKLM', values({ Mode: '1' }), /^Mode has no item "1"; its items are 0, 5, \$\(string\.Mode_Gone\), 01:00:00$/);
		refused('AllKinds', 'HKLM', values({ Flag: '1' }), /Flag is a checkbox and takes true or false, not "1"/);
		refused('AllKinds', 'HKLM', values({ Explicit: ['Alpha', 'first value', 'Beta'] }), /Explicit takes name\/value pairs, and 3 strings/);
		refused('AllKinds', 'HKLM', values({ Name: ['Ada'] }), /Name is a text element and takes one value/);
		refused('AllKinds', 'HKLM', values({ Lines: 'first' }), /Lines is a multiText element and takes a list/);
	});
});

describe('ADMX policy to Group Policy operations: real files', () => {
	const FX = 'Software\\Policies\\Mozilla\\Firefox';

	it('Firefox DisableAppUpdate (class Both): 1 enabled, 0 disabled, under either hive', () => {
		const policy = policyOf(firefox, 'DisableAppUpdate');
		assert.deepEqual(admxRegistryOperations(policy, 'HKLM', 'enabled', NONE), [set('HKLM', FX, 'DisableAppUpdate', 'REG_DWORD', '1')]);
		assert.deepEqual(admxRegistryOperations(policy, 'HKCU', 'disabled', NONE), [set('HKCU', FX, 'DisableAppUpdate', 'REG_DWORD', '0')]);
	});

	it('Firefox Bookmark01: texts and a string enum under the policy key', () => {
		const operations = admxRegistryOperations(policyOf(firefox, 'Bookmark01'), 'HKCU', 'enabled', values({
			BookmarkTitle: 'Intranet', BookmarkURL: 'https://intranet.example', BookmarkPlacement: 'menu',
		}));
		assert.deepEqual(operations, [
			set('HKCU', `${FX}\\Bookmarks\\1`, 'Title', 'REG_SZ', 'Intranet'),
			set('HKCU', `${FX}\\Bookmarks\\1`, 'URL', 'REG_SZ', 'https://intranet.example'),
			set('HKCU', `${FX}\\Bookmarks\\1`, 'Placement', 'REG_SZ', 'menu'),
		]);
	});

	it('Firefox SecurityDevices: an explicit expandable list clears its key and writes REG_EXPAND_SZ pairs', () => {
		assert.deepEqual(admxRegistryOperations(policyOf(firefox, 'SecurityDevices'), 'HKLM', 'enabled', values({ SecurityDevices: ['Token', '%ProgramFiles%\\token.dll'] })), [
			delAll('HKLM', `${FX}\\SecurityDevices`),
			set('HKLM', `${FX}\\SecurityDevices`, 'Token', 'REG_EXPAND_SZ', '%ProgramFiles%\\token.dll'),
		]);
	});

	it('Firefox Authentication_AllowNonFQDN: booleans with decimal true/false values on their own key', () => {
		const key = `${FX}\\Authentication\\AllowNonFQDN`;
		const policy = policyOf(firefox, 'Authentication_AllowNonFQDN');
		assert.deepEqual(admxRegistryOperations(policy, 'HKLM', 'enabled', values({ Authentication_AllowNonFQDN_NTLM: 'true', Authentication_AllowNonFQDN_SPNEGO: 'false' })), [
			set('HKLM', key, 'NTLM', 'REG_DWORD', '1'),
			set('HKLM', key, 'SPNEGO', 'REG_DWORD', '0'),
		]);
		assert.deepEqual(admxRegistryOperations(policy, 'HKLM', 'disabled', NONE), [del('HKLM', key, 'NTLM'), del('HKLM', key, 'SPNEGO')]);
	});

	it('Firefox Preferences: a multiText as REG_MULTI_SZ', () => {
		assert.deepEqual(admxRegistryOperations(policyOf(firefox, 'Preferences'), 'HKCU', 'enabled', values({ JSON: ['{', '}'] })), [multi('HKCU', FX, 'Preferences', ['{', '}'])]);
	});

	it('MakeMeAdmin: a <delete/> disabledValue; a policy and its decimal element share a valueName, so the element overwrites the implicit 1', () => {
		const key = 'SOFTWARE\\Policies\\Sinclair Community College\\Make Me Admin';
		assert.deepEqual(admxRegistryOperations(policyOf(makeMeAdmin, 'RemoveOnLogout'), 'HKLM', 'disabled', NONE), [del('HKLM', key, 'Remove Admin Rights On Logout')]);
		const renewals = policyOf(makeMeAdmin, 'RenewalsAllowed');
		assert.deepEqual(admxRegistryOperations(renewals, 'HKLM', 'enabled', values({ RenewalsAllowedValue: '3' })), [
			set('HKLM', key, 'Renewals Allowed', 'REG_DWORD', '1'),
			set('HKLM', key, 'Renewals Allowed', 'REG_DWORD', '3'),
		]);
		assert.deepEqual(admxRegistryOperations(renewals, 'HKLM', 'disabled', NONE), [del('HKLM', key, 'Renewals Allowed'), del('HKLM', key, 'Renewals Allowed')]);
	});
});

/** The enabled AllKinds operations under HKCU: every new type, lists of each shape. */
const USER_OPERATIONS = admxRegistryOperations(policyOf(everything, 'AllKinds'), 'HKCU', 'enabled', ALL_VALUES);

describe('Group Policy writers: user policy and the ADMX registry types', () => {
	it('LGPO text: a User section, EXSZ, QWORD and MULTISZ lines', () => {
		const lgpo = (operation: GpOperation) => lgpoSetting(operation).split('\n');
		assert.deepEqual(lgpo(USER_OPERATIONS[1]), ['User', KINDS, 'Path', 'EXSZ:%ProgramData%\\Contoso']);
		assert.deepEqual(lgpo(USER_OPERATIONS[4]), ['User', KINDS, 'Huge', 'QWORD:4000000000']);
		assert.deepEqual(lgpo(USER_OPERATIONS[10]), ['User', KINDS, 'Lines', 'MULTISZ:first\\0second']);
		assert.deepEqual(lgpo(USER_OPERATIONS[11]), ['User', `${KEY}\\Plain`, '*', 'DELETEALLVALUES']);
		assert.deepEqual(lgpo(del('HKCU', KINDS, 'Flag')), ['User', KINDS, 'Flag', 'DELETE']);
		assert.deepEqual(lgpo(set('HKLM', KINDS, 'Count', 'REG_DWORD', '7')), ['Computer', KINDS, 'Count', 'DWORD:7']);
	});

	it('LGPO text refuses a multi-string holding the \\0 separator or a line break', () => {
		assert.throws(() => lgpoSetting(multi('HKCU', KINDS, 'Lines', ['C:\\0ld', 'b'])), LgpoTextError);
		assert.throws(() => lgpoSetting(multi('HKCU', KINDS, 'Lines', ['a\nb'])), LgpoTextError);
	});

	it('PowerShell: HKCU keys, every -Type, a multi-string as one array, lists with their own names and types', () => {
		const ps = (key: string, rest: string) => `Set-GPRegistryValue -Name $GpoName -Key 'HKCU\\${key}' ${rest} | Out-Null`;
		assert.deepEqual(gpRegistryCalls(USER_OPERATIONS), [
			ps(KINDS, '-ValueName \'Name\' -Type String -Value \'Ada\''),
			ps(KINDS, '-ValueName \'Path\' -Type ExpandString -Value \'%ProgramData%\\Contoso\''),
			ps(KINDS, '-ValueName \'Count\' -Type DWord -Value 7'),
			ps(KINDS, '-ValueName \'Plain\' -Type String -Value \'12\''),
			ps(KINDS, '-ValueName \'Huge\' -Type QWord -Value 4000000000'),
			ps(KINDS, '-ValueName \'Flag\' -Type String -Value \'on\''),
			ps(KINDS, '-ValueName \'FlagExtra\' -Type DWord -Value 7'),
			ps(KINDS, '-ValueName \'Simple\' -Type DWord -Value 0'),
			ps(KINDS, '-ValueName \'Mode\' -Type DWord -Value 5'),
			ps(KINDS, '-ValueName \'Turbo\' -Type String -Value \'1\''),
			ps(KINDS, '-ValueName \'Lines\' -Type MultiString -Value @(\'first\', \'second\')'),
			ps(`${KEY}\\Plain`, '-ValueName \'a.example\', \'b.example\' -Type String -Value \'a.example\', \'b.example\''),
			// Additive: one call per value, so nothing clears the key.
			ps(`${KEY}\\Numbered`, '-ValueName \'1\' -Type String -Value \'one\''),
			ps(`${KEY}\\Numbered`, '-ValueName \'2\' -Type String -Value \'two\''),
			ps(`${KEY}\\Prefixed`, '-ValueName \'Site1\', \'Site2\' -Type ExpandString -Value \'%USERPROFILE%\\a\', \'b\''),
			ps(`${KEY}\\Explicit`, '-ValueName \'Alpha\', \'Beta\' -Type String -Value \'first value\', \'second value\''),
			ps(`${KEY}\\Both`, '-ValueName \'Chosen\' -Type String -Value \'value\''),
		]);
	});

	it('PowerShell: DWORD and QWORD data above the signed range are written as the signed number with the same bits', () => {
		assert.deepEqual(gpRegistryCalls([set('HKLM', KEY, 'D', 'REG_DWORD', '4294967295'), set('HKLM', KEY, 'Q', 'REG_QWORD', '18446744073709551615'), set('HKLM', KEY, 'M', 'REG_QWORD', '9223372036854775807')]).map((line) => line.replace(/^.* -Value (\S+) \| Out-Null$/, '$1')), ['-1', '-1', '9223372036854775807']);
	});

	it('PowerShell: a clear followed by values of another type writes -Disable, then the values one by one', () => {
		assert.deepEqual(gpRegistryCalls([delAll('HKCU', KEY), set('HKCU', KEY, 'N', 'REG_DWORD', '1')]), [
			'Set-GPRegistryValue -Name $GpoName -Key \'HKCU\\Software\\Policies\\Contoso\\Everything\' -Disable | Out-Null',
			'Set-GPRegistryValue -Name $GpoName -Key \'HKCU\\Software\\Policies\\Contoso\\Everything\' -ValueName \'N\' -Type DWord -Value 1 | Out-Null',
		]);
	});
});

describe('Registry.pol of one hive, byte for byte', () => {
	const utf16z = (text: string) => Buffer.from(`${text}\0`, 'utf16le').toString('hex');
	const le32 = (n: number) => Buffer.from([n, n >> 8, n >> 16, n >> 24].map((b) => b & 0xff)).toString('hex');
	/** `[key;name;type;size;data]` with the delimiters as UTF-16LE; data given in hex. */
	const record = (key: string, name: string, type: number, dataHex: string) =>
		`5b00${utf16z(key)}3b00${utf16z(name)}3b00${le32(type)}3b00${le32(dataHex.length / 2)}3b00${dataHex}5d00`;

	const operations = [
		set('HKCU', KINDS, 'Path', 'REG_EXPAND_SZ', '%A%'),
		set('HKCU', KINDS, 'Huge', 'REG_QWORD', '4000000000'),
		set('HKCU', `${KEY}\\Other`, 'Big', 'REG_QWORD', '18446744073709551615'),
		multi('HKCU', KINDS, 'Lines', ['ab', 'c']),
		multi('HKCU', KINDS, 'None', []),
		set('HKCU', KINDS, 'Count', 'REG_DWORD', '7'),
		del('HKCU', KINDS, 'Flag'),
		delAll('HKCU', `${KEY}\\Plain`),
	];

	it('writes REG_EXPAND_SZ (2), REG_QWORD (11, 8 bytes little-endian) and REG_MULTI_SZ (7, each string and the list NUL-ended)', () => {
		const bytes = Buffer.from(registryPolFile(operations, 'HKCU'));
		assert.equal(bytes.toString('hex'), [
			'5052656701000000',
			record(KINDS, 'Path', 2, '25004100250000 00'.replace(/ /g, '')),
			record(KINDS, 'Huge', 11, '00286bee00000000'),
			record(`${KEY}\\Other`, 'Big', 11, 'ffffffffffffffff'),
			record(KINDS, 'Lines', 7, '6100620000006300000000 00'.replace(/ /g, '')),
			record(KINDS, 'None', 7, '0000'),
			record(KINDS, 'Count', 4, '07000000'),
			record(KINDS, '**del.Flag', 1, '0000'),
			record(`${KEY}\\Plain`, '**delvals.', 1, '0000'),
		].join(''));
	});

	it('reads back with the project\'s PReg reader as the same records', () => {
		const read = readRegistryPol(registryPolFile(operations, 'HKCU'));
		assert.deepEqual(read.skipped, []);
		assert.deepEqual(read.records.map(({ where: _where, at: _at, ...record }) => record), [
			{ kind: 'set', key: KINDS, name: 'Path', type: 'REG_EXPAND_SZ', data: '%A%' },
			{ kind: 'set', key: KINDS, name: 'Huge', type: 'REG_QWORD', data: '4000000000' },
			{ kind: 'set', key: `${KEY}\\Other`, name: 'Big', type: 'REG_QWORD', data: '18446744073709551615' },
			{ kind: 'set', key: KINDS, name: 'Lines', type: 'REG_MULTI_SZ', data: 'ab\0c' },
			{ kind: 'set', key: KINDS, name: 'None', type: 'REG_MULTI_SZ', data: '' },
			{ kind: 'set', key: KINDS, name: 'Count', type: 'REG_DWORD', data: '7' },
			{ kind: 'delete', key: KINDS, name: 'Flag' },
			{ kind: 'deleteAllValues', key: `${KEY}\\Plain` },
		]);
	});

	it('the whole enabled AllKinds policy makes a user file the reader takes without a skip', () => {
		const read = readRegistryPol(registryPolFile(USER_OPERATIONS, 'HKCU'));
		assert.deepEqual([read.records.length, read.skipped], [USER_OPERATIONS.length, []]);
	});

	it('refuses an operation of the other hive, naming both files', () => {
		assert.throws(() => registryPolFile(operations, 'HKLM'), (e: unknown) => e instanceof RegistryPolHiveError
			&& e.message === `A machine Registry.pol (Machine\\Registry.pol) holds HKLM values only, not HKCU\\${KINDS}: write the HKCU operations to a user Registry.pol (User\\Registry.pol)`);
		assert.throws(() => registryPolFile([set('HKLM', KEY, 'Switch', 'REG_DWORD', '1')], 'HKCU'), RegistryPolHiveError);
		assert.equal(Buffer.from(registryPolFile([], 'HKCU')).toString('hex'), '5052656701000000');
	});
});

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { admlBeside, AdmxFiles } from '../../server/src/admxFiles';
import { cliReadAdmx } from '../../server/src/cli/ingestedAdmx';
import { IngestedFiles } from '../../server/src/ingestedFiles';
import { DEFAULT_SETTINGS, loadAdml, loadAdmx, normalizeSettings } from '../../server/src/service';
import { error, source } from '../helpers/admxRead';
import { minimalAdml as ADML, minimalAdmx as ADMX } from '../helpers/admxText';


const loaders = () => ({ loadAdmx, loadAdml });

/** A folder with `t.admx`, and its ADML in `en-US/` unless told otherwise. */
function folder(files: Record<string, string | Uint8Array> = { 't.admx': ADMX(), 'en-US/t.adml': ADML('Cat', 'P', 'P_Explain') }): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-admxfiles-'));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), content);
	}
	return dir;
}


describe('ADMX files on disk', () => {
	it('reads an ADMX file with the en-US ADML beside it', () => {
		const dir = folder();
		const read = source(new AdmxFiles(loaders).read(path.join(dir, 't.admx')));
		assert.deepEqual(read.admx.policies.map((p) => p.name), ['P']);
		assert.deepEqual([...(read.adml?.strings.keys() ?? [])], ['Cat', 'P', 'P_Explain']);
		assert.equal(read.text, ADMX());
	});

	it('finds the ADML whatever the case of its folder and name, and in the language asked for', () => {
		const dir = folder({ 'T.ADMX': ADMX(), 'EN-us/t.Adml': ADML('Cat'), 'de-DE/T.adml': ADML('P') });
		assert.equal(admlBeside(path.join(dir, 'T.ADMX')), path.join(dir, 'EN-us', 't.Adml'));
		assert.deepEqual([...(source(new AdmxFiles(loaders).read(path.join(dir, 'T.ADMX'))).adml?.strings.keys() ?? [])], ['Cat']);
		assert.deepEqual([...(source(new AdmxFiles(loaders).read(path.join(dir, 'T.ADMX'), 'de-de')).adml?.strings.keys() ?? [])], ['P']);
		assert.equal(admlBeside(path.join(dir, 'T.ADMX'), 'fr-FR'), undefined);
	});

	it('decodes UTF-16 with a byte order mark, as Windows ships ADML files', () => {
		const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		const dir = folder({ 't.admx': utf16(ADMX()), 'en-US/t.adml': utf16(ADML('Cat')) });
		const read = source(new AdmxFiles(loaders).read(path.join(dir, 't.admx')));
		assert.deepEqual(read.admx.policies.map((p) => p.name), ['P']);
		assert.ok(read.adml?.strings.has('Cat'));
	});

	it('reads an ADMX file without an ADML, and names the file it cannot read and why', () => {
		const dir = folder({ 't.admx': ADMX(), 'page.admx': '<html><body/></html>', 'latin1.admx': Buffer.from('<?xml version="1.0" encoding="windows-1252"?><policyDefinitions>é</policyDefinitions>', 'latin1') });
		const files = new AdmxFiles(loaders);
		assert.equal(source(files.read(path.join(dir, 't.admx'))).adml, undefined);
		assert.equal(error(files.read(path.join(dir, 'missing.admx'), undefined, 'missing.admx')), 'missing.admx does not exist.');
		assert.equal(error(files.read(dir)), `${dir} is a folder, not a file.`);
		assert.equal(error(files.read(path.join(dir, 'page.admx'))), `${path.join(dir, 'page.admx')} is not an ADMX file: its root element is not <policyDefinitions>.`);
		assert.match(error(files.read(path.join(dir, 'latin1.admx'))), /latin1\.admx cannot be read: The file declares encoding="windows-1252"/);
	});

	it('reads the files a document names relative to its folder, and none for a document not on disk', () => {
		const dir = folder({ 'admx/t.admx': ADMX(), 'admx/en-US/t.adml': ADML('Cat'), 'profiles/p.rapolicy.yaml': '' });
		const files = new AdmxFiles(loaders);
		const read = files.readAdmxFor(pathToFileURL(path.join(dir, 'profiles', 'p.rapolicy.yaml')).toString());
		assert.ok(source(read('../admx/t.admx')).adml?.strings.has('Cat'));
		assert.equal(error(read('t.admx')), 't.admx does not exist.', 'named as the profile names it');
		assert.match(error(files.readAdmxFor('untitled:Untitled-1')('t.admx')), /^t\.admx cannot be read: this document is not saved as a file on this machine/);
		const cli = cliReadAdmx('profiles/p.rapolicy.yaml', dir, 'EN-US');
		assert.deepEqual(source(cli('../admx/t.admx')).admx.policies.map((p) => p.name), ['P']);
	});
});

describe('ADMX files the rapolicy.admx.ingested setting names', () => {
	it('are read from the workspace folder; one that cannot be read is said once until it can', () => {
		const dir = folder({ 'admx/t.admx': ADMX(), 'admx/en-US/t.adml': ADML('Cat') });
		const logged: string[] = [];
		const files = new AdmxFiles(loaders);
		const ingested = new IngestedFiles(() => [dir], files, (m) => logged.push(m));
		const settings = normalizeSettings({ admx: { ingested: { T: ['admx/t.admx', 'admx/gone.admx'] } } });
		const uri = pathToFileURL(path.join(dir, 'm.syncml')).toString();
		const installs = ingested.installsFor(uri, settings);
		assert.deepEqual(installs.map((i) => [i.app, i.admx.policies[0].name]), [['T', 'P']]);
		ingested.installsFor(uri, settings);
		assert.deepEqual(logged, [`admx/gone.admx, named as ingested for T by rapolicy.admx.ingested or rapolicy.json, is left out: admx/gone.admx does not exist.`]);
		assert.deepEqual(ingested.installsFor('untitled:Untitled-1', settings), []);
		assert.deepEqual(ingested.installsFor(uri, DEFAULT_SETTINGS), []);
		rmSync(dir, { recursive: true });
	});
});

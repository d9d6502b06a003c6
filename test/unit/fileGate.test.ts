import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { AdmxFiles } from '../../server/src/admxFiles';
import { readBounded, readBoundedSync, withTimeout, type BoundedRead } from '../../server/src/common/boundedRead';
import { fileKindOf, READ_LIMITS } from '../../server/src/common/readLimits';
import { CachedDisk } from '../../server/src/disk/cachedDisk';
import type { Disk } from '../../server/src/disk/disk';
import { runCli } from '../../server/src/cli/cli';
import { processIo, type CliIo } from '../../server/src/cli/io';
import { loadAdml, loadAdmx } from '../../server/src/service';
import { error, source } from '../helpers/admxRead';
import { minimalAdml as ADML, minimalAdmx as ADMX } from '../helpers/admxText';

const loaders = () => ({ loadAdmx, loadAdml });
const POSIX = process.platform !== 'win32';
const NEEDS_POSIX = POSIX ? false : 'named pipes, devices and /proc are POSIX files';

function folder(files: Record<string, string> = {}): string {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'rapolicy-gate-')));
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), content);
	}
	return dir;
}

function refusal(read: BoundedRead): string {
	assert.ok('refused' in read, 'refused');
	return read.refused;
}

function bytesOf(read: BoundedRead): string {
	assert.ok(!('refused' in read), 'refused' in read ? read.refused : '');
	return Buffer.from(read.bytes).toString();
}

/** Both reads, which must agree. */
async function both(file: string, kind = fileKindOf(file)): Promise<BoundedRead> {
	const now = readBoundedSync(file, kind);
	const later = await readBounded(file, kind);
	assert.deepEqual(later, now);
	return now;
}

describe('the file-reading gate', () => {
	it('reads a regular file, through a link, and says where it really is', async () => {
		const dir = folder({ 'a/t.admx': ADMX() });
		symlinkSync(path.join(dir, 'a'), path.join(dir, 'link'));
		const read = await both(path.join(dir, 'link', 't.admx'));
		assert.equal(bytesOf(read), ADMX());
		assert.ok(!('refused' in read) && read.real === path.join(dir, 'a', 't.admx'));
	});

	it('refuses a folder, a missing file and a link that loops, without reading', async () => {
		const dir = folder();
		symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'));
		assert.equal(refusal(await both(dir, 'admx')), 'is a folder, not a file');
		assert.equal(refusal(await both(path.join(dir, 'none.admx'))), 'does not exist');
		assert.equal(refusal(await both(path.join(dir, 'loop'), 'admx')), 'is a link that leads back to itself');
	});

	it('refuses a named pipe at once, which no writer ever feeds', { skip: NEEDS_POSIX }, async () => {
		const dir = folder();
		const fifo = path.join(dir, 'p.admx');
		execFileSync('mkfifo', [fifo]);
		symlinkSync(fifo, path.join(dir, 'through-link.admx'));
		assert.equal(refusal(await both(fifo)), 'is a named pipe, not a file');
		assert.equal(refusal(await both(path.join(dir, 'through-link.admx'))), 'is a named pipe, not a file');
	});

	it('refuses a device such as /dev/zero, which never ends', { skip: NEEDS_POSIX }, async () => {
		assert.equal(refusal(await both('/dev/zero', 'admx')), 'is a device, not a file');
		const dir = folder();
		symlinkSync('/dev/zero', path.join(dir, 'zero.admx'));
		assert.equal(refusal(await both(path.join(dir, 'zero.admx'))), 'is a device, not a file');
	});

	it('refuses a file over its kind\'s cap before reading it, and reads one at the cap', async () => {
		const dir = folder();
		const big = path.join(dir, 'big.admx');
		writeFileSync(big, '');
		// Sparse: the size is set without writing the bytes.
		truncateSync(big, READ_LIMITS.admx.bytes + 1);
		assert.equal(refusal(await both(big)), 'is 16 MiB; ADMX files over 16 MiB are not read');
		assert.equal(refusal(await both(big, 'registryPol')), 'is 16 MiB; Registry.pol files over 16 MiB are not read');
		truncateSync(big, READ_LIMITS.admx.bytes);
		const atCap = await both(big);
		assert.ok(!('refused' in atCap) && atCap.bytes.length === READ_LIMITS.admx.bytes);
	});

	it('reads a file that says it is empty and is not, up to the cap', { skip: process.platform === 'linux' ? false : '/proc is Linux\'s' }, async () => {
		assert.match(bytesOf(await readBounded('/proc/self/status', 'text')), /^Name:/);
		assert.match(bytesOf(readBoundedSync('/proc/self/status', 'text')), /^Name:/);
	});

	it('gives up waiting when a read does not end', async () => {
		assert.equal(await withTimeout(new Promise<string>(() => undefined), 10, 'late'), 'late');
		assert.equal(await withTimeout(Promise.resolve('read'), 1000, 'late'), 'read');
	});

	it('knows each kind by its name', () => {
		assert.deepEqual(['a.ADMX', 'a.adml', 'Registry.pol', 'x.json', 'm.syncml', 'm.xml', 'p.rapolicy.yaml', 'lgpo.txt', 's.ps1'].map(fileKindOf), ['admx', 'adml', 'registryPol', 'json', 'syncml', 'syncml', 'policy', 'text', 'text']);
	});
});

describe('the command line behind the gate', () => {
	function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
		let stdout = '';
		let stderr = '';
		const io: CliIo = { ...processIo, cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
		return { code: runCli(args, io), stdout, stderr };
	}

	it('refuses a device, a pipe or a file over its cap, naming it as given', { skip: NEEDS_POSIX }, () => {
		const dir = folder({ 'p.rapolicy.yaml': 'profile: P\nadmx:\n  - app: Z\n    file: zero.admx\npolicies: {}\n' });
		symlinkSync('/dev/zero', path.join(dir, 'zero.admx'));
		execFileSync('mkfifo', [path.join(dir, 'pipe.syncml')]);
		writeFileSync(path.join(dir, 'big.json'), '');
		truncateSync(path.join(dir, 'big.json'), READ_LIMITS.json.bytes + 1);
		const first = (result: { code: number; stdout: string; stderr: string }) => [result.code, result.stderr.split('\n')[0]];
		assert.deepEqual(run(['validate', 'pipe.syncml'], dir), { code: 2, stdout: '', stderr: 'rapolicy validate: pipe.syncml is a named pipe, not a file\n0 files checked, 1 not read: 0 errors, 0 other problems\n' });
		assert.deepEqual(first(run(['validate', 'big.json'], dir)), [2, 'rapolicy validate: big.json is 32 MiB; JSON files over 32 MiB are not read']);
		assert.deepEqual(run(['validate', '--admx', 'Z=/dev/zero', 'p.rapolicy.yaml'], dir).stderr, 'rapolicy validate: --admx Z=/dev/zero: /dev/zero is a device, not a file.\n');
		assert.match(run(['validate', 'p.rapolicy.yaml'], dir).stdout, /^p\.rapolicy\.yaml:4:11: error \S+ zero\.admx is a device, not a file\./m);
	});
});

describe('files read for the server', () => {
	it('are read in the background: undefined at first, then known until they change', async () => {
		const dir = folder({ 't.admx': ADMX() });
		const file = path.join(dir, 't.admx');
		let now = 1000;
		let stale = 0;
		const disk = new CachedDisk(() => stale++, () => now);
		assert.equal(disk.text(file, 'admx'), undefined);
		assert.equal(disk.misses, 1);
		assert.equal(disk.text(file, 'admx'), undefined, 'asked again while it is read');
		assert.equal(disk.misses, 2, 'a miss for whichever work asked');
		await disk.settled();
		assert.deepEqual(disk.text(file, 'admx'), { text: ADMX(), real: file });
		writeFileSync(file, ADMX('Renamed'));
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		now += 1999;
		assert.deepEqual(disk.text(file, 'admx'), { text: ADMX(), real: file }, 'not looked at within two seconds');
		now += 1;
		disk.text(file, 'admx');
		await until(() => stale === 1);
		assert.equal(disk.text(file, 'admx'), undefined, 'read again once found changed');
		await disk.settled();
		assert.deepEqual(disk.text(file, 'admx'), { text: ADMX('Renamed'), real: file });
		assert.equal(disk.misses, 3);
	});

	it('read again at once when the editor says a file changed, and folders listed again', async () => {
		const dir = folder({ 't.admx': ADMX() });
		const disk = new CachedDisk(() => undefined, () => 0);
		const files = new AdmxFiles(loaders, disk);
		const read = () => files.read(path.join(dir, 't.admx'));
		await settle(disk, read);
		assert.equal(source(read()).adml, undefined);
		mkdirSync(path.join(dir, 'en-us'));
		writeFileSync(path.join(dir, 'en-us', 't.adml'), ADML('Cat'));
		assert.equal(source(read()).adml, undefined, 'the listing is kept');
		disk.changed(path.join(dir, 'en-us', 't.adml'));
		await settle(disk, read);
		assert.ok(source(read()).adml?.strings.has('Cat'));
		renameSync(path.join(dir, 'en-us'), path.join(dir, 'old'));
		disk.changed(path.join(dir, 'en-us', 't.adml'));
		await settle(disk, read);
		assert.equal(source(read()).adml, undefined);
	});

	it('say a file is still being read when asked before it is', () => {
		const dir = folder({ 't.admx': ADMX() });
		const files = new AdmxFiles(loaders, new CachedDisk(() => undefined));
		assert.equal(error(files.read(path.join(dir, 't.admx'), undefined, 't.admx')), 't.admx is still being read; it is checked once it has been.');
	});
});

describe('files a document names in an untrusted workspace', () => {
	const insideOnly = (root: string) => (file: string) => file.startsWith(root + path.sep);

	it('are not looked at outside the workspace folders, so nothing says whether they exist', () => {
		const dir = folder({ 'ws/p.rapolicy.yaml': '', 'secret.admx': ADMX() });
		const looked: string[] = [];
		const disk: Disk = { real: (f) => (looked.push(f), undefined), text: (f) => (looked.push(f), undefined), entries: (f) => (looked.push(f), []) };
		const read = new AdmxFiles(loaders, disk).readAdmxFor(pathToFileURL(path.join(dir, 'ws', 'p.rapolicy.yaml')).toString(), undefined, insideOnly(path.join(dir, 'ws')));
		for (const name of ['../secret.admx', '../missing.admx', '/dev/zero']) {
			assert.equal(error(read(name)), `${name} is outside the workspace folders; files there are read only once the workspace is trusted.`);
		}
		assert.deepEqual(looked, []);
	});

	it('are refused when a link inside leads outside, the ADML beside included', () => {
		const dir = folder({ 'ws/p.rapolicy.yaml': '', 'ws/t.admx': ADMX(), 'out/t.admx': ADMX(), 'out/en-US/t.adml': ADML('Cat') });
		symlinkSync(path.join(dir, 'out', 't.admx'), path.join(dir, 'ws', 'link.admx'));
		symlinkSync(path.join(dir, 'out', 'en-US'), path.join(dir, 'ws', 'en-US'));
		const read = new AdmxFiles(loaders).readAdmxFor(pathToFileURL(path.join(dir, 'ws', 'p.rapolicy.yaml')).toString(), undefined, insideOnly(path.join(dir, 'ws')));
		assert.equal(error(read('link.admx')), 'link.admx is a link to a file outside the workspace folders; such files are read only once the workspace is trusted.');
		assert.equal(error(read('t.admx')), `${path.join('en-US', 't.adml')} is a link to a file outside the workspace folders; such files are read only once the workspace is trusted.`);
		const trusted = new AdmxFiles(loaders).readAdmxFor(pathToFileURL(path.join(dir, 'ws', 'p.rapolicy.yaml')).toString());
		assert.ok(source(trusted('t.admx')).adml?.strings.has('Cat'));
	});
});

async function settle(disk: CachedDisk, work: () => unknown): Promise<void> {
	for (let round = 0; round < 4; round++) {
		const missed = disk.misses;
		work();
		if (disk.misses === missed) {
			return;
		}
		await disk.settled();
	}
}

async function until(done: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !done(); i++) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	assert.ok(done(), 'in time');
}

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CachedDisk } from '../../server/src/disk/cachedDisk';
import { SyncDisk } from '../../server/src/disk/syncDisk';
import { ProjectConfigs, STILL_READING } from '../../server/src/projectConfigs';
import { EMPTY_CONFIG, readProjectConfig } from '../../server/src/service';

const reader = () => ({ readProjectConfig, EMPTY_CONFIG });

function folder(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'rapolicy-configs-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

describe('the server\'s project configurations', () => {
	it('reads rapolicy.json before .rapolicy.json, and a folder without either is configured with nothing', () => {
		const dir = folder({ 'rapolicy.json': '{ "rules": { "helper-format": "off" } }', '.rapolicy.json': '{ "rules": { "helper-format": "error" } }', 'none/x': '' });
		const configs = new ProjectConfigs(new SyncDisk(), reader, () => undefined);
		const found = configs.forFolder(dir);
		assert.ok(found !== STILL_READING);
		assert.equal(found.file, path.join(dir, 'rapolicy.json'));
		assert.deepEqual(found.config.rules, { 'helper-format': 'off' });
		assert.deepEqual(configs.forFolder(path.join(dir, 'none')), { file: undefined, config: EMPTY_CONFIG, problems: [] });
		rmSync(dir, { recursive: true });
	});

	it('is still being read until the disk has it, never read while a request waits', async () => {
		const dir = folder({ '.rapolicy.json': '{ "ignore": ["drafts/**"] }' });
		const disk = new CachedDisk(() => undefined);
		const configs = new ProjectConfigs(disk, reader, () => undefined);
		assert.equal(configs.forFolder(dir), STILL_READING);
		await disk.settled();
		const found = configs.forFolder(dir);
		assert.ok(found !== STILL_READING);
		assert.deepEqual(found.config.ignore, ['drafts/**']);
		rmSync(dir, { recursive: true });
	});

	it('says its problems in the log once per text, and a file it cannot read, but not a missing one', () => {
		const dir = folder({ 'rapolicy.json': '{\n  "rule": {}\n}' });
		const logged: string[] = [];
		const configs = new ProjectConfigs(new SyncDisk(), reader, (m) => logged.push(m));
		configs.forFolder(dir);
		configs.forFolder(dir);
		assert.deepEqual(logged, [`${path.join(dir, 'rapolicy.json')} has problems; what can be read of it applies:\n  2:3 unknown-key rapolicy.json has no key rule; did you mean rules?`]);
		const other = folder({});
		mkdirSync(path.join(other, '.rapolicy.json'));
		configs.forFolder(other);
		assert.equal(logged[1], `${path.join(other, '.rapolicy.json')} is a folder, not a file; the folder is checked without it.`);
		assert.equal(logged.length, 2);
		rmSync(dir, { recursive: true });
		rmSync(other, { recursive: true });
	});

	it('where only some places may be read, one that leads elsewhere is not read', () => {
		const dir = folder({ 'rapolicy.json': '{ "rules": { "helper-format": "off" } }' });
		const logged: string[] = [];
		const configs = new ProjectConfigs(new SyncDisk(), reader, (m) => logged.push(m));
		const found = configs.forFolder(dir, () => false);
		assert.ok(found !== STILL_READING);
		assert.equal(found.file, undefined);
		assert.match(logged[0], /is a link to a file outside the workspace folders/);
		rmSync(dir, { recursive: true });
	});
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { exportFileName, placeToEdit, profileFileName, profileNameOf } from '../../client/src/fileNames';
import { safeFileName } from '../../server/src/service/import/fileNames';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

describe('export file names', () => {
	it('names the export after the source, beside it', () => {
		assert.equal(exportFileName('helpdesk.rapolicy.yaml', 'Helpdesk', 1, '.syncml'), 'helpdesk.syncml');
		assert.equal(exportFileName('capture.syncml.xml', 'capture', 1, '.intune.json'), 'capture.intune.json');
	});

	it('adds the profile when the file has several', () => {
		assert.equal(exportFileName('fleet.rapolicy.yml', 'Branch office desktops', 2, '.syncml'), 'fleet-Branch-office-desktops.syncml');
		assert.equal(exportFileName('fleet.rapolicy.yaml', 'Office laptops, short invitations', 2, '.syncml'), 'fleet-Office-laptops-short-invitations.syncml');
	});
});

describe('new profile file names', () => {
	it('names a profile from its display name, with characters every file system takes', () => {
		assert.equal(profileFileName('Helpdesk offers Remote Assistance'), 'helpdesk-offers-remote-assistance.rapolicy.yaml');
		assert.equal(profileFileName('Branch: Zürich / Genève <tier 2>?'), 'branch-zurich-geneve-tier-2.rapolicy.yaml');
		assert.equal(profileFileName('  '), 'remote-assistance-policy.rapolicy.yaml');
		assert.equal(profileFileName(undefined), 'remote-assistance-policy.rapolicy.yaml');
		assert.ok(profileFileName('x'.repeat(200)).length <= 60 + '.rapolicy.yaml'.length);
	});

	it('numbers a name that is taken', () => {
		const taken = new Set(['locked-down.rapolicy.yaml', 'locked-down-2.rapolicy.yaml']);
		assert.equal(profileFileName('Locked down', (n) => taken.has(n)), 'locked-down-3.rapolicy.yaml');
	});

	it('reads the display name from the profile line, never from a comment', () => {
		assert.equal(profileNameOf('# Helpdesk offers help: members of one domain group\nprofile: Helpdesk offers Remote Assistance\n'), 'Helpdesk offers Remote Assistance');
		assert.equal(profileNameOf('profile: "Quoted: name"\n'), 'Quoted: name');
		assert.equal(profileNameOf('# profile: in a comment\npolicies: {}\n'), undefined);
	});
});

describe('where a new profile puts the cursor', () => {
	it('selects the helper group of the helpdesk template', () => {
		const text = readFileSync(path.join(ROOT, 'templates/helpdesk-offers-help.rapolicy.yaml'), 'utf8');
		const place = placeToEdit(text);
		assert.ok(place);
		assert.equal(text.split('\n')[place.line].slice(place.start, place.end), 'CONTOSO\\RA-Helpdesk');
	});

	it('selects the profile name when there is no group to change', () => {
		const text = readFileSync(path.join(ROOT, 'templates/locked-down.rapolicy.yaml'), 'utf8');
		const place = placeToEdit(text);
		assert.ok(place);
		assert.equal(text.split('\n')[place.line].slice(place.start, place.end), 'Remote Assistance locked down');
	});
});

describe('a name from input made a safe file or folder name', () => {
	it('keeps ordinary names and reduces what would leave the folder or name a device', () => {
		assert.equal(safeFileName('Contoso'), 'Contoso');
		assert.equal(safeFileName('Firefox~Policy'), 'Firefox~Policy');
		for (const [name, safe] of [['..', '__'], ['.', '_'], ['a/b', 'a_b'], ['a\\b', 'a_b'], ['C:', 'C_'], ['NUL', '_NUL'], ['con.admx', '_con.admx'], ['x. ', 'x__'], ['a\nb', 'a_b'], ['', '_']]) {
			assert.equal(safeFileName(name), safe, JSON.stringify(name));
		}
		assert.equal(safeFileName('x'.repeat(300)).length, 120);
	});
});

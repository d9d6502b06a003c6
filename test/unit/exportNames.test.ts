import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportFileName } from '../../client/src/exportNames';

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

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, encodeLgpoText, parsePolicyDocument, readEstate, resolveProfiles, RULES, visibleEstateProblems, type ContentSource, type Estate, type EstateProblem } from '../../server/src/service';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
const REAL_GP = path.join(ROOT, 'test/fixtures/real/group-policy');
const MDM_WINS = readFileSync(path.join(ROOT, 'test/fixtures/estate/mdm-wins/mdm-wins-over-gp.syncml'), 'utf8');

const yaml = (name: string, text: string): ContentSource => ({ uri: `file:///estate/${name}`, content: text });
const pol = (name: string): ContentSource => ({ uri: `file:///estate/${name}`, content: new Uint8Array(readFileSync(path.join(REAL_GP, name))) });

const offer = (control: string, helpers = '[CORP\\RA-Helpdesk]') => `profile: Offer ${control}\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: ${control}\n      RA_Unsolicit_DACL_Edit: ${helpers}\n`;
const SOLICITED_ON = 'profile: Ask for help\npolicies:\n  SolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Solicit_Control_List: view-only\n      RA_Solicit_ExpireValue_Edt: 4\n      RA_Solicit_ExpireUnits_List: hours\n      RA_Solicit_Mailto_List: mailto\n';

/** The estate's findings as `file code policy`, sorted. */
function findings(estate: Estate): string[] {
	return estate.problems.map((p) => `${p.place.uri.replace('file:///estate/', '')} ${p.code} ${/^\w+/.exec(p.message)?.[0]}`).sort();
}

function at(estate: Estate, file: string, code: string): EstateProblem {
	const found = estate.problems.find((p) => p.place.uri === `file:///estate/${file}` && p.code === code);
	assert.ok(found, `${code} at ${file}: ${findings(estate).join('; ')}`);
	return found;
}

/** The files a finding's related places are in. */
const relatedFiles = (problem: EstateProblem) => problem.related.map((r) => r.place.uri.replace('file:///estate/', ''));

describe('conflicts of one channel', () => {
	it('two MDM profiles that set Offer Remote Assistance differently: a warning at each, naming the other and who decides', () => {
		const estate = readEstate([yaml('view.rapolicy.yaml', offer('view-only')), yaml('control.rapolicy.yaml', offer('remote-control'))]);
		assert.deepEqual(findings(estate), ['control.rapolicy.yaml conflicting-sources UnsolicitedRemoteAssistance', 'view.rapolicy.yaml conflicting-sources UnsolicitedRemoteAssistance']);
		const view = at(estate, 'view.rapolicy.yaml', 'conflicting-sources');
		assert.equal(view.message, 'UnsolicitedRemoteAssistance (Configure Offer Remote Assistance) is enabled with RA_Unsolicit_Control_List view-only here and enabled with RA_Unsolicit_Control_List remote-control in control.rapolicy.yaml. Both are MDM settings: Intune reports such a setting as a conflict on a device that gets both, and which value the device keeps is not the admin\'s choice. Set it in one profile, or make the two agree.');
		assert.deepEqual(relatedFiles(view), ['control.rapolicy.yaml']);
		assert.equal(view.related[0].message, 'MDM sets it enabled with RA_Unsolicit_Control_List remote-control here');
		assert.deepEqual(view.related[0].place.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 29 } });
		assert.deepEqual(relatedFiles(at(estate, 'control.rapolicy.yaml', 'conflicting-sources')), ['view.rapolicy.yaml']);
	});

	it('two GPOs that differ: the link order decides, which the files do not show', () => {
		const lgpo = encodeLgpoText(resolveProfiles(parsePolicyDocument('file:///p.rapolicy.yaml', 1, SOLICITED_ON))[0]);
		const estate = readEstate([pol('nsa-shb-win10-stig-computer.registry.pol'), { uri: 'file:///estate/ask.lgpo.txt', content: lgpo }]);
		assert.deepEqual(findings(estate), ['ask.lgpo.txt conflicting-sources SolicitedRemoteAssistance', 'nsa-shb-win10-stig-computer.registry.pol conflicting-sources SolicitedRemoteAssistance']);
		const gpo = at(estate, 'nsa-shb-win10-stig-computer.registry.pol', 'conflicting-sources');
		assert.match(gpo.message, /^SolicitedRemoteAssistance \(Configure Solicited Remote Assistance\) is disabled here and enabled with RA_Solicit_Control_List view-only, RA_Solicit_ExpireValue_Edt 4, RA_Solicit_ExpireUnits_List hours, RA_Solicit_Mailto_List mailto in ask\.lgpo\.txt\. Where both GPOs apply to one device, their link order decides which wins, and the files do not show it\./);
		assert.equal(gpo.place.binary, true);
		assert.deepEqual(relatedFiles(gpo), ['ask.lgpo.txt']);
		assert.equal(at(estate, 'ask.lgpo.txt', 'conflicting-sources').related[0].place.binary, true);
	});

	it('counts the sources past the ten it names, and stays linear in their number', () => {
		const sources: ContentSource[] = [];
		for (let i = 0; i < 3000; i++) {
			sources.push(yaml(`p${i}.rapolicy.yaml`, `profile: P${i}\npolicies:\n  SessionLogging: { state: ${['enabled', 'disabled', 'not-configured'][i % 3]} }\n`));
		}
		const started = performance.now();
		const estate = readEstate(sources);
		const took = performance.now() - started;
		const first = at(estate, 'p0.rapolicy.yaml', 'conflicting-sources');
		assert.equal(first.related.length, 10);
		assert.match(first.message, /is enabled here and disabled in p1\.rapolicy\.yaml, and differently in 1999 more sources\./);
		assert.match(at(estate, 'p0.rapolicy.yaml', 'also-set').message, /and so in 998 more sources\.$/);
		assert.equal(estate.problems.length, 6000);
		assert.ok(took < 5000, `${took} ms`);
	});
});

describe('Group Policy against MDM', () => {
	const gp = pol('nsa-shb-win10-stig-computer.registry.pol');
	const mdm = yaml('ask.rapolicy.yaml', SOLICITED_ON);

	it('without MDMWinsOverGP they race: a warning at both, saying so and how to settle it', () => {
		const estate = readEstate([gp, mdm]);
		assert.deepEqual(findings(estate), ['ask.rapolicy.yaml gp-mdm-race SolicitedRemoteAssistance', 'nsa-shb-win10-stig-computer.registry.pol gp-mdm-race SolicitedRemoteAssistance']);
		const race = at(estate, 'nsa-shb-win10-stig-computer.registry.pol', 'gp-mdm-race');
		assert.match(race.message, /is disabled here by Group Policy and enabled with .* by MDM in ask\.rapolicy\.yaml\. Nothing among these files sets ControlPolicyConflict\/MDMWinsOverGP to 1, so the two race on a device that gets both, and there is no guarantee which wins\. Remove one of them, or set \.\/Device\/Vendor\/MSFT\/Policy\/Config\/ControlPolicyConflict\/MDMWinsOverGP to 1 in an MDM profile so that MDM wins\.$/);
		assert.deepEqual(relatedFiles(race), ['ask.rapolicy.yaml']);
		const other = at(estate, 'ask.rapolicy.yaml', 'gp-mdm-race');
		assert.match(other.message, /is enabled with .* here by MDM and disabled by Group Policy in nsa-shb-win10-stig-computer\.registry\.pol\./);
		assert.equal(other.related[0].message, 'Group Policy sets it disabled here');
	});

	it('with MDMWinsOverGP set to 1 by an MDM source, MDM wins: both say so and point at the switch', () => {
		const estate = readEstate([gp, mdm, yaml('co-management.syncml', MDM_WINS)]);
		assert.deepEqual(findings(estate), ['ask.rapolicy.yaml mdm-wins-over-gp SolicitedRemoteAssistance', 'nsa-shb-win10-stig-computer.registry.pol mdm-wins-over-gp SolicitedRemoteAssistance']);
		const blocked = at(estate, 'nsa-shb-win10-stig-computer.registry.pol', 'mdm-wins-over-gp');
		assert.match(blocked.message, /co-management\.syncml sets ControlPolicyConflict\/MDMWinsOverGP to 1, so on a device that gets both, the MDM value wins and this one is blocked; remove it if MDM is meant to decide \(MDMWinsOverGP governs the Policy CSP policies that have a Group Policy equivalent, as the ADMX-backed Remote Assistance policies do\)\.$/);
		assert.deepEqual(relatedFiles(blocked), ['ask.rapolicy.yaml', 'co-management.syncml']);
		assert.equal(blocked.related[1].message, 'ControlPolicyConflict/MDMWinsOverGP is set to 1 here');
		assert.match(at(estate, 'ask.rapolicy.yaml', 'mdm-wins-over-gp').message, /so on a device that gets both, this MDM value wins and the Group Policy one is blocked/);
	});

	it('MDMWinsOverGP at 0 settles nothing', () => {
		const estate = readEstate([gp, mdm, yaml('co-management.syncml', MDM_WINS.replace('<Data>1</Data>', '<Data>0</Data>'))]);
		assert.deepEqual(findings(estate).map((f) => f.split(' ')[1]), ['gp-mdm-race', 'gp-mdm-race']);
	});

	it('a Group Policy setting meets only the MDM values that differ from it', () => {
		const off = yaml('off.rapolicy.yaml', 'profile: Off\npolicies:\n  SolicitedRemoteAssistance: { state: disabled }\n');
		const estate = readEstate([gp, mdm, off]);
		assert.deepEqual(findings(estate), [
			'ask.rapolicy.yaml conflicting-sources SolicitedRemoteAssistance',
			'ask.rapolicy.yaml gp-mdm-race SolicitedRemoteAssistance',
			'nsa-shb-win10-stig-computer.registry.pol also-set SolicitedRemoteAssistance',
			'nsa-shb-win10-stig-computer.registry.pol gp-mdm-race SolicitedRemoteAssistance',
			'off.rapolicy.yaml also-set SolicitedRemoteAssistance',
			'off.rapolicy.yaml conflicting-sources SolicitedRemoteAssistance',
		]);
		assert.deepEqual(relatedFiles(at(estate, 'nsa-shb-win10-stig-computer.registry.pol', 'gp-mdm-race')), ['ask.rapolicy.yaml']);
	});
});

describe('equal settings', () => {
	it('are information at each place, naming the others and the channel where it differs', () => {
		const estate = readEstate([pol('nsa-shb-win10-stig-computer.registry.pol'), yaml('off.rapolicy.yaml', 'profile: Off\npolicies:\n  SolicitedRemoteAssistance: { state: disabled }\n')]);
		assert.deepEqual(findings(estate), ['nsa-shb-win10-stig-computer.registry.pol also-set SolicitedRemoteAssistance', 'off.rapolicy.yaml also-set SolicitedRemoteAssistance']);
		const info = at(estate, 'off.rapolicy.yaml', 'also-set');
		assert.equal(info.message, 'SolicitedRemoteAssistance (Configure Solicited Remote Assistance) is also set the same way (disabled) by Group Policy in nsa-shb-win10-stig-computer.registry.pol.');
		assert.equal(info.related[0].message, 'Group Policy sets it the same way here');
		assert.equal(RULES['also-set'].severity, 'information');
	});

	it('the same helpers in another order are the same setting', () => {
		const estate = readEstate([yaml('a.rapolicy.yaml', offer('view-only', '[CORP\\A, CORP\\B]')), yaml('b.rapolicy.yaml', offer('view-only', '[CORP\\B, CORP\\A]'))]);
		assert.deepEqual(findings(estate).map((f) => f.split(' ')[1]), ['also-set', 'also-set']);
	});
});

describe('the estate\'s findings as a user sees them', () => {
	const view = offer('view-only');
	const estate = readEstate([yaml('view.rapolicy.yaml', view), yaml('control.rapolicy.yaml', offer('remote-control'))]);
	const texts = (uri: string) => (uri.endsWith('view.rapolicy.yaml') ? view : offer('remote-control'));

	it('take the rules\' default severities, or the ones set, and leave out rules switched off', () => {
		assert.deepEqual(visibleEstateProblems(estate.problems, DEFAULT_SETTINGS, texts).map((v) => v.severity), ['warning', 'warning']);
		const raised = { ...DEFAULT_SETTINGS, validation: { enable: true, rules: { 'conflicting-sources': 'error' as const } } };
		assert.deepEqual(visibleEstateProblems(estate.problems, raised, texts).map((v) => v.severity), ['error', 'error']);
		const off = { ...DEFAULT_SETTINGS, validation: { enable: true, rules: { 'conflicting-sources': 'off' as const } } };
		assert.deepEqual(visibleEstateProblems(estate.problems, off, texts), []);
	});

	it('a rapolicy-disable-next-line comment above the policy silences the finding in that file only', () => {
		const silenced = view.replace('  UnsolicitedRemoteAssistance:', '  # rapolicy-disable-next-line conflicting-sources\n  UnsolicitedRemoteAssistance:');
		const quiet = readEstate([yaml('view.rapolicy.yaml', silenced), yaml('control.rapolicy.yaml', offer('remote-control'))]);
		const visible = visibleEstateProblems(quiet.problems, DEFAULT_SETTINGS, (uri) => (uri.endsWith('view.rapolicy.yaml') ? silenced : offer('remote-control')));
		assert.deepEqual(visible.map((v) => v.problem.place.uri), ['file:///estate/control.rapolicy.yaml']);
	});
});

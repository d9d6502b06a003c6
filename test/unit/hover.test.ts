import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { getHover } from '../../server/src/service';
import { at, caret, covered, crlf, FULL_PROFILE, hoverMarkdown, includesAll, parse } from '../helpers/service';

function hover(marked: string): { text: string; hover: Hover | null } {
	const { text, offset } = caret(marked);
	return { text, hover: getHover(parse(text), offset) };
}

/** The source text the hover's range covers. */
function hoverCovered(text: string, h: Hover | null): string {
	assert.ok(h?.range, 'the hover has a range');
	return covered(text, { range: h.range });
}

const TS_KEY = 'Software\\policies\\Microsoft\\Windows NT\\Terminal Services';

describe('hover on a policy name', () => {
	it('documents SessionLogging with OMA-URI, Group Policy path, registry, scope, editions and build', () => {
		const { text, hover: h } = hover(at(FULL_PROFILE, '  Session', 'Logging: {'));
		const md = hoverMarkdown(h);
		includesAll(md, [
			'./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging',
			'Turn on session logging',
			'System > Remote Assistance',
			TS_KEY,
			'LoggingEnabled',
			'Device',
			'Pro',
			'Enterprise',
			'Education',
			'10.0.15063',
		]);
		assert.ok(!/\bHome\b/.test(md.replace(/not Home/, '')), 'Home is only named as excluded');
		assert.equal(hoverCovered(text, h), 'SessionLogging');
	});

	it('gives each policy its own OMA-URI and registry value name', () => {
		const facts: [string, string, string, string][] = [
			['UnsolicitedRemoteAssistance', 'RemoteAssistance', 'fAllowUnsolicited', 'Configure Offer Remote Assistance'],
			['SolicitedRemoteAssistance', 'RemoteAssistance', 'fAllowToGetHelp', 'Configure Solicited Remote Assistance'],
			['CustomizeWarningMessages', 'RemoteAssistance', 'UseCustomMessages', 'Customize warning messages'],
			['RA_EncryptedTicketOnly', 'ADMX_RemoteAssistance', 'CreateEncryptedOnlyTickets', 'Allow only Windows Vista or later connections'],
			['RA_Optimize_Bandwidth', 'ADMX_RemoteAssistance', 'UseBandwidthOptimization', 'Turn on bandwidth optimization'],
		];
		for (const [name, area, value, friendly] of facts) {
			const { text, hover: h } = hover(at(FULL_PROFILE, `  ${name.slice(0, 3)}`, `${name.slice(3)}:`));
			includesAll(hoverMarkdown(h), [`./Device/Vendor/MSFT/Policy/Config/${area}/${name}`, value, friendly]);
			assert.equal(hoverCovered(text, h), name);
		}
	});

	it('names the KB5005101 builds for the ADMX_RemoteAssistance policies', () => {
		const { hover: h } = hover(at(FULL_PROFILE, '  RA_Opt', 'imize_Bandwidth:'));
		includesAll(hoverMarkdown(h), ['10.0.19041.1202', '10.0.22000']);
	});

	it('lists the options of a policy as the allowed values', () => {
		const { hover: h } = hover(at(FULL_PROFILE, '  Solicited', 'RemoteAssistance:'));
		includesAll(hoverMarkdown(h), ['RA_Solicit_Control_List', 'RA_Solicit_ExpireValue_Edt', 'RA_Solicit_ExpireUnits_List', 'RA_Solicit_Mailto_List']);
	});

	it('shows no hover on an unknown policy name', () => {
		const { hover: h } = hover('profile: A\npolicies:\n  Sess|ionLoging: { state: enabled }\n');
		assert.equal(h, null);
	});
});

describe('hover on a state value', () => {
	it('explains enabled for a policy, with the registry value it writes', () => {
		const marked = at(FULL_PROFILE, 'RA_Optimize_Bandwidth:\n    state: ena', 'bled');
		const { text, hover: h } = hover(marked);
		const md = hoverMarkdown(h);
		includesAll(md, ['enabled', 'UseBandwidthOptimization']);
		assert.equal(hoverCovered(text, h), 'enabled');
	});

	it('explains not-configured in a flow map', () => {
		const { text, hover: h } = hover(at(FULL_PROFILE, 'RA_EncryptedTicketOnly: { state: not-', 'configured }'));
		const md = hoverMarkdown(h);
		assert.match(md, /not-configured/);
		assert.match(md, /Delete/);
		assert.equal(hoverCovered(text, h), 'not-configured');
	});

	it('explains disabled with what it does', () => {
		const { hover: h } = hover('profile: A\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: dis|abled\n');
		const md = hoverMarkdown(h);
		includesAll(md, ['disabled', 'fAllowUnsolicited']);
		assert.match(md, /[Nn]obody can offer/);
	});
});

describe('hover on an option id', () => {
	it('documents the expiry value with its registry value and range', () => {
		const { text, hover: h } = hover(at(FULL_PROFILE, 'RA_Solicit_Expire', 'Value_Edt'));
		const md = hoverMarkdown(h);
		includesAll(md, ['RA_Solicit_ExpireValue_Edt', 'MaxTicketExpiry', TS_KEY, '1', '99']);
		assert.equal(hoverCovered(text, h), 'RA_Solicit_ExpireValue_Edt');
	});

	it('lists the allowed values of an enum option with labels', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'RA_Solicit_Mail', 'to_List'));
		includesAll(hoverMarkdown(h), ['fUseMailto', 'mailto', 'simple-mapi', 'Simple MAPI', 'Mailto']);
	});

	it('documents the helper list and its registry key', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'RA_Unsolicit_DA', 'CL_Edit'));
		includesAll(hoverMarkdown(h), ['RA_Unsolicit_DACL_Edit', `${TS_KEY}\\RAUnsolicit`]);
	});

	it('documents a text option with its registry value', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'RA_Options_Con', 'nect_Message'));
		includesAll(hoverMarkdown(h), ['ViewMessage', '1023']);
	});

	it('documents the Offer control option with fAllowUnsolicitedFullControl', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'RA_Unsolicit_Con', 'trol_List'));
		includesAll(hoverMarkdown(h), ['fAllowUnsolicitedFullControl', 'remote-control', 'view-only']);
	});
});

describe('hover on an enum value', () => {
	it('explains an alias with its number, label and registry value', () => {
		const { text, hover: h } = hover(at(FULL_PROFILE, 'RA_Solicit_ExpireUnits_List: ho', 'urs'));
		const md = hoverMarkdown(h);
		includesAll(md, ['hours', '1', 'Hours', 'MaxTicketExpiryUnits']);
		assert.equal(hoverCovered(text, h), 'hours');
	});

	it('explains a number by its alias', () => {
		const marked = FULL_PROFILE.replace('RA_Optimize_Bandwidth_List: no-background', 'RA_Optimize_Bandwidth_List: |8');
		const { text, hover: h } = hover(marked);
		const md = hoverMarkdown(h);
		includesAll(md, ['no-background', 'Turn off background', 'OptimizeBandwidth']);
		assert.equal(hoverCovered(text, h), '8');
	});

	it('explains view-only with fAllowFullControl', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'RA_Solicit_Control_List: view', '-only'));
		includesAll(hoverMarkdown(h), ['view-only', '0', 'Allow helpers to only view the computer', 'fAllowFullControl']);
	});
});

describe('hover in other places', () => {
	it('explains the top-level keys', () => {
		const { hover: h } = hover(at(FULL_PROFILE, 'sc', 'ope: device'));
		assert.match(hoverMarkdown(h), /device/);
	});

	it('works in the second document of a file', () => {
		const text = `profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  RA_Encrypted|TicketOnly: { state: enabled }\n`;
		const { text: clean, hover: h } = hover(text);
		assert.match(hoverMarkdown(h), /ADMX_RemoteAssistance\/RA_EncryptedTicketOnly/);
		assert.deepEqual((h as Hover).range?.start, { line: 6, character: 2 });
		assert.equal(hoverCovered(clean, h), 'RA_EncryptedTicketOnly');
	});

	it('gives the right range in a CRLF file', () => {
		const { text, hover: h } = hover(crlf(at(FULL_PROFILE, 'RA_Solicit_ExpireUnits_List: ho', 'urs')));
		assert.match(hoverMarkdown(h), /MaxTicketExpiryUnits/);
		assert.deepEqual((h as Hover).range, { start: { line: 15, character: 35 }, end: { line: 15, character: 40 } });
		assert.equal(hoverCovered(text, h), 'hours');
	});

	it('shows nothing on blank space and does not throw at any offset', () => {
		const doc = parse(FULL_PROFILE);
		for (let offset = 0; offset <= FULL_PROFILE.length; offset++) {
			assert.doesNotThrow(() => getHover(doc, offset));
		}
		const half = 'profile: A\npolicies:\n  Sess';
		const halfDoc = parse(half);
		for (let offset = 0; offset <= half.length; offset++) {
			assert.doesNotThrow(() => getHover(halfDoc, offset));
		}
	});
});

describe('hover texts follow Microsoft\'s policy text (audit D1, D2, D7, D8, D9, prerequisites)', () => {
	const policyHover = (name: string) => hoverMarkdown(hover(at(FULL_PROFILE, `  ${name.slice(0, 3)}`, `${name.slice(3)}:`)).hover);

	it('shows the supported-on display string beside the id', () => {
		const offer = policyHover('UnsolicitedRemoteAssistance');
		assert.ok(offer.includes('At least Windows Server 2003 operating systems or Windows XP Professional (`windows:SUPPORTED_WindowsXP`)'), offer);
		const logging = hoverMarkdown(hover(at(FULL_PROFILE, '  Session', 'Logging: {')).hover);
		assert.ok(logging.includes('At least Windows Vista (`windows:SUPPORTED_WindowsVista`)'), logging);
	});

	it('RA_Solicit_Mailto_List says the setting is not available on Windows Vista, where Simple MAPI is the only method', () => {
		const md = hoverMarkdown(hover(at(FULL_PROFILE, 'RA_Solicit_Mail', 'to_List: mailto')).hover);
		assert.match(md, /not available on Windows Vista/);
		assert.match(md, /Simple MAPI is the only method/);
		assert.ok(!md.includes('always use mailto'));
	});

	it('RA_EncryptedTicketOnly not configured: users choose in System Properties in Control Panel', () => {
		const md = hoverMarkdown(hover(at(FULL_PROFILE, '  RA_Encrypted', 'TicketOnly:')).hover);
		assert.match(md, /\*not-configured\*: Users can set this themselves in System Properties in Control Panel\./);
		assert.ok(!/\*not-configured\*: .*any Windows version/.test(md), 'the disabled text is not reused for not-configured');
	});

	it('SessionLogging says only what Microsoft says: logging on or off, logs under Remote Assistance in Documents', () => {
		const md = hoverMarkdown(hover(at(FULL_PROFILE, '  Session', 'Logging: {')).hover);
		assert.match(md, /on or off/);
		assert.match(md, /Documents folder, under Remote Assistance/);
		assert.ok(!md.includes('chat and file transfers'));
	});

	it('Offer Remote Assistance names the device prerequisites and marks accepting each offer as behaviour, not policy text', () => {
		const md = policyHover('UnsolicitedRemoteAssistance');
		includesAll(md, ['domain profile', 'Port 135:TCP', '%WINDIR%\\System32\\msra.exe', '%WINDIR%\\System32\\raserver.exe', 'same domain', 'trusted domain']);
		const policySummary = md.split('\n')[2];
		assert.ok(!/accept/.test(policySummary), 'the policy summary does not claim the user accepts offers');
		assert.match(md, /Observed behaviour, not policy text:\* .*accept/);
	});
});

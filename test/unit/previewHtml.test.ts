import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPreview } from '../../client/src/previewHtml';
import { buildPreview, DEFAULT_SETTINGS, parsePolicyDocument } from '../../server/src/service';

const HOSTILE = '</code></pre><script>alert(1)</script><img src=x onerror="alert(2)">\'"&';

function previewOf(text: string) {
	return buildPreview(parsePolicyDocument('file:///p.rapolicy.yaml', 1, text), DEFAULT_SETTINGS, DEFAULT_SETTINGS.payload);
}

describe('payload preview page', () => {
	const text = `profile: ${JSON.stringify(HOSTILE)}\ndescription: ${JSON.stringify(HOSTILE)}\npolicies:\n  CustomizeWarningMessages:\n    state: enabled\n    options:\n      RA_Options_Share_Control_Message: ${JSON.stringify(HOSTILE)}\n      RA_Options_Connect_Message: ${JSON.stringify(HOSTILE)}\n  SessionLogging: { state: not-configured }\n`;
	const preview = previewOf(text);
	const html = renderPreview(preview, HOSTILE, 'NONCE123', 'vscode-resource:');

	it('builds a preview for the hostile but valid profile', () => {
		assert.deepEqual(preview.errors, []);
		assert.equal(preview.profiles[0].policies.length, 2);
	});

	it('shows markup and script from every field as text', () => {
		assert.ok(!html.includes('<script>alert'), 'no injected script element');
		assert.ok(!/<img/i.test(html), 'no injected image element');
		assert.equal((html.match(/<script/g) ?? []).length, 2, 'only the page\'s own two script elements');
		assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'the text is there, escaped');
	});

	it('keeps the copy data inside its script element', () => {
		const data = /<script type="application\/json" id="copies" nonce="NONCE123">([\s\S]*?)<\/script>/.exec(html);
		assert.ok(data);
		assert.ok(!data[1].includes('<'), 'no < can close the data element early');
		const copies = JSON.parse(data[1]) as string[];
		assert.ok(copies.includes(preview.profiles[0].policies[0].payload as string), 'the raw payload is copied exactly');
		assert.ok(copies.includes(preview.profiles[0].syncml));
	});

	it('allows only its own nonce-carrying script and style, and nothing remote', () => {
		assert.match(html, /default-src 'none'; style-src vscode-resource: 'nonce-NONCE123'; script-src 'nonce-NONCE123';/);
		assert.ok(!/https?:\/\//.test(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')), 'no remote resource outside the shown text');
	});

	it('lists the errors, and no payload, for a document with errors', () => {
		const broken = renderPreview(previewOf('profile: P\npolicies:\n  SessionLogging: { state: on }\n'), 'P', 'N', 'vscode-resource:');
		assert.match(broken, /has an error, so no payload is built/);
		assert.match(broken, /<a href="#" class="goto" data-line="2" data-character="\d+">line 3:\d+<\/a>/, 'the error line is a link to its place');
		assert.match(broken, /invalid-state/);
		assert.ok(!broken.includes('&#60;enabled/&#62;'));
	});

	describe('policy cards', () => {
		const helpdesk = previewOf('profile: Helpdesk\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit: [CONTOSO\\RA-Helpdesk]\n  SessionLogging: { state: disabled }\n  RA_EncryptedTicketOnly: { state: not-configured }\n');
		const page = renderPreview(helpdesk, 'Helpdesk', 'N', 'vscode-resource:', { line: 7, token: 3 });
		const copies = JSON.parse(/id="copies" nonce="N">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '[]') as string[];
		const card = (line: number) => /<article class="policy" data-line="(\d+)">[\s\S]*?<\/article>/g.exec(page.slice(page.indexOf(`data-line="${line}"`) - 30))?.[0] ?? '';

		it('gives each policy a card at its source line, with the OMA-URI copied by its own button', () => {
			assert.deepEqual([...page.matchAll(/<article class="policy" data-line="(\d+)">/g)].map((m) => Number(m[1])), [2, 7, 8]);
			const uri = './Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance';
			const button = /<code class="uri">[^<]*<\/code><button class="copy" data-copy="(\d+)"/.exec(card(2));
			assert.ok(button);
			assert.equal(copies[Number(button[1])], uri);
		});

		it('shows the raw value before the SyncML forms, which are folded away', () => {
			const text = card(2);
			assert.ok(text.indexOf('Value (raw, as Intune takes it)') < text.indexOf('<details '));
			assert.ok(text.indexOf('<details ') < text.indexOf('Escaped'));
		});

		it('offers the whole Intune row, and no value for a Delete', () => {
			assert.ok(copies.some((c) => c.startsWith('Name: Configure Offer Remote Assistance\n') && c.includes('\nOMA-URI: ./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance\nData type: String\nValue: <enabled/>')));
			assert.ok(!card(8).includes('Value (raw'));
			assert.ok(!card(8).includes('Copy Intune row'));
			assert.match(card(8), /receives a Delete/);
		});

		it('asks the page to reveal the policy a lens names', () => {
			assert.match(page, /<body data-reveal-line="7" data-reveal-token="3">/);
		});

		it('writes state and error text in theme text colours, never an icon or error colour', () => {
			const style = /<style nonce="N">([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
			for (const rule of style.split('}')) {
				const colour = /(?:^|[;{\s])color:\s*([^;]+)/.exec(rule)?.[1];
				if (colour !== undefined) {
					assert.match(colour, /--vscode-(?:foreground|descriptionForeground|button-foreground|textLink-foreground|textLink-activeForeground|sideBarSectionHeader-foreground)/, `text colour in ${rule.trim()}`);
				}
			}
			assert.match(card(7), /class="state state-disabled"><span class="dot" aria-hidden="true"><\/span>disabled</);
		});
	});

	describe('further channels', () => {
		const preview = previewOf('profile: Channels\npolicies:\n  SessionLogging: { state: enabled }\n  RA_EncryptedTicketOnly: { state: not-configured }\n');
		const page = renderPreview(preview, 'Channels', 'N', 'vscode-resource:');
		const copies = JSON.parse(/id="copies" nonce="N">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '[]') as string[];
		const channels = preview.profiles[0].channels.filter((c) => c.further);

		it('folds a section per channel, text ones with Copy and Registry.pol with Save', () => {
			assert.deepEqual(channels.map((c) => c.id), ['settings-catalog', 'fleet', 'lgpo', 'powershell', 'registry-pol']);
			for (const channel of channels.filter((c) => !c.binary)) {
				assert.ok(copies.includes(channel.content as string), `${channel.id} is copied exactly`);
			}
			assert.match(page, /<button class="export" data-channel="registry-pol" data-profile="0">Save Registry\.pol…<\/button>/);
			assert.equal(Buffer.from(channels[4].content as string, 'base64').subarray(0, 4).toString('ascii'), 'PReg');
		});

		it('keys every folded section, no two alike across profiles, so a refresh unfolds them again; Save names its profile', () => {
			const two = renderPreview(previewOf('profile: A\npolicies:\n  SessionLogging: { state: enabled }\n---\nprofile: B\npolicies:\n  SessionLogging: { state: enabled }\n'), 'Two', 'N', 'vscode-resource:');
			const keys = [...two.matchAll(/<details([^>]*)>/g)].map((m) => /data-fold="([^"]+)"/.exec(m[1])?.[1]);
			assert.equal(keys.length, 2 * 9, 'per profile: a policy\'s SyncML forms, three whole-profile sections, five channels');
			assert.ok(keys.every((k) => k !== undefined), 'every section has a key');
			assert.equal(new Set(keys).size, keys.length);
			assert.deepEqual([...two.matchAll(/<button class="export" data-channel="registry-pol" data-profile="(\d+)">/g)].map((m) => m[1]), ['0', '1']);
		});

		it('names what a channel leaves out, and says MDM may win over Group Policy', () => {
			assert.match(page, /Left out \(a Fleet profile cannot send a Delete\): RA_EncryptedTicketOnly\./);
			assert.equal((page.match(/<p class="note">On a device where ControlPolicyConflict\/MDMWinsOverGP is 1/g) ?? []).length, 3, 'in the three Group Policy sections');
		});
	});
});


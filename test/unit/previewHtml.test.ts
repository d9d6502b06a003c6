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
		assert.match(broken, /has 1 error, so no payload is built/);
		assert.match(broken, /invalid-state/);
		assert.ok(!broken.includes('&#60;enabled/&#62;'));
	});
});

import { encodeData, encodePayload, type PayloadEncoding } from './payload';
import type { ProfileAdmxFile } from '../ingestion/profileIngestion';
import { escapeText, wrapCdata } from '../xml/entities';
import { ingestionUri, policyUri, type ResolvedPolicy, type ResolvedProfile } from './resolve';
import { append } from '../text/append';

export interface SyncmlOptions {
	readonly encoding: PayloadEncoding;
	/** Adds a SyncHdr, making a complete MS-MDM message rather than a SyncBody sample. */
	readonly fullMessage: boolean;
}

/** The OMA-DM command for a policy: Replace with the payload, or Delete for not-configured. */
export function commandFor(resolved: ResolvedPolicy): 'Replace' | 'Delete' {
	return resolved.state === 'not-configured' ? 'Delete' : 'Replace';
}

/**
 * The lines of one command, each starting with `indent`. A CmdID of undefined is left out, for an
 * MDM server that numbers the commands itself.
 */
export function commandXml(resolved: ResolvedPolicy, cmdId: number | undefined, encoding: PayloadEncoding, indent: string): string[] {
	const command = commandFor(resolved);
	const payload = encodePayload(resolved);
	const lines = [`<${command}>`];
	if (cmdId !== undefined) {
		lines.push(`  <CmdID>${cmdId}</CmdID>`);
	}
	lines.push(
		'  <Item>',
		'    <Target>',
		// An ingested policy's node holds its AppName and ADMX name, which may hold & or <.
		`      <LocURI>${escapeText(policyUri(resolved))}</LocURI>`,
		'    </Target>',
	);
	if (payload !== null) {
		lines.push(
			'    <Meta>',
			'      <Format xmlns="syncml:metinf">chr</Format>',
			'      <Type xmlns="syncml:metinf">text/plain</Type>',
			'    </Meta>',
			`    <Data>${encodeData(payload, encoding)}</Data>`,
		);
	}
	lines.push('  </Item>', `</${command}>`);
	return lines.map((line) => indent + line);
}

/**
 * The Add that ingests an ADMX file: the file's text as the data, right after `<![CDATA[` (or
 * escaped), since a device refuses an ADMX with anything before its XML declaration.
 */
export function ingestionXml(file: ProfileAdmxFile, cmdId: number | undefined, encoding: PayloadEncoding, indent: string): string[] {
	const lines = ['<Add>'];
	if (cmdId !== undefined) {
		lines.push(`  <CmdID>${cmdId}</CmdID>`);
	}
	lines.push(
		'  <Item>',
		'    <Target>',
		`      <LocURI>${escapeText(ingestionUri(file))}</LocURI>`,
		'    </Target>',
		'    <Meta>',
		'      <Format xmlns="syncml:metinf">chr</Format>',
		'      <Type xmlns="syncml:metinf">text/plain</Type>',
		'    </Meta>',
	);
	const data = encoding === 'cdata' ? wrapCdata(file.source.text) : escapeText(file.source.text);
	return [...lines.map((line) => indent + line), `${indent}    <Data>${data}</Data>`, ...['  </Item>', '</Add>'].map((line) => indent + line)];
}

/**
 * One SyncML message for a profile: a command per policy in document order, CmdID 1..n, and
 * Final. The same profile always gives the same bytes.
 */
export function encodeSyncml(profile: ResolvedProfile, options: SyncmlOptions): string {
	const lines = ['<SyncML xmlns="SYNCML:SYNCML1.2">'];
	if (options.fullMessage) {
		// SessionID, MsgID, Target and Source are the MDM server's to set; these stand in for them.
		lines.push(
			'  <!-- This SyncHdr is a template: put the device\'s id in Target LocURI and your MDM server URI in Source LocURI before sending. -->',
			'  <SyncHdr>',
			'    <VerDTD>1.2</VerDTD>',
			'    <VerProto>DM/1.2</VerProto>',
			'    <SessionID>1</SessionID>',
			'    <MsgID>1</MsgID>',
			'    <Target>',
			'      <LocURI>device</LocURI>',
			'    </Target>',
			'    <Source>',
			'      <LocURI>mdm-server</LocURI>',
			'    </Source>',
			'  </SyncHdr>',
		);
	}
	lines.push('  <SyncBody>');
	// A device refuses a policy of an ADMX it has not ingested, so the ingestions come first.
	profile.ingests.forEach((file, i) => append(lines, ingestionXml(file, i + 1, options.encoding, '    ')));
	profile.policies.forEach((policy, i) => append(lines, commandXml(policy, profile.ingests.length + i + 1, options.encoding, '    ')));
	lines.push('    <Final/>', '  </SyncBody>', '</SyncML>', '');
	return lines.join('\n');
}

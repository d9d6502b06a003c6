import { POLICIES } from '../catalog/catalog';
import type { GpReadResult } from '../gpo/registryOperation';
import { lowerGroupPolicy } from './lowerGroupPolicy';
import { isLgpoText, readLgpoText } from '../gpo/lgpoText';
import { isGroupPolicyScript, readPowerShell } from '../gpo/powershell';
import { startsWithPReg } from '../gpo/registryPolSignature';
import { readRegistryPol } from '../gpo/registryPol';
import type { ImportResult } from './importSyncml';
import { baseName, type ResolvedPolicy } from '../export/resolve';
import { append } from '../text/append';
import { applyRecords } from '../gpo/registryState';
import type { IngestionInstall } from '../ingestion/ingestionIndex';
import { ingestedGroupPolicy } from './ingestedGroupPolicy';
import { profilesToYaml } from '../export/toYaml';

/** The Group Policy forms an import reads, told apart by content. */
export type GroupPolicyFormat = 'registry-pol' | 'lgpo' | 'powershell';

const FORMAT_NAMES: Readonly<Record<GroupPolicyFormat, string>> = {
	'registry-pol': 'Registry.pol',
	'lgpo': 'LGPO text',
	'powershell': 'GroupPolicy PowerShell script',
};

/** Which Group Policy form the content is, if any: a Registry.pol by its bytes, LGPO text or a script by its text. */
export function groupPolicyFormat(content: Uint8Array | string): GroupPolicyFormat | undefined {
	if (typeof content !== 'string') {
		return startsWithPReg(content) ? 'registry-pol' : undefined;
	}
	return isLgpoText(content) ? 'lgpo' : isGroupPolicyScript(content) ? 'powershell' : undefined;
}

function read(format: GroupPolicyFormat, content: Uint8Array | string): GpReadResult {
	switch (format) {
		case 'registry-pol':
			return readRegistryPol(typeof content === 'string' ? new TextEncoder().encode(content) : content);
		case 'lgpo':
			return readLgpoText(typeof content === 'string' ? content : new TextDecoder().decode(content));
		case 'powershell':
			return readPowerShell(typeof content === 'string' ? content : new TextDecoder().decode(content));
	}
}

/**
 * The Remote Assistance policies a Group Policy file sets, and those of the `ingested` ADMX files,
 * in the order of their records, each placed at the record that tells its state; what is not a
 * Remote Assistance policy is named in `skipped`, readings that are not plain in `notes`.
 */
export function groupPolicySettings(format: GroupPolicyFormat, content: Uint8Array | string, skipped: string[], notes: string[], ingested: readonly IngestionInstall[] = []): ResolvedPolicy[] {
	const { records, skipped: unread } = read(format, content);
	append(skipped, unread);
	const builtin = lowerGroupPolicy(records, POLICIES, skipped, notes);
	if (ingested.length === 0) {
		return builtin;
	}
	const policies: ResolvedPolicy[] = [...builtin];
	append(policies, ingestedGroupPolicy(applyRecords(records), ingested));
	return policies.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Turns the Remote Assistance policies a Group Policy file sets into a policy profile named
 * after the file; everything else in it is named in `skipped`.
 */
export function importGroupPolicy(uri: string, format: GroupPolicyFormat, content: Uint8Array | string): ImportResult {
	const found: string[] = [];
	const notes: string[] = [];
	const policies = groupPolicySettings(format, content, found, notes);
	const skipped = inFileOrder(found);
	if (policies.length === 0) {
		return { yaml: '', skipped, notes };
	}
	const name = baseName(uri);
	return {
		yaml: profilesToYaml([{ name, description: `Converted from the ${FORMAT_NAMES[format]} ${decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri)}.`, ingests: [], policies, span: { start: 0, end: 0 } }]),
		skipped,
		notes,
	};
}

/** Lines that start `line N` or `record N` in the order of N, so the reader's and the lowering's findings interleave as in the file. */
function inFileOrder(lines: readonly string[]): string[] {
	const position = (line: string) => Number(/^(?:line|record) (\d+)/.exec(line)?.[1] ?? Infinity);
	return [...lines].sort((a, b) => position(a) - position(b));
}

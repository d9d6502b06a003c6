import type { AdmlControl, AdmlFile, AdmxElement } from '../admx/admxModel';
import { placedScope } from '../ingestion/configUri';
import type { IngestedPolicy } from '../ingestion/ingestionIndex';
import type { ProfileAdmxFile, ProfileIngestion } from '../ingestion/profileIngestion';
import { controlFor, displayText } from '../admx/readAdml';
import { defaultOptionText } from '../validation/ingestedRules';
import { elementMarkdown } from './elementDocs';
import { admxPolicyMarkdown } from './admxHover';

/** Markdown about the policies of ingested ADMX files, from the ADMX and its ADML; shared by hover and completion. */

/** A `$(string.id)` the ADML resolves, or undefined when it does not hold the string. */
function admlString(adml: AdmlFile | undefined, reference: string | undefined): string | undefined {
	if (reference === undefined) {
		return undefined;
	}
	const text = displayText(adml, reference);
	return text === reference && /^\s*\$\(string\./.test(reference) ? undefined : text;
}

/** Text from a vendor's ADML shown as written: markdown characters taken literally, paragraphs and line breaks kept. */
function literal(text: string): string {
	return text.trim().replace(/[\\`*_[\]<>|~#]/g, '\\$&').split(/\r?\n[ \t]*\r?\n\s*/).map((p) => p.replace(/[ \t]*\r?\n/g, '  \n')).join('\n\n');
}

/** The policy's name as the Group Policy editor shows it, from the ADML. */
export function policyDisplayName(found: IngestedPolicy): string | undefined {
	return admlString(found.adml, found.policy.displayName);
}

/** The explain text under a heading that says whose words they are. */
function vendorExplain(found: IngestedPolicy): string[] {
	const explain = admlString(found.adml, found.policy.explainText);
	return explain ? ['', '#### From the vendor\'s ADML', '', literal(explain)] : [];
}

function title(key: string, displayName: string | undefined): string {
	return `**${key}**${displayName ? `: ${literal(displayName)}` : ''}`;
}

/** For completion: the policy's display name and the vendor's explanation. */
export function ingestedSummaryMarkdown(key: string, found: IngestedPolicy): string {
	return [title(key, policyDisplayName(found)), ...vendorExplain(found)].join('\n');
}

/** Where the policy's ADMX comes from: the profile's own `admx:` entry, or an ingestion elsewhere. */
function sourceLine(found: IngestedPolicy, files: readonly ProfileAdmxFile[]): string {
	const own = files.find((f) => f.source.admx === found.file);
	const namespace = found.file.target ? ` (namespace \`${found.file.target.namespace}\`)` : '';
	return own
		? `From \`${own.file}\`${namespace}, ingested by this profile as ${own.app}.`
		: `From an ADMX${namespace} ingested as ${found.app} by rapolicy.json, the \`rapolicy.admx.ingested\` setting or the command line.`;
}

/** For hover: what the ADMX says of the policy, with its one OMA-URI for the profile's scope, and the vendor's explanation. */
export function ingestedPolicyMarkdown(key: string, found: IngestedPolicy, ingestion: ProfileIngestion, profileScope: unknown): string {
	const scope = placedScope(found.policy.class, profileScope);
	return [
		title(key, policyDisplayName(found)),
		'',
		sourceLine(found, ingestion.files),
		'',
		admxPolicyMarkdown(found.file, found.policy, found.app, scope),
		...vendorExplain(found),
	].join('\n');
}

/** The control the Group Policy editor shows for the element, from the policy's presentation in the ADML. */
export function controlOf(found: IngestedPolicy, element: AdmxElement): AdmlControl | undefined {
	return controlFor(found.adml, found.policy.presentation, element.id);
}

/** For hover and completion: an element of an ingested policy, as the profile writes it. */
export function ingestedElementMarkdown(key: string, found: IngestedPolicy, element: AdmxElement): string {
	const label = controlOf(found, element)?.label;
	return elementMarkdown(element, {
		policyName: key,
		syntax: 'profile',
		adml: found.adml,
		label: label === undefined ? undefined : literal(label),
		defaultText: defaultOptionText(element, found.adml, found.policy.presentation),
		policyClass: found.policy.class,
	});
}

/** For hover on an `admx:` entry: what the file it names defines. */
export function admxFileMarkdown(file: ProfileAdmxFile): string {
	const admx = file.source.admx;
	const count = admx.policies.length;
	const target = admx.target ? `Target namespace \`${admx.target.namespace}\` (prefix \`${admx.target.prefix}\`).` : 'No target namespace.';
	return [
		`**${literal(file.file)}**, ingested as ${file.app} (FileUid \`${file.fileUid}\`)`,
		'',
		count === 0
			? `Defines no policies: only categories${admx.categories.size > 0 ? ` (${admx.categories.size})` : ''}, which other files ingested beside it refer to.`
			: `Defines ${count} ${count === 1 ? 'policy' : 'policies'}, keyed \`${file.app}/PolicyName\` under \`policies\`.`,
		'',
		target,
	].join('\n');
}

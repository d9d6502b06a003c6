/**
 * Where an ingested ADMX may write. Microsoft's ingestion page forbids keys under System,
 * Software\Microsoft and Software\Policies\Microsoft except for a list of prefixes (quoted as
 * published, compared without case). The list is known to be incomplete: Microsoft documents
 * ingesting Edge's ADMX, which writes under Software\Policies\Microsoft\Edge, so Edge and OneDrive
 * count as allowed too.
 */
const RESTRICTED = ['system', 'software\\microsoft', 'software\\policies\\microsoft'];

const ALLOWED = [
	'Software\\Policies\\Microsoft\\Office\\',
	'Software\\Microsoft\\Office\\',
	'Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\',
	'Software\\Microsoft\\Internet Explorer\\',
	'software\\policies\\microsoft\\shared tools\\proofing tools\\',
	'software\\policies\\microsoft\\imejp\\',
	'software\\policies\\microsoft\\ime\\shared\\',
	'software\\policies\\microsoft\\shared tools\\graphics filters\\',
	'software\\policies\\microsoft\\windows\\currentversion\\explorer\\',
	'software\\policies\\microsoft\\softwareprotectionplatform\\',
	'software\\policies\\microsoft\\officesoftwareprotectionplatform\\',
	'software\\policies\\microsoft\\windows\\windows search\\preferences\\',
	'software\\policies\\microsoft\\exchange\\',
	'software\\microsoft\\shared tools\\proofing tools\\',
	'software\\microsoft\\shared tools\\graphics filters\\',
	'software\\microsoft\\windows\\windows search\\preferences\\',
	'software\\microsoft\\exchange\\',
	'software\\policies\\microsoft\\vba\\security\\',
	'software\\microsoft\\onedrive',
	'software\\Microsoft\\Edge',
	'Software\\Microsoft\\EdgeUpdate\\',
	// Beyond the published list: documented as ingestible elsewhere.
	'software\\policies\\microsoft\\edge',
	'software\\policies\\microsoft\\onedrive',
].map((prefix) => prefix.toLowerCase());

/** Whether ingestion refuses a policy that writes under `key`, per the published list. */
export function keyRefusedByIngestion(key: string): boolean {
	const lower = `${key.replace(/^\\+/, '').toLowerCase()}\\`;
	return RESTRICTED.some((root) => lower.startsWith(`${root}\\`)) && !ALLOWED.some((allowed) => lower.startsWith(allowed));
}

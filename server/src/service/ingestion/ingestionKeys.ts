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

/**
 * Under System, yet Microsoft's Known Issue Rollback article has admins ingest KIR ADMX files, which
 * write here. Devices refused them until the cumulative update of 26 July 2022 (KB5015878) and take
 * them since, so whether one ingests depends on its updates.
 */
const DEPENDS_ON_UPDATES = ['system\\currentcontrolset\\policies\\microsoft\\featuremanagement\\overrides\\'];

/**
 * What MDM ingestion does with a policy that writes under `key`: takes it, refuses it (the device
 * refuses to ingest the file), or takes it only on devices with the 2022 update (`updates`).
 */
export type IngestionKeyVerdict = 'allowed' | 'refused' | 'updates';

export function ingestionKeyVerdict(key: string): IngestionKeyVerdict {
	const lower = `${key.replace(/^\\+/, '').toLowerCase()}\\`;
	if (!RESTRICTED.some((root) => lower.startsWith(`${root}\\`)) || ALLOWED.some((allowed) => lower.startsWith(allowed))) {
		return 'allowed';
	}
	return DEPENDS_ON_UPDATES.some((prefix) => lower.startsWith(prefix)) ? 'updates' : 'refused';
}

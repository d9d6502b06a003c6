/** `helpdesk.rapolicy.yaml` with profile `Branch office` of 2 → `helpdesk-Branch-office.syncml`. */
export function exportFileName(sourceName: string, profile: string, profileCount: number, extension: string): string {
	const stem = sourceName.replace(/\.(rapolicy\.ya?ml|syncml\.xml|syncml|xml)$/i, '');
	const suffix = profileCount > 1 ? `-${profile.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}` : '';
	return `${stem}${suffix}${extension}`;
}

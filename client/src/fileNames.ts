/** `helpdesk.rapolicy.yaml` with profile `Branch office` of 2 → `helpdesk-Branch-office.syncml`. */
export function exportFileName(sourceName: string, profile: string, profileCount: number, extension: string): string {
	const stem = sourceName.replace(/\.(rapolicy\.ya?ml|syncml\.xml|syncml|xml)$/i, '');
	const suffix = profileCount > 1 ? `-${profile.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}` : '';
	return `${stem}${suffix}${extension}`;
}

const MAX_SLUG = 60;

/**
 * The file a new or converted profile is offered as, named from its display name: `Helpdesk offers
 * Remote Assistance` → `helpdesk-offers-remote-assistance.rapolicy.yaml`. Only letters, digits and
 * dashes, so the name is valid on every file system; `taken` names get a number.
 */
export function profileFileName(profileName: string | undefined, taken: (name: string) => boolean = () => false): string {
	const slug = (profileName ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, MAX_SLUG).replace(/^-+|-+$/g, '') || 'remote-assistance-policy';
	for (let n = 1; ; n++) {
		const name = `${slug}${n === 1 ? '' : `-${n}`}.rapolicy.yaml`;
		if (!taken(name)) {
			return name;
		}
	}
}

/** The display name a profile's text gives itself on its `profile:` line, if any. */
export function profileNameOf(yaml: string): string | undefined {
	const value = /^profile:[ \t]*(.*?)[ \t]*$/m.exec(yaml)?.[1];
	return value ? value.replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

/**
 * Where the cursor goes in a new profile: the first helper group (a `DOMAIN\group` value), which is
 * what an admin must change, or else the profile's name.
 */
export function placeToEdit(yaml: string): { line: number; start: number; end: number } | undefined {
	const lines = yaml.split('\n');
	for (const pattern of [/^[ \t]*(?:- |[\w]+: )[ \t]*([A-Za-z0-9_.-]+\\[^\s,\]}#]+)/, /^profile:[ \t]*(\S.*?)[ \t]*$/]) {
		for (let line = 0; line < lines.length; line++) {
			const match = pattern.exec(lines[line]);
			if (match) {
				const start = match.index + match[0].length - match[1].length;
				return { line, start, end: start + match[1].length };
			}
		}
	}
	return undefined;
}

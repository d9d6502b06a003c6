/** A minimal ADMX with one machine policy under one category, for tests that write files. */
export const minimalAdmx = (policy = 'P') => `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0">
  <policyNamespaces><target prefix="t" namespace="T.Policies" /></policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <categories><category name="Cat" displayName="$(string.Cat)" /></categories>
  <policies>
    <policy name="${policy}" class="Machine" displayName="$(string.P)" explainText="$(string.P_Explain)" key="Software\\Policies\\T" valueName="V"><parentCategory ref="Cat" /></policy>
  </policies>
</policyDefinitions>
`;

/** An ADML whose string table holds the given ids, each as its own text. */
export const minimalAdml = (...ids: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0"><displayName>T</displayName><description>T</description>
  <resources><stringTable>${ids.map((id) => `<string id="${id}">${id}</string>`).join('')}</stringTable></resources>
</policyDefinitionResources>
`;

/**
 * A large ADMX whose categories form one chain (each the parent of the next), with policies spread
 * along it, and its ADML, for checks that must stay linear in the file's size. The ADML lacks the
 * display name of every odd category, and half the policies have no element of the id their shared
 * presentation shows. Beside the chain, `loop` categories form a cycle that a policy enters at each
 * of its categories, and one category names a parent that does not exist.
 */
export function chainAdmx(categories: number, policies: number, loop = 100): { admx: string; adml: string } {
	const lines: string[] = [];
	for (let i = 0; i < categories; i++) {
		lines.push(`<category name="C${i}" displayName="$(string.C${i})">${i > 0 ? `<parentCategory ref="C${i - 1}"/>` : ''}</category>`);
	}
	for (let i = 0; i < loop; i++) {
		lines.push(`<category name="L${i}" displayName="$(string.C0)"><parentCategory ref="L${(i + 1) % loop}"/></category>`);
	}
	lines.push('<category name="Orphan" displayName="$(string.C0)"><parentCategory ref="Gone"/></category>');
	const policy = (name: string, parent: string, element: string) => `<policy name="${name}" class="Machine" displayName="$(string.P)" explainText="$(string.P_Explain)" presentation="$(presentation.Shared)" key="Software\\Policies\\Chain" valueName="${name}"><parentCategory ref="${parent}"/><elements><text id="${element}" valueName="${name}_${element}"/></elements></policy>`;
	const definitions: string[] = [];
	for (let i = 0; i < policies; i++) {
		definitions.push(policy(`P${i}`, `C${Math.floor(((i + 1) * categories) / policies) - 1}`, i % 2 === 0 ? 'T' : 'U'));
	}
	for (let i = 0; i < loop; i++) {
		definitions.push(policy(`Q${i}`, `L${i}`, 'T'));
	}
	definitions.push(policy('Stray', 'Orphan', 'T'));
	const admx = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitions revision="1.0" schemaVersion="1.0">
<policyNamespaces><target prefix="chain" namespace="Chain.Policies"/></policyNamespaces>
<resources minRequiredRevision="1.0"/>
<categories>
${lines.join('\n')}
</categories>
<policies>
${definitions.join('\n')}
</policies>
</policyDefinitions>
`;
	const strings = ['<string id="P">P</string>', '<string id="P_Explain">P</string>'];
	for (let i = 0; i < categories; i += 2) {
		strings.push(`<string id="C${i}">C${i}</string>`);
	}
	const adml = `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources revision="1.0" schemaVersion="1.0"><displayName>Chain</displayName><description>Chain</description>
<resources><stringTable>
${strings.join('\n')}
</stringTable><presentationTable><presentation id="Shared"><textBox refId="T"><label>T</label></textBox></presentation></presentationTable></resources>
</policyDefinitionResources>
`;
	return { admx, adml };
}

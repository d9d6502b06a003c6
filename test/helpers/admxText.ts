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

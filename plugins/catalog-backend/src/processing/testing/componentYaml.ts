/** A minimal valid Component as catalog-info.yaml text, for tests that write files. */
export const componentYaml = (
  name: string,
  description?: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${description === undefined ? '' : `  description: ${description}\n`}spec:
  type: service
  lifecycle: production
  owner: team-a
`;

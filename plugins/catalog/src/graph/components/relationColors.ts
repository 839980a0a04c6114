// Mid-tone colors that read on light and dark backgrounds; one per built-in relation pair.
const COLORS: Record<string, string> = {
  ownedBy: '#1e88e5',
  partOf: '#43a047',
  consumesApi: '#fb8c00',
  providesApi: '#8e24aa',
  dependsOn: '#e53935',
  parentOf: '#00897b',
  memberOf: '#8d6e63',
};
const OTHER = '#757575';

/** The color edges of a (forward) relation type are drawn in. */
export function relationColor(type: string): string {
  return COLORS[type] ?? OTHER;
}

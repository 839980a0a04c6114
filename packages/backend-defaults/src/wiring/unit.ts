import type { FeatureRegistrations } from '@greenroom/backend-plugin-api';

/** One registered plugin or module, with what it declared. */
export interface Unit {
  pluginId: string;
  /** Undefined for the plugin itself. */
  moduleId?: string;
  label: string;
  registrations: FeatureRegistrations;
}

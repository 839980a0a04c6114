export interface PluginMetadataService {
  getId(): string;
}

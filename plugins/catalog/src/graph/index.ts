export { EntityRelationsGraphCard } from './components/EntityRelationsGraphCard';
export type { EntityRelationsGraphCardProps } from './components/EntityRelationsGraphCard';
export { catalogGraphTranslationRef } from './translation/catalogGraphTranslationRef';
export { walkRelations } from './model/walkRelations';
export type { WalkRelationsOptions } from './model/walkRelations';
export { createGraphFilter, RELATION_FILTER_OPTIONS } from './model/graphFilter';
export type { GraphFilter, GraphFilterSelection } from './model/graphFilter';
export { mergeRelationPairs } from './model/mergeRelationPairs';
export { createGraphEntityFetcher, GRAPH_ENTITY_FIELDS } from './model/fetchGraphEntities';
export type {
  FetchGraphEntities,
  GraphEdge,
  GraphEntity,
  GraphNode,
  RawEdge,
  RelationsGraph,
} from './model/types';

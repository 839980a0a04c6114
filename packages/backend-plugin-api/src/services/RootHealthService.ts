export interface RootHealthServiceResponse {
  status: number;
  payload: Record<string, unknown>;
}

/** What the health endpoints answer. */
export interface RootHealthService {
  getLiveness(): Promise<RootHealthServiceResponse>;
  getReadiness(): Promise<RootHealthServiceResponse>;
}

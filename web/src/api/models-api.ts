/** Model calls. */
import { get, post, put } from './client';
import type {
  ModelCreateRequest,
  ModelDetail,
  ModelList,
  ModelVersion,
  ModelVersionRequest,
} from './types';

/** Every model at its latest version. */
export const listModels = (): Promise<ModelList> => get<ModelList>('/v1/models', { limit: 1000 });

/** A model's versions, newest first. */
export const getModel = (id: string): Promise<ModelDetail> =>
  get<ModelDetail>(`/v1/models/${encodeURIComponent(id)}`);

/** Creates a model (pm, admin). */
export const createModel = (input: ModelCreateRequest): Promise<ModelVersion> =>
  post<ModelVersion>('/v1/models', input);

/** Saves a new version of a model (pm, admin). */
export const saveModel = (id: string, input: ModelVersionRequest): Promise<ModelVersion> =>
  put<ModelVersion>(`/v1/models/${encodeURIComponent(id)}`, input);

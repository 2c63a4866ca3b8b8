/** Book, household, account and customization calls. */
import { get, post, put } from './client';
import type {
  AccountDetail,
  BookOverview,
  CustomizationCosts,
  CustomizationRequest,
  CustomizationRequestCreate,
  CustomizationRequestList,
  CustomizationRequestListQuery,
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  SettingsHistory,
  SettingsPutRequest,
  SettingsPutResponse,
} from './types';

const enc = encodeURIComponent;

/** The book overview. */
export const getBook = (): Promise<BookOverview> => get<BookOverview>('/v1/book');

/** One page of households (an advisor gets only their own). */
export const listHouseholds = (q: HouseholdListQuery = {}): Promise<HouseholdList> =>
  get<HouseholdList>('/v1/households', { limit: 1000, ...q });

/** One household with its accounts. */
export const getHousehold = (id: string): Promise<HouseholdDetail> =>
  get<HouseholdDetail>(`/v1/households/${enc(id)}`);

/** The price tag of each customization of a household's accounts. */
export const getCustomizationCosts = (id: string): Promise<CustomizationCosts> =>
  get<CustomizationCosts>(`/v1/households/${enc(id)}/customization-costs`);

/** One account: holdings, lots and settings. */
export const getAccount = (id: string): Promise<AccountDetail> =>
  get<AccountDetail>(`/v1/accounts/${enc(id)}`);

/** Every settings version of an account, newest first. */
export const getSettingsHistory = (id: string): Promise<SettingsHistory> =>
  get<SettingsHistory>(`/v1/accounts/${enc(id)}/settings`);

/** Writes a new settings version (pm, admin). */
export const putSettings = (id: string, input: SettingsPutRequest): Promise<SettingsPutResponse> =>
  put<SettingsPutResponse>(`/v1/accounts/${enc(id)}/settings`, input);

/** Customization requests (an advisor gets only their own households'). */
export const listCustomizationRequests = (
  q: CustomizationRequestListQuery = {},
): Promise<CustomizationRequestList> =>
  get<CustomizationRequestList>('/v1/customization-requests', { limit: 1000, ...q });

/** Requests a settings change (advisor, pm, admin). */
export const requestCustomization = (
  input: CustomizationRequestCreate,
): Promise<CustomizationRequest> => post<CustomizationRequest>('/v1/customization-requests', input);

/** Approves or rejects a customization request, with a note (pm, admin). */
export const decideCustomization = (
  id: string,
  decision: 'approve' | 'reject',
  note: string,
): Promise<CustomizationRequest> =>
  post<CustomizationRequest>(`/v1/customization-requests/${enc(id)}/${decision}`, { note });

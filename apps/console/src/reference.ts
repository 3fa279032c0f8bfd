// Lists many pages choose from: the catalogue, warehouses, campaigns, and the province's districts and communes.
import { COMMUNE_UNITS, DISTRICT_UNITS } from '../../../seeds/reference/soc-trang';
import { api, Page } from './api';
import { Option, useLoad } from './ui';

export interface Item { code: string; name: string; category: string; unit: string; unitValueVnd: number; stocked: boolean; perishable: boolean }
export interface Warehouse { code: string; name: string; districtCode: string }
export interface Campaign {
  id: string; name: string; kind: string; startsOn: string; endsOn: string; status: 'open' | 'closed'; districtCodes: string[];
  targets: Array<{ category: string; quantity: number }>; closedAt: string | null;
}

export const useItems = () => useLoad(() => api<Item[]>('/inventory/items'), []);
export const useWarehouses = () => useLoad(() => api<Warehouse[]>('/inventory/warehouses'), []);
export const useCampaigns = (status: 'open' | 'all' = 'all') =>
  useLoad(() => api<Page<Campaign>>(`/donors/campaigns?status=${status}&pageSize=200`).then((p) => p.items), [status]);

export const itemOptions = (items: Item[] | undefined): Option[] => (items ?? []).map((i) => ({ value: i.code, label: `${i.name} (${i.code})` }));
export const warehouseOptions = (list: Warehouse[] | undefined): Option[] => (list ?? []).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }));
export const campaignOptions = (list: Campaign[] | undefined): Option[] => (list ?? []).map((c) => ({ value: c.id, label: c.name }));

export const DISTRICT_OPTIONS: Option[] = DISTRICT_UNITS.map((d) => ({ value: d.code, label: d.name }));
export const districtName = (code: string | null | undefined): string => DISTRICT_UNITS.find((d) => d.code === code)?.name ?? code ?? '—';
export const communeOptions = (districtCode: string): Option[] =>
  COMMUNE_UNITS.filter((c) => c.districtCode === districtCode).map((c) => ({ value: c.code, label: c.name }));
export const communeName = (code: string | null | undefined): string => COMMUNE_UNITS.find((c) => c.code === code)?.name ?? code ?? '—';

export const CIRCUMSTANCES = [
  'orphan', 'disabled', 'serious_illness', 'poor_household', 'near_poor_household', 'ethnic_minority', 'abandoned', 'drug_affected',
  'hiv_affected', 'street_child', 'violence_victim', 'other',
] as const;

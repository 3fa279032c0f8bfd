import { Donor } from './donor.entity';

/** A donor as the API shows it: the record as typed, without the search and duplicate keys. */
export type DonorView = Pick<Donor, 'id' | 'name' | 'kind' | 'phone' | 'email' | 'taxCode' | 'anonymous' | 'createdAt' | 'updatedAt'>;

export const donorView = ({ id, name, kind, phone, email, taxCode, anonymous, createdAt, updatedAt }: Donor): DonorView => ({
  id, name, kind, phone, email, taxCode, anonymous, createdAt, updatedAt,
});

import { foldForSearch } from '@giftflow/platform';

export interface DuplicateKeys {
  phoneKey: string | null;
  emailKey: string | null;
  taxCodeKey: string | null;
}

/**
 * The contacts in the form two records of one donor share however they were typed: a phone as its digits with
 * Vietnam's +84 written as the leading 0 ("+84 299 3822 123" = "0299.3822.123"), an e-mail in lower case,
 * a tax code as its letters and digits in upper case ("0100-109-106" = "0100109106").
 */
export function duplicateKeysOf(contacts: { phone?: string | null; email?: string | null; taxCode?: string | null }): DuplicateKeys {
  const digits = contacts.phone?.replace(/\D/g, '') ?? '';
  const phoneKey = digits.startsWith('84') && contacts.phone!.trim().startsWith('+') ? `0${digits.slice(2)}` : digits;
  const emailKey = contacts.email?.trim().toLowerCase() ?? '';
  const taxCodeKey = foldForSearch(contacts.taxCode ?? '').replace(/[^a-z0-9]/g, '').toUpperCase();
  return { phoneKey: phoneKey || null, emailKey: emailKey || null, taxCodeKey: taxCodeKey || null };
}

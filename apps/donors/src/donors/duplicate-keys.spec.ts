import { duplicateKeysOf } from './duplicate-keys';

describe('duplicateKeysOf', () => {
  it('spells one phone one way, with or without +84, spaces, dots or dashes', () => {
    const keys = ['0299 3822 123', '0299.3822.123', '+84 299 3822 123', '+84-299-3822-123'].map((phone) => duplicateKeysOf({ phone }).phoneKey);
    expect(new Set(keys)).toEqual(new Set(['02993822123']));
  });

  it('compares e-mails without case and tax codes by letters and digits only', () => {
    expect(duplicateKeysOf({ email: ' Chua.KhanhHoa@Example.VN ' }).emailKey).toBe('chua.khanhhoa@example.vn');
    expect(duplicateKeysOf({ taxCode: '0100-109-106' }).taxCodeKey).toBe('0100109106');
    expect(duplicateKeysOf({ taxCode: '0100109106 ' }).taxCodeKey).toBe('0100109106');
  });

  it('has no key for a contact not given', () => {
    expect(duplicateKeysOf({})).toEqual({ phoneKey: null, emailKey: null, taxCodeKey: null });
    expect(duplicateKeysOf({ phone: null, email: '  ', taxCode: '--' })).toEqual({ phoneKey: null, emailKey: null, taxCodeKey: null });
  });
});

import { Child } from '../child.entity';
import { pseudonymousChanges } from './update-child.handler';

describe('pseudonymousChanges', () => {
  const before: Child = {
    id: 'c1', fullName: 'Thạch Thị Sa Rinh', searchName: 'thach thi sa rinh', birthDate: '2014-05-20', sex: 'female', districtCode: '946',
    communeCode: '31498', circumstances: ['orphan'], guardianName: 'Thạch Văn Tôn', guardianPhone: '0912 345 678', idempotencyKey: null,
    registeredAt: new Date(), mergedInto: null, mergedAt: null,
  };

  it('names only the pseudonymous facts that changed', () => {
    expect(pseudonymousChanges(before, { ...before, districtCode: '951', birthDate: '2014-06-01' })).toEqual({ districtCode: '951', birthMonth: '2014-06' });
    expect(pseudonymousChanges(before, { ...before, circumstances: ['orphan', 'disabled'], sex: 'male' })).toEqual({ circumstances: ['orphan', 'disabled'], sex: 'male' });
  });

  it('publishes nothing for a name, a birth day within the month, or a guardian', () => {
    expect(pseudonymousChanges(before, { ...before, fullName: 'Thạch Thị Sa Ranh', birthDate: '2014-05-21', guardianName: null, guardianPhone: null })).toEqual({});
  });
});

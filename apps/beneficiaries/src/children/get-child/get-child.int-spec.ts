import { testBearer, testDatabaseName } from '@giftflow/testing';
import { BeneficiariesTestKit, aChild } from '../../../test/beneficiaries-test-kit';

/** docs/security.md: staff read a child's full record (each read in the access log); a volunteer only the delivery card. */
describe('GET /children/:id by role', () => {
  let kit: BeneficiariesTestKit;
  let ofWarehouseA: string;
  let ofWarehouseB: string;

  beforeAll(async () => {
    kit = await BeneficiariesTestKit.start(testDatabaseName('beneficiaries_child_reads'));
    const campaignId = await kit.openCampaign();
    ofWarehouseA = await kit.registerChild({ fullName: 'Thach Thi Sa Rinh', guardianName: 'Thach Van Ton' });
    ofWarehouseB = await kit.registerChild({ fullName: 'Lam Van Be', birthDate: '2013-02-02', guardianName: 'Lam Thi Nam' });
    for (const [beneficiaryId, warehouseCode] of [[ofWarehouseA, 'WH-A'], [ofWarehouseB, 'WH-B']]) {
      await kit.api().post('/allocations').send({ beneficiaryId, campaignId, warehouseCode, lines: [{ itemCode: 'bicycle', quantity: 1 }] }).expect(202);
    }
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('writes every read of the full record to the access log: who, when, which child', async () => {
    const staff = await testBearer({ id: 'officer-lan', role: 'fund_staff' });
    const { body } = await kit.api().get(`/children/${ofWarehouseA}`).set('Authorization', staff).expect(200);
    expect(body).toMatchObject({ id: ofWarehouseA, fullName: 'Thach Thi Sa Rinh', guardianPhone: aChild().guardianPhone, birthDate: aChild().birthDate });
    await kit.api().get(`/children/${ofWarehouseA}`).set('Authorization', staff).expect(200);
    const reads = await kit.db.query('SELECT child_id, read_by, read_at FROM child_record_reads WHERE read_by = $1 ORDER BY id', ['officer-lan']);
    expect(reads).toEqual([
      { child_id: ofWarehouseA, read_by: 'officer-lan', read_at: expect.any(Date) },
      { child_id: ofWarehouseA, read_by: 'officer-lan', read_at: expect.any(Date) },
    ]);
  });

  it('shows a volunteer only the name, commune and guardian, of a child with a delivery from their warehouse, and logs no full read', async () => {
    const volunteer = await testBearer({ id: 'volunteer-an', role: 'warehouse_volunteer', warehouseCodes: ['WH-A'] });
    const { body } = await kit.api().get(`/children/${ofWarehouseA}`).set('Authorization', volunteer).expect(200);
    expect(body).toEqual({ id: ofWarehouseA, fullName: 'Thach Thi Sa Rinh', communeCode: aChild().communeCode, guardianName: 'Thach Van Ton' });
    await kit.api().get(`/children/${ofWarehouseB}`).set('Authorization', volunteer).expect(403);
    await kit.api().get('/children').set('Authorization', volunteer).expect(403);
    expect(await kit.db.query('SELECT 1 FROM child_record_reads WHERE read_by = $1', ['volunteer-an'])).toEqual([]);
  });
});

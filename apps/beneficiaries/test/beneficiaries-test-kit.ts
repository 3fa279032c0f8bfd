import { randomUUID } from 'node:crypto';
import { CampaignOpenedV1, ItemRegisteredV1 } from '@giftflow/contracts';
import { DeadLetter, PublishedEvent, ServiceTestKit, startServiceTestKit } from '@giftflow/testing';
import type { z } from 'zod';
import { BeneficiariesModule } from '../src/beneficiaries.module';

export const aChild = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Thach Thi Sa Rinh', birthDate: '2014-05-20', sex: 'female', districtCode: '946', communeCode: '31498',
  circumstances: ['orphan', 'ethnic_minority'], guardianName: 'Thach Van Ton', guardianPhone: '0912 345 678', ...overrides,
});

/**
 * The beneficiaries app on a fresh test database and its own topic prefix, with what its tests need:
 * inventory's events sent to its topics, the database, and a reader for what beneficiaries published.
 */
export class BeneficiariesTestKit extends ServiceTestKit {
  /** Envelopes made here come as inventory's relay would write them. */
  protected override readonly inputActor = 'warehouse';

  /** `database` must be giftflow_test_beneficiaries_<file>; DONORS_URL and INVENTORY_URL point at a closed port unless given. */
  static async start(database: string, env: Record<string, string> = {}): Promise<BeneficiariesTestKit> {
    return new BeneficiariesTestKit(await startServiceTestKit('beneficiaries', BeneficiariesModule, database, {
      DONORS_URL: 'http://127.0.0.1:1', INVENTORY_URL: 'http://127.0.0.1:1', ...env,
    }));
  }

  private registered = 0;

  /** A child registered through the API; a name of its own unless given (the same name, birth date and commune is a 409). */
  async registerChild(overrides: Record<string, unknown> = {}): Promise<string> {
    const fullName = `Thach Thi Sa Rinh ${++this.registered}`;
    return (await this.api().post('/children').send(aChild({ fullName, ...overrides })).expect(201)).body.id;
  }

  /** Donors opens a campaign (CampaignOpened on its topic); resolves once beneficiaries has learned it. */
  async openCampaign(payload: Partial<z.input<typeof CampaignOpenedV1.payload>> = {}): Promise<string> {
    const campaignId = payload.campaignId ?? randomUUID();
    const event = await this.publish(CampaignOpenedV1, campaignId, {
      campaignId, name: 'Month of Action for Children', startsOn: '2020-01-01', endsOn: '2099-12-31', ...payload,
    });
    await this.handled(event);
    return campaignId;
  }

  /** Inventory registers an item (ItemRegistered); resolves once beneficiaries has learned it. */
  async registerItem(itemCode: string, category: string, stocked = true): Promise<void> {
    const event = await this.publish(ItemRegisteredV1, itemCode, { itemCode, name: itemCode, category, unit: 'piece', unitValueVnd: 100_000, stocked });
    await this.handled(event);
  }

  /** Events beneficiaries committed to its outbox, oldest first, of these types. */
  outbox(...types: string[]): Promise<PublishedEvent[]> {
    return this.outboxEvents({ types });
  }

  /** Every message dead-lettered from `<prefix>inventory.events` (at least `expected`). */
  deadLetters(expected: number): Promise<DeadLetter[]> {
    return this.deadLettersFrom('inventory', expected);
  }
}

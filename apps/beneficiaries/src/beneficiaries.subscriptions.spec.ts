import 'reflect-metadata';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { BeneficiariesModule } from './beneficiaries.module';
import { BENEFICIARIES_SUBSCRIPTIONS } from './beneficiaries.subscriptions';

describe('beneficiaries subscriptions', () => {
  it('handle every event the saga, the rules and the sponsorships need (deliveries in v1 and v2), each with a handler the module provides', () => {
    expect(BENEFICIARIES_SUBSCRIPTIONS.map((s) => s.on.key).sort()).toEqual([
      'CampaignClosed.v1', 'CampaignOpened.v1', 'DeliveryConfirmed.v1', 'DeliveryConfirmed.v2', 'DeliveryFailed.v1', 'DeliveryFailed.v2',
      'DonorRegistered.v1', 'ItemRegistered.v1', 'ShipmentDispatched.v1', 'StockReservationRejected.v1', 'StockReserved.v1',
    ]);
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, BeneficiariesModule);
    for (const s of BENEFICIARIES_SUBSCRIPTIONS) expect(providers).toContain(s.handler);
  });
});

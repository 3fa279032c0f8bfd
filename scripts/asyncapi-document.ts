// docs/asyncapi.yaml as `npm run docs:asyncapi` writes it and its test expects it: the contracts (libs/contracts)
// rendered with what libs/messaging owns, the dead letters' headers and the default partition count.
import { renderAsyncApi } from '../libs/contracts/src/catalogue/asyncapi';
import { DLQ_HEADERS, kafkaSettingsFromEnv } from '@giftflow/messaging';

export const asyncApiOfTheContracts = (): string =>
  renderAsyncApi({ dlqHeaders: DLQ_HEADERS, partitions: kafkaSettingsFromEnv('docs', {}).partitions });

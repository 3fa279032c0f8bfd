import { kafkaSettingsFromEnv } from './kafka.config';

describe('kafkaSettingsFromEnv', () => {
  it('reads KAFKA_PARTITIONS_CONCURRENTLY as a positive integer, and leaves it to the consumer when unset', () => {
    expect(kafkaSettingsFromEnv('t', { KAFKA_PARTITIONS_CONCURRENTLY: '6' }).partitionsConcurrently).toBe(6);
    expect(kafkaSettingsFromEnv('t', {}).partitionsConcurrently).toBeUndefined();
  });

  it.each(['0', '-1', '2.5', 'three'])('refuses KAFKA_PARTITIONS_CONCURRENTLY=%s at start-up, naming the variable', (value) => {
    expect(() => kafkaSettingsFromEnv('t', { KAFKA_PARTITIONS_CONCURRENTLY: value })).toThrow(`KAFKA_PARTITIONS_CONCURRENTLY must be a positive integer, not "${value}"`);
  });
});

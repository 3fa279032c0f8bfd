import { Kafka, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { KafkaOffsets } from './kafka-offsets';

/** A Kafka whose admin answers watermarks after failing `failures` times with `error`; counts the admins made. */
function kafkaFailing(failures: number, error: () => Error) {
  const made = { admins: 0, calls: 0 };
  const kafka = {
    admin: () => {
      made.admins += 1;
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        fetchTopicOffsets: async () => {
          made.calls += 1;
          if (made.calls <= failures) throw error();
          return [{ partition: 0, offset: '5', low: '0', high: '5' }];
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, made };
}

const notLeader = () => new KafkaJSProtocolError({ message: 'This server is not the leader for that topic-partition', type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true } as unknown as Error);

describe('KafkaOffsets', () => {
  it('asks again, on a fresh admin connection, when a leader has just moved', async () => {
    const { kafka, made } = kafkaFailing(2, notLeader);
    await expect(new KafkaOffsets(kafka).watermarks(['reporting.t'])).resolves.toEqual([{ topic: 'reporting.t', partition: 0, low: '0', high: '5' }]);
    expect(made).toEqual({ admins: 3, calls: 3 });
  });

  it('gives up after four tries, and at once on an error kafkajs does not call retriable', async () => {
    const always = kafkaFailing(99, notLeader);
    await expect(new KafkaOffsets(always.kafka).watermarks(['reporting.t'])).rejects.toThrow('not the leader');
    expect(always.made.calls).toBe(4);
    const fatal = kafkaFailing(99, () => new KafkaJSNonRetriableError('a bad request'));
    await expect(new KafkaOffsets(fatal.kafka).watermarks(['reporting.t'])).rejects.toThrow('a bad request');
    expect(fatal.made.calls).toBe(1);
  });
});

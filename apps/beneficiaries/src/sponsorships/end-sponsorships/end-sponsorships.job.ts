import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../clock/clock';
import { EndSponsorshipsHandler } from './end-sponsorships.handler';

const DAY_MS = 86_400_000;

/** Sponsorships end by themselves: at start-up, then every day just after midnight in Asia/Ho_Chi_Minh (UTC+7). */
@Injectable()
export class EndSponsorshipsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EndSponsorshipsJob.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly handler: EndSponsorshipsHandler, private readonly clock: Clock) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
    this.schedule();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round; failures are logged and the next round tries again. */
  async run(): Promise<string[]> {
    try {
      const ended = await this.handler.execute();
      if (ended.length > 0) this.logger.log(`ended ${ended.length} sponsorship(s) past their end month`);
      return ended;
    } catch (error) {
      this.logger.error(`could not end sponsorships: ${String(error)}`);
      return [];
    }
  }

  private schedule(): void {
    const now = this.clock.now().getTime();
    // Midnight in UTC+7 is 17:00 UTC; a minute after it.
    const sinceMidnight = (now + 7 * 3_600_000) % DAY_MS;
    const wait = DAY_MS - sinceMidnight + 60_000;
    this.timer = setTimeout(() => void this.run().finally(() => this.timer && this.schedule()), wait);
    this.timer.unref();
  }
}

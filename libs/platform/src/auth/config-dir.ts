import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where giftflow keeps what must stay out of git on a developer's machine (the generated admin password, the
 * development token keys): GIFTFLOW_CONFIG_DIR, else ~/.config/giftflow.
 */
export function giftflowConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.GIFTFLOW_CONFIG_DIR ?? path.join(homedir(), '.config', 'giftflow');
}

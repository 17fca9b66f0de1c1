import type { Category, Signals } from '../contracts';
import { PROVIDERS } from '../knowledge/providers';
import { SURFACES } from './paste-details';

/**
 * The hosted service an out-of-scope paste names as the one that answered — another provider
 * (catalog/providers.yaml `foreign`, its `service` name) or the cloud it came through — or null. A
 * reply then speaks to that service (its status page, its plan and limits, a report to it) instead of
 * asking which client the user has: the paste already says where the answer came from, and a user who
 * chose Claude inside Copilot or OpenRouter is not helped by "set your tool's provider to Anthropic".
 */
export function answeringService(signals: Pick<Signals, 'foreignProvider' | 'cloud'>, entry: { category: Category }): string | null {
  if (entry.category !== 'out_of_scope') return null;
  if (signals.foreignProvider !== null) {
    const provider = PROVIDERS.file.foreign.find((p) => p.id === signals.foreignProvider);
    if (provider) return provider.service === undefined ? provider.name : provider.service;
  }
  return signals.cloud ? SURFACES[signals.cloud] : null;
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the fake page answers:
 * - `incident`: an unresolved incident on the API (and a resolved one that must not be quoted);
 * - `no-incident`: all systems operational;
 * - `slow`: never answers (until closed), like a page behind a black-holed route;
 * - `junk`: 200 with an HTML error page instead of JSON;
 * - `error`: 503 from the CDN.
 */
export type StatusScenario = 'incident' | 'no-incident' | 'slow' | 'junk' | 'error';

const PAGE = { id: 'tymt9n04zgry', name: 'Claude', url: 'https://status.claude.com', time_zone: 'Etc/UTC', updated_at: '2026-05-01T10:02:00.000Z' };

/** A `summary.json` body in Statuspage's real shape. */
export function summaryBody(scenario: 'incident' | 'no-incident'): object {
  const components = [
    { id: 'k8w3r06qmzrp', name: 'claude.ai', status: 'operational', position: 1, only_show_if_degraded: false },
    { id: 'rwppv331jlwc', name: 'Claude API (api.anthropic.com)', status: scenario === 'incident' ? 'partial_outage' : 'operational', position: 2, only_show_if_degraded: false },
  ];
  if (scenario === 'no-incident') {
    return { page: PAGE, components, incidents: [], scheduled_maintenances: [], status: { indicator: 'none', description: 'All Systems Operational' } };
  }
  const incident = (over: Record<string, unknown>) => ({
    id: 'x', status: 'investigating', impact: 'major', created_at: '2026-05-01T09:58:00.000Z', updated_at: '2026-05-01T10:02:00.000Z',
    monitoring_at: null, resolved_at: null, started_at: '2026-05-01T09:58:00.000Z', page_id: PAGE.id, shortlink: 'https://stspg.io/abc123',
    incident_updates: [{ id: 'u1', status: 'investigating', body: 'We are investigating elevated 529 errors.', created_at: '2026-05-01T09:58:00.000Z' }],
    components: [components[1]],
    ...over,
  });
  return {
    page: PAGE,
    components,
    incidents: [
      incident({ id: 'old', name: 'Yesterday: slow console', status: 'resolved', resolved_at: '2026-04-30T12:00:00.000Z', created_at: '2026-04-30T11:00:00.000Z' }),
      incident({ id: 'now', name: 'Elevated overloaded errors on Claude Opus' }),
    ],
    scheduled_maintenances: [],
    status: { indicator: 'major', description: 'Partial System Outage' },
  };
}

/** A Statuspage on 127.0.0.1 that counts its requests; the scenario can change between requests. */
export class FakeStatusPage {
  requests = 0;

  private constructor(private readonly server: Server, readonly origin: string, public scenario: StatusScenario) {}

  static async start(scenario: StatusScenario): Promise<FakeStatusPage> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeStatusPage(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, scenario);
    server.on('request', (req, res) => {
      if (req.url !== '/api/v2/summary.json') return void res.writeHead(404).end();
      fake.requests++;
      switch (fake.scenario) {
        case 'slow':
          return; // hold the connection open; close() ends it
        case 'junk':
          return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Something went wrong</body></html>');
        case 'error':
          return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        default:
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(summaryBody(fake.scenario)));
      }
    });
    return fake;
  }

  /** The value for STATUS_URL. */
  get url(): string {
    return `${this.origin}/api/v2/summary.json`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

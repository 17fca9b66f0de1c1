import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';

/**
 * The "another service answered" hedge, read as its user: when the paste names the hosted service that
 * answered (Copilot, a cloud), the steps speak to that service — its status page, its plan and limits,
 * a report to it — and ask nothing; the paste already says where the answer came from, and a Copilot
 * user who picked Claude there did not misconfigure a provider. Without a named service, the generic
 * steps and the client question stay.
 */
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });

describe('the out-of-scope reply speaks to the service the paste names', () => {
  it("answers a Copilot Chat failure with Copilot's status, plan and a report to GitHub, and asks no client question", async () => {
    // https://github.com/microsoft/vscode-copilot-release/issues/3231 (Claude 3.5 picked in Copilot Chat)
    const d = await diagnose('Claude 3.5 Sonnet in Copilot Chat:\nSorry, your request failed. Please try again. Request id: 0fbf43af-64e3-4c3e-9eca-5b111e3c5ad7');
    expect(d.document.provenance.entry).toBe('other-provider-error');
    const shown = d.document.fix.slice(0, d.document.replySteps).join('\n');
    expect(shown).toMatch(/GitHub Copilot's status page/);
    expect(shown).toMatch(/report it to GitHub Copilot/);
    expect(d.document.fix.join('\n')).not.toMatch(/set the tool's provider to Anthropic/);
    expect(d.document.question).toBeNull();
  });

  it('keeps the generic steps and asks which client when no hosted service is named (a self-hosted server)', async () => {
    // https://github.com/ivanfioravanti/chatbot-ollama/issues/44 (a local Ollama server: no status page or plan)
    const d = await diagnose('[TypeError: fetch failed] {\n  cause:  [Error: connect ECONNREFUSED 127.0.0.1:11434] {\n    code: \'ECONNREFUSED\',\n    port: 11434');
    expect(d.document.provenance.entry).toBe('other-provider-error');
    expect(d.document.fix.join('\n')).not.toMatch(/status page/);
    expect(d.document.fix.join('\n')).toMatch(/set the tool's provider to Anthropic/);
    expect(d.document.question).toMatch(/Which are you using/);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';

// The live console in a real browser (headless Chromium, the distribution's
// package): sign in with the admin key, watch an agent pause and a call a
// dialect placed appear, hang the call up from the console and see it end.
// Chromium is part of this tier's machine (.ci/run installs it): without it
// the test fails, saying so.

const KEY = 'test-admin-key-0123456789abcdef';
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const VOIPSUN = '/api/api.php?username=voipsun&password=secretpwd';

let gateway: TestGateway;
let browser: Browser;
let page: Page;

function chromiumBinary(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => !!path);
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: the console browser test needs it (apt-get install -y chromium, or set CHROMIUM_PATH)');
  }
}

beforeAll(async () => {
  const executablePath = chromiumBinary();
  gateway = await startTestGateway({ listen: true, adminApiKey: KEY });
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
}, 120000);

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
});

test('a wrong key is refused on the sign-in form', async () => {
  await page.goto(`${gateway.url}/console`);
  await page.fill('#key', `${KEY}x`);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#login-error:has-text("not valid")');
  expect(await page.isVisible('#live-view')).toBe(false);
});

test('signed in, the console shows an agent pausing and a dialect\'s call live; hung up from the console, the call ends and leaves its CDR', async () => {
  await page.fill('#key', KEY);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#status:has-text("live")');
  await page.waitForSelector('#agents tr[data-agent-id="1000"]');

  expect((await gateway.http.get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS: external_pause/);
  await page.waitForSelector('#agents tr[data-agent-id="1000"] [data-field="state"]:has-text("paused")');

  expect((await gateway.http.get(`${VOIPSUN}&action=originate&srcExtenInternalNum=100&dstNum=800123456`)).text).toContain('"success":"true"');
  const row = page.locator('#calls tr', { hasText: '800123456' });
  await row.waitFor({ timeout: 20000 });
  const callId = await row.getAttribute('data-call-id');
  expect(callId).toBeTruthy();
  // Both parties talking: the number dialled has answered.
  await page.waitForSelector(`#calls tr[data-call-id="${callId}"] li[data-leg-role="destination"][data-leg-state="up"]`, { timeout: 20000 });

  await page.click(`#calls tr[data-call-id="${callId}"] button[data-action="hangup"]`);
  await page.waitForSelector(`#calls tr[data-call-id="${callId}"]`, { state: 'detached', timeout: 20000 });
  await page.waitForSelector(`#cdrs tr[data-call-id="${callId}"]`, { timeout: 20000 });
  expect(await page.textContent('#action-error')).toBe('');
  const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId!)) ?? undefined, 10000, 'the CDR');
  expect(cdr.hangupSide).toBe('system');
  expect((await gateway.core.getCall(callId!))?.call.state).toBe('ended');
});

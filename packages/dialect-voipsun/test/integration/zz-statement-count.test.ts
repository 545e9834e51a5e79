import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';

let gateway: TestGateway;
beforeAll(async () => { gateway = await startTestGateway(); }, 60000);
afterAll(async () => { await gateway?.close(); });

const mark = (what: string) => process.stderr.write(`\n@@MARK ${what}\n`);

async function legs(): Promise<{ state: string; channel_name: string | null; role: string }[]> {
  return gateway.query("SELECT l.state, l.channel_name, l.role FROM legs l JOIN calls c ON c.id = l.call_id WHERE c.purpose = 'click_to_call' ORDER BY l.id");
}

test('count', async () => {
  for (let round = 0; round < 2; round++) {
    await gateway.core.idle();
    mark(`originate-${round}`);
    const r = await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenId=5&dstNum=800123456&checkExten=');
    process.stderr.write(`\n@@ANSWER ${r.text}\n`);
    await gateway.waitFor(async () => { const l = await legs(); return l.filter((x) => x.state === 'up').length === 2 ? true : undefined; }, 10000, 'up');
    await gateway.core.idle();
    const source = (await legs()).find((x) => x.role === 'source' && x.state === 'up')!;
    mark(`hangup-${round}`);
    const h = await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=${encodeURIComponent(source.channel_name!)}`);
    process.stderr.write(`\n@@ANSWER ${h.text}\n`);
    await gateway.waitFor(async () => { const l = await legs(); return l.every((x) => x.state === 'ended') ? true : undefined; }, 10000, 'ended');
    await gateway.core.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await gateway.core.idle();
    mark(`done-${round}`);
  }
}, 60000);

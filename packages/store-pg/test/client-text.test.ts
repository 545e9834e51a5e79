import { openStore, type OpenStore } from './fixtures';

/**
 * Text a client sent (`%00` in a query string) that Postgres would refuse in
 * text and jsonb columns is stored with U+FFFD in its place: the request that
 * carried it is carried out, not failed over one byte.
 */
describe('client text Postgres would refuse', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('an agent notification keeps its text and style', async () => {
    const stored = await ctx.store.direct.notifications.insert({
      recipient: '1000',
      recipientType: 'USER',
      showAt: new Date('2030-01-02T03:04:05Z'),
      text: 'call\u0000back',
      style: { size: 12, font: 'Arial\u0000', weight: 'bold', color: 'black' },
      confetti: null,
      retry: false,
      queuedBy: '6666',
      queuedAt: new Date('2030-01-02T03:04:05Z'),
    });
    expect(await ctx.store.direct.notifications.get(stored.id)).toMatchObject({ text: 'call\uFFFDback', style: { font: 'Arial\uFFFD' } });
  });
});

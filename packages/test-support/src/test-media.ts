/** Media lengths short enough for tests, long enough to pause and resume. */
export const TEST_MEDIA: Record<string, number> = {
  'ss-noservice': 1500,
  'demo-congrats': 1500,
  'hello-world': 800,
  'recordings/1/0/20180621/105/1406470': 1500,
};

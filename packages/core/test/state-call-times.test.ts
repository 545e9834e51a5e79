import { callTimeAllows, hoursForState, type CallTime, type StateCallTime } from '@pbx-gateway/core';

// Which hours hold for a number of a state: a call time's state rules, as
// VICIdial's dialable_gmt reads them.

const allDay: CallTime = { id: 'allday', name: '', defaultHours: { start: 0, stop: 2400 }, days: {}, stateRules: ['FL-noon', 'FL-morn', 'NY-rule'] };
const rule = (id: string, state: string, start: number, stop: number): StateCallTime => ({ id, state, name: '', defaultHours: { start, stop }, days: {} });
const RULES = [rule('FL-noon', 'FL', 1200, 1700), rule('FL-morn', 'FL', 800, 1100), rule('NY-rule', 'NY', 900, 1000), rule('TX-rule', 'TX', 900, 1000), rule('CA', 'CA', 0, 0)];

test('the last rule the call time names for that state holds', () => {
  expect(hoursForState(allDay, RULES, 'FL')).toBe(RULES[1]);
  expect(hoursForState({ ...allDay, stateRules: ['FL-morn', 'FL-noon'] }, RULES, 'FL')).toBe(RULES[0]);
  expect(hoursForState(allDay, RULES, 'NY')).toBe(RULES[2]);
});

test('a state without a rule of the call time, a rule it does not name, no state, or a state compared in another case: the call time\'s own hours', () => {
  expect(hoursForState(allDay, RULES, 'GA')).toBe(allDay);
  expect(hoursForState(allDay, RULES, 'TX')).toBe(allDay);
  expect(hoursForState(allDay, RULES, '')).toBe(allDay);
  expect(hoursForState(allDay, RULES, 'fl')).toBe(allDay);
  expect(hoursForState(allDay, [], 'FL')).toBe(allDay);
});

test('a rule with an id of two characters is not read (VICIdial needs three)', () => {
  const californian = { ...allDay, stateRules: ['CA'] };
  expect(hoursForState(californian, RULES, 'CA')).toBe(californian);
});

test('the rule\'s hours decide: its day\'s own, else its default ones', () => {
  const wednesdayTen = new Date('2026-07-15T10:00:00Z');
  expect(callTimeAllows(hoursForState(allDay, RULES, 'FL'), wednesdayTen)).toBe(true);
  expect(callTimeAllows(hoursForState({ ...allDay, stateRules: ['FL-morn', 'FL-noon'] }, RULES, 'FL'), wednesdayTen)).toBe(false);
  const wednesdays = { ...rule('FL-wed', 'FL', 0, 2400), days: { wednesday: { start: 1100, stop: 1200 } } };
  expect(callTimeAllows(hoursForState({ ...allDay, stateRules: ['FL-wed'] }, [wednesdays], 'FL'), wednesdayTen)).toBe(false);
});

import type { StatusEntry } from './dialer-sections';

type Flags = 'selectable' | 'humanAnswered' | 'sale' | 'scheduledCallback';

const status = (code: string, name: string, ...flags: Flags[]): StatusEntry => ({
  status: code,
  name,
  selectable: flags.includes('selectable'),
  humanAnswered: flags.includes('humanAnswered'),
  sale: flags.includes('sale'),
  scheduledCallback: flags.includes('scheduledCallback'),
});

/**
 * The system statuses a VICIdial installation ships with: the dispositions
 * agents pick (selectable) and those the dialer sets itself. CALLBK is the
 * one that schedules a callback; CBHOLD holds a lead while its callback waits.
 */
export const STANDARD_LEAD_STATUSES: readonly StatusEntry[] = [
  status('NEW', 'New Lead'),
  status('QUEUE', 'Lead To Be Called'),
  status('INCALL', 'Lead Being Called', 'humanAnswered'),
  status('DROP', 'Agent Not Available'),
  status('XDROP', 'Agent Not Available IN', 'humanAnswered'),
  status('NA', 'No Answer AutoDial'),
  status('CALLBK', 'Call Back', 'selectable', 'humanAnswered', 'scheduledCallback'),
  status('CBHOLD', 'Call Back Hold', 'humanAnswered'),
  status('A', 'Answering Machine', 'selectable'),
  status('AA', 'Answering Machine Auto'),
  status('AM', 'Answering Machine SentToMesg'),
  status('AL', 'Answering Machine Msg Played'),
  status('AFAX', 'Fax Machine Auto'),
  status('B', 'Busy', 'selectable'),
  status('AB', 'Busy Auto'),
  status('DC', 'Disconnected Number', 'selectable'),
  status('ADC', 'Disconnected Number Auto'),
  status('DEC', 'Declined Sale', 'selectable', 'humanAnswered'),
  status('DNC', 'DO NOT CALL', 'selectable', 'humanAnswered'),
  status('DNCL', 'DO NOT CALL Hopper Match'),
  status('DNCC', 'DO NOT CALL Hopper Camp Match'),
  status('SALE', 'Sale Made', 'selectable', 'humanAnswered', 'sale'),
  status('N', 'No Answer', 'selectable'),
  status('NI', 'Not Interested', 'selectable', 'humanAnswered'),
  status('NP', 'No Pitch No Price', 'selectable', 'humanAnswered'),
  status('PU', 'Call Picked Up'),
  status('PM', 'Played Message'),
  status('XFER', 'Call Transferred', 'selectable', 'humanAnswered'),
  status('ERI', 'Agent Error'),
  status('QVMAIL', 'Queue Abandon Voicemail Left'),
  status('RQXFER', 'Re-Queue', 'humanAnswered'),
  status('TIMEOT', 'Inbound Queue Timeout Drop', 'humanAnswered'),
  status('AFTHRS', 'Inbound After Hours Drop', 'humanAnswered'),
  status('NANQUE', 'Inbound No Agent No Queue Drop', 'humanAnswered'),
  status('PDROP', 'Outbound Pre-Routing Drop'),
  status('MAXCAL', 'Inbound Max Calls Drop', 'humanAnswered'),
];

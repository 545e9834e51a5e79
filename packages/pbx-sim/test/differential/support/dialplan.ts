/**
 * The contexts the scenarios dial through Local channels, as pbx-sim has
 * them built in: the oracle-* contexts of the golden traces and one that
 * enters the Stasis application from the dialplan. The real Asterisk runs the
 * project's configuration and gets these added to the run's site dialplan
 * (`oracle-wait` and `demo-playback` are in every run's site dialplan
 * already: test-support/asterisk/far-end-extensions.conf).
 */
export const DIFFERENTIAL_DIALPLAN = `
[oracle-answer]
exten => _X.,1,NoOp(\${CONTEXT} \${EXTEN})
 same => n,Answer()
 same => n,Echo()
 same => n,Hangup()

[oracle-ring]
exten => _X.,1,Ringing()
 same => n,Wait(60)

[oracle-busy]
exten => _X.,1,Busy(5)

[oracle-congestion]
exten => _X.,1,Congestion(5)

[oracle-stasis]
exten => _X.,1,NoOp()
 same => n,Stasis(diff,\${EXTEN},second)
 same => n,Hangup()
`;
